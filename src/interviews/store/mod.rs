//! Storage of interview templates: libraries, numbered versions and copies. A change goes to
//! the current version while no interview has used it, and otherwise to a new version made of
//! it in the same transaction; a change sent against a version that is no longer current
//! changes nothing. Sections and questions are addressed by their place (from 1), which a new
//! version keeps.
//!
//! `rows.rs` reads the rows into these types; `templates.rs` is the SQL of [`TemplateStore`],
//! `records.rs` the interview records' storage.

mod records;
mod rows;
mod templates;

pub use records::*;
pub(crate) use rows::*;
pub(crate) use templates::{bind_draft, copy_content, impl_template_store, put_question, run};

use super::{Library, QuestionDraft};
use crate::server::db::DbResult;
use async_trait::async_trait;

/// A template to create, already checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewTemplate<'a> {
    pub library: Library,
    pub name: &'a str,
    pub skills: &'a [String],
    pub by: i64,
}

/// One change to a template, sent against the version its writer saw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change<'a> {
    /// Its name and the skills it fits.
    Head {
        name: &'a str,
        skills: &'a [String],
    },
    AddSection {
        title: &'a str,
    },
    RenameSection {
        section: i64,
        title: &'a str,
    },
    RemoveSection {
        section: i64,
    },
    AddQuestion {
        section: i64,
        draft: &'a QuestionDraft,
    },
    EditQuestion {
        section: i64,
        question: i64,
        draft: &'a QuestionDraft,
    },
    RemoveQuestion {
        section: i64,
        question: i64,
    },
}

/// What became of a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Changed {
    /// Kept in version `version`: the one sent, or a new one made of it (`new_version`)
    /// because an interview had used it.
    Saved { version: i64, new_version: bool },
    /// The version sent is not the current one, `current` is: nothing changed.
    Stale { current: i64 },
    /// The section or question sent is not in the version: nothing changed.
    NotThere,
    /// The template has its most sections, or the section its most questions.
    Full,
}

/// Where a copy came from: the template, its library and the version copied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub template_id: i64,
    pub library: Library,
    pub library_name: String,
    pub version: i64,
    pub name: String,
}

/// A template's question as stored, with its place in its section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredQuestion {
    pub id: i64,
    pub position: i64,
    pub draft: QuestionDraft,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredSection {
    pub position: i64,
    pub title: String,
    pub questions: Vec<StoredQuestion>,
}

/// One version of a template, whole, with what its pages need around it. Never sent as it is:
/// the server functions make a view of it for each reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredTemplate {
    pub id: i64,
    pub library: Library,
    /// The centre's or company's name; empty for the national library.
    pub library_name: String,
    pub copied_from: Option<Origin>,
    pub version_id: i64,
    pub version: i64,
    /// The template's highest version number.
    pub current: i64,
    /// An interview used this version: a change makes a new one.
    pub in_use: bool,
    pub name: String,
    pub skills: Vec<String>,
    pub written_by: Option<String>,
    pub written_at: i64,
    pub sections: Vec<StoredSection>,
}

/// A template in a library's list: its current version's name and size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateSummary {
    pub id: i64,
    pub library: Library,
    pub library_name: String,
    pub name: String,
    pub version: i64,
    pub skills: Vec<String>,
    pub sections: i64,
    pub questions: i64,
    pub copied_from: Option<String>,
}

/// Which libraries a list reads: the shared ones (national and centres') and these companies'.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Libraries {
    pub shared: bool,
    pub companies: Vec<i64>,
}

#[async_trait]
pub trait TemplateStore: Send + Sync + 'static {
    /// Creates a template with an empty version 1.
    async fn create_template(&self, new: &NewTemplate<'_>, now: i64) -> DbResult<i64>;

    /// Copies version `from_version` (its id) into a new template of `to`, version 1, which
    /// says where it came from; `None` if there is no such version.
    async fn copy_template(&self, from_version: i64, to: Library, by: i64, now: i64) -> DbResult<Option<i64>>;

    /// Applies `change` to template `template_id`, whose current version its writer saw as
    /// `seen` (see [`Changed`]); `None` if there is no such template.
    async fn change_template(
        &self,
        template_id: i64,
        seen: i64,
        change: &Change<'_>,
        by: i64,
        now: i64,
    ) -> DbResult<Option<Changed>>;

    /// Version `version` of a template (its number; the current one when `None`), whole.
    async fn template(&self, template_id: i64, version: Option<i64>) -> DbResult<Option<StoredTemplate>>;

    /// A version by its id, whole: the one an interview record keeps.
    async fn template_version(&self, version_id: i64) -> DbResult<Option<StoredTemplate>>;

    /// The templates of `libraries`, the national library first, then by library and name.
    async fn templates(&self, libraries: &Libraries) -> DbResult<Vec<TemplateSummary>>;
}
