//! What the template pages read: the libraries a person may read, one template's version
//! whole, and the libraries a person writes into. Every answer is a view made for its reader:
//! what they may do with it is said here, from the rules, and the pages only show it.

#[cfg(feature = "ssr")]
use super::Library;
use super::{LibraryKind, QuestionDraft};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A library as pages name it: its kind and the centre's or company's name (none for the
/// national library).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryName {
    pub kind: LibraryKind,
    pub name: String,
}

/// A library one writes into, as a choice in a form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryChoice {
    /// [`Library::code`].
    pub value: String,
    pub library: LibraryName,
}

/// A template in a library's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateCard {
    pub id: i64,
    pub name: String,
    pub version: i64,
    pub skills: Vec<String>,
    pub sections: i64,
    pub questions: i64,
    /// The name of the template it was copied from.
    pub copied_from: Option<String>,
}

/// One library's templates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shelf {
    pub library: LibraryName,
    pub templates: Vec<TemplateCard>,
}

/// The libraries page: the templates the reader may read, by library, and whether they may
/// start one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateLibrary {
    pub shelves: Vec<Shelf>,
    pub may_create: bool,
}

/// Where a copy came from. The reader follows it only where they may read the original.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OriginView {
    pub template_id: Option<i64>,
    pub name: String,
    pub library: LibraryName,
    pub version: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionView {
    pub position: i64,
    pub draft: QuestionDraft,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionView {
    pub position: i64,
    pub title: String,
    pub questions: Vec<QuestionView>,
}

/// One version of a template, whole, for the staff who may read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateView {
    pub id: i64,
    pub library: LibraryName,
    pub copied_from: Option<OriginView>,
    pub version: i64,
    /// The template's current version.
    pub current: i64,
    /// An interview used this version: the next change makes a new one.
    pub in_use: bool,
    pub name: String,
    pub skills: Vec<String>,
    pub written_at: i64,
    pub sections: Vec<SectionView>,
    /// The reader changes this template (its current version only).
    pub may_write: bool,
    /// The libraries the reader may copy it into.
    pub copy_into: Vec<LibraryChoice>,
}

impl TemplateView {
    /// The section at `position`, if there is one.
    pub fn section(&self, position: i64) -> Option<&SectionView> {
        self.sections.iter().find(|s| s.position == position)
    }
}

/// The templates of every library the reader may read.
#[server(endpoint = "interviews/library")]
pub async fn read_template_library() -> Result<TemplateLibrary, AppError> {
    use super::store::Libraries;
    let (current, store) = reading::staff()?;
    let actor = &current.actor;
    let verified = reading::verified(&reading::own_companies(store.as_ref(), actor).await?);
    let companies: Vec<i64> = actor
        .roles
        .iter()
        .filter_map(|g| g.company_id)
        .filter(|id| super::rules::may_read(actor, Library::Company(*id)))
        .collect();
    let libraries = Libraries { shared: super::rules::may_read(actor, Library::National), companies };
    let mut shelves: Vec<Shelf> = Vec::new();
    for template in store.templates(&libraries).await? {
        let card = TemplateCard {
            id: template.id,
            name: template.name,
            version: template.version,
            skills: template.skills,
            sections: template.sections,
            questions: template.questions,
            copied_from: template.copied_from,
        };
        let library = LibraryName { kind: template.library.kind(), name: template.library_name };
        match shelves.last_mut() {
            Some(shelf) if shelf.library == library => shelf.templates.push(card),
            _ => shelves.push(Shelf { library, templates: vec![card] }),
        }
    }
    Ok(TemplateLibrary { shelves, may_create: !super::rules::own_libraries(actor, &verified).is_empty() })
}

/// Version `version` of template `id` (the current one when `None`), for a reader of its
/// library; anyone else is told it does not exist.
#[server(endpoint = "interviews/template")]
pub async fn read_template(id: i64, version: Option<i64>) -> Result<TemplateView, AppError> {
    use super::rules::{in_verified, may_copy, may_read, may_write, own_libraries};
    let (current, store) = reading::staff()?;
    let actor = &current.actor;
    let found = store.template(id, version).await?.ok_or(AppError::NotFound)?;
    if !may_read(actor, found.library) {
        return Err(AppError::NotFound);
    }
    let own = reading::own_companies(store.as_ref(), actor).await?;
    let verified = reading::verified(&own);
    let targets: Vec<Library> = own_libraries(actor, &verified)
        .into_iter()
        .filter(|&to| may_copy(actor, found.library, to, in_verified(to, &verified)))
        .collect();
    let copy_into = reading::library_choices(store.as_ref(), &targets, &own).await?;
    let copied_from = found.copied_from.map(|origin| OriginView {
        template_id: may_read(actor, origin.library).then_some(origin.template_id),
        name: origin.name,
        library: LibraryName { kind: origin.library.kind(), name: origin.library_name },
        version: origin.version,
    });
    Ok(TemplateView {
        id: found.id,
        library: LibraryName { kind: found.library.kind(), name: found.library_name },
        copied_from,
        version: found.version,
        current: found.current,
        in_use: found.in_use,
        name: found.name,
        skills: found.skills,
        written_at: found.written_at,
        sections: found
            .sections
            .into_iter()
            .map(|s| SectionView {
                position: s.position,
                title: s.title,
                questions: s
                    .questions
                    .into_iter()
                    .map(|q| QuestionView { position: q.position, draft: q.draft })
                    .collect(),
            })
            .collect(),
        may_write: may_write(actor, found.library, in_verified(found.library, &verified)),
        copy_into,
    })
}

/// The libraries the reader writes into, for the new-template form; none is `Forbidden`.
#[server(endpoint = "interviews/own-libraries")]
pub async fn read_own_libraries() -> Result<Vec<LibraryChoice>, AppError> {
    let (current, store) = reading::staff()?;
    let companies = reading::own_companies(store.as_ref(), &current.actor).await?;
    let own = super::rules::own_libraries(&current.actor, &reading::verified(&companies));
    if own.is_empty() {
        return Err(crate::server::access::refuse(AppError::Forbidden));
    }
    reading::library_choices(store.as_ref(), &own, &companies).await
}

#[cfg(feature = "ssr")]
pub(crate) mod reading {
    use super::{LibraryChoice, LibraryName};
    use crate::domain::{Actor, Role};
    use crate::error::AppError;
    use crate::interviews::Library;
    use crate::organisations::Company;
    use crate::server::auth::session::CurrentSession;
    use std::sync::Arc;

    /// Templates are for the people who interview and those who help them: admins,
    /// counsellors and employers.
    pub(crate) const STAFF: &[Role] = &[Role::Admin, Role::Counsellor, Role::Employer];

    pub(crate) fn staff() -> Result<(CurrentSession, Arc<dyn crate::server::db::Store>), AppError> {
        let current = crate::server::access::acting_as(STAFF)?;
        Ok((current, crate::server::state::store()?))
    }

    /// The companies `actor` acts for as an employer.
    pub(crate) async fn own_companies(
        store: &dyn crate::server::db::Store,
        actor: &Actor,
    ) -> Result<Vec<Company>, AppError> {
        if !actor.has(Role::Employer) {
            return Ok(Vec::new());
        }
        Ok(store.companies_of_account(actor.account_id).await?)
    }

    /// The ids of `companies` that are verified.
    pub(crate) fn verified(companies: &[Company]) -> Vec<i64> {
        companies.iter().filter(|c| c.verified).map(|c| c.id).collect()
    }

    /// `libraries` as form choices, with their centres' and companies' names (`companies` are
    /// the reader's own, the only ones they write into).
    pub(crate) async fn library_choices(
        store: &dyn crate::server::db::Store,
        libraries: &[Library],
        companies: &[Company],
    ) -> Result<Vec<LibraryChoice>, AppError> {
        let centres = if libraries.iter().any(|l| matches!(l, Library::Centre(_))) {
            store.list_centres().await?
        } else {
            Vec::new()
        };
        Ok(libraries
            .iter()
            .map(|&library| {
                let name = match library {
                    Library::National => String::new(),
                    Library::Centre(id) => {
                        centres.iter().find(|c| c.id == id).map(|c| c.name.clone()).unwrap_or_default()
                    }
                    Library::Company(id) => {
                        companies.iter().find(|c| c.id == id).map(|c| c.legal_name.clone()).unwrap_or_default()
                    }
                };
                LibraryChoice { value: library.code(), library: LibraryName { kind: library.kind(), name } }
            })
            .collect())
    }
}
