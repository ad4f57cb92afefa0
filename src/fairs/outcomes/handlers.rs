//! Form endpoint of a fair's outcomes: an organiser marks whether a registered person came
//! (the form names the fair and the registration), once the fair has begun.

use super::rules::marks_attendance;
use super::CAME;
use crate::components::notice::Notice;
use crate::error::{AppError, FieldErrors};
use crate::fairs::handlers::organiser_and_fair;
use crate::fairs::registrations::registrations_page;
use crate::fairs::rules::phase;
use crate::server::auth::now;
use crate::server::forms::{field, read};
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::response::Response;

pub async fn mark_attendance(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let (actor, fair) = match organiser_and_fair(&state, &ui, &fields).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    let fair_id = fair.id;
    let at = now();
    // The list offers the mark only then: a form from before the fair began.
    if !marks_attendance(phase(&fair.facts(), at)) {
        return Err(AppError::Conflict(FieldErrors::default()));
    }
    let registration = field(&fields, "registration").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let came = field(&fields, "came") == CAME;
    if !state.store.mark_attendance(fair_id, registration, came, actor.account_id, at).await? {
        // Cancelled meanwhile, or not of this fair.
        return Err(AppError::NotFound);
    }
    tracing::info!(fair_id, registration, came, by = actor.account_id, "fair attendance marked");
    let notice = if came { Notice::AttendanceMarked } else { Notice::AttendanceUnmarked };
    Ok(see_other(&format!("{}#{}", notice.on(&registrations_page(fair_id)), super::attendance_anchor(registration))))
}
