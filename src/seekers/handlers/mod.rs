//! The register's form endpoints, one file per part of the profile: registering and claiming
//! (`register`), the profile's own steps and consents (`profile`), work history (`history`),
//! the uploaded CV (`cv`); `fields` reads the forms. Shared here: whose profile a step's post
//! changes.

pub mod cv;
pub mod fields;
pub mod history;
pub mod profile;
pub mod register;

use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::response::{IntoResponse, Response};

/// Whose profile a step's form post at `base` changes: the poster's own, or with `?persona=`
/// that of the person they act for; with the step list as they see it. `Err` is the answer
/// already: sign in first, make a profile first, or not found.
pub(super) async fn step_profile(
    state: &AppState,
    ui: &Ui,
    base: &str,
) -> Result<(crate::seekers::SeekerProfile, crate::seekers::steps::ProfileProgress), Response> {
    use crate::seekers::consent::ConsentKind;
    let persona = ui.query_id("persona");
    let Some(actor) = ui.actor.as_ref() else {
        return Err(plain_page::sign_in_first(&crate::seekers::step_path(base, persona)));
    };
    match crate::seekers::api::acting_as(state.store.as_ref(), actor, persona).await {
        Ok(Some((profile, consents, acting))) => {
            let is_self = acting == crate::seekers::visibility::Acting::Themselves;
            let progress = crate::seekers::steps::ProfileProgress::of(
                &profile,
                is_self,
                consents.in_force.has(ConsentKind::DisabilityData),
            );
            Ok((profile, progress))
        }
        Ok(None) => Err(see_other(crate::seekers::MY_PROFILE_PATH)),
        Err(err) => Err(err.into_response()),
    }
}
