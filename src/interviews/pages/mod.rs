//! The pages of interview templates, rendering only: the libraries, one template (also
//! printed), and the forms that start and change one. Each reads through `api.rs`.

mod forms;
mod library;
mod template;

pub use forms::{HeadFormPage, NewTemplatePage, QuestionFormPage, SectionFormPage};
pub use library::TemplateLibraryPage;
pub use template::TemplatePage;

use super::api::LibraryName;
use super::LibraryKind;
use crate::i18n::{t, t_with, Key, Lang};

/// A library's name as pages say it.
pub(crate) fn library_label(lang: Lang, library: &LibraryName) -> String {
    match library.kind {
        LibraryKind::National => t(lang, Key::template_library_national).to_string(),
        LibraryKind::Centre | LibraryKind::Company => {
            t_with(lang, Key::template_library_of, &[("name", &library.name)])
        }
    }
}
