//! The job seekers' search page (J1): a plain GET form of words and filters whose address can
//! be shared and bookmarked, the number found in the page's heading, the results as a list of
//! headed links, and pagination. Everything is server HTML; with JavaScript the
//! `FilterCount` island also says how many vacancies the changed filters would find.

use crate::components::form::{escape_text, Choice, ErrorSummary, SelectField, TextField};
use crate::components::pagination::Pagination;
use crate::components::status_page::ErrorPage;
use crate::domain::lima_time::format_lima_date;
use crate::domain::region;
use crate::error::FieldErrors;
use crate::i18n::{t, t_with, Key, Lang};
use crate::ui::use_ui;
use crate::vacancies::api::{find_vacancies, SearchView};
use crate::vacancies::filter_count::FilterCount;
use crate::vacancies::pages::{place_of, salary_text, soles};
use crate::vacancies::search::{param, SearchHit, SearchQuery, SearchResults, SortOrder, DAYS_CHOICES, SEARCH_PATH};
use crate::vacancies::{vacancy_path, Accommodation, ContractType, Modality, WorkingHours};
use leptos::prelude::*;
use leptos_meta::Title;

/// The search page, for the search in its own address. Under the results, `keep` shows what
/// keeps a search for later (the alerts feature's button, which the app wires in).
#[component]
pub fn SearchPage(keep: fn(SearchQuery) -> AnyView) -> impl IntoView {
    let address_query = use_ui().query_string().to_string();
    let found = Resource::new_blocking(move || address_query.clone(), find_vacancies);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(view) => view! { <SearchResultsPage view keep /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// "23 vacancies", "More than 1,000 vacancies", with the words searched for.
fn count_heading(lang: Lang, query: &SearchQuery, results: &SearchResults) -> String {
    let count = count_text(lang, results);
    if query.terms().is_empty() {
        count
    } else {
        t_with(lang, Key::search_count_for, &[("count", &count), ("words", &query.words)])
    }
}

/// What the changed filters would find, for the form's live region.
pub fn live_count(lang: Lang, results: &SearchResults) -> String {
    if results.total == 0 {
        t(lang, Key::search_live_none).to_string()
    } else {
        t_with(lang, Key::search_live_some, &[("count", &count_text(lang, results))])
    }
}

/// "1 vacancy", "23 vacancies", "More than 1,000 vacancies".
fn count_text(lang: Lang, results: &SearchResults) -> String {
    if results.capped {
        t_with(lang, Key::search_count_capped, &[("count", &soles(i64::from(results.total)))])
    } else if results.total == 1 {
        t(lang, Key::search_count_one).to_string()
    } else {
        t_with(lang, Key::search_count_many, &[("count", &soles(i64::from(results.total)))])
    }
}

/// "page 2 of 5", when there is more than one.
fn page_of(lang: Lang, results: &SearchResults) -> Option<String> {
    let pages = results.pages();
    (pages > 1).then(|| {
        t_with(lang, Key::search_page_of, &[("page", &results.page.to_string()), ("pages", &pages.to_string())])
    })
}

#[component]
fn SearchResultsPage(view: SearchView, keep: fn(SearchQuery) -> AnyView) -> impl IntoView {
    let lang = use_ui().lang;
    let SearchView { query, results, accommodations } = view;
    let heading = count_heading(lang, &query, &results);
    let mut errors = FieldErrors::default();
    if query.bad_salary.is_some() {
        errors.push(param::SALARY, t(lang, Key::search_salary_error));
    }
    // Page two of the same search is another page in a history or a tab list.
    let mut named = format!("{} · {}", escape_text(&heading), t(lang, Key::search_title));
    if let Some(page_of) = page_of(lang, &results) {
        named = format!("{named} ({page_of})");
    }
    let mut title = t_with(lang, Key::title_pattern, &[("page", &named)]);
    if !errors.is_empty() {
        title = format!("{}: {title}", t(lang, Key::form_error_prefix));
    }
    view! {
        <Title text=title />
        <div class="app-width app-search">
            <ErrorSummary errors=errors.clone() />
            <h1 id="search-h" class="app-search__heading">{heading}</h1>
            <SearchWords query=query.clone() />
            <div class="app-search__body">
                <ResultsList query=query.clone() results accommodations=accommodations.clone() keep />
                <SearchForm query accommodations errors />
            </div>
        </div>
    }
}

/// The id of the search form: the words field above the results belongs to it.
const FORM_ID: &str = "busqueda";

/// The words, above the results; they belong to the filters' form below them, so one search
/// sends both. The results come right after, within the page's first bytes on a slow line.
#[component]
fn SearchWords(query: SearchQuery) -> impl IntoView {
    let lang = use_ui().lang;
    let active = [
        query.region.is_some(),
        query.modality.is_some(),
        query.contract.is_some(),
        query.hours.is_some(),
        query.min_salary.is_some(),
        query.days.is_some(),
    ]
    .iter()
    .filter(|on| **on)
    .count()
        + query.accommodations.len();
    let to_filters = if active == 0 {
        t(lang, Key::search_to_filters).to_string()
    } else {
        t_with(lang, Key::search_to_filters_active, &[("count", &active.to_string())])
    };
    view! {
        <div class="app-search__words" role="search" aria-label=t(lang, Key::search_form_label)>
            <TextField
                id=param::WORDS
                label=t(lang, Key::search_words)
                hint=Some(t(lang, Key::search_words_hint))
                input_type="search"
                autocomplete="off"
                value=query.words.clone()
                form=FORM_ID
            />
            <button class="app-button" type="submit" form=FORM_ID>{t(lang, Key::search_submit)}</button>
        </div>
        <p class="app-search__to-filters">
            <a href="#filtros">{to_filters}</a>
        </p>
    }
}

/// Every field keeps what was chosen, so the form shows the search the results are for.
#[component]
fn SearchForm(query: SearchQuery, accommodations: Vec<Accommodation>, errors: FieldErrors) -> impl IntoView {
    let lang = use_ui().lang;
    let coded = move |all: &[(&'static str, Key)]| -> Vec<(String, String)> {
        all.iter().map(|(code, label)| (code.to_string(), t(lang, *label).to_string())).collect()
    };
    let regions: Vec<(String, String)> =
        region::ALL.iter().map(|r| (r.slug().to_string(), r.name().to_string())).collect();
    let modalities: Vec<_> = Modality::ALL.iter().map(|m| (m.code(), m.label())).collect();
    let contracts: Vec<_> = ContractType::ALL.iter().map(|c| (c.code(), c.label())).collect();
    let hours: Vec<_> = WorkingHours::ALL.iter().map(|h| (h.code(), h.label())).collect();
    let days: Vec<(String, String)> = DAYS_CHOICES
        .iter()
        .map(|days| {
            let label = match days {
                1 => t(lang, Key::search_days_1).to_string(),
                n => t_with(lang, Key::search_days_n, &[("days", &n.to_string())]),
            };
            (days.to_string(), label)
        })
        .collect();
    let sorts = vec![
        (SortOrder::Relevance.code().to_string(), t(lang, Key::search_sort_relevance).to_string()),
        (SortOrder::Newest.code().to_string(), t(lang, Key::search_sort_newest).to_string()),
    ];
    let chosen_accommodations = query.accommodations.len();
    let accommodations_open = chosen_accommodations > 0;
    let boxes = accommodations
        .into_iter()
        .map(|a| {
            let checked = query.accommodations.contains(&a.code);
            let label = a.name(lang).to_string();
            view! { <Choice kind="checkbox" name=param::ACCOMMODATION value=a.code label checked /> }
        })
        .collect_view();
    let salary =
        query.bad_salary.clone().or_else(|| query.min_salary.map(|amount| amount.to_string())).unwrap_or_default();
    let clear = query.narrows().then(|| {
        view! {
            <a class="app-search__clear" href=SEARCH_PATH>
                {t(lang, Key::search_clear)}
            </a>
        }
    });
    view! {
        <form id=FORM_ID class="app-search__form" method="get" action=SEARCH_PATH aria-labelledby="filtros">
            <h2 id="filtros" tabindex="-1">{t(lang, Key::search_filters_h2)}</h2>
            <div class="app-search__filters">
                <SelectField
                    id=param::REGION
                    label=t(lang, Key::search_region)
                    options=regions
                    selected=query.region.clone().unwrap_or_default()
                    empty_label=Some(t(lang, Key::search_any_region))
                />
                <SelectField
                    id=param::MODALITY
                    label=t(lang, Key::search_modality)
                    options=coded(&modalities)
                    selected=query.modality.map(|m| m.code().to_string()).unwrap_or_default()
                    empty_label=Some(t(lang, Key::search_any_modality))
                />
                <SelectField
                    id=param::CONTRACT
                    label=t(lang, Key::search_contract)
                    options=coded(&contracts)
                    selected=query.contract.map(|c| c.code().to_string()).unwrap_or_default()
                    empty_label=Some(t(lang, Key::search_any_contract))
                />
                <SelectField
                    id=param::HOURS
                    label=t(lang, Key::search_hours)
                    options=coded(&hours)
                    selected=query.hours.map(|h| h.code().to_string()).unwrap_or_default()
                    empty_label=Some(t(lang, Key::search_any_hours))
                />
                <TextField
                    id=param::SALARY
                    label=t(lang, Key::search_salary)
                    hint=Some(t(lang, Key::search_salary_hint))
                    input_mode="numeric"
                    autocomplete="off"
                    value=salary
                    error=errors.get(param::SALARY).map(str::to_string)
                />
                <SelectField
                    id=param::DAYS
                    label=t(lang, Key::search_days)
                    options=days
                    selected=query.days.map(|d| d.to_string()).unwrap_or_default()
                    empty_label=Some(t(lang, Key::search_any_days))
                />
                <SelectField
                    id=param::SORT
                    label=t(lang, Key::search_sort)
                    hint=Some(t(lang, Key::search_sort_hint))
                    options=sorts
                    selected=query.sort.map(|s| s.code().to_string()).unwrap_or_default()
                    empty_label=Some(t(lang, Key::search_sort_default))
                />
            </div>
            <details class="app-search__accommodations" open=accommodations_open>
                <summary>
                    {t(lang, Key::search_accommodations)}
                    {accommodations_open
                        .then(|| {
                            format!(
                                " ({})",
                                t_with(lang, Key::search_chosen, &[("count", &chosen_accommodations.to_string())]),
                            )
                        })}
                </summary>
                <fieldset class="app-fieldset" aria-describedby="ajuste-hint">
                    <legend class="app-fieldset__legend">{t(lang, Key::search_accommodations)}</legend>
                    <p class="app-hint" id="ajuste-hint">{t(lang, Key::search_accommodations_hint)}</p>
                    {boxes}
                </fieldset>
            </details>
            <FilterCount />
            <div class="app-search__actions">
                <button class="app-button" type="submit">{t(lang, Key::search_submit_filters)}</button>
                {clear}
            </div>
        </form>
    }
}

#[component]
fn ResultsList(
    query: SearchQuery,
    results: SearchResults,
    accommodations: Vec<Accommodation>,
    keep: fn(SearchQuery) -> AnyView,
) -> impl IntoView {
    let lang = use_ui().lang;
    let pages = results.pages();
    let page_note = page_of(lang, &results);
    // Relevance was asked for (or is the default with words) but there were too many to rank.
    let newest_note = (!query.terms().is_empty()
        && query.sort_asked() == SortOrder::Relevance
        && !results.ranked
        && results.total > 0)
        .then(|| view! { <p class="app-inset">{t(lang, Key::search_newest_note)}</p> });
    let first = (results.page - 1) * crate::vacancies::search::PAGE_SIZE + 1;
    let to_save = query.clone();
    let body = if results.hits.is_empty() {
        view! { <EmptyAdvice query=query.clone() /> }.into_any()
    } else {
        let cards = results
            .hits
            .into_iter()
            .map(|hit| view! { <ResultCard hit accommodations=accommodations.clone() /> })
            .collect_view();
        view! { <ol class="app-results" start=first.to_string()>{cards}</ol> }.into_any()
    };
    view! {
        <section id="search-results" class="app-search__results" aria-labelledby="results-h" tabindex="-1">
            <h2 id="results-h">
                {t(lang, Key::search_results_h2)}
                {page_note.map(|note| format!(" — {note}"))}
            </h2>
            {newest_note}
            {body}
            <Pagination page=results.page pages link=move |number| query.path_for_page(number) />
            {keep(to_save)}
        </section>
    }
}

#[component]
fn ResultCard(hit: SearchHit, accommodations: Vec<Accommodation>) -> impl IntoView {
    let lang = use_ui().lang;
    let offered: Vec<String> = accommodations
        .iter()
        .filter(|a| hit.accommodations.contains(&a.code))
        .map(|a| a.name(lang).to_string())
        .collect();
    let offered = if offered.is_empty() {
        view! { <p class="app-result__accommodations">{t(lang, Key::search_result_no_accommodations)}</p> }.into_any()
    } else {
        view! {
            <p class="app-result__accommodations">
                <strong>{t(lang, Key::search_result_accommodations)}</strong>
                {format!(" {}.", offered.join(", "))}
            </p>
        }
        .into_any()
    };
    view! {
        <li class="app-result">
            <h3 class="app-result__title">
                <a href=vacancy_path(hit.id)>{hit.title.clone()}</a>
            </h3>
            <p class="app-result__company">{hit.company_name.clone()}</p>
            <dl class="app-result__facts">
                <div>
                    <dt>{t(lang, Key::vacancy_place)}</dt>
                    <dd>{place_of(&hit.district, &hit.province, &hit.region)}</dd>
                </div>
                <div>
                    <dt>{t(lang, Key::vacancy_modality)}</dt>
                    <dd>{t(lang, hit.modality.label())}</dd>
                </div>
                <div>
                    <dt>{t(lang, Key::vacancy_hours)}</dt>
                    <dd>{t(lang, hit.hours.label())}</dd>
                </div>
                <div>
                    <dt>{t(lang, Key::vacancy_salary)}</dt>
                    <dd>{salary_text(lang, hit.salary)}</dd>
                </div>
                <div>
                    <dt>{t(lang, Key::search_result_published)}</dt>
                    <dd>{format_lima_date(hit.published_at)}</dd>
                </div>
            </dl>
            {offered}
        </li>
    }
}

/// What to try when nothing matched: only the advice that fits this search.
#[component]
fn EmptyAdvice(query: SearchQuery) -> impl IntoView {
    let lang = use_ui().lang;
    if !query.narrows() {
        return view! { <p>{t(lang, Key::search_empty_board)}</p> }.into_any();
    }
    let tips = [
        (!query.terms().is_empty(), Key::search_tip_words),
        (!query.accommodations.is_empty(), Key::search_tip_accommodations),
        (query.region.is_some() || query.modality.is_some(), Key::search_tip_place),
        (query.contract.is_some() || query.hours.is_some() || query.min_salary.is_some(), Key::search_tip_filters),
        (query.days.is_some(), Key::search_tip_days),
    ];
    let items = tips
        .into_iter()
        .filter(|(applies, _)| *applies)
        .map(|(_, tip)| view! { <li>{t(lang, tip)}</li> })
        .collect_view();
    view! {
        <h3>{t(lang, Key::search_empty_h3)}</h3>
        <p>{t(lang, Key::search_empty_intro)}</p>
        <ul class="app-list">{items}</ul>
        <p>
            <a href=SEARCH_PATH>{t(lang, Key::search_see_all)}</a>
        </p>
    }
    .into_any()
}
