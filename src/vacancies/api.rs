//! Server functions of vacancies: what their pages read. Each decides on the server who may
//! see what: a published (or closed) vacancy is public; a draft, its history and the
//! counsellor's comment are for its company's employers and its centre's counsellors only.

use super::search::{SearchQuery, SearchResults};
use super::wording::WordingFlag;
use super::workflow::Step;
use super::{Accommodation, Vacancy, VacancyEvent, VacancyReport, VacancySummary};
use crate::error::AppError;
use crate::organisations::{Centre, Company};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One vacancy as its page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VacancyView {
    pub vacancy: ShownVacancy,
    /// Its accommodations from the maintained list, in the list's order.
    pub accommodations: Vec<Accommodation>,
    /// The centre to contact about it.
    pub centre: Option<Centre>,
    /// For its employers and counsellors only.
    pub manage: Option<Management>,
    /// Its sign-language video, when it has one.
    pub video: Option<crate::media::SignVideo>,
}

/// A vacancy as its page shows it to whoever may read it; what the centre said to the employer
/// about it is in `Management`, for them alone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownVacancy {
    pub id: i64,
    pub draft: super::VacancyDraft,
    pub company_name: String,
    pub centre_name: String,
    pub status: super::VacancyStatus,
    pub created_at: i64,
    pub published_at: Option<i64>,
}

/// What the people responsible for a vacancy see and may do on its page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Management {
    /// What the centre said when it last returned the vacancy to the employer.
    pub review_comment: String,
    pub history: Vec<VacancyEvent>,
    /// The steps this person may take now, in workflow order.
    pub steps: Vec<Step>,
    pub may_edit: bool,
    pub company_verified: bool,
    /// The closing date has passed: nothing can be sent towards job seekers until it changes.
    pub closing_passed: bool,
    /// What the fair-wording rules find in it, for the employer to reconsider and the
    /// counsellor to weigh.
    pub flags: Vec<WordingFlag>,
}

/// The vacancy `id`. Not found for anyone else when it has not been published yet.
#[server(endpoint = "vacancies/view")]
pub async fn read_vacancy(id: i64) -> Result<VacancyView, AppError> {
    use super::workflow::{may_edit, may_manage, next_status};
    use super::VacancyStatus;
    let store = crate::server::state::store()?;
    let (vacancy, facts) = tokio::join!(store.vacancy(id), store.vacancy_facts(id));
    let (Some(vacancy), Some(facts)) = (vacancy?, facts?) else { return Err(AppError::NotFound) };
    let now = crate::server::auth::now();
    let actor = crate::server::auth::session::current().map(|current| current.actor);
    let manager = actor.filter(|actor| may_manage(actor, &facts));
    if manager.is_none() && !matches!(vacancy.status, VacancyStatus::Published | VacancyStatus::Closed) {
        return Err(AppError::NotFound);
    }
    let manage = match manager {
        Some(actor) => Some(Management {
            review_comment: vacancy.review_comment.clone(),
            history: store.vacancy_history(id).await?,
            steps: Step::ALL.into_iter().filter(|step| next_status(&actor, &facts, *step, now).is_ok()).collect(),
            may_edit: may_edit(&actor, &facts).is_ok(),
            company_verified: facts.company_verified,
            closing_passed: facts.closes_at <= now,
            flags: {
                let lang = use_context::<axum::http::request::Parts>()
                    .map(|parts| crate::server::plain_page::lang_of(&parts.headers))
                    .unwrap_or_default();
                crate::server::state::wording()?.check_draft(lang, &vacancy.draft)
            },
        }),
        None => None,
    };
    let (accommodations, centres, video) = tokio::join!(
        store.accommodations(),
        store.list_centres(),
        store.sign_video(crate::media::store::VideoOwner::Vacancy(id))
    );
    let accommodations =
        accommodations?.into_iter().filter(|a| vacancy.draft.accommodations.contains(&a.code)).collect();
    let centre = centres?.into_iter().find(|c| c.id == vacancy.draft.centre_id);
    let vacancy = ShownVacancy {
        id: vacancy.id,
        draft: vacancy.draft,
        company_name: vacancy.company_name,
        centre_name: vacancy.centre_name,
        status: vacancy.status,
        created_at: vacancy.created_at,
        published_at: vacancy.published_at,
    };
    Ok(VacancyView { vacancy, accommodations, centre, manage, video: video? })
}

/// What the vacancy form offers to choose from, and the vacancy being edited.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormChoices {
    pub accommodations: Vec<Accommodation>,
    pub centres: Vec<Centre>,
    /// The companies this person may write a vacancy for: an employer's own, or every
    /// company for a counsellor, who may post on a company's behalf.
    pub companies: Vec<Company>,
    /// The centre a counsellor works at, chosen for them by default.
    pub own_centre: Option<i64>,
    pub vacancy: Option<Vacancy>,
}

/// The choices of the vacancy form, and with `id` the vacancy to edit, if this person may.
#[server(endpoint = "vacancies/form-choices")]
pub async fn read_form_choices(id: Option<i64>) -> Result<FormChoices, AppError> {
    use crate::domain::Role;
    let current = crate::server::access::acting_as(&[Role::Employer, Role::Counsellor])?;
    let actor = current.actor;
    let store = crate::server::state::store()?;
    let vacancy = match id {
        Some(id) => {
            let facts = store.vacancy_facts(id).await?.ok_or(AppError::NotFound)?;
            super::workflow::may_edit(&actor, &facts).map_err(|refusal| refusal.as_error(&actor, &facts))?;
            Some(store.vacancy(id).await?.ok_or(AppError::NotFound)?)
        }
        None => None,
    };
    let (accommodations, centres, companies) =
        tokio::join!(store.accommodations(), store.list_centres(), store.list_companies());
    let counsellor = actor.has(Role::Counsellor);
    let own: Vec<i64> = actor.roles.iter().filter(|g| g.role == Role::Employer).filter_map(|g| g.company_id).collect();
    let companies = companies?.into_iter().filter(|c| counsellor || own.contains(&c.id)).collect();
    let own_centre = actor.roles.iter().find(|g| g.role == Role::Counsellor).and_then(|g| g.centre_id);
    Ok(FormChoices { accommodations: accommodations?, centres: centres?, companies, own_centre, vacancy })
}

/// One company's or centre's vacancies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VacancyList {
    pub name: String,
    /// For a centre: the vacancies waiting for its review, oldest first.
    pub waiting: Vec<VacancySummary>,
    /// For a centre: what people reported about its vacancies, not looked at yet.
    pub reports: Vec<VacancyReport>,
    pub vacancies: Vec<VacancySummary>,
}

/// The vacancies of the companies this person works for, and of the centres they counsel at.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyVacancies {
    pub companies: Vec<VacancyList>,
    pub centres: Vec<VacancyList>,
}

#[server(endpoint = "vacancies/mine")]
pub async fn read_my_vacancies() -> Result<MyVacancies, AppError> {
    use crate::domain::Role;
    let current = crate::server::access::acting_as(&[Role::Employer, Role::Counsellor])?;
    let store = crate::server::state::store()?;
    let (centres, companies) = tokio::join!(store.list_centres(), store.list_companies());
    let (centres, companies) = (centres?, companies?);
    let mut mine = MyVacancies::default();
    for grant in &current.actor.roles {
        match (grant.role, grant.company_id, grant.centre_id) {
            (Role::Employer, Some(company_id), _) => {
                let name = companies.iter().find(|c| c.id == company_id).map(|c| c.legal_name.clone());
                mine.companies.push(VacancyList {
                    name: name.unwrap_or_default(),
                    waiting: Vec::new(),
                    reports: Vec::new(),
                    vacancies: store.company_vacancies(company_id).await?,
                });
            }
            (Role::Counsellor, _, Some(centre_id)) => {
                let name = centres.iter().find(|c| c.id == centre_id).map(|c| c.name.clone());
                mine.centres.push(VacancyList {
                    name: name.unwrap_or_default(),
                    waiting: store.review_queue(centre_id).await?,
                    reports: store.open_reports(centre_id).await?,
                    vacancies: store.centre_vacancies(centre_id).await?,
                });
            }
            _ => {}
        }
    }
    Ok(mine)
}

/// What the search page shows: the search as understood, one page of results, and the
/// accommodations list (for the form's boxes and the results' names).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchView {
    pub query: SearchQuery,
    pub results: SearchResults,
    pub accommodations: Vec<Accommodation>,
}

/// The published vacancies that match the search in `address_query`: the search page's
/// query string, that is, its form's fields. Public: published vacancies are for everyone.
#[server(endpoint = "vacancies/search")]
pub async fn find_vacancies(address_query: String) -> Result<SearchView, AppError> {
    let store = crate::server::state::store()?;
    search(store.as_ref(), &address_query).await
}

/// Runs the search an address's query string asks for.
#[cfg(feature = "ssr")]
pub(crate) async fn search(store: &dyn crate::server::db::Store, address_query: &str) -> Result<SearchView, AppError> {
    let accommodations = store.accommodations().await?;
    let mut query = SearchQuery::from_pairs(&crate::ui::query_pairs(address_query));
    // A code that is not on the list (an old bookmark, a typo in an address) narrows nothing.
    query.accommodations.retain(|code| accommodations.iter().any(|a| &a.code == code));
    let results = store.search_vacancies(&query, crate::server::auth::now()).await?;
    Ok(SearchView { query, results, accommodations })
}

/// The slot of vacancy `id`, for whoever may change its text.
#[server(endpoint = "vacancies/video-slot")]
pub async fn read_video_slot(id: i64) -> Result<crate::media::slot_form::VideoSlot, AppError> {
    use crate::domain::Role;
    let current = crate::server::access::acting_as(&[Role::Employer, Role::Counsellor])?;
    let state = crate::server::state::app_state()?;
    let facts = state.store.vacancy_facts(id).await?.ok_or(AppError::NotFound)?;
    crate::vacancies::workflow::may_edit(&current.actor, &facts)
        .map_err(|refusal| refusal.as_error(&current.actor, &facts))?;
    let vacancy = state.store.vacancy(id).await?.ok_or(AppError::NotFound)?;
    crate::media::slot::slot_view(&state, crate::media::store::VideoOwner::Vacancy(id), vacancy.draft.title).await
}
