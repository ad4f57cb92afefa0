//! The work-history steps of a profile: the jobs a person has done, and the competences
//! certified to them. Each is a list with a button to take an entry out, and a short form to
//! add one; every entry is saved as it is added, so nothing waits for a last button.

use crate::components::form::{use_form_state, CsrfField, MonthYearField, TextArea, TextField};
use crate::components::plain_text::PlainText;
use crate::i18n::{t, t_with, Key};
use crate::seekers::api::ProfileStepForm;
use crate::seekers::history::{Certificate, WorkExperience};
use crate::seekers::steps::{ProfileStep, ProfileStepPage};
use crate::seekers::{step_path, CERTIFICATES_PATH, EXPERIENCE_PATH};
use crate::ui::use_ui;
use leptos::prelude::*;

/// The field ids of the job form; the server reads the same names.
pub mod job_fields {
    pub const TITLE: &str = "puesto";
    pub const EMPLOYER: &str = "empleador";
    pub const STARTED: &str = "desde";
    pub const ENDED: &str = "hasta";
    pub const DUTIES: &str = "tareas";
}

/// The field ids of the certificate form.
pub mod certificate_fields {
    pub const NAME: &str = "certificado";
    pub const ISSUER: &str = "entidad";
    pub const ISSUED: &str = "fecha";
    pub const NUMBER: &str = "codigo";
}

/// The name of the button that takes an entry out; its value is the entry's id.
pub const REMOVE_FIELD: &str = "quitar";

/// The year field's id of a [`MonthYearField`].
pub fn year_field(id: &str) -> String {
    format!("{id}-anio")
}

#[component]
pub fn ExperiencePage() -> impl IntoView {
    view! {
        <ProfileStepPage
            base=EXPERIENCE_PATH
            step=ProfileStep::Experience
            own_heading=Key::experience_h1_self
            their_heading=Key::experience_h1
            intro=Key::experience_intro
            body=|found, persona| view! { <ExperienceForms jobs=found.experience.clone() persona /> }.into_any()
        />
    }
}

#[component]
pub fn CertificatesPage() -> impl IntoView {
    view! {
        <ProfileStepPage
            base=CERTIFICATES_PATH
            step=ProfileStep::Certificates
            own_heading=Key::certificates_h1_self
            their_heading=Key::certificates_h1
            intro=Key::certificates_intro
            body=|found: &ProfileStepForm, persona| {
                view! { <CertificateForms certificates=found.certificates.clone() persona /> }.into_any()
            }
        />
    }
}

/// Who a job was for and when, in one line.
fn job_facts(lang: crate::i18n::Lang, job: &WorkExperience) -> String {
    let period = job.period(lang);
    if job.employer.is_empty() {
        period
    } else {
        format!("{} · {period}", job.employer)
    }
}

/// Who issued a certificate, when, and its number if it has one, in one line.
fn certificate_facts(lang: crate::i18n::Lang, certificate: &Certificate) -> String {
    let issued = certificate.issued.words(lang);
    let mut facts = t_with(lang, Key::certificate_issued_by, &[("issuer", &certificate.issuer), ("when", &issued)]);
    if !certificate.number.is_empty() {
        let number = t_with(lang, Key::certificate_number_is, &[("number", &certificate.number)]);
        facts.push_str(&format!(" · {number}"));
    }
    facts
}

/// A list of entries, or the words that say there are none.
#[component]
fn Entries(none: Key, items: Vec<AnyView>) -> impl IntoView {
    let lang = use_ui().lang;
    if items.is_empty() {
        view! { <p>{t(lang, none)}</p> }.into_any()
    } else {
        view! { <ul class="app-list app-entries">{items}</ul> }.into_any()
    }
}

/// One job or certificate: what it is, the facts in a line, what the person wrote of it, and
/// where it may be taken out, the button that does it (`(action, id, label)`).
#[component]
fn Entry(title: String, facts: String, details: String, remove: Option<(String, i64, String)>) -> impl IntoView {
    view! {
        <li>
            <h3>{title}</h3>
            <p>{facts}</p>
            {(!details.is_empty()).then(|| view! { <PlainText text=details /> })}
            {remove.map(|(action, id, label)| view! { <RemoveButton action id label /> })}
        </li>
    }
}

/// A small form with one button that takes entry `id` out of the list at `action`.
#[component]
fn RemoveButton(action: String, id: i64, label: String) -> impl IntoView {
    let lang = use_ui().lang;
    view! {
        <form method="post" action=action class="app-inline-form">
            <CsrfField />
            <button
                class="app-button app-button--secondary"
                type="submit"
                name=REMOVE_FIELD
                value=id.to_string()
                aria-label=label
            >
                {t(lang, Key::history_remove)}
            </button>
        </form>
    }
}

#[component]
fn ExperienceForms(jobs: Vec<WorkExperience>, persona: Option<i64>) -> impl IntoView {
    use job_fields::*;
    let lang = use_ui().lang;
    let form = use_form_state();
    let action = step_path(EXPERIENCE_PATH, persona);
    let items = jobs
        .into_iter()
        .map(|job| {
            let label = format!("{}: {}, {}", t(lang, Key::history_remove), job.job_title, job.period(lang));
            let remove = Some((action.clone(), job.id, label));
            let facts = job_facts(lang, &job);
            view! { <Entry title=job.job_title facts details=job.duties remove /> }.into_any()
        })
        .collect::<Vec<_>>();
    view! {
        <section aria-labelledby="jobs-h">
            <h2 id="jobs-h">{t(lang, Key::experience_listed_h2)}</h2>
            <Entries none=Key::experience_none items />
        </section>
        <form method="post" action=action.clone() novalidate aria-labelledby="add-job-h">
            <CsrfField />
            <h2 id="add-job-h">{t(lang, Key::experience_add_h2)}</h2>
            <TextField
                id=TITLE
                label=t(lang, Key::experience_title)
                hint=Some(t(lang, Key::experience_title_hint))
                autocomplete="organization-title"
                value=form.value(TITLE)
                error=form.error(TITLE)
            />
            <TextField
                id=EMPLOYER
                label=t(lang, Key::experience_employer)
                autocomplete="organization"
                value=form.value(EMPLOYER)
                error=form.error(EMPLOYER)
            />
            <MonthYearField
                id=STARTED
                legend=t(lang, Key::experience_started)
                month=form.value(STARTED)
                year=form.value(&year_field(STARTED))
                error=form.error(STARTED)
            />
            <MonthYearField
                id=ENDED
                legend=t(lang, Key::experience_ended)
                hint=Some(t(lang, Key::experience_ended_hint))
                month=form.value(ENDED)
                year=form.value(&year_field(ENDED))
                error=form.error(ENDED)
            />
            <TextArea
                id=DUTIES
                label=t(lang, Key::experience_duties)
                rows=4
                value=form.value(DUTIES)
                error=form.error(DUTIES)
            />
            <button class="app-button" type="submit">{t(lang, Key::experience_submit)}</button>
        </form>
    }
}

#[component]
fn CertificateForms(certificates: Vec<Certificate>, persona: Option<i64>) -> impl IntoView {
    use certificate_fields::*;
    let lang = use_ui().lang;
    let form = use_form_state();
    let action = step_path(CERTIFICATES_PATH, persona);
    let items = certificates
        .into_iter()
        .map(|certificate| {
            let when = certificate.issued.words(lang);
            let label = format!("{}: {}, {when}", t(lang, Key::history_remove), certificate.name);
            let remove = Some((action.clone(), certificate.id, label));
            let facts = certificate_facts(lang, &certificate);
            view! { <Entry title=certificate.name facts details=String::new() remove /> }.into_any()
        })
        .collect::<Vec<_>>();
    view! {
        <section aria-labelledby="certificates-h">
            <h2 id="certificates-h">{t(lang, Key::certificates_listed_h2)}</h2>
            <Entries none=Key::certificates_none items />
        </section>
        <form method="post" action=action.clone() novalidate aria-labelledby="add-certificate-h">
            <CsrfField />
            <h2 id="add-certificate-h">{t(lang, Key::certificates_add_h2)}</h2>
            <TextField
                id=NAME
                label=t(lang, Key::certificate_name)
                hint=Some(t(lang, Key::certificate_name_hint))
                autocomplete="off"
                value=form.value(NAME)
                error=form.error(NAME)
            />
            <TextField
                id=ISSUER
                label=t(lang, Key::certificate_issuer)
                autocomplete="off"
                value=form.value(ISSUER)
                error=form.error(ISSUER)
            />
            <MonthYearField
                id=ISSUED
                legend=t(lang, Key::certificate_issued)
                month=form.value(ISSUED)
                year=form.value(&year_field(ISSUED))
                error=form.error(ISSUED)
            />
            <TextField
                id=NUMBER
                label=t(lang, Key::certificate_number)
                autocomplete="off"
                value=form.value(NUMBER)
                error=form.error(NUMBER)
            />
            <button class="app-button" type="submit">{t(lang, Key::certificates_submit)}</button>
        </form>
    }
}

/// The jobs and certificates of a profile as others read them (the profile page, a CV): one
/// section each, with what is listed or that nothing is.
#[component]
pub fn WorkHistory(experience: Vec<WorkExperience>, certificates: Vec<Certificate>) -> impl IntoView {
    let lang = use_ui().lang;
    let jobs = experience
        .into_iter()
        .map(|job| {
            let facts = job_facts(lang, &job);
            view! { <Entry title=job.job_title facts details=job.duties remove=None /> }.into_any()
        })
        .collect::<Vec<_>>();
    let certified = certificates
        .into_iter()
        .map(|certificate| {
            let facts = certificate_facts(lang, &certificate);
            view! { <Entry title=certificate.name facts details=String::new() remove=None /> }.into_any()
        })
        .collect::<Vec<_>>();
    view! {
        <section aria-labelledby="experience-h">
            <h2 id="experience-h">{t(lang, Key::step_experience)}</h2>
            <Entries none=Key::person_not_stated items=jobs />
        </section>
        <section aria-labelledby="certified-h">
            <h2 id="certified-h">{t(lang, Key::step_certificates)}</h2>
            <Entries none=Key::person_not_stated items=certified />
        </section>
    }
}
