//! The profile's first step: who the person is, where they live, how to reach them, what they
//! studied and what they can do. The same fields make a new profile and change one after.

use crate::components::form::{coded_options, use_form_state, CsrfField, FormState, SelectField, TextArea, TextField};
use crate::domain::{region, DocumentType};
use crate::i18n::{t, Key};
use crate::seekers::api::ProfileStepForm;
use crate::seekers::pages::document_label;
use crate::seekers::steps::{ProfileStep, ProfileStepPage};
use crate::seekers::{step_path, ContactChannel, Education, Sex, DETAILS_PATH};
use crate::ui::use_ui;
use leptos::prelude::*;

/// The details as two groups of fields — who the person is, and where they live and how to
/// reach them — each showing what `form` holds and its error.
#[component]
pub fn DetailsFields(form: FormState) -> impl IntoView {
    let lang = use_ui().lang;
    let documents: Vec<(String, String)> =
        DocumentType::ALL.iter().map(|k| (k.code().to_string(), document_label(lang, *k).to_string())).collect();
    let regions: Vec<(String, String)> =
        region::ALL.iter().map(|r| (r.slug().to_string(), r.name().to_string())).collect();
    view! {
        <fieldset class="app-fieldset">
            <legend class="app-fieldset__legend">{t(lang, Key::register_seeker_who)}</legend>
            <TextField id="full_name" label=t(lang, Key::seeker_full_name) autocomplete="off" value=form.value("full_name") error=form.error("full_name") />
            <SelectField id="document_type" label=t(lang, Key::seeker_document_type) options=documents selected=form.value("document_type") error=form.error("document_type") />
            <TextField id="document_number" label=t(lang, Key::seeker_document_number) autocomplete="off" value=form.value("document_number") error=form.error("document_number") />
            <TextField id="birth_date" label=t(lang, Key::seeker_birth_date) input_type="date" autocomplete="off" value=form.value("birth_date") error=form.error("birth_date") />
            <SelectField id="sex" label=t(lang, Key::seeker_sex) options=coded_options(lang, Sex::ALL, Sex::code, Sex::label) selected=form.value("sex") error=form.error("sex") />
            <SelectField id="education" label=t(lang, Key::seeker_education) options=coded_options(lang, Education::ALL, Education::code, Education::label) selected=form.value("education") error=form.error("education") />
            <TextArea id="skills" label=t(lang, Key::seeker_skills) hint=Some(t(lang, Key::vacancy_skills_hint)) rows=2 value=form.value("skills") error=form.error("skills") />
        </fieldset>
        <fieldset class="app-fieldset">
            <legend class="app-fieldset__legend">{t(lang, Key::register_seeker_contact)}</legend>
            <SelectField id="region" label=t(lang, Key::vacancy_region) options=regions selected=form.value("region") error=form.error("region") />
            <TextField id="province" label=t(lang, Key::vacancy_province) autocomplete="off" value=form.value("province") error=form.error("province") />
            <TextField id="district" label=t(lang, Key::vacancy_district) autocomplete="off" value=form.value("district") error=form.error("district") />
            <TextField id="phone" label=t(lang, Key::seeker_phone) input_type="tel" autocomplete="off" value=form.value("phone") error=form.error("phone") />
            <TextField id="email" label=t(lang, Key::seeker_email) input_type="email" autocomplete="off" value=form.value("email") error=form.error("email") />
            <SelectField id="channel" label=t(lang, Key::seeker_channel) options=coded_options(lang, ContactChannel::ALL, ContactChannel::code, ContactChannel::label) selected=form.value("channel") error=form.error("channel") />
        </fieldset>
    }
}

/// The profile's details as the form's fields hold them.
pub fn details_values(found: &ProfileStepForm) -> Vec<(String, String)> {
    let p = &found.personal;
    let pairs = [
        ("full_name", p.full_name.clone()),
        ("document_type", p.document.kind.code().to_string()),
        ("document_number", p.document.number().to_string()),
        ("birth_date", p.birth_date.clone()),
        ("sex", p.sex.code().to_string()),
        ("education", found.education.map(|e| e.code().to_string()).unwrap_or_default()),
        ("skills", found.skills.join(", ")),
        ("region", p.region.slug().to_string()),
        ("province", p.province.clone()),
        ("district", p.district.clone()),
        ("phone", p.phone.clone()),
        ("email", p.email.clone()),
        ("channel", p.channel.code().to_string()),
    ];
    pairs.into_iter().map(|(name, value)| (name.to_string(), value)).collect()
}

/// Changing the details after the profile was made: the person's own, or with `?persona=`
/// those of the person a counsellor acts for.
#[component]
pub fn DetailsPage() -> impl IntoView {
    view! {
        <ProfileStepPage
            base=DETAILS_PATH
            step=ProfileStep::Personal
            own_heading=Key::details_h1_self
            their_heading=Key::details_h1
            intro=Key::details_intro
            body=|found, persona| view! { <DetailsForm found=found.clone() persona /> }.into_any()
        />
    }
}

#[component]
fn DetailsForm(found: ProfileStepForm, persona: Option<i64>) -> impl IntoView {
    let lang = use_ui().lang;
    let sent = use_form_state();
    // What was sent, when it comes back with its errors; else what the profile holds.
    let form =
        if sent.values.is_empty() { FormState { values: details_values(&found), errors: sent.errors } } else { sent };
    view! {
        <form method="post" action=step_path(DETAILS_PATH, persona) novalidate>
            <CsrfField />
            <DetailsFields form />
            <button class="app-button" type="submit">{t(lang, Key::details_submit)}</button>
        </form>
    }
}
