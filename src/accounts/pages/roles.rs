//! An admin gives an existing account another role, or takes one away. The person's
//! sessions end either way, so their next sign-in carries exactly the rights they now hold.

use super::form_title;
use crate::accounts::api::{roles_of, RoleHolder};
use crate::accounts::{Role, ROLES_PATH};
use crate::components::form::{use_form_state, Choice, CsrfField, ErrorSummary, SelectField, TextField};
use crate::components::format::region_name;
use crate::components::notice::{sign_in_first, NoticeBanner};
use crate::components::status_page::ErrorPage;
use crate::i18n::{t_with, Key};
use crate::organisations::api::list_directory;
use crate::organisations::Directory;
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

/// The first radio button of the role choice: where the error summary links to.
pub const GRANT_ROLE_FIELD: &str = "role-counsellor";

/// The query parameter (and hidden field) naming the account being looked at: an email or
/// an account number.
pub const WHO: &str = "cuenta";

#[component]
pub fn RolesPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, ROLES_PATH) {
        return away;
    }
    if !ui.actor.as_ref().is_some_and(|a| a.has(Role::Admin)) {
        return view! { <ErrorPage error=crate::error::AppError::Forbidden /> }.into_any();
    }
    let form = use_form_state();
    let who = if form.has_errors() { form.value(WHO) } else { ui.query(WHO).unwrap_or_default() };
    let searched = who.clone();
    let found = Resource::new_blocking(
        move || searched.clone(),
        |who| async move {
            if who.trim().is_empty() {
                return Ok((None, None));
            }
            let holder = roles_of(who).await?;
            let directory = list_directory().await?;
            Ok::<_, crate::error::AppError>((Some(holder), Some(directory)))
        },
    );
    view! {
        <Title text=form_title(Key::roles_title, form.has_errors()) />
        <div class="app-width app-narrow">
            <NoticeBanner />
            <ErrorSummary errors=form.errors.clone() />
            <h1>{ui.t(Key::roles_h1)}</h1>
            <p>{ui.t(Key::roles_intro)}</p>
            <form method="get" action=ROLES_PATH role="search">
                <TextField id=WHO label=ui.t(Key::roles_search) hint=Some(ui.t(Key::roles_search_hint)) autocomplete="off" value=who />
                <button class="app-button app-button--secondary" type="submit">{ui.t(Key::roles_search_submit)}</button>
            </form>
            <Suspense>
                {move || Suspend::new(async move {
                    match found.await {
                        Ok((None, _)) => ().into_any(),
                        Ok((Some(None), _)) => view! { <p class="app-lead">{use_ui().t(Key::roles_not_found)}</p> }.into_any(),
                        Ok((Some(Some(holder)), directory)) => {
                            view! { <RoleHolderCard holder directory=directory.unwrap_or_default() /> }.into_any()
                        }
                        Err(error) => view! { <ErrorPage error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
    .into_any()
}

/// The account found, its roles (each with a button that takes it away) and the form that
/// gives it another.
#[component]
fn RoleHolderCard(holder: RoleHolder, directory: Directory) -> impl IntoView {
    let ui = use_ui();
    let form = use_form_state();
    let account = holder.account_id.to_string();
    let org_name = |grant: &crate::accounts::RoleGrant| {
        let centre =
            grant.centre_id.and_then(|id| directory.centres.iter().find(|c| c.id == id)).map(|c| c.name.clone());
        let company = grant
            .company_id
            .and_then(|id| directory.companies.iter().find(|c| c.id == id))
            .map(|c| c.legal_name.clone());
        centre.or(company)
    };
    let roles = holder
        .roles
        .iter()
        .map(|grant| {
            let label = match org_name(grant) {
                Some(org) => format!("{} — {org}", ui.t(grant.role.label())),
                None => ui.t(grant.role.label()).to_string(),
            };
            let (account, role) = (account.clone(), grant.role.code());
            view! {
                <li class="app-card">
                    <p class="app-card__title">{label.clone()}</p>
                    <form method="post" action=ROLES_PATH>
                        <CsrfField />
                        <input type="hidden" name="account" value=account />
                        <input type="hidden" name="action" value="quitar" />
                        <input type="hidden" name="role" value=role />
                        <button class="app-button app-button--secondary" type="submit">
                            {ui.t(Key::roles_revoke)}
                            <span class="app-visually-hidden">{format!(": {label}")}</span>
                        </button>
                    </form>
                </li>
            }
        })
        .collect_view();
    let centres = directory
        .centres
        .iter()
        .map(|c| (c.id.to_string(), format!("{} ({})", c.name, region_name(&c.region))))
        .collect();
    let companies =
        directory.companies.iter().map(|c| (c.id.to_string(), format!("{} (RUC {})", c.legal_name, c.ruc))).collect();
    let chosen = form.value("role");
    let role_error = form.error(GRANT_ROLE_FIELD);
    let choices = [Role::Counsellor, Role::Admin, Role::Employer, Role::Seeker]
        .into_iter()
        .map(|role| view! { <Choice kind="radio" name="role" value=role.code() label=ui.t(role.label()) checked=chosen == role.code() /> })
        .collect_view();
    let heading = t_with(ui.lang, Key::roles_of, &[("name", &holder.name)]);
    view! {
        <section aria-labelledby="holder-heading">
            <h2 id="holder-heading">{heading}</h2>
            <p>{holder.email.clone()}</p>
            <h3>{ui.t(Key::account_roles)}</h3>
            {holder.roles.is_empty().then(|| view! { <p>{ui.t(Key::roles_none)}</p> })}
            <ul class="app-sessions">{roles}</ul>
            <form method="post" action=ROLES_PATH novalidate>
                <CsrfField />
                <h3>{ui.t(Key::roles_grant_h)}</h3>
                <p>{ui.t(Key::roles_grant_note)}</p>
                <input type="hidden" name="account" value=account.clone() />
                <input type="hidden" name="action" value="dar" />
                <div class="app-field" class:app-field--error=role_error.is_some()>
                    <fieldset class="app-fieldset" aria-describedby=role_error.as_ref().map(|_| "role-error")>
                        <legend class="app-fieldset__legend">{ui.t(Key::staff_role)}</legend>
                        {role_error.clone().map(|message| view! {
                            <p class="app-field__error" id="role-error">
                                <span class="app-visually-hidden">{ui.t(Key::form_error_prefix)} " "</span>
                                {message}
                            </p>
                        })}
                        {choices}
                    </fieldset>
                </div>
                <SelectField
                    id="centre"
                    label=ui.t(Key::staff_centre)
                    hint=Some(ui.t(Key::staff_centre_hint))
                    options=centres
                    selected=form.value("centre")
                    error=form.error("centre")
                />
                <SelectField
                    id="company"
                    label=ui.t(Key::roles_company)
                    hint=Some(ui.t(Key::roles_company_hint))
                    options=companies
                    selected=form.value("company")
                    error=form.error("company")
                />
                <button class="app-button" type="submit">{ui.t(Key::roles_grant_submit)}</button>
            </form>
        </section>
    }
}
