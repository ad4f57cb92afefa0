//! The CV page: one heading per part, contact details first, nothing but text — so it reads
//! well aloud, on a small screen, and on paper (the controls do not print).

use super::cv::{read_cv, Cv};
use super::history_pages::WorkHistory;
use crate::components::notice::sign_in_first;
use crate::components::status_page::ErrorPage;
use crate::i18n::{t, t_with, Key};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CvPage() -> impl IntoView {
    let ui = use_ui();
    let seeker = ui.query_id("persona");
    let application = ui.query_id("postulacion");
    let here = match (application, seeker) {
        (Some(application), _) => super::cv::applicant_cv_path(application),
        (None, seeker) => super::cv::cv_path(seeker),
    };
    if let Some(away) = sign_in_first(&ui, &here) {
        return away;
    }
    let found =
        Resource::new_blocking(move || (seeker, application), |(seeker, application)| read_cv(seeker, application));
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(cv) => view! { <CvView cv /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn CvView(cv: Cv) -> impl IntoView {
    let lang = use_ui().lang;
    let not_stated = || t(lang, Key::vacancy_not_stated).to_string();
    let or_not_stated = |text: &str| if text.is_empty() { not_stated() } else { text.to_string() };
    let place = [cv.district.as_str(), cv.province.as_str(), cv.region.name()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let skills = if cv.skills.is_empty() { not_stated() } else { cv.skills.join(", ") };
    view! {
        <Title text=t_with(lang, Key::cv_title, &[("name", &cv.full_name)]) />
        <article class="app-width app-narrow app-cv">
            <p class="app-no-print">
                <a href=cv.back.clone()>{t(lang, Key::cv_back)}</a>
            </p>
            <h1>{cv.full_name.clone()}</h1>
            <p class="app-hint app-no-print">{t(lang, Key::cv_print_hint)}</p>
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
                    <dd>{super::languages_text(lang, &cv.languages)}</dd>
                </dl>
            </section>
            <WorkHistory experience=cv.experience certificates=cv.certificates />
        </article>
    }
}
