//! The pages of saved searches: the person's list (each search to run again or delete, and
//! where its alerts go), and the page an alert's "stop" link opens — which only asks, so a mail scanner that follows links stops nothing.

use super::{describe, KeptSearch, MY_SEARCHES_PATH, STOP_ALERT_PATH, TOKEN_FIELD};
use crate::components::button_form::ButtonForm;
use crate::components::notice::{sign_in_first, NoticeBanner};
use crate::components::status_page::ErrorPage;
use crate::error::AppError;
use crate::i18n::{page_title, t, t_with, Key};
use crate::ui::use_ui;
use crate::vacancies::search::SearchQuery;
use crate::vacancies::Accommodation;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

/// The signed-in person's saved searches, and what names them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MySearches {
    pub email: String,
    pub searches: Vec<KeptSearch>,
    pub accommodations: Vec<Accommodation>,
}

#[server(endpoint = "alerts/mine")]
pub async fn read_my_searches() -> Result<MySearches, AppError> {
    let current = crate::server::access::signed_in()?;
    let store = crate::server::state::store()?;
    let (searches, accommodations) =
        tokio::join!(store.saved_searches(current.actor.account_id), store.accommodations());
    let searches = searches?.into_iter().map(|saved| KeptSearch { id: saved.id, query: saved.query }).collect();
    Ok(MySearches { email: current.actor.email.clone(), searches, accommodations: accommodations? })
}

/// The search an alert's secret names, and what names its filters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertToStop {
    pub query: String,
    pub accommodations: Vec<Accommodation>,
}

/// The search an alert's secret names; `None` when it is stopped already.
#[server(endpoint = "alerts/stop")]
pub async fn read_alert_to_stop(token: String) -> Result<Option<AlertToStop>, AppError> {
    let store = crate::server::state::store()?;
    if !crate::server::auth::tokens::well_formed(&token) {
        return Ok(None);
    }
    let Some(saved) = store.saved_search_with_token(&token).await? else { return Ok(None) };
    Ok(Some(AlertToStop { query: saved.query, accommodations: store.accommodations().await? }))
}

#[component]
pub fn MySearchesPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, MY_SEARCHES_PATH) {
        return away;
    }
    let found = Resource::new_blocking(|| (), |_| read_my_searches());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(mine) => view! { <MySearchesList mine /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn MySearchesList(mine: MySearches) -> impl IntoView {
    let lang = use_ui().lang;
    let MySearches { email, searches, accommodations } = mine;
    let listed = if searches.is_empty() {
        view! {
            <p>{t(lang, Key::alerts_none)}</p>
            <p>
                <a href=crate::vacancies::search::SEARCH_PATH>{t(lang, Key::alerts_to_search)}</a>
            </p>
        }
        .into_any()
    } else {
        let items = searches
            .into_iter()
            .map(|saved| {
                let words = describe(lang, &saved.search(), &accommodations);
                let label = format!("{}: {words}", t(lang, Key::alerts_delete));
                view! {
                    <li>
                        <h2 class="app-card__title">
                            <a href=saved.path()>{words.clone()}</a>
                        </h2>
                        <ButtonForm
                            action=MY_SEARCHES_PATH
                            label=t(lang, Key::alerts_delete)
                            aria_label=label
                            fields=vec![(super::fields::ACTION, super::fields::DELETE.to_string()), ("id", saved.id.to_string())]
                            secondary=true
                        />
                    </li>
                }
            })
            .collect_view();
        view! {
            <p>{t_with(lang, Key::alerts_where, &[("email", &email)])}</p>
            <ul class="app-list app-entries">{items}</ul>
        }
        .into_any()
    };
    view! {
        <Title text=page_title(lang, Key::alerts_title) />
        <div class="app-width app-narrow">
            <NoticeBanner />
            <h1>{t(lang, Key::alerts_title)}</h1>
            <p class="app-lead">{t(lang, Key::alerts_intro)}</p>
            {listed}
        </div>
    }
}

/// Where an alert's "stop" link leads: what it would stop, and one button that does.
#[component]
pub fn StopAlertPage() -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    let token = ui.query_pairs().into_iter().find(|(name, _)| name == TOKEN_FIELD).map(|(_, token)| token);
    let found = Resource::new_blocking(
        move || token.clone(),
        |token| async move {
            match token {
                Some(token) => read_alert_to_stop(token.clone()).await.map(|found| found.map(|found| (token, found))),
                None => Ok(None),
            }
        },
    );
    view! {
        <Title text=page_title(lang, Key::alert_stop_title) />
        <div class="app-width app-narrow">
            <NoticeBanner />
            <Suspense>
                {move || Suspend::new(async move {
                    match found.await {
                        Ok(Some((token, found))) => {
                            let query = SearchQuery::from_pairs(&crate::ui::query_pairs(&found.query));
                            let words = describe(lang, &query, &found.accommodations);
                            view! {
                            <h1>{t(lang, Key::alert_stop_title)}</h1>
                            <p>{t_with(lang, Key::alert_stop_question, &[("search", &words)])}</p>
                            <form method="post" action=STOP_ALERT_PATH>
                                <input type="hidden" name=TOKEN_FIELD value=token />
                                <button class="app-button" type="submit">{t(lang, Key::alert_stop_button)}</button>
                            </form>
                            }
                            .into_any()
                        }
                        Ok(None) => view! {
                            <h1>{t(lang, Key::alert_stopped_title)}</h1>
                            <p>{t(lang, Key::alert_stopped_body)}</p>
                            <p>
                                <a href=MY_SEARCHES_PATH>{t(lang, Key::alerts_title)}</a>
                            </p>
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorPage error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}
