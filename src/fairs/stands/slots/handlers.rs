//! Form endpoints of interview slots: a stand's employers publish a block of slots or withdraw
//! one (its candidate is told); a job seeker books a slot — or moves their booking to it — and
//! cancels. Every rule is checked here and again by the write.

use super::booking_store::NewBooking;
use super::mail::Interview;
use super::rules::{block, block_problem, BlockProblem, BookingRefusal};
use super::store::{NewSlots, StoredBooking};
use super::{
    book_slot_page, slots_page, SlotMode, BOOKINGS_FIELD, BOOK_FIELD, BUFFERS, LENGTHS, MAX_PHONE_CHARS, PHONE_FIELD,
    SHARE_FIELD, SLOTS_FIELD,
};
use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::domain::Role;
use crate::error::{AppError, FieldErrors};
use crate::fairs::registrations::registration_page;
use crate::fairs::stands::handlers::{
    employer_and_stand, employer_following_up, outside_hours, who_and_when, StandNamed, WhoAndWhen,
};
use crate::fairs::stands::stand_path;
use crate::i18n::{t, t_with, Key, Lang};
use crate::server::access::permits;
use crate::server::auth::now;
use crate::server::form_fields::text;
use crate::server::forms::{field, kept, read, render_again, render_conflict_at};
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::response::Response;

/// Publishes a block of slots at the stand `?id=`: an interviewer, a day, from and to, a
/// length, a rest after each and a mode. A failed form comes back with what was typed and each
/// problem on its field; nothing is stored.
pub async fn publish_slots(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let lang = ui.lang;
    let (actor, stand) = match employer_and_stand(&state, &ui, StandNamed::InAddress).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    let id = stand.id;
    let (fair, representatives) =
        tokio::join!(state.store.fair(stand.fair_id), state.store.representatives(stand.company_id));
    let (fair, representatives) = (fair?.ok_or(AppError::NotFound)?, representatives?);
    let mut errors = FieldErrors::default();
    let WhoAndWhen { account: interviewer, from, until } = who_and_when(
        lang,
        &fields,
        ("interviewer", Key::slot_err_interviewer),
        "slot_on",
        &representatives,
        &mut errors,
    );
    let allowed = super::api::modes(fair.draft.mode.has_venue(), state.meeting_rooms.is_some());
    let mode = SlotMode::from_code(field(&fields, "mode")).filter(|mode| allowed.contains(mode));
    if mode.is_none() {
        errors.push(format!("mode-{}", allowed.first().map_or("phone", |m| m.code())), t(lang, Key::slot_err_mode));
    }
    let minutes =
        |name: &str, allowed: &[i64]| field(&fields, name).parse::<i64>().ok().filter(|m| allowed.contains(m));
    let (length, buffer) = (minutes("length", &LENGTHS), minutes("buffer", &BUFFERS));
    if length.is_none() {
        errors.push("length", t(lang, Key::slot_err_length));
    }
    if buffer.is_none() {
        errors.push("buffer", t(lang, Key::slot_err_buffer));
    }
    let now = now();
    let mut spans = Vec::new();
    if let (Some(account), Some(from), Some(until), Some(length), Some(buffer)) =
        (interviewer, from, until, length, buffer)
    {
        spans = block(from, until, length * 60, buffer * 60);
        let theirs = state.store.interviewer_spans(account).await?;
        if let Some(problem) = block_problem(from, until, &spans, &stand.fair, now, &theirs) {
            let (at, message) = match problem {
                BlockProblem::EndsBeforeStart => ("to_time", t(lang, Key::shift_err_ends_before).to_string()),
                BlockProblem::Past => ("from_time", t(lang, Key::slot_err_past).to_string()),
                BlockProblem::OutsideFair => ("slot_on", outside_hours(lang, &stand.fair)),
                BlockProblem::NoneFits => {
                    ("to_time", t_with(lang, Key::slot_err_none_fits, &[("length", &length.to_string())]))
                }
                BlockProblem::TooMany => {
                    ("to_time", t_with(lang, Key::slot_err_too_many, &[("max", &super::MAX_SLOTS_AT_ONCE.to_string())]))
                }
                BlockProblem::Clashes => ("interviewer", t(lang, Key::slot_err_clashes).to_string()),
            };
            errors.push(at, message);
        }
    }
    let (Some(interviewer_id), Some(mode), true) = (interviewer, mode, errors.is_empty()) else {
        return Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await);
    };
    let slots = NewSlots { stand_id: id, interviewer_id, spans, mode, by: actor.account_id };
    match state.store.publish_slots(&slots, now).await? {
        Some(ids) => {
            tracing::info!(stand_id = id, slots = ids.len(), by = actor.account_id, "interview slots published");
            Ok(see_other(&Notice::SlotsPublished.on(&slots_page(id))))
        }
        // The stand, the fair or the interviewer's slots changed meanwhile: said on the form.
        None => {
            let mut errors = FieldErrors::default();
            errors.push("interviewer", t(lang, Key::stand_err_changed_meanwhile));
            Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await)
        }
    }
}

/// Withdraws a slot (the form names the stand and the slot); the person who booked it, if
/// anyone, is told by email and their reminders withdrawn. One gone meanwhile shows the page
/// again saying so, as `409`.
pub async fn withdraw_slot(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let (actor, stand) = match employer_and_stand(&state, &ui, StandNamed::InForm(&fields)).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    let id = stand.id;
    let slot_id = field(&fields, "slot").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let slot = state.store.slot(slot_id).await?.filter(|slot| slot.stand_id == id);
    let fair = state.store.fair(stand.fair_id).await?.ok_or(AppError::NotFound)?;
    let page = format!("{}{}", state.public_origin, stand_path(id));
    let place = fair.place();
    // Told in the company's reader's language: the person's own is not kept.
    let tell = |booking: &StoredBooking| {
        let (starts_at, ends_at, mode) =
            slot.as_ref().map_or((0, 0, SlotMode::Phone), |s| (s.starts_at, s.ends_at, s.mode));
        Interview {
            lang: ui.lang,
            name: &booking.name,
            email: &booking.email,
            company: &stand.company_name,
            fair: &stand.fair_title,
            starts_at,
            ends_at,
            mode,
            room_url: &booking.room_url,
            phone: &booking.phone,
            place: &place,
            page: &page,
            origin: &state.public_origin,
        }
        .withdrawn()
    };
    if slot.is_some() && state.store.withdraw_slot(slot_id, id, now(), &tell).await? {
        state.outbox.queued();
        tracing::info!(slot_id, stand_id = id, by = actor.account_id, "interview slot withdrawn");
        return Ok(see_other(&Notice::SlotWithdrawn.on(&slots_page(id))));
    }
    let mut errors = FieldErrors::default();
    errors.push(SLOTS_FIELD, t(ui.lang, Key::slot_err_gone));
    Ok(render_conflict_at(&state, parts, &slots_page(id), errors).await)
}

/// Books the slot `?turno=` for the signed-in job seeker — moving their booking at the same
/// stand to it, if they have one — with the phone number for a phone interview and whether the
/// interviewer may read what they asked for at the fair. Refused, the page says why and keeps
/// what was typed; nothing is stored.
pub async fn book_slot(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let lang = ui.lang;
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(&ui.path)) };
    if !permits(&actor, &[Role::Seeker]) {
        return Err(AppError::Forbidden);
    }
    let slot_id = ui.query_id(super::SLOT_PARAM).ok_or(AppError::NotFound)?;
    let slot = state.store.slot(slot_id).await?.ok_or(AppError::NotFound)?;
    let stand = state.store.stand(slot.stand_id).await?.ok_or(AppError::NotFound)?;
    let now = now();
    if !crate::fairs::stands::rules::is_public(stand.status, crate::fairs::rules::phase(&stand.fair, now)) {
        return Err(AppError::NotFound);
    }
    let mut errors = FieldErrors::default();
    let phone = if slot.mode == SlotMode::Phone {
        text(lang, &fields, PHONE_FIELD, MAX_PHONE_CHARS, Some(Key::slot_err_phone), &mut errors)
            .filter(|phone| {
                let digits = phone.chars().filter(char::is_ascii_digit).count();
                let fine = digits >= 6 && phone.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c));
                if !fine {
                    errors.push(PHONE_FIELD, t(lang, Key::slot_err_phone));
                }
                fine
            })
            .unwrap_or_default()
    } else {
        String::new()
    };
    if !errors.is_empty() {
        return Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await);
    }
    let fair = state.store.fair(stand.fair_id).await?.ok_or(AppError::NotFound)?;
    let replaces = state.store.bookings_of(actor.account_id).await?.into_iter().find(|b| b.stand_id == stand.id);
    if replaces.as_ref().is_some_and(|b| b.slot_id == slot_id) {
        // Booked already (from another tab): the registration page shows it.
        return Ok(see_other(&registration_page(stand.fair_id)));
    }
    let room_url = match (slot.mode, &state.meeting_rooms) {
        (SlotMode::Video, Some(rooms)) => rooms.new_room(slot_id),
        (SlotMode::Video, None) => {
            return Err(AppError::internal("a video slot with no meeting-room provider configured"))
        }
        _ => String::new(),
    };
    let booking = NewBooking {
        slot_id,
        account_id: actor.account_id,
        room_url,
        phone,
        share_needs: field(&fields, SHARE_FIELD) == "yes",
        replaces: replaces.map(|b| b.id),
    };
    let page = format!("{}{}", state.public_origin, registration_page(stand.fair_id));
    let place = fair.place();
    let interview = Interview {
        lang,
        name: &actor.name,
        email: &actor.email,
        company: &stand.company_name,
        fair: &stand.fair_title,
        starts_at: slot.starts_at,
        ends_at: slot.ends_at,
        mode: slot.mode,
        room_url: &booking.room_url,
        phone: &booking.phone,
        place: &place,
        page: &page,
        origin: &state.public_origin,
    };
    let mail = |id: i64| interview.messages(id, now);
    match state.store.book_slot(&booking, now, &mail).await? {
        Ok(id) => {
            state.outbox.queued();
            tracing::info!(booking_id = id, slot_id, moved = booking.replaces.is_some(), "interview slot booked");
            let done = if booking.replaces.is_some() { Notice::SlotMoved } else { Notice::SlotBooked };
            Ok(see_other(&done.on(&registration_page(stand.fair_id))))
        }
        Err(refusal) => {
            let mut errors = FieldErrors::default();
            errors.push(BOOK_FIELD, refusal_text(lang, refusal));
            Ok(render_conflict_at(&state, parts, &book_slot_page(slot_id), errors).await)
        }
    }
}

fn refusal_text(lang: Lang, refusal: BookingRefusal) -> &'static str {
    match refusal {
        BookingRefusal::Taken => t(lang, Key::slot_err_taken),
        BookingRefusal::Unavailable => t(lang, Key::slot_err_unavailable),
        BookingRefusal::NotRegistered => t(lang, Key::slot_err_not_registered),
        BookingRefusal::Clashes => t(lang, Key::slot_err_booking_clashes),
    }
}

/// Cancels the signed-in job seeker's booking the form names (and its reminders): the slot is
/// free for someone else at once. One cancelled meanwhile or already started shows the
/// registration page again saying so, as `409`.
pub async fn cancel_booking(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let fair_id = field(&fields, "fair").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let page = registration_page(fair_id);
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(&page)) };
    if !permits(&actor, &[Role::Seeker]) {
        return Err(AppError::Forbidden);
    }
    let booking_id = field(&fields, "booking").parse::<i64>().map_err(|_| AppError::NotFound)?;
    if state.store.cancel_booking(booking_id, actor.account_id, now()).await? {
        tracing::info!(booking_id, "interview booking cancelled");
        return Ok(see_other(&Notice::SlotCancelled.on(&page)));
    }
    let mut errors = FieldErrors::default();
    errors.push(BOOKINGS_FIELD, t(ui.lang, Key::slot_err_not_cancelled));
    Ok(render_conflict_at(&state, parts, &page, errors).await)
}

/// A stand's employer says whether the person booked in an interview that is over came (the
/// form names the stand and the slot): a booking not cancelled whose time has passed counts as
/// held unless they say the person did not come.
pub async fn mark_no_show(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let (actor, stand) = match employer_following_up(&state, &ui, StandNamed::InForm(&fields)).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    let slot_id = field(&fields, "slot").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let no_show = field(&fields, "came") == super::DID_NOT_COME;
    // Not this stand's, not booked, or not over: the page offers it only for those.
    if !state.store.mark_no_show(slot_id, stand.id, no_show, now()).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(slot_id, stand_id = stand.id, no_show, by = actor.account_id, "interview attendance said");
    let notice = if no_show { Notice::SlotNoShow } else { Notice::SlotHeld };
    Ok(see_other(&notice.on(&slots_page(stand.id))))
}
