//! The page frame: skip link, header (brand, navigation, language, preferences) and footer.

use crate::accounts::{ACCOUNT_PATH, SIGN_IN_PATH, SIGN_UP_PATH};
use crate::components::form::CsrfField;
use crate::i18n::{self, Key};
use crate::preferences::panel::PreferencesPanel;
use crate::ui::use_ui;
use crate::vacancies::search::SEARCH_PATH;
use leptos::prelude::*;

/// The first thing a keyboard reaches: straight to the page's own content.
#[component]
pub fn SkipLink() -> impl IntoView {
    let ui = use_ui();
    view! {
        <a class="app-skip-link" href="#content">
            {ui.t(Key::skip_link)}
        </a>
    }
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    let ui = use_ui();
    let on_home = ui.path == "/" || ui.path.starts_with("/?");
    let current = |path: &str| (ui.path == path || ui.path.starts_with(&format!("{path}?"))).then_some("page");
    let (account_path, account_label) = match ui.actor {
        Some(_) => (ACCOUNT_PATH, Key::nav_account),
        None => (SIGN_IN_PATH, Key::nav_sign_in),
    };
    view! {
        <header class="app-header">
            <div class="app-header__bar app-width">
                <a class="app-header__brand" href="/">
                    <span class="app-header__name">{ui.t(Key::site_name)}</span>
                    <span class="app-header__tagline">{ui.t(Key::site_tagline)}</span>
                </a>
                <LanguageSwitch />
            </div>
            <div class="app-header__tools app-width">
                <nav class="app-nav" aria-label=ui.t(Key::nav_label)>
                    <ul class="app-nav__list">
                        <li>
                            <a class="app-nav__link" href="/" aria-current=on_home.then_some("page")>
                                {ui.t(Key::nav_home)}
                            </a>
                        </li>
                        <li>
                            <a class="app-nav__link" href=SEARCH_PATH aria-current=current(SEARCH_PATH)>
                                {ui.t(Key::nav_search)}
                            </a>
                        </li>
                        <li>
                            <a class="app-nav__link" href=account_path aria-current=current(account_path)>
                                {ui.t(account_label)}
                            </a>
                        </li>
                        {ui.actor.is_none().then(|| view! {
                            <li>
                                <a class="app-nav__link" href=SIGN_UP_PATH aria-current=current(SIGN_UP_PATH)>
                                    {ui.t(Key::nav_sign_up)}
                                </a>
                            </li>
                        })}
                    </ul>
                </nav>
                <PreferencesPanel />
            </div>
        </header>
    }
}

/// A one-button form to the other language. The button's text is in that language and says
/// so with `lang`, so a screen reader pronounces it right.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let ui = use_ui();
    let other = ui.lang.other();
    view! {
        <form class="app-lang" method="post" action=i18n::SWITCH_PATH>
            <CsrfField />
            <input type="hidden" name="lang" value=other.code() />
            <input type="hidden" name="return_to" value=ui.path.clone() />
            <span class="app-visually-hidden">{ui.t(Key::lang_current)} ". "</span>
            <button class="app-button app-button--secondary" type="submit" lang=other.tag()>
                {ui.t(Key::lang_other_name)}
            </button>
        </form>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    let ui = use_ui();
    view! {
        <footer class="app-footer">
            <div class="app-width">
                <p>{ui.t(Key::footer_about)}</p>
                <p>{ui.t(Key::footer_accessibility)}</p>
            </div>
        </footer>
    }
}
