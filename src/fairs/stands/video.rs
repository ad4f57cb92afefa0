//! Who may change and who may see a stand's sign-language introduction video: its company's
//! employers change it while they may change the stand; whoever may see the stand watches it.
//! The endpoints are every slot's (`media::slot`).

use super::handlers::changeable;
use super::rules::{acts_for, is_public};
use super::stand_path;
use crate::domain::{Actor, Role};
use crate::error::AppError;
use crate::fairs::rules::{may_manage, phase};
use crate::media::slot::Owners;
use crate::media::store::VideoOwner;
use crate::server::auth::now;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::response::Response;

/// Stands, as owners of videos.
pub struct StandVideos;

impl Owners for StandVideos {
    const CHANGERS: &'static [Role] = &[Role::Employer];
    const FIELD: &'static str = "stand";

    fn slot(id: i64) -> VideoOwner {
        VideoOwner::Stand(id)
    }

    fn page(id: i64) -> String {
        stand_path(id)
    }

    async fn may_change(state: &AppState, actor: &Actor, id: i64) -> Result<(), Response> {
        changeable(state, actor, id).await.map(|_| ())
    }

    /// Everyone once the stand is public; its company and the fair's organisers before.
    async fn may_see(state: &AppState, ui: &Ui, id: i64) -> Result<(), AppError> {
        let stand = state.store.stand(id).await?.ok_or(AppError::NotFound)?;
        let insider = ui
            .actor
            .as_ref()
            .is_some_and(|actor| acts_for(actor, stand.company_id) || may_manage(actor, stand.fair.centre_id));
        if is_public(stand.status, phase(&stand.fair, now())) || insider {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    }
}
