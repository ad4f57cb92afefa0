//! Plain HTML form posts: reading the body, and answering a failed one by rendering its page
//! again with what was typed and what is wrong (the GOV.UK pattern), all without JavaScript.

use crate::app::shell;
use crate::components::form::FormState;
use crate::error::FieldErrors;
use crate::server::state::AppState;
use axum::body::Body;
use axum::extract::Request;
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::Response;
use leptos::prelude::provide_context;

/// Largest form body accepted; every form here is a few fields.
const MAX_FORM_BYTES: usize = 64 * 1024;

/// Splits a form post into its request parts and its fields. A body that is too large or not
/// form-encoded gives no fields: the handler then reports the missing ones as errors.
pub async fn read(request: Request) -> (Parts, Vec<(String, String)>) {
    let (parts, body) = request.into_parts();
    let fields = match axum::body::to_bytes(body, MAX_FORM_BYTES).await {
        Ok(bytes) => serde_urlencoded::from_bytes(&bytes).unwrap_or_default(),
        Err(_) => Vec::new(),
    };
    (parts, fields)
}

/// The value of one field, or "".
pub fn field<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("")
}

/// The fields a failed form gives back when none is secret: all of them but the form token.
pub fn kept(fields: &[(String, String)]) -> Vec<(String, String)> {
    fields.iter().filter(|(k, _)| k != crate::components::form::CSRF_FIELD).cloned().collect()
}

/// What was typed into the fields named, to put back in the form (never a secret one).
pub fn kept_only(fields: &[(String, String)], names: &[&str]) -> Vec<(String, String)> {
    fields.iter().filter(|(k, _)| names.contains(&k.as_str())).cloned().collect()
}

/// Renders the page at the request's address again, with `form` in context. A form sent back
/// with mistakes answers 422, as GOV.UK's and other HTML-first services do: browsers show it
/// like any page, and a script, a test or a log can tell a refused form from a shown one.
pub async fn render_again(state: &AppState, parts: Parts, form: FormState) -> Response {
    render_page(state, parts, form, ()).await
}

/// Renders the page at `path` — not the request's own address: the form posted elsewhere —
/// with `form` in context, as [`render_again`] does.
pub async fn render_again_at(state: &AppState, mut parts: Parts, path: &str, form: FormState) -> Response {
    if let Ok(uri) = path.parse() {
        parts.uri = uri;
    }
    render_again(state, parts, form).await
}

/// The page at `path` again saying what changed meanwhile, as `409`: the form was right, but
/// what it acted on moved on (answered by someone else, taken away, closed).
pub async fn render_conflict_at(state: &AppState, parts: Parts, path: &str, errors: FieldErrors) -> Response {
    let mut response = render_again_at(state, parts, path, FormState { values: Vec::new(), errors }).await;
    // An error page (the page itself failed) keeps its own status.
    if response.status() == StatusCode::UNPROCESSABLE_ENTITY {
        *response.status_mut() = StatusCode::CONFLICT;
    }
    response
}

/// Renders the page at the request's address with `shown` in context: what a successful post
/// shows once and never again (new recovery codes), so it is no redirect.
pub async fn render_showing<T: Clone + Send + Sync + 'static>(state: &AppState, parts: Parts, shown: T) -> Response {
    render_page(state, parts, FormState::default(), shown).await
}

async fn render_page<T: Clone + Send + Sync + 'static>(
    state: &AppState,
    parts: Parts,
    form: FormState,
    shown: T,
) -> Response {
    let refused = form.has_errors();
    let leptos = state.leptos.clone();
    let context_state = state.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(context_state.clone());
            provide_context(form.clone());
            provide_context(shown.clone());
        },
        move || shell(leptos.clone()),
    );
    let mut request = Request::from_parts(parts, Body::empty());
    // The page is rendered as for a GET; the method only chose this handler.
    *request.method_mut() = axum::http::Method::GET;
    let mut response = handler(request).await;
    if refused && response.status() == StatusCode::OK {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    response
}
