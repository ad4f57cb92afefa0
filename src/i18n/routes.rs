//! The language switch endpoint: works as a plain HTML form, without JavaScript.

use super::{Lang, LANG_COOKIE};
use crate::preferences::PREFS_MAX_AGE_SECS;
use crate::server::redirect::{safe_return_path, see_other_with_cookie};
use axum::response::Response;
use axum::Form;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Switch {
    lang: Option<String>,
    return_to: Option<String>,
}

/// Remembers the chosen language and returns to the page it was chosen on.
pub async fn switch(Form(form): Form<Switch>) -> Response {
    let lang = form.lang.as_deref().and_then(Lang::from_code).unwrap_or_default();
    let cookie = format!("{LANG_COOKIE}={}; Path=/; Max-Age={PREFS_MAX_AGE_SECS}; SameSite=Lax", lang.code());
    see_other_with_cookie(safe_return_path(form.return_to.as_deref()), &cookie)
}
