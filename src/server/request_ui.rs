//! The [`Ui`] of a request: its language, preferences, address and who is asking, read from
//! the request's headers and the session the session layer attached.

use crate::ui::Ui;

impl Ui {
    /// Reads the language and preferences cookies (the language falls back to
    /// `Accept-Language`); anything malformed means defaults, never an error.
    pub fn from_request(parts: &axum::http::request::Parts) -> Ui {
        use crate::domain::prefs::{cookie_value, Prefs, PREFS_COOKIE};
        use crate::i18n::{Lang, LANG_COOKIE};
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
        let session = parts.extensions.get::<crate::server::auth::session::CurrentSession>();
        let actor = session.map(|session| session.actor.clone());
        // A sign-in owing its code has a session too: the code form carries its token.
        let awaiting = parts.extensions.get::<crate::server::auth::session::AwaitingSecondFactor>();
        let session_hash = session.map(|s| s.token_hash.as_str()).or(awaiting.map(|a| a.token_hash.as_str()));
        let form_token = session_hash.map(crate::server::auth::csrf::form_token);
        Ui { lang, prefs, path, actor, form_token }
    }
}
