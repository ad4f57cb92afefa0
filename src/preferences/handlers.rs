//! The form endpoints of preferences and the language switch: plain HTML forms that work
//! without JavaScript.

use super::Prefs;
use crate::i18n::Lang;
use crate::server::auth::session::CurrentSession;
use crate::server::forms::{field, read};
use crate::server::redirect::{safe_return_path, see_other_with_cookie};
use crate::server::state::AppState;
use axum::extract::{Request, State};
use axum::response::Response;

/// Stores the submitted preferences in their cookie — and on the account when someone is
/// signed in, so they follow them to other devices — and returns to the page they came from.
pub async fn save(State(state): State<AppState>, request: Request) -> Response {
    let (parts, fields) = read(request).await;
    let prefs = Prefs::from_form(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    if let Some(current) = parts.extensions.get::<CurrentSession>() {
        let value = prefs.to_cookie_value();
        if let Err(err) = state.store.save_settings(current.actor.account_id, Some(&value), None).await {
            tracing::warn!(error = %err, "cannot save the preferences to the account");
        }
    }
    see_other_with_cookie(safe_return_path(Some(field(&fields, "return_to"))), &prefs.set_cookie_header())
}

/// Remembers the chosen language — in a cookie, and on the account when someone is signed
/// in, so it follows them to other devices — and returns to the page it was chosen on.
pub async fn switch_language(State(state): State<AppState>, request: Request) -> Response {
    let (parts, fields) = read(request).await;
    let lang = Lang::from_code(field(&fields, "lang")).unwrap_or_default();
    if let Some(current) = parts.extensions.get::<CurrentSession>() {
        if let Err(err) = state.store.save_settings(current.actor.account_id, None, Some(lang.code())).await {
            tracing::warn!(error = %err, "cannot save the language to the account");
        }
    }
    see_other_with_cookie(safe_return_path(Some(field(&fields, "return_to"))), &lang.set_cookie_header())
}
