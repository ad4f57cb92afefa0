//! The language switch endpoint: works as a plain HTML form, without JavaScript.

use super::Lang;
use crate::server::auth::session::CurrentSession;
use crate::server::forms::{field, read};
use crate::server::redirect::{safe_return_path, see_other_with_cookie};
use crate::server::state::AppState;
use axum::extract::{Request, State};
use axum::response::Response;

/// Remembers the chosen language — in a cookie, and on the account when someone is signed
/// in, so it follows them to other devices — and returns to the page it was chosen on.
pub async fn switch(State(state): State<AppState>, request: Request) -> Response {
    let (parts, fields) = read(request).await;
    let lang = Lang::from_code(field(&fields, "lang")).unwrap_or_default();
    if let Some(current) = parts.extensions.get::<CurrentSession>() {
        if let Err(err) = state.store.save_settings(current.actor.account_id, None, Some(lang.code())).await {
            tracing::warn!(error = %err, "cannot save the language to the account");
        }
    }
    see_other_with_cookie(safe_return_path(Some(field(&fields, "return_to"))), &lang.set_cookie_header())
}
