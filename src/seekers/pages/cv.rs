//! The CV page: one heading per part, contact details first, nothing but text — so it reads
//! well aloud, on a small screen, and on paper (the controls do not print).

use crate::components::button_form::ButtonForm;
use crate::components::notice::sign_in_first;
use crate::components::status_page::ErrorPage;
use crate::i18n::{t, t_with, Key};
use crate::seekers::cv::{read_cv, Cv};
use crate::seekers::pages::history::WorkHistory;
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CvPage() -> impl IntoView {
    let ui = use_ui();
    let seeker = ui.query_id("persona");
    let application = ui.query_id("postulacion");
    let here = match (application, seeker) {
        (Some(application), _) => crate::seekers::cv::applicant_cv_path(application),
        (None, seeker) => crate::seekers::cv::cv_path(seeker),
    };
    if let Some(away) = sign_in_first(&ui, &here) {
        return away;
    }
    let here = StoredValue::new(here);
    let found =
        Resource::new_blocking(move || (seeker, application), |(seeker, application)| read_cv(seeker, application));
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(cv) => view! { <CvView cv pdf=crate::seekers::cv::pdf_path(&here.get_value()) /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn CvView(cv: Cv, pdf: String) -> impl IntoView {
    let lang = use_ui().lang;
    let not_stated = || t(lang, Key::person_not_stated).to_string();
    let or_not_stated = |text: &str| if text.is_empty() { not_stated() } else { text.to_string() };
    let place = match &cv.home {
        Some(home) => crate::components::format::place_of(&home.district, &home.province, cv.region.slug()),
        None => cv.region.name().to_string(),
    };
    let skills = if cv.skills.is_empty() { not_stated() } else { cv.skills.join(", ") };
    view! {
        <Title text=t_with(lang, Key::cv_title, &[("name", &cv.full_name)]) />
        <article class="app-width app-narrow app-cv">
            <p class="app-no-print">
                <a href=cv.back.clone()>{t(lang, Key::cv_back)}</a>
            </p>
            <h1>{cv.full_name.clone()}</h1>
            <p class="app-hint app-no-print">{t(lang, Key::cv_print_hint)}</p>
            {cv.file.as_ref().map(|file| {
                let size = crate::media::megabytes(file.bytes);
                view! {
                    <p class="app-no-print">
                        <a href=pdf download="cv.pdf">{t_with(lang, Key::cv_pdf_link, &[("size", &size)])}</a>
                    </p>
                }
            })}
            <section aria-labelledby="cv-contact-h">
                <h2 id="cv-contact-h">{t(lang, Key::cv_contact_h2)}</h2>
                <dl class="app-facts">
                    <dt>{t(lang, Key::vacancy_place)}</dt>
                    <dd>{place}</dd>
                    <dt>{t(lang, Key::seeker_phone)}</dt>
                    <dd>{or_not_stated(&cv.phone)}</dd>
                    <dt>{t(lang, Key::seeker_email)}</dt>
                    <dd>{or_not_stated(&cv.email)}</dd>
                    <dt>{t(lang, Key::seeker_channel)}</dt>
                    <dd>{t(lang, cv.channel.label())}</dd>
                </dl>
            </section>
            <section aria-labelledby="cv-knows-h">
                <h2 id="cv-knows-h">{t(lang, Key::cv_knows_h2)}</h2>
                <dl class="app-facts">
                    <dt>{t(lang, Key::seeker_education)}</dt>
                    <dd>{cv.education.map_or_else(not_stated, |e| t(lang, e.label()).to_string())}</dd>
                    <dt>{t(lang, Key::seeker_skills)}</dt>
                    <dd>{skills}</dd>
                    <dt>{t(lang, Key::seeker_languages)}</dt>
                    <dd>{crate::seekers::languages_text(lang, &cv.languages)}</dd>
                </dl>
            </section>
            <WorkHistory experience=cv.experience certificates=cv.certificates />
        </article>
    }
}

/// The step where the person (or the counsellor acting for them) uploads a CV of their own as a
/// PDF, replaces it, or takes it away.
#[component]
pub fn CvFilePage() -> impl IntoView {
    use crate::seekers::steps::{ProfileStep, ProfileStepPage};
    view! {
        <ProfileStepPage
            base=crate::seekers::cv::CV_FILE_PATH
            step=ProfileStep::CvFile
            own_heading=Key::cv_file_h1_self
            their_heading=Key::cv_file_h1
            intro=Key::cv_file_intro
            body=|found, persona| view! { <CvFileForms file=found.cv_file.clone() persona /> }.into_any()
        />
    }
}

#[component]
fn CvFileForms(file: Option<crate::seekers::cv::CvFileView>, persona: Option<i64>) -> impl IntoView {
    use crate::components::form::{use_form_state, CsrfField, FileField};
    use crate::seekers::cv::{cv_path, pdf_path, CV_FILE_PATH, REMOVE_CV_FILE_PATH};
    use crate::seekers::step_path;
    let lang = use_ui().lang;
    let form = use_form_state();
    let current = match file {
        Some(file) => {
            let facts = t_with(
                lang,
                Key::cv_file_uploaded,
                &[
                    ("when", &crate::domain::lima_time::format_lima_date(file.uploaded_at)),
                    ("size", &crate::media::megabytes(file.bytes)),
                ],
            );
            view! {
                <p>{facts}</p>
                <p>
                    <a href=pdf_path(&cv_path(persona)) download="cv.pdf">{t(lang, Key::cv_file_download)}</a>
                </p>
                <ButtonForm action=step_path(REMOVE_CV_FILE_PATH, persona) label=t(lang, Key::cv_file_remove) secondary=true />
            }
            .into_any()
        }
        None => view! { <p>{t(lang, Key::cv_file_none)}</p> }.into_any(),
    };
    view! {
        <section aria-labelledby="cv-file-h">
            <h2 id="cv-file-h">{t(lang, Key::cv_file_current_h2)}</h2>
            {current}
        </section>
        <form
            method="post"
            action=step_path(CV_FILE_PATH, persona)
            enctype="multipart/form-data"
            novalidate
            aria-labelledby="cv-upload-h"
        >
            <CsrfField />
            <h2 id="cv-upload-h">{t(lang, Key::cv_file_upload_h2)}</h2>
            <FileField
                id="cv"
                label=t(lang, Key::cv_file_field)
                hint=Some(t(lang, Key::cv_file_hint))
                accept="application/pdf,.pdf"
                error=form.error("cv")
            />
            <button class="app-button" type="submit">{t(lang, Key::cv_file_submit)}</button>
        </form>
        <p>
            <a href=cv_path(persona)>{t(lang, Key::cv_file_made_cv)}</a>
        </p>
    }
}
