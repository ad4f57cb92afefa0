//! Who may change and who may see a vacancy's sign-language video: whoever may change the
//! vacancy's text changes it; whoever may see the vacancy watches it. The endpoints are every
//! slot's (`media::slot`).

use crate::components::notice::Notice;
use crate::domain::{Actor, Role};
use crate::error::AppError;
use crate::media::slot::Owners;
use crate::media::store::VideoOwner;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use crate::vacancies::workflow::{may_edit, may_manage, Facts, Refusal};
use crate::vacancies::{vacancy_path, VacancyStatus};
use axum::response::{IntoResponse, Response};

/// Vacancies, as owners of videos.
pub struct VacancyVideos;

impl Owners for VacancyVideos {
    const CHANGERS: &'static [Role] = &[Role::Employer, Role::Counsellor];
    const FIELD: &'static str = "vacancy";

    fn slot(id: i64) -> VideoOwner {
        VideoOwner::Vacancy(id)
    }

    fn page(id: i64) -> String {
        vacancy_path(id)
    }

    async fn may_change(state: &AppState, actor: &Actor, id: i64) -> Result<(), Response> {
        let facts = vacancy_facts(state, id).await.map_err(|err| err.into_response())?;
        match may_edit(actor, &facts) {
            Ok(()) => Ok(()),
            Err(refusal @ Refusal::NotYours) => Err(refusal.as_error(actor, &facts).into_response()),
            Err(_) => Err(see_other(&Notice::VacancyMoved.on(&vacancy_path(id)))),
        }
    }

    /// Anyone once it is published or closed, its company's employers and its centre's
    /// counsellors before.
    async fn may_see(state: &AppState, ui: &Ui, id: i64) -> Result<(), AppError> {
        let facts = vacancy_facts(state, id).await?;
        let public = matches!(facts.status, VacancyStatus::Published | VacancyStatus::Closed);
        if public || ui.actor.as_ref().is_some_and(|actor| may_manage(actor, &facts)) {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    }
}

async fn vacancy_facts(state: &AppState, id: i64) -> Result<Facts, AppError> {
    state.store.vacancy_facts(id).await?.ok_or(AppError::NotFound)
}
