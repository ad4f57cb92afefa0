//! The form endpoint of the register: a counsellor registering a person who is with them,
//! consents recorded as given in person (the person confirms them on first signing in).

use super::consent::RecordedBy;
use super::fields::read_registration;
use super::seeker_path;
use crate::accounts::Role;
use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, Key};
use crate::server::auth::now;
use crate::server::db::seekers::{ConsentGiven, NewSeeker};
use crate::server::db::DbError;
use crate::server::forms::{read, render_again};
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::response::{IntoResponse, Response};

/// The fields a failed form gives back: all of them, since none is secret.
fn kept(fields: &[(String, String)]) -> Vec<(String, String)> {
    fields.iter().filter(|(k, _)| k != crate::components::form::CSRF_FIELD).cloned().collect()
}

pub async fn register_seeker(State(state): State<AppState>, request: Request) -> Response {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.clone() else { return plain_page::sign_in_first(super::REGISTER_SEEKER_PATH) };
    let Some(centre) = actor.roles.iter().find(|g| g.role == Role::Counsellor).and_then(|g| g.centre_id) else {
        return plain_page::forbidden(ui.lang);
    };
    let now = now();
    let today = crate::domain::lima_time::lima_date(now);
    let mut errors = FieldErrors::default();
    let Some(registration) = read_registration(ui.lang, &fields, &today, &mut errors) else {
        return render_again(&state, parts, FormState { values: kept(&fields), errors }).await;
    };
    // The same person registered already: said on the document field, with what to do — and
    // nothing of their profile.
    let duplicate = |centre_of_other: Option<i64>| {
        let key = if centre_of_other == Some(centre) {
            Key::seeker_err_duplicate_here
        } else {
            Key::seeker_err_duplicate_elsewhere
        };
        let mut errors = FieldErrors::default();
        errors.push("document_number", t(ui.lang, key));
        FormState { values: kept(&fields), errors }
    };
    match state.store.seeker_with_document(&registration.personal.document).await {
        Ok(Some(other)) => return render_again(&state, parts, duplicate(other.centre_id)).await,
        Ok(None) => {}
        Err(err) => return AppError::from(err).into_response(),
    }
    let seeker = NewSeeker {
        personal: registration.personal.clone(),
        account_id: None,
        centre_id: Some(centre),
        education: registration.education,
        skills: registration.skills.clone(),
    };
    let given = ConsentGiven { by: RecordedBy::Counsellor, recorder_id: actor.account_id, at: now };
    match state.store.register_seeker(&seeker, &registration.consents, given).await {
        Ok(id) => {
            tracing::info!(seeker_id = id, by = actor.account_id, "person registered by a counsellor");
            see_other(&Notice::SeekerRegistered.on(&seeker_path(id)))
        }
        // Registered a moment ago by someone else.
        Err(DbError::Conflict(_)) => {
            let other = state.store.seeker_with_document(&registration.personal.document).await.ok().flatten();
            render_again(&state, parts, duplicate(other.and_then(|o| o.centre_id))).await
        }
        Err(err) => AppError::from(err).into_response(),
    }
}
