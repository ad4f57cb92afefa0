//! Pages about organisations for staff: verifying the companies that registered.

use super::api::companies_for_review;
use super::{Company, CompanyReview, JoinRequest, DECIDE_JOIN_PATH, VERIFY_COMPANY_PATH};
use crate::components::form::CsrfField;
use crate::components::format::region_name;
use crate::components::notice::{sign_in_first, NoticeBanner};
use crate::components::status_page::ErrorPage;
use crate::domain::lima_time::format_lima;
use crate::i18n::{page_title, t_with, Key};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

/// Counsellors and admins check each new company against SUNAT's register and verify it
/// (only verified companies may publish vacancies), and decide who may act for a company that
/// was already registered.
#[component]
pub fn CompanyReviewPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, super::COMPANY_REVIEW_PATH) {
        return away;
    }
    let companies = Resource::new_blocking(|| (), |_| companies_for_review());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match companies.await {
                    Ok(review) => view! { <ReviewLists review /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn ReviewLists(review: CompanyReview) -> impl IntoView {
    let ui = use_ui();
    let (verified, pending): (Vec<_>, Vec<_>) = review.companies.into_iter().partition(|c| c.verified);
    let requests_heading = t_with(ui.lang, Key::review_requests_h2, &[("count", &review.requests.len().to_string())]);
    let request_items = review.requests.into_iter().map(|request| view! { <JoinRequestCard request /> }).collect_view();
    let pending_heading = t_with(ui.lang, Key::review_pending_h2, &[("count", &pending.len().to_string())]);
    let verified_heading = t_with(ui.lang, Key::review_verified_h2, &[("count", &verified.len().to_string())]);
    let pending_items = pending
        .into_iter()
        .map(|company| {
            let (id, name) = (company.id.to_string(), company.legal_name.clone());
            view! {
                <li class="app-card">
                    <h3 class="app-card__title">{company.legal_name.clone()}</h3>
                    <CompanyFacts company />
                    <form method="post" action=VERIFY_COMPANY_PATH>
                        <CsrfField />
                        <input type="hidden" name="company" value=id />
                        <button class="app-button" type="submit">
                            {ui.t(Key::review_verify)}
                            <span class="app-visually-hidden">{format!(": {name}")}</span>
                        </button>
                    </form>
                </li>
            }
        })
        .collect_view();
    let verified_items = verified
        .into_iter()
        .map(|company| {
            view! {
                <li class="app-card">
                    <h3 class="app-card__title">{company.legal_name.clone()}</h3>
                    <CompanyFacts company />
                </li>
            }
        })
        .collect_view();
    view! {
        <Title text=page_title(ui.lang, Key::review_title) />
        <div class="app-width app-narrow">
            <NoticeBanner />
            <h1>{ui.t(Key::review_h1)}</h1>
            <p>{ui.t(Key::review_intro)}</p>
            <section aria-labelledby="pending-heading">
                <h2 id="pending-heading">{pending_heading}</h2>
                <ul class="app-sessions">{pending_items}</ul>
            </section>
            <section aria-labelledby="requests-heading">
                <h2 id="requests-heading">{requests_heading}</h2>
                <ul class="app-sessions">{request_items}</ul>
            </section>
            <section aria-labelledby="verified-heading">
                <h2 id="verified-heading">{verified_heading}</h2>
                <ul class="app-sessions">{verified_items}</ul>
            </section>
        </div>
    }
}

#[component]
fn CompanyFacts(company: Company) -> impl IntoView {
    let ui = use_ui();
    view! {
        <dl class="app-facts">
            <dt>{ui.t(Key::company_ruc)}</dt>
            <dd>{company.ruc}</dd>
            <dt>{ui.t(Key::company_sector)}</dt>
            <dd>{company.sector}</dd>
            <dt>{ui.t(Key::company_region)}</dt>
            <dd>{region_name(&company.region)}</dd>
        </dl>
    }
}

/// A person asking to act for a registered company, with the two answers.
#[component]
fn JoinRequestCard(request: JoinRequest) -> impl IntoView {
    let ui = use_ui();
    let context = format!(": {} — {}", request.name, request.company_name);
    let decision = |value: &'static str, label: Key, class: &'static str| {
        let (account, context) = (request.account_id.to_string(), context.clone());
        view! {
            <form method="post" action=DECIDE_JOIN_PATH class="app-inline-form">
                <CsrfField />
                <input type="hidden" name="account" value=account />
                <input type="hidden" name="decision" value=value />
                <button class=class type="submit">
                    {ui.t(label)}
                    <span class="app-visually-hidden">{context}</span>
                </button>
            </form>
        }
    };
    view! {
        <li class="app-card">
            <h3 class="app-card__title">{request.name.clone()}</h3>
            <dl class="app-facts">
                <dt>{ui.t(Key::account_email)}</dt>
                <dd>{request.email.clone()}</dd>
                <dt>{ui.t(Key::review_request_company)}</dt>
                <dd>{format!("{} (RUC {})", request.company_name, request.ruc)}</dd>
                <dt>{ui.t(Key::review_request_date)}</dt>
                <dd>{format_lima(request.requested_at)}</dd>
            </dl>
            {decision("aprobar", Key::review_approve, "app-button")}
            {decision("rechazar", Key::review_reject, "app-button app-button--secondary")}
        </li>
    }
}
