//! The signed-in person's own pages: who I am, my password, my signed-in devices.

use super::form_title;
use crate::accounts::api::{my_pending_join, my_sessions, SessionView};
use crate::accounts::{
    Role, ACCOUNT_PATH, CHANGE_EMAIL_PATH, CHANGE_PASSWORD_PATH, DELETE_ACCOUNT_PATH, END_OTHER_SESSIONS_PATH,
    END_SESSION_PATH, EXPORT_DATA_PATH, NEW_STAFF_PATH, ROLES_PATH, SESSIONS_PATH, SIGN_OUT_PATH,
};
use crate::audit::AUDIT_PATH;
use crate::components::button_form::ButtonForm;
use crate::components::form::{use_form_state, CsrfField, ErrorSummary, PasswordField};
use crate::components::notice::{sign_in_first, NoticeBanner};
use crate::components::status_page::ErrorPage;
use crate::i18n::{page_title, t_with, Key};
use crate::organisations::COMPANY_REVIEW_PATH;
use crate::ui::use_ui;
use crate::vacancies::MY_VACANCIES_PATH;
use leptos::prelude::*;
use leptos_meta::Title;

/// Who I am here. Signed-out visitors are sent to sign in first, and come back.
#[component]
pub fn AccountPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, ACCOUNT_PATH) {
        return away;
    }
    let Some(actor) = ui.actor.clone() else { return ().into_any() };
    let roles = actor.roles.iter().map(|grant| view! { <li>{ui.t(grant.role.label())}</li> }).collect_view();
    let reviews = actor.has(Role::Counsellor) || actor.has(Role::Admin);
    let tools = [
        (actor.has(Role::Employer) || actor.has(Role::Counsellor), MY_VACANCIES_PATH, Key::account_tool_vacancies),
        (actor.has(Role::Seeker), crate::seekers::MY_PROFILE_PATH, Key::account_tool_profile),
        (actor.has(Role::Seeker), crate::matches::MATCHES_PATH, Key::matches_link_self),
        (actor.has(Role::Seeker), crate::applications::MY_APPLICATIONS_PATH, Key::my_applications_title),
        (actor.has(Role::Counsellor), crate::seekers::CASELOAD_PATH, Key::account_tool_caseload),
        (actor.has(Role::Counsellor), crate::fairs::FAIRS_PATH, Key::account_tool_fairs),
        (reviews || actor.has(Role::Employer), crate::interviews::TEMPLATES_PATH, Key::template_library_title),
        (reviews, COMPANY_REVIEW_PATH, Key::account_tool_review),
        (actor.has(Role::Admin), NEW_STAFF_PATH, Key::account_tool_staff),
        (actor.has(Role::Admin), ROLES_PATH, Key::account_tool_roles),
        (actor.has(Role::Admin), AUDIT_PATH, Key::account_tool_audit),
        (actor.has(Role::Admin), crate::second_factor::RESET_PATH, Key::account_tool_reset),
        (actor.has(Role::Admin), crate::vacancies::ACCOMMODATIONS_PATH, Key::account_tool_accommodations),
    ]
    .into_iter()
    .filter(|(shown, _, _)| *shown)
    .map(|(_, path, label)| view! { <li><a href=path>{ui.t(label)}</a></li> })
    .collect::<Vec<_>>();
    let tools = (!tools.is_empty()).then(|| {
        view! {
            <h2>{ui.t(Key::account_tools)}</h2>
            <ul class="app-list app-list--links">{tools}</ul>
        }
    });
    view! {
        <Title text=page_title(ui.lang, Key::account_title) />
        <div class="app-width app-narrow">
            <NoticeBanner />
            <h1>{ui.t(Key::account_h1)}</h1>
            <dl class="app-facts">
                <dt>{ui.t(Key::account_name)}</dt>
                <dd>{actor.name.clone()}</dd>
                <dt>{ui.t(Key::account_email)}</dt>
                <dd>{actor.email.clone()}</dd>
            </dl>
            <h2>{ui.t(Key::account_roles)}</h2>
            <ul class="app-list">{roles}</ul>
            {actor.roles.is_empty().then(|| view! { <PendingJoin /> })}
            {tools}
            <h2>{ui.t(Key::account_links)}</h2>
            <ul class="app-list app-list--links">
                <li><a href=CHANGE_PASSWORD_PATH>{ui.t(Key::account_change_password)}</a></li>
                <li><a href=SESSIONS_PATH>{ui.t(Key::account_sessions)}</a></li>
                <li><a href=CHANGE_EMAIL_PATH>{ui.t(Key::change_email_title)}</a></li>
                <li><a href=crate::second_factor::SECURITY_PATH>{ui.t(Key::security_title)}</a></li>
            </ul>
            <h2>{ui.t(Key::account_my_data)}</h2>
            <p>{ui.t(Key::account_my_data_body)}</p>
            <ul class="app-list app-list--links">
                <li><a href=EXPORT_DATA_PATH>{ui.t(Key::account_export)}</a></li>
                <li><a href=DELETE_ACCOUNT_PATH>{ui.t(Key::delete_title)}</a></li>
            </ul>
            <ButtonForm action=SIGN_OUT_PATH label=ui.t(Key::sign_out) secondary=true inline=false />
        </div>
    }
    .into_any()
}

/// For an account with no role yet: the company it asked to act for.
#[component]
fn PendingJoin() -> impl IntoView {
    let pending = Resource::new_blocking(|| (), |_| my_pending_join());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let ui = use_ui();
                pending.await.ok().flatten().map(|company| {
                    view! { <p class="app-lead">{t_with(ui.lang, Key::account_pending_join, &[("company", &company)])}</p> }
                })
            })}
        </Suspense>
    }
}

#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, CHANGE_PASSWORD_PATH) {
        return away;
    }
    let form = use_form_state();
    view! {
        <Title text=form_title(Key::change_password_title, form.has_errors()) />
        <div class="app-width app-narrow">
            <form method="post" action=CHANGE_PASSWORD_PATH novalidate>
                <CsrfField />
                <ErrorSummary errors=form.errors.clone() />
                <h1>{ui.t(Key::change_password_h1)}</h1>
                <p>{ui.t(Key::change_password_body)}</p>
                <PasswordField
                    id="current_password"
                    label=ui.t(Key::change_password_current)
                    error=form.error("current_password")
                />
                <PasswordField id="new_password" label=ui.t(Key::change_password_new) new=true error=form.error("new_password") />
                <button class="app-button" type="submit">{ui.t(Key::change_password_submit)}</button>
            </form>
        </div>
    }
    .into_any()
}

/// My signed-in devices. Each other one can be signed out, or all of them at once.
#[component]
pub fn SessionsPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, SESSIONS_PATH) {
        return away;
    }
    let sessions = Resource::new_blocking(|| (), |_| my_sessions());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match sessions.await {
                    Ok(sessions) => view! { <SessionList sessions /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn SessionList(sessions: Vec<SessionView>) -> impl IntoView {
    let ui = use_ui();
    let others = sessions.iter().filter(|s| !s.current).count();
    let items = sessions
        .into_iter()
        .map(|session| {
            let device =
                if session.device.is_empty() { ui.t(Key::sessions_unknown_device).to_string() } else { session.device };
            let started = t_with(ui.lang, Key::sessions_started, &[("when", &session.started)]);
            let end = (!session.current).then(|| {
                view! {
                    <form method="post" action=END_SESSION_PATH>
                        <CsrfField />
                        <input type="hidden" name="session" value=session.id.clone() />
                        <button class="app-button app-button--secondary" type="submit">
                            {ui.t(Key::sessions_end)}
                            <span class="app-visually-hidden">{format!(": {device}, {started}")}</span>
                        </button>
                    </form>
                }
            });
            view! {
                <li class="app-card">
                    <h2 class="app-card__title">{device.clone()}</h2>
                    {session.current.then(|| view! { <p class="app-tag">{ui.t(Key::sessions_this_device)}</p> })}
                    <p>{started.clone()}</p>
                    <p>{t_with(ui.lang, Key::sessions_last_used, &[("when", &session.last_used)])}</p>
                    {end}
                </li>
            }
        })
        .collect_view();
    view! {
        <Title text=page_title(ui.lang, Key::sessions_title) />
        <div class="app-width app-narrow">
            <NoticeBanner />
            <h1>{ui.t(Key::sessions_h1)}</h1>
            <p>{ui.t(Key::sessions_intro)} " " {ui.t(Key::sessions_time_note)}</p>
            <ul class="app-sessions">{items}</ul>
            {(others > 0).then(|| view! {
                <ButtonForm action=END_OTHER_SESSIONS_PATH label=ui.t(Key::sessions_end_others) inline=false />
            })}
        </div>
    }
}
