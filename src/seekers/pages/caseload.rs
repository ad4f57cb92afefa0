//! A counsellor's caseload: the people their centre follows, in pages, searched by name words
//! or document number.

use super::{counsellor_only, document_label};
use crate::components::form::TextField;
use crate::components::notice::{sign_in_first, NoticeBanner};
use crate::components::pagination::Pagination;
use crate::components::status_page::ErrorPage;
use crate::domain::lima_time::format_lima_date;
use crate::i18n::{page_title, t, t_with, Key};
use crate::seekers::api::read_caseload;
use crate::seekers::{seeker_path, Caseload, CaseloadQuery, SeekerSummary, CASELOAD_PATH, REGISTER_SEEKER_PATH};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CaseloadPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, crate::seekers::CASELOAD_PATH) {
        return away;
    }
    if let Some(refused) = counsellor_only(&ui) {
        return refused;
    }
    let lang = ui.lang;
    let query = ui.query_string().to_string();
    let caseload = Resource::new_blocking(move || query.clone(), read_caseload);
    view! {
        <Title text=page_title(lang, Key::caseload_title) />
        <div class="app-width">
            <NoticeBanner />
            <h1>{t(lang, Key::caseload_h1)}</h1>
            <p>
                <a class="app-button" href=REGISTER_SEEKER_PATH>{t(lang, Key::register_seeker_h1)}</a>
            </p>
            <Suspense>
                {move || Suspend::new(async move {
                    match caseload.await {
                        Ok(caseload) => view! { <CaseloadResults caseload /> }.into_any(),
                        Err(error) => view! { <ErrorPage error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
    .into_any()
}

/// The search form, how many it found, one page of people and the links to the others.
#[component]
fn CaseloadResults(caseload: Caseload) -> impl IntoView {
    let lang = use_ui().lang;
    let (page, pages, total) = (caseload.page, caseload.pages(), caseload.total);
    let query = caseload.query.clone();
    let words = query.words.clone();
    let count = match (words.is_empty(), total) {
        (true, 1) => t(lang, Key::caseload_count_one).to_string(),
        (true, _) => t_with(lang, Key::caseload_count, &[("count", &total.to_string())]),
        (false, 1) => t_with(lang, Key::caseload_count_for_one, &[("words", &words)]),
        (false, _) => t_with(lang, Key::caseload_count_for, &[("count", &total.to_string()), ("words", &words)]),
    };
    let heading = if pages > 1 {
        let page_of =
            t_with(lang, Key::caseload_page_of, &[("page", &page.to_string()), ("pages", &pages.to_string())]);
        format!("{count} — {page_of}")
    } else {
        count
    };
    let body = match (caseload.people.is_empty(), words.is_empty()) {
        (true, true) => view! { <p>{t(lang, Key::caseload_empty)}</p> }.into_any(),
        (true, false) => view! {
            <p>
                {t(lang, Key::caseload_none_found)} " "
                <a href=CASELOAD_PATH>{t(lang, Key::caseload_show_everyone)}</a>
            </p>
        }
        .into_any(),
        (false, _) => view! { <CaseloadTable people=caseload.people /> }.into_any(),
    };
    view! {
        <form class="app-caseload__search" method="get" action=CASELOAD_PATH role="search" aria-labelledby="caseload-search-h">
            <h2 id="caseload-search-h" class="app-visually-hidden">{t(lang, Key::caseload_search_h2)}</h2>
            <TextField
                id=CaseloadQuery::WORDS
                label=t(lang, Key::caseload_search_label)
                hint=Some(t(lang, Key::caseload_search_hint))
                input_type="search"
                autocomplete="off"
                value=words.clone()
            />
            <button class="app-button" type="submit">{t(lang, Key::caseload_search_submit)}</button>
        </form>
        <section aria-labelledby="caseload-count">
            <h2 id="caseload-count">{heading}</h2>
            {body}
            <Pagination page pages link=move |number| query.path_for_page(number) />
        </section>
    }
}

#[component]
fn CaseloadTable(people: Vec<SeekerSummary>) -> impl IntoView {
    let lang = use_ui().lang;
    let rows = people
        .into_iter()
        .map(|person| {
            let document = format!("{} {}", document_label(lang, person.document.kind), person.document.number());
            let signed = if person.signed_up { Key::caseload_signed_up } else { Key::caseload_not_signed_up };
            view! {
                <tr>
                    <th scope="row">
                        <a href=seeker_path(person.id)>{person.full_name}</a>
                    </th>
                    <td>{document}</td>
                    <td>{format_lima_date(person.created_at)}</td>
                    <td>{t(lang, signed)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="app-table-wrap" role="region" aria-labelledby="caseload-caption" tabindex="0">
            <table class="app-table">
                <caption id="caseload-caption">{t(lang, Key::caseload_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(lang, Key::seeker_full_name)}</th>
                        <th scope="col">{t(lang, Key::seeker_document)}</th>
                        <th scope="col">{t(lang, Key::caseload_registered)}</th>
                        <th scope="col">{t(lang, Key::caseload_account)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
