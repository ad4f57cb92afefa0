//! What a session may reach while its second factor is owed. A password sign-in of an
//! account with a second factor reaches only the code page; a counsellor or admin (or an
//! employer, where the deployment says so) without one reaches only the pages that set one up;
//! and the most sensitive actions — granting roles, creating staff accounts, downloading or
//! deleting an account, reading the audit log, resetting someone's second factor — ask for a
//! code again when the last was given more than [`STEP_UP_SECS`] ago. The rules are here, pure;
//! on the server a middleware applies them to every request, pages, form posts and server
//! functions alike, before any handler runs.

use super::{APP_PATH, CODE_PATH, PASSKEY_PATH, RECOVERY_CODES_PATH, RESET_PATH, SECURITY_PATH, STEP_UP_SECS};
use crate::accounts::{
    DELETE_ACCOUNT_PATH, EXPORT_DATA_PATH, KEEP_ALIVE_PATH, NEW_STAFF_PATH, ROLES_PATH, SIGN_OUT_PATH,
};

/// Where a request stands with the second factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Nobody signed in.
    Anonymous,
    /// A password was given; the code is owed.
    AwaitingCode,
    /// Signed in, but must set up a second factor first.
    MustEnrol,
    /// Signed in. `passed_at`: when the session last passed a second factor; `has_factor`:
    /// whether the account has one (without one, nothing is asked again).
    SignedIn { has_factor: bool, passed_at: Option<i64> },
}

/// Paths that ask for a code again once [`STEP_UP_SECS`] have passed since the last one:
/// their pages, their form posts and the server functions that read for them.
pub const STEP_UP_PATHS: [&str; 8] = [
    ROLES_PATH,
    NEW_STAFF_PATH,
    EXPORT_DATA_PATH,
    DELETE_ACCOUNT_PATH,
    crate::audit::AUDIT_PATH,
    RESET_PATH,
    "/api/audit/events",
    "/api/accounts/roles-of",
];

/// Reachable in every standing: the site's own files, the switches of language and display
/// preferences (the code page must read as the person needs it), and signing out.
fn always_open(path: &str) -> bool {
    path.starts_with("/pkg/")
        || path.starts_with("/fonts/")
        || ["/healthz", "/favicon.svg", "/favicon.ico", "/robots.txt"].contains(&path)
        || [SIGN_OUT_PATH, crate::preferences::SAVE_PATH, crate::i18n::SWITCH_PATH].contains(&path)
}

/// Where the request must go instead, if anywhere: `path` (with `query`) is what it asked for.
pub fn detour(standing: Standing, path: &str, query: Option<&str>, now: i64) -> Option<String> {
    if always_open(path) {
        return None;
    }
    let asked = match query {
        Some(query) if !query.is_empty() => format!("{path}?{query}"),
        _ => path.to_string(),
    };
    let to = |page: &str| Some(format!("{page}?volver={}", encode(&asked)));
    match standing {
        Standing::Anonymous => None,
        Standing::AwaitingCode => (path != CODE_PATH).then(|| to(CODE_PATH)).flatten(),
        Standing::MustEnrol => {
            let open = [SECURITY_PATH, APP_PATH, PASSKEY_PATH, RECOVERY_CODES_PATH, KEEP_ALIVE_PATH].contains(&path)
                || path.starts_with("/api/second-factor/");
            (!open).then(|| to(SECURITY_PATH)).flatten()
        }
        Standing::SignedIn { has_factor, passed_at } => {
            let fresh = passed_at.is_some_and(|at| now - at < STEP_UP_SECS);
            (has_factor && !fresh && STEP_UP_PATHS.contains(&path)).then(|| to(CODE_PATH)).flatten()
        }
    }
}

/// Percent-encodes a path and query for a `volver` parameter (its slashes kept, readable).
pub fn encode(text: &str) -> String {
    crate::ui::percent_encode_keeping(text, b"/")
}

/// The middleware: sends a request its standing does not allow to where it must go first, a
/// `303` for a page or form, a `403` for a server function (which cannot follow it to a form).
#[cfg(feature = "ssr")]
pub async fn layer(request: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    use crate::server::auth::session::{AwaitingSecondFactor, CurrentSession};
    use axum::response::IntoResponse;
    let extensions = request.extensions();
    let standing = if extensions.get::<AwaitingSecondFactor>().is_some() {
        Standing::AwaitingCode
    } else if let Some(current) = extensions.get::<CurrentSession>() {
        if current.must_enrol {
            Standing::MustEnrol
        } else {
            Standing::SignedIn { has_factor: current.has_second_factor, passed_at: current.second_factor_at }
        }
    } else {
        Standing::Anonymous
    };
    let uri = request.uri();
    let Some(to) = detour(standing, uri.path(), uri.query(), crate::server::auth::now()) else {
        return next.run(request).await;
    };
    tracing::info!(?standing, path = uri.path(), "sent to give or set up a second factor first");
    if uri.path().starts_with("/api/") {
        return (axum::http::StatusCode::FORBIDDEN, "second factor needed\n").into_response();
    }
    crate::server::redirect::see_other(&to)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_800_000_000;

    #[test]
    fn a_sign_in_owing_its_code_reaches_the_code_page_and_nothing_else() {
        let s = Standing::AwaitingCode;
        assert_eq!(detour(s, CODE_PATH, Some("volver=/cuenta"), NOW), None);
        assert_eq!(detour(s, "/personas", None, NOW).as_deref(), Some("/entrar/codigo?volver=/personas"));
        assert_eq!(
            detour(s, "/persona/7", Some("x=1&y=2"), NOW).as_deref(),
            Some("/entrar/codigo?volver=/persona/7%3Fx%3D1%26y%3D2")
        );
        assert!(detour(s, "/api/accounts/my-sessions", None, NOW).is_some());
        assert!(detour(s, SECURITY_PATH, None, NOW).is_some());
        for open in ["/pkg/senda.js", "/favicon.svg", SIGN_OUT_PATH, crate::preferences::SAVE_PATH] {
            assert_eq!(detour(s, open, None, NOW), None, "{open}");
        }
        assert!(detour(s, "/cv.pdf", None, NOW).is_some(), "a file of someone's is no file of the site");
    }

    #[test]
    fn staff_without_a_factor_reach_only_the_pages_that_set_one_up() {
        let s = Standing::MustEnrol;
        for open in [SECURITY_PATH, APP_PATH, PASSKEY_PATH, RECOVERY_CODES_PATH, KEEP_ALIVE_PATH, SIGN_OUT_PATH] {
            assert_eq!(detour(s, open, None, NOW), None, "{open}");
        }
        for closed in ["/", "/cuenta", "/personas", ROLES_PATH, CODE_PATH, "/api/accounts/my-sessions"] {
            assert!(detour(s, closed, None, NOW).unwrap().starts_with("/cuenta/verificacion?volver="), "{closed}");
        }
    }

    #[test]
    fn sensitive_actions_ask_again_after_fifteen_minutes() {
        let fresh = Standing::SignedIn { has_factor: true, passed_at: Some(NOW - STEP_UP_SECS + 1) };
        let stale = Standing::SignedIn { has_factor: true, passed_at: Some(NOW - STEP_UP_SECS) };
        let never = Standing::SignedIn { has_factor: true, passed_at: None };
        for path in STEP_UP_PATHS {
            assert_eq!(detour(fresh, path, None, NOW), None, "{path}");
            assert!(detour(stale, path, None, NOW).unwrap().starts_with("/entrar/codigo?volver="), "{path}");
            assert!(detour(never, path, None, NOW).is_some(), "{path}");
        }
        assert_eq!(detour(stale, "/cuenta", None, NOW), None, "other pages do not ask");
        let no_factor = Standing::SignedIn { has_factor: false, passed_at: None };
        assert_eq!(detour(no_factor, EXPORT_DATA_PATH, None, NOW), None, "nothing to ask of an account without one");
        assert_eq!(detour(Standing::Anonymous, ROLES_PATH, None, NOW), None, "the page itself refuses strangers");
    }
}
