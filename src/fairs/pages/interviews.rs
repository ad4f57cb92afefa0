//! Interviews where people meet them: the part of a stand's page with its free slots, each a
//! link to book it (or move one's booking to it), and the list of a person's interviews on their
//! registration page, with the room to open, and the buttons that cancel or change them.

use crate::components::button_form::ButtonForm;
use crate::components::form::{use_form_state, FieldError};
use crate::components::list::list_or;
use crate::fairs::cards::when_text;
use crate::fairs::registrations::{registration_page, FairNeed, NeedStatus};
use crate::fairs::stands::slots::api::{OwnInterview, SharedNeed, SlotChance, SlotsPart};
use crate::fairs::stands::slots::{book_slot_page, BOOKINGS_FIELD, CANCEL_BOOKING_PATH};
use crate::fairs::stands::stand_path;
use crate::i18n::{t, t_with, Key, Lang};
use crate::ui::use_ui;
use leptos::prelude::*;

/// A request as the interviewer and the person read it: what, in the person's words, and
/// whether the organiser arranged it.
pub fn shared_need_text(lang: Lang, need: &SharedNeed) -> String {
    let what = match (need.need, need.details.is_empty()) {
        (FairNeed::Other, _) | (_, false) => format!("{}: {}", t(lang, need.need.label()), need.details),
        (_, true) => t(lang, need.need.label()).to_string(),
    };
    let state = match need.status {
        NeedStatus::Asked => Key::slots_need_asked,
        NeedStatus::Arranged => Key::slots_need_arranged,
        NeedStatus::NotPossible => Key::slots_need_not_possible,
    };
    format!("{what} — {}", t(lang, state))
}

/// The interviews part of a stand's page.
#[component]
pub fn StandSlotsSection(fair_id: i64, part: SlotsPart) -> impl IntoView {
    let lang = use_ui().lang;
    let ui = use_ui();
    let mine = part.mine.as_ref().map(|mine| {
        let when = when_text(lang, mine.starts_at, mine.ends_at);
        let yours = t_with(lang, Key::slots_yours_here, &[("when", &when), ("mode", t(lang, mine.mode.label()))]);
        view! {
            <p class="app-inset">
                {yours}
                " "
                <a href=registration_page(fair_id)>{t(lang, Key::slots_see_yours)}</a>
            </p>
        }
    });
    let chance = match part.chance {
        SlotChance::SignIn => Some(
            view! {
                <p><a href=crate::ui::sign_in_returning_to(&ui.path)>{t(lang, Key::slots_sign_in)}</a></p>
            }
            .into_any(),
        ),
        SlotChance::Register => Some(
            view! {
                <p><a href=registration_page(fair_id)>{t(lang, Key::slots_register_first)}</a></p>
            }
            .into_any(),
        ),
        SlotChance::Book | SlotChance::None => None,
    };
    let can_book = part.chance == SlotChance::Book;
    let moving = part.mine.is_some();
    let items = part
        .free
        .iter()
        .map(|slot| {
            let when = when_text(lang, slot.starts_at, slot.ends_at);
            let meta = t_with(lang, Key::slots_free_meta, &[("mode", t(lang, slot.mode.label())), ("interviewer", &slot.interviewer)]);
            let action = can_book.then(|| {
                let (words, named) = if moving {
                    (Key::slots_move_here, Key::slots_move_here_named)
                } else {
                    (Key::slots_book, Key::slots_book_named)
                };
                let label = t_with(lang, named, &[("when", &when)]);
                view! { <a class="app-button app-button--secondary" href=book_slot_page(slot.id) aria-label=label>{t(lang, words)}</a> }
            });
            view! {
                <li>
                    <strong>{when.clone()}</strong>
                    <br />
                    <span class="app-hint">{meta}</span>
                    <br />
                    {action}
                </li>
            }
            .into_any()
        })
        .collect();
    view! {
        <section aria-labelledby="stand-slots-h">
            <h2 id="stand-slots-h">{t(lang, Key::slots_stand_h2)}</h2>
            {mine}
            {chance}
            {list_or(t(lang, Key::slots_none_free), items)}
        </section>
    }
}

/// A person's interviews at a fair, on their registration page.
#[component]
pub fn OwnInterviews(fair_id: i64, interviews: Vec<OwnInterview>) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let items = interviews.into_iter().map(|interview| own_interview(lang, fair_id, interview).into_any()).collect();
    view! {
        <section aria-labelledby="interviews-h" id=BOOKINGS_FIELD tabindex="-1">
            <h2 id="interviews-h">{t(lang, Key::slots_own_h2)}</h2>
            <FieldError id=format!("{BOOKINGS_FIELD}-error") message=form.error(BOOKINGS_FIELD) />
            {list_or(t(lang, Key::slots_own_none), items)}
        </section>
    }
}

fn own_interview(lang: Lang, fair_id: i64, interview: OwnInterview) -> impl IntoView {
    let when = when_text(lang, interview.starts_at, interview.ends_at);
    let with = t_with(
        lang,
        Key::slots_own_with,
        &[
            ("company", &interview.company_name),
            ("interviewer", &interview.interviewer),
            ("mode", t(lang, interview.mode.label())),
        ],
    );
    let room = (!interview.room_url.is_empty()).then(|| {
        view! { <p><a href=interview.room_url.clone() rel="noopener noreferrer">{t(lang, Key::slot_open_room)}</a></p> }
    });
    let phone = (!interview.phone.is_empty())
        .then(|| view! { <p>{t_with(lang, Key::slots_own_phone, &[("phone", &interview.phone)])}</p> });
    let shared = t(lang, if interview.shared_needs { Key::slots_own_shared } else { Key::slots_own_not_shared });
    let change = interview.may_change.then(|| {
        let cancel = t_with(lang, Key::slots_cancel_named, &[("when", &when)]);
        view! {
            <p><a href=stand_path(interview.stand_id)>{t(lang, Key::slots_change_time)}</a></p>
            <ButtonForm
                action=CANCEL_BOOKING_PATH
                label=t(lang, Key::slots_cancel)
                aria_label=cancel
                fields=vec![("fair", fair_id.to_string()), ("booking", interview.booking_id.to_string())]
                secondary=true
            />
        }
    });
    view! {
        <li>
            <h3 class="app-card__title">{when.clone()}</h3>
            <p>{with}</p>
            {room}
            {phone}
            <p class="app-hint">{shared}</p>
            {change}
        </li>
    }
}
