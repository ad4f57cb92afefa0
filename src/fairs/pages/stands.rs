//! The stands on a fair's page: the companies taking part (for everyone), a company's own
//! request with its answer (for its employers), and the requests to answer (for the
//! organisers). Every button is a form that works without JavaScript.

use crate::components::button_form::ButtonForm;
use crate::components::form::{use_form_state, CsrfField, FieldError, TextArea};
use crate::components::plain_text::PlainText;
use crate::domain::lima_time::format_lima_date;
use crate::fairs::pages::questions::OwnQuestions;
use crate::fairs::rules::Phase;
use crate::fairs::stands::api::{FairStands, OwnStand, StandCard, StandRequest};
use crate::fairs::stands::{
    ask_stand_path, reason_field, stand_path, Decision, StandStatus, DECIDE_STAND_PATH, STANDS_FIELD,
    WITHDRAW_STAND_PATH,
};
use crate::i18n::{t, t_with, Key, Lang};
use crate::ui::use_ui;
use crate::vacancies::Accommodation;
use leptos::prelude::*;

/// The companies at the fair, and what the reader may do about stands.
#[component]
pub fn StandsSection(fair_id: i64, phase: Phase, stands: FairStands, organiser: bool) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let FairStands { stands, requests, own, may_ask, questions } = stands;
    let questions = (!questions.is_empty()).then(|| view! { <OwnQuestions questions with_company=true /> });
    let listed = if stands.is_empty() {
        view! { <p>{t(lang, Key::stands_none)}</p> }.into_any()
    } else {
        let items = stands.into_iter().map(|stand| view! { <StandItem stand /> }).collect_view();
        view! { <ul class="app-list">{items}</ul> }.into_any()
    };
    let after_hours = (phase == Phase::Finished).then(|| view! { <p>{t(lang, Key::stands_after_hours)}</p> });
    let own = own.into_iter().map(|stand| view! { <OwnStandNote stand /> }).collect_view();
    let ask = may_ask.then(|| {
        view! { <p><a class="app-button app-button--secondary" href=ask_stand_path(fair_id)>{t(lang, Key::stands_ask_link)}</a></p> }
    });
    let requests = organiser.then(|| view! { <StandRequests requests /> });
    view! {
        <section class="app-section" aria-labelledby="stands-h" id=STANDS_FIELD tabindex="-1">
            <h2 id="stands-h">{t(lang, Key::stands_h2)}</h2>
            <FieldError id=format!("{STANDS_FIELD}-error") message=form.error(STANDS_FIELD) />
            {after_hours}
            {listed}
            {own}
            {ask}
            {questions}
        </section>
        {requests}
    }
}

#[component]
fn StandItem(stand: StandCard) -> impl IntoView {
    let lang = use_ui().lang;
    let offers = offers_text(lang, &stand.accommodations);
    view! {
        <li>
            <a href=stand_path(stand.id)>{stand.company_name.clone()}</a>
            {(!stand.sector.is_empty()).then(|| format!(" · {}", stand.sector))}
            {offers.map(|offers| view! { <br /><span class="app-hint">{offers}</span> })}
        </li>
    }
}

/// "Offers: …", or nothing when it offers nothing from the list.
fn offers_text(lang: Lang, accommodations: &[Accommodation]) -> Option<String> {
    (!accommodations.is_empty()).then(|| {
        let names: Vec<&str> = accommodations.iter().map(|a| a.name(lang)).collect();
        t_with(lang, Key::stands_offers, &[("list", &names.join(", "))])
    })
}

/// A company's own request, how it stands, and the button that takes it back.
#[component]
fn OwnStandNote(stand: OwnStand) -> impl IntoView {
    let lang = use_ui().lang;
    let status = t_with(
        lang,
        Key::stands_own_status,
        &[("company", &stand.company_name), ("status", t(lang, stand.status.label()))],
    );
    let reason = (stand.status == StandStatus::Declined)
        .then(|| t_with(lang, Key::stands_own_reason, &[("reason", &stand.decline_reason)]));
    let page = (stand.status != StandStatus::Withdrawn).then(|| {
        view! { <a href=stand_path(stand.id)>{t(lang, Key::stands_own_page)}</a> }
    });
    let withdraw = stand.may_withdraw.then(|| {
        let words = if stand.status == StandStatus::Accepted {
            Key::stands_withdraw_stand
        } else {
            Key::stands_withdraw_request
        };
        view! {
            <ButtonForm action=WITHDRAW_STAND_PATH label=t(lang, words) fields=vec![("stand", stand.id.to_string())] secondary=true />
        }
    });
    view! {
        <div class="app-inset">
            <p>{status}</p>
            {reason.map(|reason| view! { <p>{reason}</p> })}
            {page.map(|page| view! { <p>{page}</p> })}
            {withdraw}
        </div>
    }
}

/// The organisers' list of requests, each with its answer or the buttons to answer it.
#[component]
fn StandRequests(requests: Vec<StandRequest>) -> impl IntoView {
    let lang = use_ui().lang;
    let waiting = requests.iter().filter(|r| r.status == StandStatus::Asked).count();
    let summary = t_with(lang, Key::stands_requests_waiting, &[("count", &waiting.to_string())]);
    let body = if requests.is_empty() {
        view! { <p>{t(lang, Key::stands_requests_none)}</p> }.into_any()
    } else {
        requests.into_iter().map(|request| view! { <RequestItem request /> }).collect_view().into_any()
    };
    view! {
        <section class="app-section app-manage" aria-labelledby="stand-requests-h">
            <h2 id="stand-requests-h">{t(lang, Key::stands_requests_h2)}</h2>
            <p>{summary}</p>
            {body}
        </section>
    }
}

#[component]
fn RequestItem(request: StandRequest) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let heading = format!("stand-request-{}", request.id);
    let labelled_by = heading.clone();
    let asked = t_with(
        lang,
        Key::stands_request_asked,
        &[("when", &format_lima_date(request.asked_at)), ("status", t(lang, request.status.label()))],
    );
    let offers = offers_text(lang, &request.accommodations).unwrap_or_else(|| t(lang, Key::stands_offers_none).into());
    let reason = (request.status == StandStatus::Declined)
        .then(|| t_with(lang, Key::stands_own_reason, &[("reason", &request.decline_reason)]));
    let answer = request.may_decide.then(|| {
        let field = reason_field(request.id);
        let (error, typed) = (form.error(&field), form.value(&field));
        view! {
            <ButtonForm
                action=DECIDE_STAND_PATH
                label=t_with(lang, Key::stands_accept, &[("company", &request.company_name)])
                fields=vec![("stand", request.id.to_string()), ("decision", Decision::Accept.code().to_string())]
            />
            <form method="post" action=DECIDE_STAND_PATH>
                <CsrfField />
                <input type="hidden" name="stand" value=request.id.to_string() />
                <input type="hidden" name="decision" value=Decision::Decline.code() />
                <TextArea id=field label=t(lang, Key::stands_reason_label) rows=3 value=typed error />
                <button class="app-button app-button--secondary" type="submit">{t_with(lang, Key::stands_decline, &[("company", &request.company_name)])}</button>
            </form>
        }
    });
    view! {
        <article class="app-card" aria-labelledby=labelled_by>
            <h3 id=heading>{request.company_name.clone()}</h3>
            <p>{asked}</p>
            <PlainText text=request.introduction.clone() />
            <p>{offers}</p>
            {reason.map(|reason| view! { <p>{reason}</p> })}
            {answer}
        </article>
    }
}
