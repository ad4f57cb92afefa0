//! The preferences form endpoint: works as a plain HTML form, without JavaScript.

use super::Prefs;
use crate::server::redirect::{safe_return_path, see_other_with_cookie};
use axum::response::Response;
use axum::Form;

/// Stores the submitted preferences in their cookie and returns to the page they came from.
pub async fn save(Form(fields): Form<Vec<(String, String)>>) -> Response {
    let prefs = Prefs::from_form(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let back = fields.iter().find(|(k, _)| k == "return_to").map(|(_, v)| v.as_str());
    see_other_with_cookie(safe_return_path(back), &prefs.set_cookie_header())
}
