//! Ability-based interview templates (journey J5): what a person can do and how, asked with the
//! adjustments offered, instead of dwelling on a disability. Counsellors write them for their
//! centre, admins curate the national library, employers of verified companies copy one into
//! their company and adapt it; a template attached to a vacancy guides its interviews, and each
//! interview's record keeps the version it used.
//!
//! This folder holds the feature: its pure rules (who writes, reads and copies which library,
//! when an edit makes a new version, what a record's scores and notes may be) and the wording
//! rules its questions are checked against.

pub mod rules;
pub mod wording;

use crate::i18n::Key;

coded_enum!(
    /// Where a template lives, and so who writes it: the national library (admins), a centre's
    /// (its counsellors) or a company's (its employers).
    LibraryKind { National => "national", Centre => "centre", Company => "company" }
);

coded_enum!(
    /// What an interviewer offers so the person can show what they can do.
    Adjustment {
        ExtraTime => "extra_time",
        WrittenQuestions => "written_questions",
        LspInterpreter => "lsp_interpreter",
        Breaks => "breaks",
        Demonstration => "demonstration",
        SupportPerson => "support_person",
    }
);

impl Adjustment {
    pub fn label(self) -> Key {
        match self {
            Adjustment::ExtraTime => Key::interview_adjustment_extra_time,
            Adjustment::WrittenQuestions => Key::interview_adjustment_written_questions,
            Adjustment::LspInterpreter => Key::interview_adjustment_lsp_interpreter,
            Adjustment::Breaks => Key::interview_adjustment_breaks,
            Adjustment::Demonstration => Key::interview_adjustment_demonstration,
            Adjustment::SupportPerson => Key::interview_adjustment_support_person,
        }
    }
}

/// One library: the national one, or a centre's or a company's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Library {
    National,
    Centre(i64),
    Company(i64),
}

impl Library {
    pub fn kind(self) -> LibraryKind {
        match self {
            Library::National => LibraryKind::National,
            Library::Centre(_) => LibraryKind::Centre,
            Library::Company(_) => LibraryKind::Company,
        }
    }

    /// How it is stored: its kind and the organisation it belongs to.
    pub fn parts(self) -> (LibraryKind, Option<i64>) {
        match self {
            Library::National => (LibraryKind::National, None),
            Library::Centre(id) | Library::Company(id) => (self.kind(), Some(id)),
        }
    }

    /// Back from how it is stored; `None` when the parts do not make one.
    pub fn from_parts(kind: LibraryKind, owner: Option<i64>) -> Option<Library> {
        match (kind, owner) {
            (LibraryKind::National, None) => Some(Library::National),
            (LibraryKind::Centre, Some(id)) => Some(Library::Centre(id)),
            (LibraryKind::Company, Some(id)) => Some(Library::Company(id)),
            _ => None,
        }
    }
}

/// A scoring guide has this many levels, 1 (lowest) to 4, each described in words.
pub const LEVELS: usize = 4;
/// The longest a template's name, a section's title or a question may be, in characters.
pub const MAX_SHORT_CHARS: usize = 200;
/// The longest an easy-read variant, a good answer or a level's description may be.
pub const MAX_TEXT_CHARS: usize = 1_000;
/// The longest a note on one question may be.
pub const MAX_NOTE_CHARS: usize = 2_000;
/// The longest a record's overall summary may be.
pub const MAX_SUMMARY_CHARS: usize = 4_000;
/// The most sections a template has, and questions a section has.
pub const MAX_SECTIONS: usize = 12;
pub const MAX_QUESTIONS: usize = 12;
