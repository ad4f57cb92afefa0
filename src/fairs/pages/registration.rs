//! A job seeker's registration for a fair (works without JavaScript): the form that registers
//! them with the accommodations they need — ticked from their profile — or, once registered,
//! each request with where it stands and the button that cancels.

use crate::components::form::{use_form_state, Choice, CsrfField, ErrorSummary, FieldError, TextArea};
use crate::components::format::named_title;
use crate::components::notice::NoticeBanner;
use crate::components::plain_text::PlainText;
use crate::components::private_page::PrivateRecordPage;
use crate::domain::lima_time::{format_lima, format_lima_date};
use crate::fairs::cards::when_text;
use crate::fairs::fair_path;
use crate::fairs::registrations::api::read_registration;
use crate::fairs::registrations::rules::ANSWER_WITHIN;
use crate::fairs::registrations::{
    FairNeed, Joining, NeedStatus, NeedView, OwnRegistration, RegistrationView, CANCEL_REGISTRATION_PATH, NEED_FIELD,
    OTHER_FIELD, REGISTER_FIELD, REGISTRATION_PATH,
};
use crate::i18n::{t, t_with, Key, Lang};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

/// The registration for fair `?id=`, for the signed-in job seeker.
#[component]
pub fn RegistrationPage() -> impl IntoView {
    view! { <PrivateRecordPage param="id" read=read_registration show=|found| view! { <RegistrationDetails found /> } /> }
}

#[component]
fn RegistrationDetails(found: RegistrationView) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let fair_id = found.fair_id;
    let title = t_with(lang, Key::registration_title, &[("fair", &found.fair_title)]);
    let body = match found.joining {
        Joining::Open { needs, other } => {
            let places = t_with(
                lang,
                Key::registration_places,
                &[("count", &found.places_left.to_string()), ("when", &format_lima(found.registration_closes_at))],
            );
            let other = other.iter().map(|a| a.name(lang)).collect::<Vec<_>>().join(", ");
            view! {
                <p>{places}</p>
                <NeedsForm fair_id needs other />
            }
            .into_any()
        }
        Joining::Registered(own) => view! { <Registered fair_id own /> }.into_any(),
        Joining::Full => view! { <p>{t(lang, Key::registration_full)}</p> }.into_any(),
        Joining::Closed => view! { <p>{t(lang, Key::registration_closed)}</p> }.into_any(),
    };
    view! {
        <Title text=named_title(lang, &title, form.has_errors()) />
        <div class="app-width app-narrow">
            <NoticeBanner />
            <ErrorSummary errors=form.errors.clone() />
            <h1>{title.clone()}</h1>
            <p class="app-lead">{when_text(lang, found.starts_at, found.ends_at)}</p>
            <div id=REGISTER_FIELD tabindex="-1">
                <FieldError id=format!("{REGISTER_FIELD}-error") message=form.error(REGISTER_FIELD) />
            </div>
            {body}
            <p><a href=fair_path(fair_id)>{t(lang, Key::registration_back)}</a></p>
        </div>
    }
}

/// The form that registers: one box per accommodation and "something else" in words. It
/// starts from the profile; a refused form comes back as it was sent.
#[component]
fn NeedsForm(fair_id: i64, needs: Vec<FairNeed>, other: String) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let sent = form.has_errors();
    let ticked = move |need: FairNeed| {
        if sent {
            form.values.iter().any(|(name, value)| name == NEED_FIELD && value == need.code())
        } else {
            needs.contains(&need)
        }
    };
    let boxes = FairNeed::ALL
        .iter()
        .filter(|need| **need != FairNeed::Other)
        .map(|need| {
            view! {
                <Choice kind="checkbox" name=NEED_FIELD value=need.code() label=t(lang, need.label()) checked=ticked(*need) />
            }
        })
        .collect_view();
    let other = if sent { use_form_state().value(OTHER_FIELD) } else { other };
    let need_error = use_form_state().error(NEED_FIELD);
    let within = (ANSWER_WITHIN / 86_400).to_string();
    view! {
        <form method="post" action=REGISTRATION_PATH novalidate>
            <CsrfField />
            <input type="hidden" name="fair" value=fair_id.to_string() />
            <fieldset class="app-fieldset" id=NEED_FIELD tabindex="-1" aria-describedby="need-hint">
                <legend class="app-fieldset__legend">{t(lang, Key::registration_needs_legend)}</legend>
                <p class="app-hint" id="need-hint">{t_with(lang, Key::registration_needs_hint, &[("days", &within)])}</p>
                <FieldError id="need-error".to_string() message=need_error />
                {boxes}
            </fieldset>
            <TextArea
                id=OTHER_FIELD
                label=t(lang, Key::registration_other_label)
                hint=Some(t(lang, Key::registration_other_hint))
                rows=3
                value=other
                error=use_form_state().error(OTHER_FIELD)
            />
            <button class="app-button" type="submit">{t(lang, Key::registration_submit)}</button>
        </form>
    }
}

/// A registration in force: each request and where it stands, and cancelling.
#[component]
fn Registered(fair_id: i64, own: OwnRegistration) -> impl IntoView {
    let lang = use_ui().lang;
    let since = t_with(lang, Key::registration_since, &[("day", &format_lima_date(own.registered_at))]);
    let needs = if own.needs.is_empty() {
        view! { <p>{t(lang, Key::registration_no_needs)}</p> }.into_any()
    } else {
        let items = own.needs.iter().map(|need| view! { <li>{need_state(lang, need)}</li> }).collect_view();
        view! { <ul class="app-list">{items}</ul> }.into_any()
    };
    view! {
        <p><strong>{since}</strong></p>
        {own.by_counsellor.then(|| view! { <p>{t(lang, Key::registration_by_counsellor)}</p> })}
        <h2>{t(lang, Key::registration_needs_h2)}</h2>
        {needs}
        {own.may_cancel.then(|| view! {
            <h2>{t(lang, Key::registration_cancel_h2)}</h2>
            <p>{t(lang, Key::registration_cancel_body)}</p>
            <form method="post" action=CANCEL_REGISTRATION_PATH>
                <CsrfField />
                <input type="hidden" name="fair" value=fair_id.to_string() />
                <button class="app-button app-button--secondary" type="submit">{t(lang, Key::registration_cancel)}</button>
            </form>
        })}
    }
}

/// One request as its person reads it: what, and the organiser's answer or when it is due.
pub fn need_state(lang: Lang, need: &NeedView) -> impl IntoView {
    let what = need_words(lang, need);
    let due = format_lima(need.due_at);
    let state = match need.status {
        NeedStatus::Asked if need.late => t_with(lang, Key::registration_need_late, &[("when", &due)]),
        NeedStatus::Asked => t_with(lang, Key::registration_need_asked, &[("when", &due)]),
        status => t(lang, status.label()).to_string(),
    };
    let answer = (!need.answer.is_empty()).then(|| view! { <PlainText text=need.answer.clone() /> });
    view! {
        <p><strong>{what}</strong><br />{state}</p>
        {answer}
    }
}

/// What was asked for: its name, and the person's words.
pub fn need_words(lang: Lang, need: &NeedView) -> String {
    match (need.need, need.details.is_empty()) {
        (FairNeed::Other, _) => format!("{}: {}", t(lang, FairNeed::Other.label()), need.details),
        (_, true) => t(lang, need.need.label()).to_string(),
        (_, false) => format!("{}: {}", t(lang, need.need.label()), need.details),
    }
}
