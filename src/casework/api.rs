//! The server function of the outcome form.

use super::RecordedOutcome;
use crate::error::AppError;
use crate::vacancies::WorkingHours;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the outcome form starts from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeForm {
    pub seeker_id: i64,
    pub full_name: String,
    /// From the application the placement came from: the employer, the job and its hours.
    pub from_application: Option<(i64, String, String, WorkingHours)>,
    pub outcomes: Vec<RecordedOutcome>,
}

/// The outcome form of person `id`, for a counsellor of the centre that follows them;
/// `application` (one of theirs) fills in the job.
#[server(endpoint = "casework/outcome-form")]
pub async fn read_outcome_form(id: i64, application: Option<i64>) -> Result<OutcomeForm, AppError> {
    let current = crate::server::access::signed_in()?;
    let store = crate::server::state::store()?;
    let profile = follows(store.as_ref(), &current.actor, id).await?;
    let from_application = match application {
        Some(application) => Some(from_application(store.as_ref(), id, application).await?),
        None => None,
    };
    Ok(OutcomeForm {
        seeker_id: id,
        full_name: profile.personal.full_name,
        from_application,
        outcomes: store.outcomes(id).await?,
    })
}

/// The profile of person `id` when `actor` counsels at the centre that follows them; not
/// found for anyone else.
#[cfg(feature = "ssr")]
pub async fn follows(
    store: &dyn crate::server::db::Store,
    actor: &crate::domain::Actor,
    id: i64,
) -> Result<crate::seekers::SeekerProfile, AppError> {
    let profile = store.seeker(id).await?.ok_or(AppError::NotFound)?;
    match crate::seekers::api::viewer_of(actor, &profile) {
        crate::seekers::visibility::Viewer::CentreCounsellor => Ok(profile),
        _ => Err(AppError::NotFound),
    }
}

/// The job of one of person `seeker`'s applications: `(application, employer, job title,
/// hours)`; not found when the application is not theirs.
#[cfg(feature = "ssr")]
pub async fn from_application(
    store: &dyn crate::server::db::Store,
    seeker: i64,
    application: i64,
) -> Result<(i64, String, String, WorkingHours), AppError> {
    let found = store.application(application).await?.filter(|a| a.seeker_id == Some(seeker));
    let Some(found) = found else { return Err(AppError::NotFound) };
    let hours = store.vacancy(found.vacancy_id).await?.map(|v| v.draft.hours).unwrap_or(WorkingHours::FullTime);
    Ok((found.id, found.company_name, found.vacancy_title, hours))
}
