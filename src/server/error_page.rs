//! How an [`AppError`] reaches a person: each variant with its own status and a page in the
//! language of the request. A handler returns `Err(AppError)`; the error becomes a response
//! carrying the error itself, and the [`layer`] around the router, which has the request's
//! language and address, turns it into the page (or, for `Unauthorized`, into the way to sign
//! in and back).

use crate::error::AppError;
use crate::i18n::{t, t_with, Key, Lang};
use crate::server::plain_page::{lang_of, respond, respond_with};
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

impl IntoResponse for AppError {
    /// The page in Spanish, marked with the error so that [`layer`] answers in the request's
    /// language instead; outside that layer (never in Senda's router) the Spanish page stands.
    fn into_response(self) -> Response {
        let mut response = page(&self, Lang::default(), "/");
        response.extensions_mut().insert(Unanswered(self));
        response
    }
}

/// An error whose page has not yet been made in the request's language.
#[derive(Clone)]
struct Unanswered(AppError);

/// Middleware: answers a handler's error in the language of the request it came from, and a
/// server function's error with that error's own status.
pub async fn layer(request: Request, next: Next) -> Response {
    let lang = lang_of(request.headers());
    let address = request.uri().path_and_query().map(|p| p.as_str().to_string()).unwrap_or_else(|| "/".into());
    let server_fn = request.uri().path().starts_with(SERVER_FN_PREFIX);
    let mut response = next.run(request).await;
    match response.extensions_mut().remove::<Unanswered>() {
        Some(Unanswered(error)) => page(&error, lang, &address),
        None if server_fn && response.status() == StatusCode::INTERNAL_SERVER_ERROR => with_own_status(response).await,
        None => response,
    }
}

/// Where Leptos serves the server functions.
const SERVER_FN_PREFIX: &str = "/api/";

/// A server function's error comes out of Leptos as `500` whatever it was, with the error
/// itself as JSON: "not found" and "not allowed" must not read as the server failing (nor be
/// counted as such by a monitor or the probing log). The body is kept as it is.
async fn with_own_status(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return Response::from_parts(parts, axum::body::Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

/// The answer to `error` for a request to `address`, in `lang`.
pub fn page(error: &AppError, lang: Lang, address: &str) -> Response {
    let status = StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let home = ("/", Key::not_found_home);
    let (title, heading, body) = match error {
        AppError::Unauthorized => return crate::server::plain_page::sign_in_first(address),
        AppError::BadRequest => (Key::bad_request_title, Key::bad_request_h1, Key::bad_request_body),
        AppError::Validation(_) => (Key::invalid_title, Key::invalid_h1, Key::invalid_body),
        AppError::Forbidden => (Key::forbidden_title, Key::forbidden_h1, Key::forbidden_body),
        AppError::NotFound => (Key::not_found_title, Key::not_found_h1, Key::not_found_body),
        AppError::Conflict(_) => (Key::conflict_title, Key::conflict_h1, Key::conflict_body),
        AppError::TooLarge => (Key::too_large_title, Key::too_large_h1, Key::too_large_body),
        AppError::RateLimited { .. } => (Key::busy_title, Key::busy_h1, Key::busy_body),
        AppError::Internal | AppError::Transport => (Key::error_title, Key::error_h1, Key::error_body),
    };
    match error {
        AppError::RateLimited { retry_after } => {
            let wait = t_with(lang, Key::busy_retry_after, &[("seconds", &retry_after.to_string())]);
            let body = format!("{} {wait}", t(lang, body));
            let mut response = respond_with(lang, status, title, heading, &body, home);
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(*retry_after));
            response
        }
        _ => respond(lang, status, title, heading, body, home),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::FieldErrors;
    use axum::body::Body;
    use axum::routing::get;
    use axum::Router;
    use tower::ServiceExt;

    /// Every variant a handler may return, with the status it must be answered with.
    fn every_error() -> Vec<(AppError, u16)> {
        vec![
            (AppError::BadRequest, 400),
            (AppError::Validation(FieldErrors::default()), 422),
            (AppError::Unauthorized, 303),
            (AppError::Forbidden, 403),
            (AppError::NotFound, 404),
            (AppError::Conflict(FieldErrors::default()), 409),
            (AppError::TooLarge, 413),
            (AppError::RateLimited { retry_after: 42 }, 429),
            (AppError::Internal, 500),
            (AppError::Transport, 502),
        ]
    }

    async fn answer(error: AppError, language: &str) -> Response {
        let app = Router::new()
            .route("/cuenta/x", get(move || async move { Err::<Response, AppError>(error) }))
            .layer(axum::middleware::from_fn(layer));
        let request =
            Request::get("/cuenta/x?y=1").header(header::ACCEPT_LANGUAGE, language).body(Body::empty()).unwrap();
        app.oneshot(request).await.unwrap()
    }

    async fn text(response: Response) -> String {
        String::from_utf8(axum::body::to_bytes(response.into_body(), 1 << 20).await.unwrap().to_vec()).unwrap()
    }

    #[tokio::test]
    async fn each_error_is_answered_with_its_own_status_in_the_language_of_the_request() {
        for (error, status) in every_error() {
            for (language, tag) in [("en-GB,en;q=0.9", "en"), ("es-PE", "es-PE")] {
                let response = answer(error.clone(), language).await;
                assert_eq!(response.status().as_u16(), status, "{error:?} in {language}");
                if status == 303 {
                    let to = response.headers()[header::LOCATION].to_str().unwrap().to_string();
                    assert_eq!(to, "/entrar?volver=%2Fcuenta%2Fx?y=1", "{error:?} sends to sign in and back");
                    continue;
                }
                let body = text(response).await;
                assert!(body.contains(&format!("<html lang=\"{tag}\"")), "{error:?} in {language}: {body}");
            }
        }
    }

    #[tokio::test]
    async fn a_refusal_for_too_many_tries_says_when_to_try_again() {
        let response = answer(AppError::RateLimited { retry_after: 42 }, "es").await;
        assert_eq!(response.headers()[header::RETRY_AFTER], "42");
        assert!(text(response).await.contains("Puedes volver a intentarlo en 42 segundos."));
    }

    #[tokio::test]
    async fn the_cause_of_an_internal_error_never_reaches_the_page() {
        let body = text(answer(AppError::internal("constraint users_email_key at /srv/db"), "en").await).await;
        assert!(body.contains("Sorry, something went wrong in Senda"));
        assert!(!body.contains("users_email_key"));
    }
}
