//! The button that keeps a search, under the results of the search page (the app puts it
//! there): a plain form post, with the search as it was made.

use super::MY_SEARCHES_PATH;
use crate::components::form::CsrfField;
use crate::i18n::{t, Key};
use crate::ui::use_ui;
use crate::vacancies::search::SearchQuery;
use leptos::prelude::*;

/// Under the results of a search: a button that keeps it, for a daily message of what is new.
/// A plain form, so it works without JavaScript; someone signed out is asked to sign in first.
#[component]
pub fn SaveSearchButton(query: SearchQuery) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    let kept = super::saved_form(&query);
    if ui.actor.is_none() {
        let href = format!("{}?volver={}", crate::ui::SIGN_IN_PATH, crate::ui::percent_encode(&query.path_for_page(1)));
        return view! {
            <p class="app-save-search">
                <a href=href>{t(lang, Key::alerts_sign_in_to_save)}</a>
            </p>
        }
        .into_any();
    }
    view! {
        <form method="post" action=MY_SEARCHES_PATH class="app-save-search">
            <CsrfField />
            <input type="hidden" name=super::fields::ACTION value=super::fields::SAVE />
            <input type="hidden" name=super::fields::QUERY value=kept />
            <button class="app-button app-button--secondary" type="submit">{t(lang, Key::alerts_save)}</button>
            <p class="app-hint">{t(lang, Key::alerts_save_hint)}</p>
        </form>
    }
    .into_any()
}

/// The button for `query`, as the search page takes it.
pub fn keep_search(query: SearchQuery) -> AnyView {
    view! { <SaveSearchButton query /> }.into_any()
}
