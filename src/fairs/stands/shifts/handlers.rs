//! Form endpoints of a stand's shifts: its company's employers add one (a representative, a
//! day, from and to, within the fair's hours) or take one away, while they may change the
//! stand. Every rule is checked here and again by the write.

use super::store::NewShift;
use super::{shifts_page, SHIFTS_FIELD};
use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::domain::lima_time::{lima_day_start, lima_moment};
use crate::error::{AppError, FieldErrors};
use crate::fairs::cards::when_text;
use crate::fairs::stands::handlers::{employer_and_stand, StandNamed};
use crate::fairs::stands::rules::{shift_problem, ShiftProblem};
use crate::i18n::{t, t_with, Key};
use crate::server::auth::now;
use crate::server::form_fields::value;
use crate::server::forms::{field, kept, read, render_again, render_conflict_at};
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::response::Response;

/// Adds a shift to the stand `?id=`. A failed form comes back with what was typed and each
/// problem on its field; nothing is stored.
pub async fn add_shift(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let lang = ui.lang;
    let (actor, stand) = match employer_and_stand(&state, &ui, StandNamed::InAddress).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    let id = stand.id;
    let (shifts, representatives) =
        tokio::join!(state.store.stand_shifts(id), state.store.representatives(stand.company_id));
    let (shifts, representatives) = (shifts?, representatives?);
    let mut errors = FieldErrors::default();
    // Only the company's own representatives: another account's number is a tampered form.
    let account = field(&fields, "representative")
        .parse::<i64>()
        .ok()
        .filter(|account| representatives.iter().any(|r| r.account_id == *account));
    if account.is_none() {
        errors.push("representative", t(lang, Key::shift_err_representative));
    }
    let day = value(&fields, "shift_on");
    let (mut starts, mut ends) = (None, None);
    if lima_day_start(day).is_none() {
        errors.push("shift_on", t(lang, Key::fair_err_date));
    } else {
        starts = lima_moment(day, value(&fields, "from_time"));
        ends = lima_moment(day, value(&fields, "to_time"));
        if starts.is_none() {
            errors.push("from_time", t(lang, Key::fair_err_time));
        }
        if ends.is_none() {
            errors.push("to_time", t(lang, Key::fair_err_time));
        }
    }
    let now = now();
    if let (Some(account), Some(starts), Some(ends)) = (account, starts, ends) {
        let others: Vec<(i64, i64)> =
            shifts.iter().filter(|s| s.account_id == account).map(|s| (s.starts_at, s.ends_at)).collect();
        match shift_problem(starts, ends, &stand.fair, now, &others) {
            None => {}
            Some(ShiftProblem::EndsBeforeStart) => errors.push("to_time", t(lang, Key::shift_err_ends_before)),
            Some(ShiftProblem::Past) => errors.push("to_time", t(lang, Key::shift_err_past)),
            Some(ShiftProblem::OutsideFair) => {
                let hours = when_text(lang, stand.fair.starts_at, stand.fair.ends_at);
                errors.push("shift_on", t_with(lang, Key::shift_err_outside, &[("hours", &hours)]))
            }
            Some(ShiftProblem::Overlaps) => errors.push("representative", t(lang, Key::shift_err_overlaps)),
        }
    }
    let (Some(account_id), Some(starts_at), Some(ends_at), true) = (account, starts, ends, errors.is_empty()) else {
        return Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await);
    };
    let shift = NewShift { stand_id: id, account_id, starts_at, ends_at, by: actor.account_id };
    match state.store.add_shift(&shift, now).await? {
        Some(shift_id) => {
            tracing::info!(shift_id, stand_id = id, by = actor.account_id, "stand shift added");
            Ok(see_other(&Notice::ShiftAdded.on(&shifts_page(id))))
        }
        // The stand, the fair or the person's shifts changed meanwhile: said on the form.
        None => {
            let mut errors = FieldErrors::default();
            errors.push("representative", t(lang, Key::stand_err_changed_meanwhile));
            Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await)
        }
    }
}

/// Takes a shift away (the form names the stand and the shift). One taken away meanwhile shows
/// the page again saying so, as `409`.
pub async fn remove_shift(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let (actor, stand) = match employer_and_stand(&state, &ui, StandNamed::InForm(&fields)).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    let id = stand.id;
    let shift_id = field(&fields, "shift").parse::<i64>().map_err(|_| AppError::NotFound)?;
    if state.store.remove_shift(shift_id, id, now()).await? {
        tracing::info!(shift_id, stand_id = id, by = actor.account_id, "stand shift removed");
        return Ok(see_other(&Notice::ShiftRemoved.on(&shifts_page(id))));
    }
    let mut errors = FieldErrors::default();
    errors.push(SHIFTS_FIELD, t(ui.lang, Key::stand_err_changed_meanwhile));
    Ok(render_conflict_at(&state, parts, &shifts_page(id), errors).await)
}
