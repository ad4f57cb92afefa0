//! Form endpoints of a stand's shifts: its company's employers add one (a representative, a
//! day, from and to, within the fair's hours) or take one away, while they may change the
//! stand. Every rule is checked here and again by the write.

use super::store::NewShift;
use super::{shifts_page, SHIFTS_FIELD};
use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::error::{AppError, FieldErrors};
use crate::fairs::stands::handlers::{employer_and_stand, outside_hours, who_and_when, StandNamed, WhoAndWhen};
use crate::fairs::stands::rules::{shift_problem, ShiftProblem};
use crate::i18n::{t, Key};
use crate::server::auth::now;
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
    let WhoAndWhen { account, from: starts, until: ends } = who_and_when(
        lang,
        &fields,
        ("representative", Key::shift_err_representative),
        "shift_on",
        &representatives,
        &mut errors,
    );
    let now = now();
    if let (Some(account), Some(starts), Some(ends)) = (account, starts, ends) {
        let others: Vec<(i64, i64)> =
            shifts.iter().filter(|s| s.account_id == account).map(|s| (s.starts_at, s.ends_at)).collect();
        match shift_problem(starts, ends, &stand.fair, now, &others) {
            None => {}
            Some(ShiftProblem::EndsBeforeStart) => errors.push("to_time", t(lang, Key::shift_err_ends_before)),
            Some(ShiftProblem::Past) => errors.push("to_time", t(lang, Key::shift_err_past)),
            Some(ShiftProblem::OutsideFair) => errors.push("shift_on", outside_hours(lang, &stand.fair)),
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
