//! The server functions of casework: a person's case file (outcomes and notes) on their
//! page, and the outcome form.

use super::{CaseNote, RecordedOutcome};
use crate::error::AppError;
use crate::vacancies::WorkingHours;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A person's case file as their page shows it, to the person and to their centre.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseFile {
    /// Newest first; the first is in force.
    pub outcomes: Vec<RecordedOutcome>,
    /// Newest first.
    pub notes: Vec<CaseNote>,
    /// The reader counsels at the centre that follows the person: adds notes and outcomes.
    pub counsels: bool,
}

/// The case file of person `seeker` (`None`: the signed-in person's own), for them and for a
/// counsellor of the centre that follows them; not found for anyone else.
#[server(endpoint = "casework/case-file")]
pub async fn read_case_file(seeker: Option<i64>) -> Result<CaseFile, AppError> {
    use crate::seekers::visibility::Viewer;
    let current = crate::server::access::signed_in()?;
    let store = crate::server::state::store()?;
    let seeker = match seeker {
        Some(id) => id,
        None => store.seeker_of_account(current.actor.account_id).await?.ok_or(AppError::NotFound)?,
    };
    let profile = store.seeker(seeker).await?.ok_or(AppError::NotFound)?;
    let viewer = crate::seekers::api::viewer_of(&current.actor, &profile);
    if !matches!(viewer, Viewer::Themselves | Viewer::CentreCounsellor) {
        return Err(AppError::NotFound);
    }
    let (outcomes, notes) = tokio::join!(store.outcomes(seeker), store.case_notes(seeker));
    Ok(CaseFile { outcomes: outcomes?, notes: notes?, counsels: viewer == Viewer::CentreCounsellor })
}

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
    let profile = crate::seekers::api::follows(store.as_ref(), &current.actor, id).await?;
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
