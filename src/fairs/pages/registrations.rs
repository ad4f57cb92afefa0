//! The organiser's list of a fair's registrations (works without JavaScript): the
//! accommodation requests still to arrange — late ones first, each with its answer form —
//! then those answered (an answer can be changed), then everyone registered — once the fair
//! has begun, each with whether they came and the button that marks it.

use crate::components::button_form::ButtonForm;
use crate::components::form::{use_form_state, Choice, CsrfField, FieldError, TextArea};
use crate::components::list::list_or;
use crate::components::private_page::{PrivateRecordPage, RecordFrame};
use crate::domain::lima_time::format_lima_date;
use crate::fairs::fair_path;
use crate::fairs::outcomes::{attendance_anchor, fair_outcomes_page, ATTENDANCE_PATH, CAME};
use crate::fairs::pages::registration::need_state;
use crate::fairs::registrations::api::read_fair_registrations;
use crate::fairs::registrations::{
    answer_to_field, answer_words_field, FairRegistrations, NeedStatus, NeedView, Registrant, ANSWER_NEED_PATH,
};
use crate::i18n::{t, t_with, Key};
use crate::ui::use_ui;
use leptos::prelude::*;

/// The registrations of fair `?id=`, for its organisers.
#[component]
pub fn FairRegistrationsPage() -> impl IntoView {
    view! { <PrivateRecordPage param="id" read=read_fair_registrations show=|found| view! { <RegistrationsView found /> } /> }
}

/// A request with whose it is, as the lists hold it.
#[derive(Clone)]
struct Request {
    registration_id: i64,
    name: String,
    need: NeedView,
}

#[component]
fn RegistrationsView(found: FairRegistrations) -> impl IntoView {
    let lang = use_ui().lang;
    let fair_id = found.fair_id;
    let title = t_with(lang, Key::registrations_title, &[("fair", &found.fair_title)]);
    let taken = t_with(
        lang,
        Key::registrations_taken,
        &[("count", &found.people.len().to_string()), ("capacity", &found.capacity.to_string())],
    );
    let requests: Vec<Request> = found
        .people
        .iter()
        .flat_map(|p| {
            p.needs.iter().map(|need| Request {
                registration_id: p.registration_id,
                name: p.name.clone(),
                need: need.clone(),
            })
        })
        .collect();
    let (mut waiting, answered): (Vec<Request>, Vec<Request>) =
        requests.into_iter().partition(|r| r.need.status == NeedStatus::Asked);
    waiting.sort_by_key(|r| (!r.need.late, r.need.due_at));
    let waiting_h2 = t_with(lang, Key::registrations_waiting_h2, &[("count", &waiting.len().to_string())]);
    let waiting = list_or(
        t(lang, Key::registrations_none_waiting),
        waiting.into_iter().map(|request| view! { <WaitingRequest fair_id request /> }).collect(),
    );
    let answered = (!answered.is_empty()).then(|| {
        let items = answered.into_iter().map(|request| view! { <AnsweredRequest fair_id request /> }).collect_view();
        view! {
            <h2>{t(lang, Key::registrations_answered_h2)}</h2>
            <ul class="app-list">{items}</ul>
        }
    });
    let marks = found.marks_attendance;
    let people = {
        let items = found
            .people
            .iter()
            .map(|p| {
                let since = t_with(lang, Key::registrations_since, &[("day", &format_lima_date(p.registered_at))]);
                let asked = t_with(lang, Key::registrations_asked_count, &[("count", &p.needs.len().to_string())]);
                view! {
                    <li id=attendance_anchor(p.registration_id)>
                        <strong>{p.name.clone()}</strong>
                        <br />
                        {since}
                        {p.by_counsellor.then(|| format!(" · {}", t(lang, Key::registrations_by_counsellor)))}
                        " · "
                        {asked}
                        {marks.then(|| view! { <AttendanceMark fair_id person=p.clone() /> })}
                    </li>
                }
            })
            .collect();
        list_or(t(lang, Key::registrations_nobody), items)
    };
    view! {
        <RecordFrame title=title.clone() lead=taken>
            <h2>{waiting_h2}</h2>
            {waiting}
            {answered}
            <h2>{t(lang, Key::registrations_people_h2)}</h2>
            {marks.then(|| view! { <p>{t(lang, Key::attendance_hint)}</p> })}
            {people}
            <p><a href=fair_outcomes_page(fair_id)>{t(lang, Key::outcomes_link)}</a></p>
            <p><a href=fair_path(fair_id)>{t(lang, Key::registration_back)}</a></p>
        </RecordFrame>
    }
}

/// Whether the person came, and the button that marks it (or takes the mark away).
#[component]
fn AttendanceMark(fair_id: i64, person: Registrant) -> impl IntoView {
    let lang = use_ui().lang;
    let fields = |came: &str| {
        vec![
            ("fair", fair_id.to_string()),
            ("registration", person.registration_id.to_string()),
            ("came", came.to_string()),
        ]
    };
    let (state, label, came) = match person.attended_at {
        Some(at) => (
            t_with(lang, Key::attendance_came, &[("day", &format_lima_date(at))]),
            t(lang, Key::attendance_unmark),
            "no",
        ),
        None => (t(lang, Key::attendance_unmarked).to_string(), t(lang, Key::attendance_mark), CAME),
    };
    let named = format!("{label}: {}", person.name);
    view! {
        <p>{state}</p>
        <ButtonForm action=ATTENDANCE_PATH label=label aria_label=named fields=fields(came) secondary=person.attended_at.is_some() />
    }
}

/// A request still to arrange, with its answer form.
#[component]
fn WaitingRequest(fair_id: i64, request: Request) -> impl IntoView {
    view! {
        <li>
            <p><strong>{request.name.clone()}</strong></p>
            {need_state(use_ui().lang, &request.need)}
            <AnswerForm fair_id request=request.clone() />
        </li>
    }
}

/// A request answered, with a way to change the answer (folded away).
#[component]
fn AnsweredRequest(fair_id: i64, request: Request) -> impl IntoView {
    let lang = use_ui().lang;
    // A change refused comes back open.
    let open = use_form_state()
        .errors
        .0
        .iter()
        .any(|(id, _)| id.starts_with(&answer_to_field(request.registration_id, request.need.need)));
    view! {
        <li>
            <p><strong>{request.name.clone()}</strong></p>
            {need_state(lang, &request.need)}
            <details class="app-details" open=open>
                <summary>{t(lang, Key::registrations_change_answer)}</summary>
                <AnswerForm fair_id request=request.clone() />
            </details>
        </li>
    }
}

/// Arranged, or not possible saying why; the person is told by email.
#[component]
fn AnswerForm(fair_id: i64, request: Request) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let (id, need) = (request.registration_id, request.need.need);
    let (to_field, words_field) = (answer_to_field(id, need), answer_words_field(id, need));
    let sent = form.values.iter().any(|(name, _)| *name == to_field || *name == words_field);
    let chosen = if sent { form.value(&to_field) } else { request.need.status.code().to_string() };
    let words = if sent { form.value(&words_field) } else { request.need.answer.clone() };
    let first = format!("{to_field}-arranged");
    let error = form.error(&first);
    let error_id = format!("{first}-error");
    let described_by = error.as_ref().map(|_| error_id.clone());
    let legend = t_with(lang, Key::registrations_answer_legend, &[("name", &request.name)]);
    view! {
        <form method="post" action=ANSWER_NEED_PATH novalidate>
            <CsrfField />
            <input type="hidden" name="fair" value=fair_id.to_string() />
            <input type="hidden" name="registration" value=id.to_string() />
            <input type="hidden" name="need" value=need.code() />
            <fieldset class="app-fieldset">
                <legend class="app-fieldset__legend">{legend}</legend>
                <FieldError id=error_id message=error />
                <Choice kind="radio" name=to_field.clone() value="arranged" label=t(lang, Key::registrations_arranged) checked=chosen == "arranged" described_by=described_by.clone() />
                <Choice kind="radio" name=to_field.clone() value="not_possible" label=t(lang, Key::registrations_not_possible) checked=chosen == "not_possible" described_by />
            </fieldset>
            <TextArea
                id=words_field.clone()
                label=t(lang, Key::registrations_answer_words)
                hint=Some(t(lang, Key::registrations_answer_words_hint))
                rows=3
                value=words
                error=form.error(&words_field)
            />
            <button class="app-button" type="submit">{t(lang, Key::registrations_send)}</button>
        </form>
    }
}
