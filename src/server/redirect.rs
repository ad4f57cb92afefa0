//! Redirects back to the page a form was sent from, the way a plain HTML form expects.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// The local path a form asked to return to, or `/` when it is missing or points anywhere
/// else (another host, a scheme, a protocol-relative `//` path): no open redirects.
pub fn safe_return_path(requested: Option<&str>) -> &str {
    match requested {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.starts_with("/\\")
                && path.len() <= 2048
                && path.chars().all(|c| !c.is_control()) =>
        {
            path
        }
        _ => "/",
    }
}

/// `303 See Other` to `path`: after a form post, the browser loads the next page with GET.
pub fn see_other(path: &str) -> Response {
    let location = HeaderValue::from_str(path).unwrap_or(HeaderValue::from_static("/"));
    (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response()
}

/// `303 See Other` to `path`, setting `cookie`: the browser then loads the page with GET.
pub fn see_other_with_cookie(path: &str, cookie: &str) -> Response {
    let mut response = see_other(path);
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_returned_to() {
        assert_eq!(safe_return_path(Some("/vacantes?region=cusco")), "/vacantes?region=cusco");
        assert_eq!(safe_return_path(Some("https://evil.example/")), "/");
        assert_eq!(safe_return_path(Some("//evil.example/")), "/");
        assert_eq!(safe_return_path(Some("/\\evil.example/")), "/");
        assert_eq!(safe_return_path(Some("/a\r\nSet-Cookie: x=1")), "/");
        assert_eq!(safe_return_path(Some("")), "/");
        assert_eq!(safe_return_path(None), "/");
    }
}
