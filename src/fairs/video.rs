//! Who may change and who may see a fair's sign-language video: its organisers change it while
//! they may change the fair; whoever may see the fair watches it. The endpoints are every
//! slot's (`media::slot`).

use super::fair_path;
use super::rules::{may_edit, may_manage, phase, Refusal};
use crate::components::notice::Notice;
use crate::domain::{Actor, Role};
use crate::error::AppError;
use crate::media::slot::Owners;
use crate::media::store::VideoOwner;
use crate::server::auth::now;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::response::{IntoResponse, Response};

/// Fairs, as owners of videos.
pub struct FairVideos;

impl Owners for FairVideos {
    const CHANGERS: &'static [Role] = &[Role::Counsellor];
    const FIELD: &'static str = "fair";

    fn slot(id: i64) -> VideoOwner {
        VideoOwner::Fair(id)
    }

    fn page(id: i64) -> String {
        fair_path(id)
    }

    async fn may_change(state: &AppState, actor: &Actor, id: i64) -> Result<(), Response> {
        let facts = fair_facts(state, id).await.map_err(|err| err.into_response())?;
        match may_edit(actor, &facts, now()) {
            Ok(()) => Ok(()),
            Err(Refusal::NotYours) => Err(AppError::NotFound.into_response()),
            // Over or cancelled: its page says how it stands.
            Err(_) => Err(see_other(&Notice::FairMoved.on(&fair_path(id)))),
        }
    }

    /// Anyone once the fair is published, its organisers before.
    async fn may_see(state: &AppState, ui: &Ui, id: i64) -> Result<(), AppError> {
        let facts = fair_facts(state, id).await?;
        let organiser = ui.actor.as_ref().is_some_and(|actor| may_manage(actor, facts.centre_id));
        if phase(&facts, now()).is_public() || organiser {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    }
}

async fn fair_facts(state: &AppState, id: i64) -> Result<super::rules::Facts, AppError> {
    state.store.fair_facts(id).await?.ok_or(AppError::NotFound)
}
