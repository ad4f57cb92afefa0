//! The home page: what Senda offers each of the people it serves, the job fairs coming up, and
//! the directory of employment centres and companies.

use crate::components::form::TextField;
use crate::components::format::region_name;
use crate::components::notice::NoticeBanner;
use crate::components::status_page::ErrorPage;
use crate::fairs::api::upcoming_fairs;
use crate::fairs::cards::FairCards;
use crate::fairs::{FairSummary, FAIRS_PATH};
use crate::i18n::{page_title, Key};
use crate::organisations::api::list_directory;
use crate::organisations::Directory;
use crate::ui::{use_ui, Ui};
use crate::vacancies::search::SEARCH_PATH;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn HomePage() -> impl IntoView {
    let directory = Resource::new_blocking(|| (), |_| list_directory());
    let fairs = Resource::new_blocking(|| (), |_| upcoming_fairs());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match (directory.await, fairs.await) {
                    (Ok(directory), Ok(fairs)) => view! { <HomeContent directory fairs /> }.into_any(),
                    (Err(error), _) | (_, Err(error)) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn HomeContent(directory: Directory, fairs: Vec<FairSummary>) -> impl IntoView {
    let ui = use_ui();
    view! {
        <Title text=page_title(ui.lang, Key::home_title) />
        <Meta name="description" content=ui.t(Key::home_intro) />
        <div class="app-width">
            <NoticeBanner />
            <h1>{ui.t(Key::home_h1)}</h1>
            <p class="app-lead">{ui.t(Key::home_intro)}</p>
            <form class="app-search__words" method="get" action=SEARCH_PATH role="search" aria-label=ui.t(Key::search_form_label)>
                <TextField
                    id=crate::vacancies::search::param::WORDS
                    label=ui.t(Key::home_search_label)
                    hint=Some(ui.t(Key::search_words_hint))
                    input_type="search"
                    autocomplete="off"
                />
                <button class="app-button" type="submit">{ui.t(Key::nav_search)}</button>
            </form>
            <div class="app-audiences">
                {audience(&ui, Key::home_seekers_h2, [Key::home_seekers_1, Key::home_seekers_2, Key::home_seekers_3])}
                {audience(&ui, Key::home_employers_h2, [Key::home_employers_1, Key::home_employers_2, Key::home_employers_3])}
                {audience(&ui, Key::home_centres_h2, [Key::home_centres_1, Key::home_centres_2, Key::home_centres_3])}
            </div>
            <section class="app-directory" aria-labelledby="fairs-heading">
                <h2 id="fairs-heading">{ui.t(Key::home_fairs_h2)}</h2>
                <FairCards fairs empty=Key::fairs_ahead_none />
                <p><a href=FAIRS_PATH>{ui.t(Key::home_fairs_all)}</a></p>
            </section>
            <CentreList ui=ui.clone() directory=directory.clone() />
            <CompanyList ui directory />
        </div>
    }
}

fn audience(ui: &Ui, heading: Key, points: [Key; 3]) -> impl IntoView {
    let id = format!("{heading:?}");
    let labelled_by = id.clone();
    view! {
        <section class="app-card" aria-labelledby=labelled_by>
            <h2 id=id>{ui.t(heading)}</h2>
            <ul class="app-list">{points.map(|p| view! { <li>{ui.t(p)}</li> }).into_iter().collect_view()}</ul>
        </section>
    }
}

#[component]
fn CentreList(ui: Ui, directory: Directory) -> impl IntoView {
    let items = directory
        .centres
        .into_iter()
        .map(|centre| {
            view! {
                <li class="app-directory__item">
                    <h3>{centre.name}</h3>
                    <dl class="app-facts">
                        <dt>{ui.t(Key::home_directory_region)}</dt>
                        <dd>{region_name(&centre.region)}</dd>
                        <dt>{ui.t(Key::home_directory_address)}</dt>
                        <dd>{centre.address}</dd>
                        <dt>{ui.t(Key::home_directory_phone)}</dt>
                        <dd>
                            <a href=format!("tel:{}", centre.phone.replace(['(', ')', ' ', '-'], ""))>{centre.phone.clone()}</a>
                        </dd>
                        <dt>{ui.t(Key::home_directory_email)}</dt>
                        <dd>
                            <a href=format!("mailto:{}", centre.email)>{centre.email.clone()}</a>
                        </dd>
                    </dl>
                </li>
            }
            .into_any()
        })
        .collect::<Vec<_>>();
    directory_section(&ui, "centres-heading", Key::home_directory_h2, Key::home_directory_empty, items)
}

#[component]
fn CompanyList(ui: Ui, directory: Directory) -> impl IntoView {
    let items = directory
        .companies
        .into_iter()
        .map(|company| {
            let status = if company.verified { Key::home_companies_verified } else { Key::home_companies_unverified };
            view! {
                <li class="app-directory__item">
                    <h3>{company.legal_name}</h3>
                    <p>{company.sector} " · " {region_name(&company.region)}</p>
                    <p class="app-tag">{ui.t(status)}</p>
                </li>
            }
            .into_any()
        })
        .collect::<Vec<_>>();
    directory_section(&ui, "companies-heading", Key::home_companies_h2, Key::home_companies_empty, items)
}

/// A titled list of directory entries, or a sentence saying there are none yet.
fn directory_section(ui: &Ui, id: &'static str, heading: Key, empty: Key, items: Vec<AnyView>) -> impl IntoView {
    let body = if items.is_empty() {
        view! { <p>{ui.t(empty)}</p> }.into_any()
    } else {
        view! { <ul class="app-directory__list">{items}</ul> }.into_any()
    };
    view! {
        <section class="app-directory" aria-labelledby=id>
            <h2 id=id>{ui.t(heading)}</h2>
            {body}
        </section>
    }
}
