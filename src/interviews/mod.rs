//! Ability-based interview templates (journey J5): what a person can do and how, asked with the
//! adjustments offered, instead of dwelling on a disability. Counsellors write them for their
//! centre, admins curate the national library, employers of verified companies copy one into
//! their company and adapt it; a template attached to a vacancy guides its interviews, and each
//! interview's record keeps the version it used.
//!
//! This folder holds the feature: `rules.rs` its pure rules (who writes, reads and copies which
//! library, when an edit makes a new version, what a record's scores and notes may be),
//! `wording.rs` the wording rules its questions are checked against, `api.rs` what its pages
//! read, `pages/` the pages, `handlers.rs` the form posts and `store/` the storage;
//! `records/` is a template in use (a vacancy's, its interview records, the candidate's page).

pub mod api;
#[cfg(feature = "ssr")]
pub mod handlers;
pub mod pages;
pub mod records;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;
pub mod wording;

use crate::i18n::Key;

/// The libraries of templates a person may read.
pub const TEMPLATES_PATH: &str = "/entrevistas";
/// Where a template is started (and the form posts).
pub const NEW_TEMPLATE_PATH: &str = "/entrevistas/nueva";
/// One template: `?id=`, and `&version=` for an earlier version.
pub const TEMPLATE_PATH: &str = "/entrevistas/plantilla";
/// A template's name and skills: `?id=`; the form posts here.
pub const TEMPLATE_HEAD_PATH: &str = "/entrevistas/plantilla/datos";
/// A section's title: `?id=` and `&seccion=` (none for a new section); the form posts here.
pub const SECTION_PATH: &str = "/entrevistas/plantilla/seccion";
pub const SECTION_REMOVE_PATH: &str = "/entrevistas/plantilla/seccion/quitar";
/// A question: `?id=`, `&seccion=` and `&pregunta=` (none for a new one); the form posts here.
pub const QUESTION_PATH: &str = "/entrevistas/plantilla/pregunta";
pub const QUESTION_REMOVE_PATH: &str = "/entrevistas/plantilla/pregunta/quitar";
/// Where "copy and adapt" posts.
pub const COPY_PATH: &str = "/entrevistas/plantilla/copiar";

pub fn template_path(id: i64) -> String {
    format!("{TEMPLATE_PATH}?id={id}")
}

pub fn version_path(id: i64, version: i64) -> String {
    format!("{TEMPLATE_PATH}?id={id}&version={version}")
}

pub fn head_path(id: i64) -> String {
    format!("{TEMPLATE_HEAD_PATH}?id={id}")
}

/// The form of section `section` of template `id`, or of a new section.
pub fn section_path(id: i64, section: Option<i64>) -> String {
    match section {
        Some(section) => format!("{SECTION_PATH}?id={id}&seccion={section}"),
        None => format!("{SECTION_PATH}?id={id}"),
    }
}

/// The form of question `question` of a section, or of a new question in it.
pub fn question_path(id: i64, section: i64, question: Option<i64>) -> String {
    match question {
        Some(question) => format!("{QUESTION_PATH}?id={id}&seccion={section}&pregunta={question}"),
        None => format!("{QUESTION_PATH}?id={id}&seccion={section}"),
    }
}

/// The form fields of a template and its parts.
pub mod field {
    pub const LIBRARY: &str = "library";
    pub const NAME: &str = "name";
    pub const SKILLS: &str = "skills";
    pub const TITLE: &str = "title";
    pub const QUESTION: &str = "question";
    pub const EASY_READ: &str = "easy_read";
    pub const GOOD_ANSWER: &str = "good_answer";
    pub const LEVELS: [&str; super::LEVELS] = ["level_1", "level_2", "level_3", "level_4"];
    pub const ADJUSTMENT: &str = "adjustment";
    pub const INTO: &str = "into";
}

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

    /// How forms name it: `national`, `centre-3`, `company-7`.
    pub fn code(self) -> String {
        match self.parts() {
            (kind, None) => kind.code().to_string(),
            (kind, Some(id)) => format!("{}-{id}", kind.code()),
        }
    }

    /// Back from [`Library::code`]; `None` for anything else.
    pub fn parse(code: &str) -> Option<Library> {
        let (kind, owner) = match code.split_once('-') {
            Some((kind, id)) => (kind, Some(id.parse::<i64>().ok()?)),
            None => (code, None),
        };
        Library::from_parts(LibraryKind::from_code(kind)?, owner)
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

/// One question of a template, as its writer gives it (already checked).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct QuestionDraft {
    /// The question in plain language.
    pub question: String,
    /// The same question in easy read.
    pub easy_read: String,
    /// What a good answer shows.
    pub good_answer: String,
    /// The scoring guide: what each level looks like, level 1 first.
    pub levels: [String; LEVELS],
    /// What the interviewer should offer with it, in the list's order.
    pub adjustments: Vec<Adjustment>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_library_is_named_in_forms_and_read_back_from_its_name_only() {
        for library in [Library::National, Library::Centre(3), Library::Company(70)] {
            assert_eq!(Library::parse(&library.code()), Some(library));
            assert_eq!(Library::from_parts(library.parts().0, library.parts().1), Some(library));
        }
        assert_eq!(Library::Company(70).code(), "company-70");
        for wrong in ["", "national-3", "centre", "centre-x", "company-", "school-3", "Centre-3"] {
            assert_eq!(Library::parse(wrong), None, "{wrong}");
        }
        assert_eq!(Library::from_parts(LibraryKind::National, Some(1)), None);
        assert_eq!(Library::from_parts(LibraryKind::Company, None), None);
    }
}
