//! The page where a company's employers publish interview slots at their stand and follow them
//! (works without JavaScript): each slot with who booked it — how to reach the interview, and
//! what the person asked for at the fair when they chose to share it — and a button that
//! withdraws it, or once it is over whether the person came; then the form that publishes a
//! block of slots, while the fair is not over.

use crate::components::button_form::ButtonForm;
use crate::components::form::{use_form_state, Choice, CsrfField, FieldError, SelectField, TextField};
use crate::components::list::list_or;
use crate::components::private_page::{PrivateRecordPage, RecordFrame};
use crate::domain::lima_time::lima_date;
use crate::fairs::cards::when_text;
use crate::fairs::pages::interviews::shared_need_text;
use crate::fairs::stands::slots::api::{read_stand_slots, Candidate, ManagedSlot, StandSlots};
use crate::fairs::stands::slots::{
    slots_page, BUFFERS, DID_NOT_COME, LENGTHS, NO_SHOW_PATH, SLOTS_FIELD, WITHDRAW_SLOT_PATH,
};
use crate::fairs::stands::stand_path;
use crate::i18n::{t, t_with, Key, Lang};
use crate::ui::use_ui;
use leptos::prelude::*;

/// The interview slots of stand `?id=`; the form posts to the page's own address.
#[component]
pub fn StandSlotsPage() -> impl IntoView {
    view! { <PrivateRecordPage param="id" read=read_stand_slots show=|found| view! { <SlotsView found /> } /> }
}

#[component]
fn SlotsView(found: StandSlots) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let id = found.stand_id;
    let title = t_with(lang, Key::slots_title, &[("company", &found.company_name)]);
    let hours = t_with(
        lang,
        Key::shifts_fair_hours,
        &[("fair", &found.fair_title), ("hours", &when_text(lang, found.fair_starts_at, found.fair_ends_at))],
    );
    let slots = list_or(
        t(lang, Key::slots_none),
        found.slots.iter().map(|slot| view! { <li>{managed_slot(lang, id, slot)}</li> }.into_any()).collect(),
    );
    // After the fair the page only follows up: who came to the interviews that were held.
    let may_publish = found.may_publish;
    let publish = may_publish.then(|| view! { <PublishForm found /> });
    view! {
        <RecordFrame title=title.clone() lead=hours>
            <section aria-labelledby="slots-h" id=SLOTS_FIELD tabindex="-1">
                <h2 id="slots-h">{t(lang, Key::slots_list_h2)}</h2>
                <FieldError id=format!("{SLOTS_FIELD}-error") message=form.error(SLOTS_FIELD) />
                {slots}
            </section>
            {publish}
            <p><a href=stand_path(id)>{t(lang, Key::shifts_back)}</a></p>
        </RecordFrame>
    }
}

/// One slot: when, how, who interviews, who booked it; and its withdraw button.
fn managed_slot(lang: Lang, stand_id: i64, slot: &ManagedSlot) -> impl IntoView {
    let when = when_text(lang, slot.starts_at, slot.ends_at);
    let meta = t_with(
        lang,
        Key::slots_meta,
        &[
            ("mode", t(lang, slot.mode.label())),
            ("interviewer", &slot.interviewer),
            ("rest", &slot.buffer_minutes.to_string()),
        ],
    );
    let booked = match &slot.candidate {
        Some(candidate) => candidate_view(lang, candidate).into_any(),
        None => view! { <p>{t(lang, Key::slots_free)}</p> }.into_any(),
    };
    let remove = t_with(lang, Key::slots_withdraw_named, &[("when", &when)]);
    let withdraw = slot.may_withdraw.then(|| {
        let hint =
            slot.candidate.is_some().then(|| view! { <p class="app-hint">{t(lang, Key::slots_withdraw_hint)}</p> });
        view! {
            {hint}
            <ButtonForm
                action=WITHDRAW_SLOT_PATH
                label=t(lang, Key::slots_withdraw)
                aria_label=remove
                fields=vec![("stand", stand_id.to_string()), ("slot", slot.id.to_string())]
                secondary=true
            />
        }
    });
    let came = match (&slot.candidate, slot.over) {
        (Some(candidate), true) => Some(came_view(lang, stand_id, slot.id, candidate)),
        _ => None,
    };
    view! {
        <h3 class="app-card__title">{when}</h3>
        <p>{meta}</p>
        {booked}
        {came}
        {withdraw}
    }
}

/// Whether the person came to an interview that is over, and the button that says otherwise.
fn came_view(lang: Lang, stand_id: i64, slot_id: i64, candidate: &Candidate) -> impl IntoView {
    let (state, label, came) = if candidate.no_show {
        (Key::slots_no_show, Key::slots_came_after_all, "si")
    } else {
        (Key::slots_held, Key::slots_mark_no_show, DID_NOT_COME)
    };
    let named = format!("{}: {}", t(lang, label), candidate.name);
    view! {
        <p>{t(lang, state)}</p>
        <ButtonForm
            action=NO_SHOW_PATH
            label=t(lang, label)
            aria_label=named
            fields=vec![("stand", stand_id.to_string()), ("slot", slot_id.to_string()), ("came", came.to_string())]
            secondary=true
        />
    }
}

/// The person who booked: their name, how to reach the interview, and what they shared.
fn candidate_view(lang: Lang, candidate: &Candidate) -> impl IntoView {
    let booked = t_with(lang, Key::slots_booked_by, &[("name", &candidate.name)]);
    let room = (!candidate.room_url.is_empty()).then(|| {
        view! { <p><a href=candidate.room_url.clone() rel="noopener noreferrer">{t(lang, Key::slot_open_room)}</a></p> }
    });
    let phone = (!candidate.phone.is_empty())
        .then(|| view! { <p>{t_with(lang, Key::slots_call_at, &[("phone", &candidate.phone)])}</p> });
    let shared = match &candidate.shared {
        None => view! { <p>{t(lang, Key::slots_not_shared)}</p> }.into_any(),
        Some(needs) => {
            let items = needs.iter().map(|n| view! { <li>{shared_need_text(lang, n)}</li> }.into_any()).collect();
            view! {
                <p>{t(lang, Key::slots_shared_h)}</p>
                {list_or(t(lang, Key::slots_shared_none), items)}
            }
            .into_any()
        }
    };
    view! {
        <p><strong>{booked}</strong></p>
        {room}
        {phone}
        {shared}
    }
}

/// The form that publishes a block of slots. A fresh form starts on the fair's first day,
/// with the reader as the interviewer.
#[component]
fn PublishForm(found: StandSlots) -> impl IntoView {
    let lang = use_ui().lang;
    let me = use_ui().actor.map(|a| a.account_id.to_string()).unwrap_or_default();
    let form = use_form_state();
    let fresh = form.values.is_empty();
    let pick = |name: &str, start: String| if fresh { start } else { form.value(name) };
    let options = found.representatives.iter().map(|r| (r.account_id.to_string(), r.name.clone())).collect();
    let minutes = |list: &[i64]| -> Vec<(String, String)> {
        list.iter().map(|m| (m.to_string(), t_with(lang, Key::slots_minutes, &[("count", &m.to_string())]))).collect()
    };
    let chosen_mode = pick("mode", found.modes.first().map(|m| m.code().to_string()).unwrap_or_default());
    let mode_error = found.modes.first().and_then(|m| form.error(&format!("mode-{}", m.code())));
    let described_by = mode_error.as_ref().map(|_| "mode-error".to_string());
    let modes = found
        .modes
        .iter()
        .map(|mode| {
            view! {
                <Choice kind="radio" name="mode" value=mode.code() label=t(lang, mode.label()) checked=chosen_mode == mode.code() described_by=described_by.clone() />
            }
        })
        .collect_view();
    let no_video = (!found.modes.contains(&crate::fairs::stands::slots::SlotMode::Video))
        .then(|| view! { <p class="app-hint">{t(lang, Key::slots_no_video)}</p> });
    view! {
        <section aria-labelledby="slot-add-h">
            <h2 id="slot-add-h">{t(lang, Key::slots_add_h2)}</h2>
            <p>{t(lang, Key::slots_add_lead)}</p>
            <form method="post" action=slots_page(found.stand_id) novalidate>
                <CsrfField />
                <SelectField id="interviewer" label=t(lang, Key::slots_interviewer) options selected=pick("interviewer", me) error=form.error("interviewer") />
                <TextField id="slot_on" label=t(lang, Key::shifts_day) input_type="date" autocomplete="off" value=pick("slot_on", lima_date(found.fair_starts_at)) error=form.error("slot_on") />
                <TextField id="from_time" label=t(lang, Key::shifts_from) input_type="time" autocomplete="off" value=form.value("from_time") error=form.error("from_time") />
                <TextField id="to_time" label=t(lang, Key::shifts_to) input_type="time" autocomplete="off" value=form.value("to_time") error=form.error("to_time") />
                <SelectField id="length" label=t(lang, Key::slots_length) options=minutes(&LENGTHS) selected=pick("length", "30".into()) error=form.error("length") />
                <SelectField id="buffer" label=t(lang, Key::slots_buffer) hint=Some(t(lang, Key::slots_buffer_hint)) options=minutes(&BUFFERS) selected=pick("buffer", "10".into()) error=form.error("buffer") />
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend">{t(lang, Key::slots_mode_legend)}</legend>
                    {no_video}
                    <FieldError id="mode-error".to_string() message=mode_error.clone() />
                    {modes}
                </fieldset>
                <button class="app-button" type="submit">{t(lang, Key::slots_add_button)}</button>
            </form>
        </section>
    }
}
