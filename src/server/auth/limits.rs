//! Rate limits on sign-in, sign-up and password reset: counters in the database, so every
//! app server sees the same ones. A fixed window per limit; a refusal says when the window
//! ends (`Retry-After`).

use super::tokens::sha256_hex;
use crate::server::db::prelude::*;

/// At most `max` attempts of one kind per key (an IP address, an email) in `window_secs`.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub name: &'static str,
    pub max: i64,
    pub window_secs: i64,
}

/// Sign-in attempts from one address. Generous: a centre's whole room shares one address.
pub const SIGN_IN_PER_IP: Limit = Limit { name: "sign-in/ip", max: 100, window_secs: 15 * 60 };
/// Failed sign-ins to one account: guessing stops here, while the owner can still reset.
pub const SIGN_IN_FAILURES_PER_ACCOUNT: Limit = Limit { name: "sign-in-failed/email", max: 10, window_secs: 15 * 60 };
/// Accounts made from one address; `max` is the default of `SENDA_SIGN_UPS_PER_ADDRESS_PER_HOUR`,
/// and the app uses `AppState::sign_up_per_ip`.
pub const SIGN_UP_PER_IP: Limit = Limit { name: "sign-up/ip", max: 20, window_secs: 60 * 60 };
/// Reset requests from one address.
pub const RESET_PER_IP: Limit = Limit { name: "reset/ip", max: 20, window_secs: 60 * 60 };
/// Reset-form posts from one address with a code that is no live link: a person who mistypes
/// never gets near it; a stream of made-up codes stops here.
pub const RESET_CODE_MISSES_PER_IP: Limit = Limit { name: "reset-miss/ip", max: 20, window_secs: 60 * 60 };
/// Messages to one address about its account (reset links, "you already have an account"):
/// nobody can fill someone's inbox from our forms.
pub const MAIL_PER_ADDRESS: Limit = Limit { name: "mail/address", max: 5, window_secs: 60 * 60 };
/// Reports about vacancies from one address: enough for a real person, not for a flood.
pub const REPORT_PER_IP: Limit = Limit { name: "report/ip", max: 20, window_secs: 60 * 60 };
/// Documents one account may try to make its profile with in a day: whether a document is in
/// the register says something about a person's disability, so nobody may probe many.
pub const PROFILE_DOCUMENTS_PER_ACCOUNT: Limit =
    Limit { name: "profile-document/account", max: 5, window_secs: 24 * 3600 };
/// Wrong current passwords when changing it, per account.
pub const PASSWORD_CHANGE_FAILURES: Limit =
    Limit { name: "password-change-failed/account", max: 10, window_secs: 15 * 60 };

/// Wrong second-factor codes (an app's or a recovery code) per account, wherever they are
/// typed: at sign-in, before a sensitive action, or while setting one up.
pub const SECOND_FACTOR_FAILURES: Limit = Limit { name: "second-factor-failed/account", max: 10, window_secs: 15 * 60 };

/// Refused: try again after this many seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limited {
    pub retry_after: i64,
}

impl Limit {
    fn window_start(&self, now: i64) -> i64 {
        now - now.rem_euclid(self.window_secs)
    }

    fn bucket(&self, key: &str) -> String {
        sha256_hex(&format!("{}\n{}", self.name, key.to_lowercase()))
    }

    fn limited(&self, hits: i64, now: i64) -> Result<(), Limited> {
        if hits > self.max {
            Err(Limited { retry_after: (self.window_start(now) + self.window_secs - now).max(1) })
        } else {
            Ok(())
        }
    }

    /// Counts an attempt, and refuses it when it is one too many.
    pub async fn hit(&self, store: &dyn Store, key: &str, now: i64) -> DbResult<Result<(), Limited>> {
        let hits = store.hit(&self.bucket(key), self.window_start(now)).await?;
        Ok(self.limited(hits, now))
    }

    /// Whether the limit is already used up, without counting an attempt (for limits that
    /// count only failures).
    pub async fn check(&self, store: &dyn Store, key: &str, now: i64) -> DbResult<Result<(), Limited>> {
        let hits = store.hits(&self.bucket(key), self.window_start(now)).await?;
        Ok(self.limited(hits + 1, now))
    }
}

/// The address a request comes from: the TCP peer, or with `trust_forwarded_for` (behind a
/// reverse proxy that sets it) the last `X-Forwarded-For` entry, the one our proxy added.
pub fn client_ip(parts: &axum::http::request::Parts, trust_forwarded_for: bool) -> String {
    if trust_forwarded_for {
        let forwarded = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .rfind(|v| !v.is_empty());
        if let Some(ip) = forwarded {
            return ip.to_string();
        }
    }
    parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|info| info.0.ip().to_string())
        .unwrap_or_else(|| "unknown".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_says_when_the_window_ends() {
        let limit = Limit { name: "t", max: 2, window_secs: 600 };
        assert_eq!(limit.limited(2, 1_000), Ok(()));
        assert_eq!(limit.limited(3, 1_000), Err(Limited { retry_after: 200 }));
        assert_eq!(limit.limited(3, 1_199), Err(Limited { retry_after: 1 }));
        assert_ne!(limit.bucket("a@b.pe"), SIGN_UP_PER_IP.bucket("a@b.pe"), "each limit counts apart");
        assert_eq!(limit.bucket("A@B.pe"), limit.bucket("a@b.pe"));
    }

    #[test]
    fn the_forwarded_address_counts_only_behind_a_trusted_proxy() {
        let request =
            axum::http::Request::get("/").header("x-forwarded-for", "203.0.113.9, 198.51.100.7").body(()).unwrap();
        let (parts, _) = request.into_parts();
        assert_eq!(client_ip(&parts, true), "198.51.100.7");
        assert_eq!(client_ip(&parts, false), "unknown");
    }
}
