//! An admin creates the account of a counsellor or another admin. The person sets their own
//! password from an emailed link: no admin ever knows it.

use super::form_title;
use crate::accounts::NEW_STAFF_PATH;
use crate::components::form::{use_form_state, Choice, CsrfField, ErrorSummary, SelectField, TextField};
use crate::components::format::region_name;
use crate::components::notice::{sign_in_first, NoticeBanner};
use crate::components::status_page::ErrorPage;
use crate::i18n::Key;
use crate::organisations::api::list_directory;
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

/// The first radio button of the role choice: where the error summary links to.
pub const ROLE_FIELD: &str = "role-counsellor";

#[component]
pub fn NewStaffPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, NEW_STAFF_PATH) {
        return away;
    }
    if !ui.actor.as_ref().is_some_and(|a| a.has(crate::accounts::Role::Admin)) {
        return view! { <ErrorPage error=crate::error::AppError::Forbidden /> }.into_any();
    }
    let directory = Resource::new_blocking(|| (), |_| list_directory());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match directory.await {
                    Ok(directory) => {
                        let centres = directory
                            .centres
                            .into_iter()
                            .map(|c| (c.id.to_string(), format!("{} ({})", c.name, region_name(&c.region))))
                            .collect();
                        view! { <NewStaffForm centres /> }.into_any()
                    }
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn NewStaffForm(centres: Vec<(String, String)>) -> impl IntoView {
    let ui = use_ui();
    let form = use_form_state();
    let role = form.value("role");
    let role_error = form.error(ROLE_FIELD);
    view! {
        <Title text=form_title(Key::staff_title, form.has_errors()) />
        <div class="app-width app-narrow">
            <NoticeBanner />
            <form method="post" action=NEW_STAFF_PATH novalidate>
                <CsrfField />
                <ErrorSummary errors=form.errors.clone() />
                <h1>{ui.t(Key::staff_h1)}</h1>
                <p>{ui.t(Key::staff_intro)}</p>
                <TextField id="name" label=ui.t(Key::sign_up_name) autocomplete="off" value=form.value("name") error=form.error("name") />
                <TextField
                    id="email"
                    label=ui.t(Key::sign_in_email)
                    input_type="email"
                    autocomplete="off"
                    value=form.value("email")
                    error=form.error("email")
                />
                <div class="app-field" class:app-field--error=role_error.is_some()>
                    <fieldset class="app-fieldset" id="role" aria-describedby=role_error.as_ref().map(|_| "role-error")>
                        <legend class="app-fieldset__legend">{ui.t(Key::staff_role)}</legend>
                        {role_error.clone().map(|message| view! {
                            <p class="app-field__error" id="role-error">
                                <span class="app-visually-hidden">{ui.t(Key::form_error_prefix)} " "</span>
                                {message}
                            </p>
                        })}
                        <Choice kind="radio" name="role" value="counsellor" label=ui.t(Key::role_counsellor) checked=role == "counsellor" />
                        <Choice kind="radio" name="role" value="admin" label=ui.t(Key::role_admin) checked=role == "admin" />
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
                <button class="app-button" type="submit">{ui.t(Key::staff_submit)}</button>
            </form>
        </div>
    }
}
