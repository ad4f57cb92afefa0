//! Registering a person: by a counsellor with the person beside them (every consent read out
//! in plain words), or by the person for themselves.

use super::counsellor_only;
use crate::components::form::{use_form_state, Choice, CsrfField, ErrorSummary, SelectField};
use crate::components::notice::{sign_in_first, NoticeBanner};
use crate::i18n::{page_title, t, Key};
use crate::seekers::consent::ConsentKind;
use crate::seekers::{CONSENT_REGISTER_FIELD, REGISTER_SEEKER_PATH};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn RegisterSeekerPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, REGISTER_SEEKER_PATH) {
        return away;
    }
    if let Some(refused) = counsellor_only(&ui) {
        return refused;
    }
    view! {
        <RegistrationForm
            action=REGISTER_SEEKER_PATH
            heading=Key::register_seeker_h1
            intro=Key::register_seeker_intro
            consents_hint=Key::register_seeker_consents_hint
            submit=Key::register_seeker_submit
            centres=None
        />
    }
    .into_any()
}

/// The registration form: who the person is, how to reach them, and each consent in plain
/// words. With `centres`, the person chooses the centre that follows them (self-registration).
#[component]
pub(super) fn RegistrationForm(
    action: &'static str,
    heading: Key,
    intro: Key,
    consents_hint: Key,
    submit: Key,
    centres: Option<Vec<crate::organisations::Centre>>,
) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let title = if form.has_errors() {
        format!("{}: {}", t(lang, Key::form_error_prefix), page_title(lang, heading))
    } else {
        page_title(lang, heading)
    };
    let ticked: Vec<String> = form.values.iter().filter(|(k, _)| k == "consent").map(|(_, v)| v.clone()).collect();
    let register_error = form.error(CONSENT_REGISTER_FIELD);
    let register_invalid = register_error.is_some();
    let consents = ConsentKind::ALL
        .into_iter()
        .map(|kind| {
            let described_by = (kind == ConsentKind::Register && register_invalid).then(|| "consent-error".to_string());
            view! {
                <Choice
                    kind="checkbox"
                    name="consent"
                    value=kind.code()
                    label=t(lang, kind.text()).to_string()
                    checked=ticked.iter().any(|c| c == kind.code())
                    described_by
                />
            }
        })
        .collect_view();
    let is_self = centres.is_some();
    let centre_field = centres.map(|centres| {
        let options: Vec<(String, String)> = centres.iter().map(|c| (c.id.to_string(), c.name.clone())).collect();
        view! {
            <SelectField
                id="centre"
                label=t(lang, Key::seeker_centre)
                hint=Some(t(lang, Key::seeker_centre_hint))
                options
                selected=form.value("centre")
                error=form.error("centre")
                empty_label=Some(t(lang, Key::seeker_centre_none))
            />
        }
    });
    view! {
        <Title text=title />
        <div class="app-width app-narrow">
            <NoticeBanner />
            <form method="post" action=action novalidate>
                <CsrfField />
                <ErrorSummary errors=form.errors.clone() />
                <h1>{t(lang, heading)}</h1>
                <p class="app-lead">{t(lang, intro)}</p>
                {is_self.then(|| view! {
                    <p>
                        {t(lang, Key::claim_offer)} " "
                        <a href=crate::seekers::claim::CLAIM_PATH>{t(lang, Key::claim_offer_link)}</a>
                    </p>
                })}
                <crate::seekers::pages::details::DetailsFields form=form.clone() />
                {centre_field}
                <fieldset class="app-fieldset" class:app-field--error=register_invalid>
                    <legend class="app-fieldset__legend">{t(lang, Key::register_seeker_consents)}</legend>
                    <p class="app-hint">{t(lang, consents_hint)}</p>
                    {register_error.map(|message| view! { <p class="app-field__error" id="consent-error">{message}</p> })}
                    {consents}
                </fieldset>
                <button class="app-button" type="submit">{t(lang, submit)}</button>
            </form>
        </div>
    }
}
