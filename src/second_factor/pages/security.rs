//! My second factor: what I have set up, setting up an authenticator app, new recovery codes,
//! and turning it off. Counsellors and admins without one land here first, and are told why.

use super::{return_to, CodeField, ShowRecoveryCodes};
use crate::components::form::{form_title, use_form_state, CsrfField, ErrorSummary, PasswordField};
use crate::components::notice::{sign_in_first, NoticeBanner};
use crate::i18n::{page_title, t_with, Key};
use crate::second_factor::api::{app_setup, my_second_factor};
use crate::second_factor::{
    NewRecoveryCodes, APP_PATH, PASSKEY_PATH, PASSKEY_REMOVE_PATH, RECOVERY_CODES_PATH, REMOVE_PATH, SECURITY_PATH,
};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

/// `path` with the page's `volver` carried on, so the person ends where they were going.
fn onward(path: &str) -> String {
    match return_to() {
        back if back.is_empty() => path.to_string(),
        back => format!("{path}?volver={}", crate::second_factor::gate::encode(&back)),
    }
}

#[component]
pub fn SecurityPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, SECURITY_PATH) {
        return away;
    }
    let mine = Resource::new_blocking(|| (), |_| my_second_factor());
    view! {
        <Title text=page_title(ui.lang, Key::security_title) />
        <div class="app-width app-narrow">
            <NoticeBanner />
            <h1>{ui.t(Key::security_h1)}</h1>
            <Suspense>
                {move || Suspend::new(async move {
                    let ui = use_ui();
                    let mine = mine.await.ok()?;
                    let back = return_to();
                    let passkeys_count = mine.passkeys.len();
                    let passkey_link = mine.passkeys_offered.then(|| view! {
                        <li><a href=onward(PASSKEY_PATH)>{ui.t(Key::security_add_passkey)}</a></li>
                    });
                    Some(if mine.any() {
                        let left = mine.recovery_codes_left.to_string();
                        let passkeys = mine.passkeys.into_iter().map(|p| {
                            let used = match &p.last_used {
                                Some(at) => t_with(ui.lang, Key::security_passkey_used, &[("when", at)]),
                                None => ui.t(Key::security_passkey_unused).to_string(),
                            };
                            let added = t_with(ui.lang, Key::security_passkey_added, &[("when", &p.added)]);
                            let remove = format!("{PASSKEY_REMOVE_PATH}?llave={}", p.id);
                            let label = t_with(ui.lang, Key::security_passkey_remove, &[("name", &p.name)]);
                            view! {
                                <li>
                                    <strong>{p.name.clone()}</strong>
                                    <span class="app-hint">" " {added} ". " {used}</span>
                                    " " <a href=remove>{label}</a>
                                </li>
                            }
                        }).collect_view();
                        let app = if mine.app { Key::security_app_on } else { Key::security_app_off };
                        view! {
                            <p class="app-lead">{ui.t(Key::security_on)}</p>
                            <dl class="app-facts">
                                <dt>{ui.t(Key::security_passkeys)}</dt>
                                <dd>
                                    {if passkeys_count == 0 {
                                        view! { <p>{ui.t(Key::security_passkeys_none)}</p> }.into_any()
                                    } else {
                                        view! { <ul class="app-list">{passkeys}</ul> }.into_any()
                                    }}
                                </dd>
                                <dt>{ui.t(Key::security_app)}</dt>
                                <dd>{ui.t(app)}</dd>
                                <dt>{ui.t(Key::security_codes_left)}</dt>
                                <dd>{t_with(ui.lang, Key::security_codes_left_count, &[("count", &left)])}</dd>
                            </dl>
                            {(mine.recovery_codes_left <= 3).then(|| view! { <p class="app-inset">{ui.t(Key::security_codes_low)}</p> })}
                            {(!back.is_empty()).then(|| view! { <p><a class="app-button" href=back.clone()>{ui.t(Key::recovery_saved_continue)}</a></p> })}
                            <ul class="app-list app-list--links">
                                {passkey_link}
                                {(!mine.app).then(|| view! { <li><a href=APP_PATH>{ui.t(Key::security_set_up_app)}</a></li> })}
                                <li><a href=RECOVERY_CODES_PATH>{ui.t(Key::security_new_codes)}</a></li>
                                <li><a href=REMOVE_PATH>{ui.t(Key::security_remove)}</a></li>
                            </ul>
                        }
                        .into_any()
                    } else {
                        let (lead, body) = if mine.required {
                            (Key::security_required_lead, Key::security_required_body)
                        } else {
                            (Key::security_optional_lead, Key::security_optional_body)
                        };
                        view! {
                            <p class="app-lead">{ui.t(lead)}</p>
                            <p>{ui.t(body)}</p>
                            <p>{ui.t(Key::security_choose)}</p>
                            <ul class="app-list app-list--links">
                                {passkey_link}
                                <li><a href=onward(APP_PATH)>{ui.t(Key::security_set_up_app)}</a></li>
                            </ul>
                        }
                        .into_any()
                    })
                })}
            </Suspense>
        </div>
    }
    .into_any()
}

/// Setting up an authenticator app: the QR code and the same secret as text, then one code
/// from the app and the password. Answered with the recovery codes.
#[component]
pub fn AppPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, APP_PATH) {
        return away;
    }
    if let Some(codes) = use_context::<NewRecoveryCodes>() {
        return view! { <ShowRecoveryCodes codes /> }.into_any();
    }
    let form = use_form_state();
    let kept = Some(form.value("secret")).filter(|s| !s.is_empty());
    let setup = Resource::new_blocking(move || kept.clone(), app_setup);
    view! {
        <Title text=form_title(Key::app_title, form.has_errors()) />
        <div class="app-width app-narrow">
            <form method="post" action=APP_PATH novalidate>
                <CsrfField />
                <ErrorSummary errors=form.errors.clone() />
                <h1>{ui.t(Key::app_h1)}</h1>
                <p class="app-lead">{ui.t(Key::app_lead)}</p>
                <input type="hidden" name="return_to" value=return_to() />
                <Suspense>
                    {move || Suspend::new(async move {
                        let ui = use_ui();
                        let setup = setup.await.ok()?;
                        Some(view! {
                            <input type="hidden" name="secret" value=setup.secret.clone() />
                            <ol class="app-list">
                                <li>{ui.t(Key::app_step_install)}</li>
                                <li>
                                    <p>{ui.t(Key::app_step_scan)}</p>
                                    <div class="app-qr" role="img" aria-label=ui.t(Key::app_qr_label) inner_html=setup.qr_svg.clone()></div>
                                    <p id="app-secret-hint">{ui.t(Key::app_step_type)}</p>
                                    <p>
                                        <code class="app-code app-code--wrap" id="app-secret" aria-describedby="app-secret-hint">{setup.grouped.clone()}</code>
                                    </p>
                                    <p class="app-hint">{t_with(ui.lang, Key::app_account, &[("account", &setup.account)])}</p>
                                </li>
                                <li>{ui.t(Key::app_step_code)}</li>
                            </ol>
                        })
                    })}
                </Suspense>
                <CodeField label=Key::app_code_label hint=Key::app_code_hint error=form.error(crate::second_factor::CODE_FIELD) />
                <PasswordField id="password" label=ui.t(Key::app_password) error=form.error("password") />
                <button class="app-button" type="submit">{ui.t(Key::app_submit)}</button>
            </form>
        </div>
    }
    .into_any()
}

/// A new set of recovery codes, given the password; shows them once.
#[component]
pub fn RecoveryCodesPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, RECOVERY_CODES_PATH) {
        return away;
    }
    if let Some(codes) = use_context::<NewRecoveryCodes>() {
        return view! { <ShowRecoveryCodes codes /> }.into_any();
    }
    let form = use_form_state();
    view! {
        <Title text=form_title(Key::new_codes_title, form.has_errors()) />
        <div class="app-width app-narrow">
            <form method="post" action=RECOVERY_CODES_PATH novalidate>
                <CsrfField />
                <ErrorSummary errors=form.errors.clone() />
                <h1>{ui.t(Key::new_codes_h1)}</h1>
                <p>{ui.t(Key::new_codes_body)}</p>
                <PasswordField id="password" label=ui.t(Key::app_password) error=form.error("password") />
                <button class="app-button" type="submit">{ui.t(Key::new_codes_submit)}</button>
            </form>
            <p><a href=SECURITY_PATH>{ui.t(Key::security_back)}</a></p>
        </div>
    }
    .into_any()
}

/// Turning the second factor off, given the password.
#[component]
pub fn RemovePage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, REMOVE_PATH) {
        return away;
    }
    let form = use_form_state();
    view! {
        <Title text=form_title(Key::remove_title, form.has_errors()) />
        <div class="app-width app-narrow">
            <form method="post" action=REMOVE_PATH novalidate>
                <CsrfField />
                <ErrorSummary errors=form.errors.clone() />
                <h1>{ui.t(Key::remove_h1)}</h1>
                <p>{ui.t(Key::remove_body)}</p>
                <PasswordField id="password" label=ui.t(Key::app_password) error=form.error("password") />
                <button class="app-button app-button--secondary" type="submit">{ui.t(Key::remove_submit)}</button>
            </form>
            <p><a href=SECURITY_PATH>{ui.t(Key::security_back)}</a></p>
        </div>
    }
    .into_any()
}
