//! A person's applications, each status in plain words.

use crate::applications::api::read_my_applications;
use crate::applications::card::ApplicationCard;
use crate::components::notice::{sign_in_first, NoticeBanner};
use crate::components::status_page::ErrorPage;
use crate::i18n::{page_title, t, Key};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn MyApplicationsPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, crate::applications::MY_APPLICATIONS_PATH) {
        return away;
    }
    let lang = ui.lang;
    let found = Resource::new_blocking(|| (), |_| read_my_applications());
    view! {
        <Title text=page_title(lang, Key::my_applications_title) />
        <div class="app-width app-narrow">
            <NoticeBanner />
            <h1>{t(lang, Key::my_applications_title)}</h1>
            <Suspense>
                {move || Suspend::new(async move {
                    match found.await {
                        Ok(found) if found.seeker_id.is_none() => view! {
                            <p>{t(lang, Key::apply_no_profile)}</p>
                            <p><a class="app-button" href=crate::seekers::MY_PROFILE_PATH>{t(lang, Key::apply_make_profile)}</a></p>
                        }.into_any(),
                        Ok(found) if found.applications.is_empty() => view! {
                            <p>{t(lang, Key::my_applications_none)}</p>
                            <p><a href=crate::vacancies::search::SEARCH_PATH>{t(lang, Key::my_applications_search)}</a></p>
                        }.into_any(),
                        Ok(found) => {
                            let names = found.accommodations.clone();
                            found
                                .applications
                                .into_iter()
                                .map(|application| view! { <ApplicationCard application names=names.clone() /> })
                                .collect_view()
                                .into_any()
                        }
                        Err(error) => view! { <ErrorPage error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
    .into_any()
}
