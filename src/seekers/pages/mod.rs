//! The register's pages, one file each: a counsellor's caseload and registration of a person,
//! a profile as its viewer may see it, its steps, the CV, the consent sheet and its claim,
//! deleting a profile. Shared here: how a document type reads, and the counsellor-only gate.

pub mod caseload;
pub mod claim;
pub mod cv;
pub mod delete;
pub mod details;
pub mod disability;
pub mod history;
pub mod languages;
pub mod profile;
pub mod register;

pub use caseload::CaseloadPage;
pub use delete::DeleteProfilePage;
pub use disability::DisabilityPage;
pub use profile::{FollowUp, MyProfilePage, ProfileParts, Reader, SeekerPage};
pub use register::RegisterSeekerPage;

use crate::components::status_page::ErrorPage;
use crate::domain::DocumentType;
use crate::domain::Role;
use crate::i18n::{t, Key, Lang};
use leptos::prelude::*;

pub(crate) fn document_label(lang: Lang, kind: DocumentType) -> &'static str {
    t(
        lang,
        match kind {
            DocumentType::Dni => Key::document_dni,
            DocumentType::ForeignerCard => Key::document_ce,
            DocumentType::Passport => Key::document_passport,
        },
    )
}

/// Counsellors only; anyone else is told so.
fn counsellor_only(ui: &crate::ui::Ui) -> Option<AnyView> {
    (!ui.actor.as_ref().is_some_and(|a| a.has(Role::Counsellor)))
        .then(|| view! { <ErrorPage error=crate::error::AppError::Forbidden /> }.into_any())
}
