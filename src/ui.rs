//! What the page being rendered is for: the person's language and preferences and the page's
//! own address. Read once per request from its headers and given to every component through
//! context, so each can say things in the right language.

use crate::i18n::{self, Key, Lang};
use crate::preferences::Prefs;
use leptos::prelude::*;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ui {
    pub lang: Lang,
    pub prefs: Prefs,
    /// Path and query of the current page, for forms that return to it.
    pub path: String,
}

impl Ui {
    /// The text of `key` in this page's language.
    pub fn t(&self, key: Key) -> &'static str {
        i18n::t(self.lang, key)
    }

    /// Reads the language and preferences cookies (the language falls back to
    /// `Accept-Language`); anything malformed means defaults, never an error.
    #[cfg(feature = "ssr")]
    pub fn from_request(parts: &axum::http::request::Parts) -> Ui {
        use crate::i18n::LANG_COOKIE;
        use crate::preferences::{cookie_value, PREFS_COOKIE};
        use axum::http::header;

        let cookies: Vec<&str> = parts.headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).collect();
        let cookie = |name| cookies.iter().find_map(|header| cookie_value(header, name));
        let lang = cookie(LANG_COOKIE).and_then(Lang::from_code).unwrap_or_else(|| {
            parts
                .headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .map(Lang::from_accept_language)
                .unwrap_or_default()
        });
        let prefs = cookie(PREFS_COOKIE).map(Prefs::from_cookie_value).unwrap_or_default();
        let path = parts.uri.path_and_query().map(|pq| pq.as_str().to_string()).unwrap_or_else(|| "/".into());
        Ui { lang, prefs, path }
    }
}

/// The current page's [`Ui`]; defaults outside a request.
pub fn use_ui() -> Ui {
    use_context::<Ui>().unwrap_or_default()
}
