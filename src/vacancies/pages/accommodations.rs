//! The accommodations list, kept by admins: employers offer its entries on their vacancies and
//! job seekers filter by them. An entry is added, renamed or retired — never deleted, since
//! vacancies name it by its code; a retired entry is no longer offered but stays on the
//! vacancies that name it.

use crate::components::form::{use_form_state, CsrfField, ErrorSummary, TextField};
use crate::components::notice::{sign_in_first, NoticeBanner};
use crate::components::status_page::ErrorPage;
use crate::error::AppError;
use crate::i18n::{page_title, t, t_with, Key};
use crate::ui::use_ui;
use crate::vacancies::{ListedAccommodation, ACCOMMODATIONS_PATH, EDIT_ACCOMMODATION};
use leptos::prelude::*;
use leptos_meta::Title;

/// Longest name an entry may have, in either language.
pub const MAX_NAME_CHARS: usize = 120;

/// The whole list, retired entries too, with how many vacancies name each. Admins only.
#[server(endpoint = "vacancies/accommodations")]
pub async fn read_accommodation_list() -> Result<Vec<ListedAccommodation>, AppError> {
    crate::server::access::acting_as(&[crate::domain::Role::Admin])?;
    Ok(crate::server::state::store()?.accommodation_list().await?)
}

#[component]
pub fn AccommodationsPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, &ui.path) {
        return away;
    }
    let list = Resource::new_blocking(|| (), |_| read_accommodation_list());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) => view! { <AccommodationsList list /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn AccommodationsList(list: Vec<ListedAccommodation>) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    let form = use_form_state();
    // Changing one entry's names: `?cambiar=code` (or the code a failed form came back with).
    let editing_code = Some(form.value("code")).filter(|c| !c.is_empty()).or_else(|| ui.query(EDIT_ACCOMMODATION));
    let editing = editing_code.and_then(|code| list.iter().find(|l| l.entry.code == code).cloned());
    let rows = list
        .into_iter()
        .map(|listed| {
            let ListedAccommodation { entry, retired, vacancies } = listed;
            let status = if retired { t(lang, Key::accommodations_retired) } else { t(lang, Key::accommodations_offered) };
            let (button, action) = if retired {
                (t(lang, Key::accommodations_restore), "ofrecer")
            } else {
                (t(lang, Key::accommodations_retire), "retirar")
            };
            let edit_label = format!("{}: {}", t(lang, Key::accommodations_edit), entry.name_es);
            let button_label = format!("{button}: {}", entry.name_es);
            view! {
                <tr>
                    <td lang="es">{entry.name_es.clone()}</td>
                    <td lang="en">{entry.name_en.clone()}</td>
                    <td class="app-table__number">{vacancies.to_string()}</td>
                    <td>{status}</td>
                    <td>
                        <a href=format!("{ACCOMMODATIONS_PATH}?{EDIT_ACCOMMODATION}={}", entry.code) aria-label=edit_label>
                            {t(lang, Key::accommodations_edit)}
                        </a>
                        <form method="post" action=ACCOMMODATIONS_PATH class="app-inline-form">
                            <CsrfField />
                            <input type="hidden" name="action" value=action />
                            <input type="hidden" name="code" value=entry.code.clone() />
                            <button class="app-button app-button--secondary" type="submit" aria-label=button_label>
                                {button}
                            </button>
                        </form>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let (heading, action, submit, code) = match &editing {
        Some(listed) => (
            t_with(lang, Key::accommodations_rename_h2, &[("name", &listed.entry.name_es)]),
            "renombrar",
            t(lang, Key::accommodations_rename_submit),
            listed.entry.code.clone(),
        ),
        None => (
            t(lang, Key::accommodations_add_h2).to_string(),
            "anadir",
            t(lang, Key::accommodations_add_submit),
            String::new(),
        ),
    };
    let typed = |name: &str, stored: Option<String>| {
        if form.has_errors() {
            form.value(name)
        } else {
            stored.unwrap_or_default()
        }
    };
    let name_es = typed("name_es", editing.as_ref().map(|l| l.entry.name_es.clone()));
    let name_en = typed("name_en", editing.as_ref().map(|l| l.entry.name_en.clone()));
    let title = if form.has_errors() {
        format!("{}: {}", t(lang, Key::form_error_prefix), page_title(lang, Key::accommodations_title))
    } else {
        page_title(lang, Key::accommodations_title)
    };
    view! {
        <Title text=title />
        <div class="app-width">
            <NoticeBanner />
            <ErrorSummary errors=form.errors.clone() />
            <h1>{t(lang, Key::accommodations_title)}</h1>
            <p class="app-lead">{t(lang, Key::accommodations_intro)}</p>
            <form method="post" action=ACCOMMODATIONS_PATH class="app-narrow" novalidate>
                <h2>{heading}</h2>
                <CsrfField />
                <input type="hidden" name="action" value=action />
                <input type="hidden" name="code" value=code />
                <TextField id="name_es" label=t(lang, Key::accommodations_name_es) autocomplete="off" value=name_es error=form.error("name_es") />
                <TextField id="name_en" label=t(lang, Key::accommodations_name_en) autocomplete="off" value=name_en error=form.error("name_en") />
                <div class="app-button-group">
                    <button class="app-button" type="submit">{submit}</button>
                    {editing.is_some().then(|| view! { <a href=ACCOMMODATIONS_PATH>{t(lang, Key::accommodations_cancel)}</a> })}
                </div>
            </form>
            <div class="app-table-wrap" role="region" aria-labelledby="accommodations-caption" tabindex="0">
                <table class="app-table">
                    <caption id="accommodations-caption">{t(lang, Key::accommodations_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(lang, Key::accommodations_name_es)}</th>
                            <th scope="col">{t(lang, Key::accommodations_name_en)}</th>
                            <th scope="col">{t(lang, Key::accommodations_used)}</th>
                            <th scope="col">{t(lang, Key::accommodations_status)}</th>
                            <th scope="col">{t(lang, Key::accommodations_actions)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
}
