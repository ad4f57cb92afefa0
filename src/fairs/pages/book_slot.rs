//! The page where a job seeker books an interview slot (works without JavaScript): when, with
//! whom and how; the phone number for a phone interview; whether the interviewer may read what
//! they asked for at the fair; and the button that books it — or moves their booking at this
//! stand to it. When the slot cannot be booked the page says why and what to do instead.

use crate::components::form::{use_form_state, Choice, CsrfField, FieldError, TextField};
use crate::components::list::list_or;
use crate::components::private_page::{PrivateRecordPage, RecordFrame};
use crate::fairs::cards::when_text;
use crate::fairs::pages::interviews::shared_need_text;
use crate::fairs::registrations::registration_page;
use crate::fairs::stands::slots::api::{read_slot_booking, BookingState, SlotBooking};
use crate::fairs::stands::slots::{book_slot_page, SlotMode, BOOK_FIELD, PHONE_FIELD, SHARE_FIELD, SLOT_PARAM};
use crate::fairs::stands::stand_path;
use crate::i18n::{t, t_with, Key};
use crate::ui::use_ui;
use leptos::prelude::*;

/// The booking page of slot `?turno=`; the form posts to the page's own address.
#[component]
pub fn BookSlotPage() -> impl IntoView {
    view! { <PrivateRecordPage param=SLOT_PARAM read=read_slot_booking show=|found| view! { <BookingView found /> } /> }
}

#[component]
fn BookingView(found: SlotBooking) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let title = t_with(lang, Key::book_title, &[("company", &found.company_name)]);
    let when = when_text(lang, found.starts_at, found.ends_at);
    let how = match found.mode {
        SlotMode::Video => t(lang, Key::book_how_video).to_string(),
        SlotMode::Phone => t(lang, Key::book_how_phone).to_string(),
        SlotMode::InPerson => t_with(lang, Key::book_how_in_person, &[("place", &found.place)]),
    };
    let facts = t_with(
        lang,
        Key::book_facts,
        &[("fair", &found.fair_title), ("interviewer", &found.interviewer), ("mode", t(lang, found.mode.label()))],
    );
    let body = match found.state {
        BookingState::Open => view! { <BookingForm found=found.clone() /> }.into_any(),
        BookingState::Mine => view! {
            <p>{t(lang, Key::book_mine)}</p>
            <p><a href=registration_page(found.fair_id)>{t(lang, Key::slots_see_yours)}</a></p>
        }
        .into_any(),
        BookingState::Taken => view! { <p>{t(lang, Key::slot_err_taken)}</p> }.into_any(),
        BookingState::Unavailable => view! { <p>{t(lang, Key::slot_err_unavailable)}</p> }.into_any(),
        BookingState::NotRegistered => view! {
            <p>{t(lang, Key::slot_err_not_registered)}</p>
            <p><a href=registration_page(found.fair_id)>{t(lang, Key::slots_register_first)}</a></p>
        }
        .into_any(),
    };
    view! {
        <RecordFrame title=title.clone() lead=when>
            <p>{facts}</p>
            <p>{how}</p>
            <div id=BOOK_FIELD tabindex="-1">
                <FieldError id=format!("{BOOK_FIELD}-error") message=form.error(BOOK_FIELD) />
            </div>
            {body}
            <p><a href=stand_path(found.stand_id)>{t(lang, Key::book_back)}</a></p>
        </RecordFrame>
    }
}

/// The form: the phone for a phone interview, sharing the requests, and the button.
#[component]
fn BookingForm(found: SlotBooking) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let sent = !form.values.is_empty();
    let replacing = found.replacing.as_ref().map(|old| {
        let when = when_text(lang, old.starts_at, old.ends_at);
        view! { <p class="app-inset">{t_with(lang, Key::book_replaces, &[("when", &when)])}</p> }
    });
    let phone = (found.mode == SlotMode::Phone).then(|| {
        let value = if sent { form.value(PHONE_FIELD) } else { found.phone.clone() };
        view! {
            <TextField id=PHONE_FIELD label=t(lang, Key::book_phone) hint=Some(t(lang, Key::book_phone_hint)) input_type="tel" autocomplete="tel" value error=form.error(PHONE_FIELD) />
        }
    });
    let share = (!found.needs.is_empty()).then(|| {
        let items = found.needs.iter().map(|n| view! { <li>{shared_need_text(lang, n)}</li> }.into_any()).collect();
        let shared = sent && form.value(SHARE_FIELD) == "yes";
        view! {
            <fieldset class="app-fieldset">
                <legend class="app-fieldset__legend">{t(lang, Key::book_share_legend)}</legend>
                <p class="app-hint">{t(lang, Key::book_share_hint)}</p>
                {list_or("", items)}
                <Choice kind="checkbox" name=SHARE_FIELD value="yes" label=t(lang, Key::book_share_label) checked=shared />
            </fieldset>
        }
    });
    let button = if found.replacing.is_some() { Key::book_move_button } else { Key::book_button };
    view! {
        {replacing}
        <form method="post" action=book_slot_page(found.slot_id) novalidate>
            <CsrfField />
            {phone}
            {share}
            <button class="app-button" type="submit">{t(lang, button)}</button>
        </form>
    }
}
