//! Cross-site request forgery: Leptos server functions and our plain form endpoints both accept
//! HTML form posts, and `SameSite=Lax` alone does not stop a same-site attacker. So every
//! request that can change something must show that it comes from one of our own pages: by
//! `Sec-Fetch-Site: same-origin`, or else an `Origin` (or, failing that, `Referer`) equal to the
//! configured public origin or to the origin of the host it was sent to. A browser that sends
//! none of the three (old ones, some privacy settings) may instead carry the session's form
//! token in the posted form: every form that posts has it as a hidden field. Otherwise: 403.
//! The one exception is stopping an alert, which its own secret authorises.

use crate::i18n::Key;
use crate::server::plain_page::{lang_of, respond};
use crate::server::state::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

pub async fn check(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        || from_our_pages(request.headers(), &state.public_origin)
        // An alert's secret is what allows stopping it, whoever posts it: mail programs post
        // their one-click "unsubscribe" from their own servers (RFC 8058).
        || request.uri().path() == crate::alerts::STOP_ALERT_PATH
    {
        return next.run(request).await;
    }
    let request = if says_where(request.headers()) {
        Err(request.into_parts().0.headers)
    } else {
        with_form_token(request, state.sessions.cookie_name()).await
    };
    match request {
        Ok(request) => next.run(request).await,
        Err(headers) => {
            tracing::warn!(
                origin = ?headers.get(header::ORIGIN),
                fetch_site = ?headers.get("sec-fetch-site"),
                "refused a cross-site request"
            );
            refusal(&headers)
        }
    }
}

/// The form token of the session whose token hashes to `session_hash`. Only a page rendered
/// for that session carries it; another site cannot read it.
pub fn form_token(session_hash: &str) -> String {
    super::tokens::sha256_hex(&format!("senda-form:{session_hash}"))
}

/// The largest form body read here to find the token; longer posts must send the headers.
const MAX_FORM_BYTES: usize = 64 * 1024;

/// The request, if it is a form post carrying the form token of the session its cookie names;
/// the body is read to look, and put back for the handler.
async fn with_form_token(request: Request, cookie_name: &str) -> Result<Request, HeaderMap> {
    use crate::components::form::CSRF_FIELD;
    let session = request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| crate::preferences::cookie_value(c, cookie_name))
        .map(|raw| form_token(&super::tokens::sha256_hex(raw)));
    let is_form = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    let (parts, body) = request.into_parts();
    let Some(expected) = session.filter(|_| is_form) else { return Err(parts.headers) };
    let Ok(bytes) = axum::body::to_bytes(body, MAX_FORM_BYTES).await else { return Err(parts.headers) };
    let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
    let sent = fields.iter().find(|(name, _)| name == CSRF_FIELD).map(|(_, value)| value.as_str());
    if sent.is_some_and(|sent| same_secret(sent, &expected)) {
        Ok(Request::from_parts(parts, axum::body::Body::from(bytes)))
    } else {
        Err(parts.headers)
    }
}

/// Compares two secrets in time that does not depend on where they differ.
fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Whether the request says where it comes from at all (`Sec-Fetch-Site`, `Origin` or
/// `Referer`): one that says nothing is no other site's page, and old browsers say nothing.
pub fn says_where(headers: &HeaderMap) -> bool {
    ["origin", "sec-fetch-site", "referer"].iter().any(|name| headers.contains_key(*name))
}

/// Whether the request's headers show it was sent by one of our own pages.
pub fn from_our_pages(headers: &HeaderMap, public_origin: &str) -> bool {
    let value = |name| headers.get(name).and_then(|v| v.to_str().ok());
    match value("sec-fetch-site") {
        Some("same-origin") => return true,
        Some("cross-site") | Some("same-site") => return false,
        _ => {}
    }
    let ours = |origin: &str| {
        origin == public_origin.trim_end_matches('/')
            || value("host")
                .is_some_and(|host| origin == format!("http://{host}") || origin == format!("https://{host}"))
    };
    if let Some(origin) = value("origin") {
        return ours(origin);
    }
    value("referer").and_then(origin_of).is_some_and(|origin| ours(&origin))
}

/// `scheme://host[:port]` of a URL.
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    (!authority.is_empty()).then(|| format!("{scheme}://{authority}"))
}

fn refusal(headers: &HeaderMap) -> Response {
    respond(
        lang_of(headers),
        StatusCode::FORBIDDEN,
        Key::csrf_title,
        Key::csrf_h1,
        Key::csrf_body,
        ("/", Key::csrf_home),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    const ORIGIN: &str = "https://senda.example.pe";

    #[test]
    fn a_post_from_our_own_pages_is_accepted() {
        assert!(from_our_pages(&headers(&[("sec-fetch-site", "same-origin")]), ORIGIN));
        assert!(from_our_pages(&headers(&[("origin", "https://senda.example.pe")]), ORIGIN));
        assert!(from_our_pages(&headers(&[("origin", "http://127.0.0.1:3111"), ("host", "127.0.0.1:3111")]), ORIGIN));
        assert!(from_our_pages(&headers(&[("referer", "https://senda.example.pe/entrar?x=1")]), ORIGIN));
    }

    #[test]
    fn a_post_from_anywhere_else_is_refused() {
        assert!(!from_our_pages(&headers(&[("sec-fetch-site", "cross-site"), ("origin", ORIGIN)]), ORIGIN));
        assert!(!from_our_pages(&headers(&[("sec-fetch-site", "same-site")]), ORIGIN));
        assert!(!from_our_pages(&headers(&[("origin", "https://evil.example")]), ORIGIN));
        assert!(!from_our_pages(&headers(&[("origin", "null")]), ORIGIN));
        assert!(!from_our_pages(&headers(&[("origin", "https://senda.example.pe.evil.example")]), ORIGIN));
        assert!(!from_our_pages(&headers(&[("referer", "https://evil.example/https://senda.example.pe")]), ORIGIN));
        assert!(!from_our_pages(&headers(&[]), ORIGIN), "no proof at all is a refusal");
    }
}
