//! The code page: finishing a password sign-in, or confirming it is me before a sensitive
//! action. GOV.UK's pattern for a security code: one field, what to type and where it comes
//! from, and what to do without it.

use super::{return_to, CodeField};
use crate::accounts::SIGN_OUT_PATH;
use crate::components::button_form::ButtonForm;
use crate::components::form::{form_title, use_form_state, CsrfField, ErrorSummary};
use crate::components::notice::sign_in_first;
use crate::i18n::Key;
use crate::second_factor::api::code_page_passkey;
use crate::second_factor::passkey_offer::{Ceremony, PasskeyForm};
use crate::second_factor::{CODE_PATH, PASSKEY_FIELD};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CodePage() -> impl IntoView {
    let ui = use_ui();
    // A sign-in owing its code has a form token but nobody signed in yet.
    let signing_in = ui.actor.is_none() && ui.form_token.is_some();
    if !signing_in {
        if let Some(away) = sign_in_first(&ui, CODE_PATH) {
            return away;
        }
    }
    let form = use_form_state();
    let (title, h1, lead) = if signing_in {
        (Key::code_title, Key::code_h1, Key::code_lead)
    } else {
        (Key::step_up_title, Key::step_up_h1, Key::step_up_lead)
    };
    let passkey = Resource::new_blocking(|| (), |_| code_page_passkey());
    let passkey_error = form.error(PASSKEY_FIELD);
    view! {
        <Title text=form_title(title, form.has_errors()) />
        <div class="app-width app-narrow">
            <ErrorSummary errors=form.errors.clone() />
            <h1>{ui.t(h1)}</h1>
            <Suspense>
                {move || {
                    let error = passkey_error.clone();
                    Suspend::new(async move {
                        let ui = use_ui();
                        let ceremony = passkey.await.ok().flatten()?;
                        Some(view! {
                            <h2>{ui.t(Key::code_passkey_h2)}</h2>
                            <p>{ui.t(Key::code_passkey_body)}</p>
                            <PasskeyForm
                                action=CODE_PATH
                                kind=Ceremony::Get
                                ceremony=Some(ceremony)
                                label=ui.t(Key::code_passkey_submit)
                                carry=vec![("return_to", return_to())]
                                error
                            />
                            <h2>{ui.t(Key::code_or_code_h2)}</h2>
                        })
                    })
                }}
            </Suspense>
            <form method="post" action=CODE_PATH novalidate>
                <CsrfField />
                <p class="app-lead">{ui.t(lead)}</p>
                <input type="hidden" name="return_to" value=return_to() />
                <CodeField label=Key::code_label hint=Key::code_hint error=form.error(crate::second_factor::CODE_FIELD) />
                <button class="app-button" type="submit">{ui.t(Key::code_submit)}</button>
            </form>
            <h2>{ui.t(Key::code_trouble_h2)}</h2>
            <p>{ui.t(Key::code_trouble_time)}</p>
            <p>{ui.t(Key::code_trouble_lost)}</p>
            {signing_in.then(|| view! {
                <ButtonForm action=SIGN_OUT_PATH label=ui.t(Key::code_not_me) secondary=true inline=false />
            })}
        </div>
    }
    .into_any()
}
