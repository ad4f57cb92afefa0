//! A small, complete, accessible page for answers given outside the Leptos app (a refused
//! form, a full queue, an internal error), in the site's stylesheet and the person's language.

use crate::i18n::{page_title, t, Key, Lang};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};

/// The language to answer in, from the request's cookie or `Accept-Language`.
pub fn lang_of(headers: &HeaderMap) -> Lang {
    let cookie = headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|h| crate::preferences::cookie_value(h, crate::i18n::LANG_COOKIE).and_then(Lang::from_code));
    cookie.unwrap_or_else(|| {
        headers
            .get(axum::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .map(Lang::from_accept_language)
            .unwrap_or_default()
    })
}

/// `status` with a page of a title, a heading, a paragraph and a link.
pub fn respond(lang: Lang, status: StatusCode, title: Key, heading: Key, body: Key, link: (&str, Key)) -> Response {
    respond_with(lang, status, title, heading, t(lang, body), link)
}

/// `status` with a page as [`respond`] makes, its paragraph already written (and escaped).
pub fn respond_with(
    lang: Lang,
    status: StatusCode,
    title: Key,
    heading: Key,
    body: &str,
    link: (&str, Key),
) -> Response {
    let html = format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" \
         content=\"width=device-width, initial-scale=1\"><title>{}</title><link rel=\"stylesheet\" href=\"/pkg/senda.css\">\
         </head><body><main id=\"content\" class=\"app-main app-width\"><h1>{}</h1><p>{}</p><p><a href=\"{}\">{}</a></p>\
         </main></body></html>",
        lang.tag(),
        page_title(lang, title),
        t(lang, heading),
        body,
        link.0,
        t(lang, link.1),
    );
    (status, Html(html)).into_response()
}

/// `403` with a page saying this account may not do that.
pub fn forbidden(lang: Lang) -> Response {
    respond(
        lang,
        StatusCode::FORBIDDEN,
        Key::forbidden_title,
        Key::forbidden_h1,
        Key::forbidden_body,
        ("/", Key::not_found_home),
    )
}

/// Sends a signed-out visitor to sign in, then back to `back_to`.
pub fn sign_in_first(back_to: &str) -> Response {
    crate::server::redirect::see_other(&crate::ui::sign_in_returning_to(back_to))
}
