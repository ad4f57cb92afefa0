//! The matches page: the vacancies that suit a person, each with its reasons in words and the
//! way to apply.

use super::api::{read_matches, Matches};
use super::{Match, Reason};
use crate::applications::apply_path;
use crate::components::notice::sign_in_first;
use crate::components::status_page::ErrorPage;
use crate::i18n::{page_title, t, t_with, Key, Lang};
use crate::ui::use_ui;
use crate::vacancies::{vacancy_path, Accommodation};
use leptos::prelude::*;
use leptos_meta::Title;

fn reason_text(lang: Lang, reason: &Reason, names: &[Accommodation]) -> String {
    let name = |code: &str| {
        names.iter().find(|n| n.code == code).map_or_else(|| code.to_string(), |n| n.name(lang).to_string())
    };
    match reason {
        Reason::SameRegion => t(lang, Key::match_same_region).to_string(),
        Reason::Remote => t(lang, Key::match_remote).to_string(),
        Reason::SharedSkills(skills) => t_with(lang, Key::match_skills, &[("skills", &skills.join(", "))]),
        Reason::Offers(code) => t_with(lang, Key::match_offers, &[("name", &name(code))]),
        Reason::DoesNotOffer(code) => t_with(lang, Key::match_does_not_offer, &[("name", &name(code))]),
    }
}

#[component]
pub fn MatchesPage() -> impl IntoView {
    let ui = use_ui();
    let seeker = ui.query_id("persona");
    if let Some(away) = sign_in_first(&ui, &super::matches_path(seeker)) {
        return away;
    }
    let found = Resource::new_blocking(move || seeker, read_matches);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(found) => view! { <MatchList found /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn MatchList(found: Matches) -> impl IntoView {
    let lang = use_ui().lang;
    let heading = if found.is_self {
        t(lang, Key::matches_h1_self).to_string()
    } else {
        t_with(lang, Key::matches_h1, &[("name", &found.full_name)])
    };
    let body = match found.seeker_id {
        None => view! {
            <p>{t(lang, Key::apply_no_profile)}</p>
            <p><a class="app-button" href=crate::seekers::MY_PROFILE_PATH>{t(lang, Key::apply_make_profile)}</a></p>
        }
        .into_any(),
        Some(_) if found.matches.is_empty() => view! {
            <p>{t(lang, Key::matches_none)}</p>
            <p><a href=crate::vacancies::search::SEARCH_PATH>{t(lang, Key::my_applications_search)}</a></p>
        }
        .into_any(),
        Some(seeker) => {
            let on_behalf = (!found.is_self).then_some(seeker);
            let names = found.accommodations.clone();
            found
                .matches
                .into_iter()
                .map(|m| view! { <MatchCard m names=names.clone() on_behalf /> })
                .collect_view()
                .into_any()
        }
    };
    view! {
        <Title text=page_title(lang, Key::matches_title) />
        <div class="app-width app-narrow">
            <h1>{heading}</h1>
            <p class="app-lead">{t(lang, Key::matches_intro)}</p>
            {body}
        </div>
    }
}

#[component]
fn MatchCard(m: Match, names: Vec<Accommodation>, on_behalf: Option<i64>) -> impl IntoView {
    let lang = use_ui().lang;
    let v = &m.vacancy;
    let heading_id = format!("match-{}", v.id);
    let labelled = heading_id.clone();
    let place = crate::components::format::place_of(&v.district, &v.province, &v.region);
    let meta = format!("{} · {} · {}", v.company_name, place, t(lang, v.modality.label()));
    let reasons = m.reasons.iter().map(|r| view! { <li>{reason_text(lang, r, &names)}</li> }).collect_view();
    let verdict = m.offers_all.then(|| view! { <p><strong>{t(lang, Key::match_offers_all)}</strong></p> });
    view! {
        <article class="app-card" aria-labelledby=labelled>
            <h2 id=heading_id class="app-card__title"><a href=vacancy_path(v.id)>{v.title.clone()}</a></h2>
            <p class="app-card__meta">{meta}</p>
            {verdict}
            <h3 class="app-card__subheading">{t(lang, Key::match_why)}</h3>
            <ul class="app-list">{reasons}</ul>
            <p>
                <a class="app-button" href=apply_path(v.id, on_behalf)>
                    {t(lang, Key::apply_link)}
                    <span class="app-visually-hidden">{format!(": {}", v.title)}</span>
                </a>
            </p>
        </article>
    }
}
