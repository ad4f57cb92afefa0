//! Sessions: a random 256-bit token in an `HttpOnly` cookie; the database keeps only its
//! SHA-256. A middleware turns the cookie into the [`Actor`] of each request, applying the idle
//! and absolute timeouts for that person's roles; anything forged, expired or revoked is
//! simply anonymous.

use super::tokens::{new_token, sha256_hex, well_formed};
use super::{now, NewSession};
use crate::domain::Actor;
use crate::preferences::cookie_value;
use crate::server::config::Config;
use crate::server::db::prelude::*;
use crate::server::state::AppState;
use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;

/// How long sessions last, by kind of person.
#[derive(Clone, Debug)]
pub struct SessionPolicy {
    pub secure_cookie: bool,
    pub staff_idle_secs: i64,
    pub staff_max_secs: i64,
    pub seeker_idle_secs: i64,
    pub seeker_max_secs: i64,
    /// Employers too must have a second factor (counsellors and admins always must); see
    /// `SENDA_SECOND_FACTOR_FOR_EMPLOYERS`.
    pub second_factor_for_employers: bool,
}

/// Sessions are refreshed in the database at most this often, to spare writes.
const TOUCH_EVERY_SECS: i64 = 60;
/// How long a password sign-in waits for its second factor.
pub const AWAITING_CODE_SECS: i64 = 10 * 60;

impl SessionPolicy {
    pub fn from_config(config: &Config) -> SessionPolicy {
        SessionPolicy {
            secure_cookie: config.public_origin.starts_with("https://"),
            staff_idle_secs: config.staff_idle_minutes * 60,
            staff_max_secs: config.staff_max_hours * 3600,
            seeker_idle_secs: config.seeker_idle_minutes * 60,
            seeker_max_secs: config.seeker_max_hours * 3600,
            second_factor_for_employers: config.second_factor_for_employers,
        }
    }

    /// Whether `actor` must have a second factor before using the site: counsellors and
    /// admins read and change what others may not; employers when the deployment says so.
    pub fn second_factor_required(&self, actor: &Actor) -> bool {
        use crate::domain::Role;
        actor.has(Role::Counsellor)
            || actor.has(Role::Admin)
            || (self.second_factor_for_employers && actor.has(Role::Employer))
    }

    /// `__Host-` binds the cookie to this exact host over https; plain http cannot use it.
    pub fn cookie_name(&self) -> &'static str {
        if self.secure_cookie {
            "__Host-senda_session"
        } else {
            "senda_session"
        }
    }

    /// The session cookie; without `max_age` the browser forgets it when it closes.
    fn cookie(&self, value: &str, max_age: Option<i64>) -> String {
        let secure = if self.secure_cookie { "; Secure" } else { "" };
        let lasts = max_age.map(|secs| format!("; Max-Age={secs}")).unwrap_or_default();
        format!("{}={value}; Path=/{lasts}; HttpOnly; SameSite=Lax{secure}", self.cookie_name())
    }

    /// The `Set-Cookie` value that ends the session in the browser.
    pub fn clearing_cookie(&self) -> String {
        self.cookie("", Some(0))
    }

    /// Seconds of inactivity after which `actor`'s session ends.
    pub fn idle_secs(&self, actor: &Actor) -> i64 {
        self.limits(actor).0
    }

    fn limits(&self, actor: &Actor) -> (i64, i64) {
        if actor.is_staff() {
            (self.staff_idle_secs, self.staff_max_secs)
        } else {
            (self.seeker_idle_secs, self.seeker_max_secs)
        }
    }
}

/// Starts a session for `account_id` and returns the `Set-Cookie` value that carries it.
/// Always a new token: signing in never reuses one (no session fixation). A `kept` session's
/// cookie lasts as long as the session may; any other ends with the browser (the session
/// itself ends on the server by the same limits either way). `second_factor_at`: when the
/// person passed a second factor on the way in, if they did.
pub async fn start(
    store: &dyn Store,
    policy: &SessionPolicy,
    actor: &Actor,
    user_agent: &str,
    kept: bool,
    second_factor_at: Option<i64>,
) -> DbResult<String> {
    let token = new_token();
    let (_, max) = policy.limits(actor);
    let now = now();
    store
        .create_session(&NewSession {
            token_hash: sha256_hex(&token),
            account_id: actor.account_id,
            now,
            expires_at: now + max,
            user_agent: user_agent.chars().take(256).collect(),
            second_factor_at,
        })
        .await?;
    Ok(policy.cookie(&token, kept.then_some(max)))
}

/// The signed-in person of a request, and the hash of their session token.
#[derive(Clone, Debug)]
pub struct CurrentSession {
    pub actor: Actor,
    pub token_hash: String,
    /// When this session last passed the account's second factor (AAL2), if it did.
    pub second_factor_at: Option<i64>,
    /// Whether the account has a second factor set up.
    pub has_second_factor: bool,
    /// The account must set one up before anything else (see
    /// [`SessionPolicy::second_factor_required`]).
    pub must_enrol: bool,
}

/// A password sign-in that still owes its second factor. Not a [`CurrentSession`]: until the
/// code is given the request is nobody's, and only the code page answers it.
#[derive(Clone, Debug)]
pub struct AwaitingSecondFactor {
    pub account_id: i64,
    pub token_hash: String,
}

/// What a session cookie stands for.
#[derive(Clone, Debug)]
pub enum Resolved {
    SignedIn(CurrentSession),
    AwaitingCode(AwaitingSecondFactor),
}

/// The signed-in person of the request being handled, from inside a page or server function.
pub fn current() -> Option<CurrentSession> {
    leptos::prelude::use_context::<axum::http::request::Parts>()?.extensions.get::<CurrentSession>().cloned()
}

/// Finds the live session a `Cookie` header carries, if any.
pub async fn resolve(store: &dyn Store, policy: &SessionPolicy, cookie_header: &str) -> Option<Resolved> {
    let token = cookie_value(cookie_header, policy.cookie_name())?;
    if !well_formed(token) {
        return None;
    }
    let hash = sha256_hex(token);
    let record = match store.session(&hash).await {
        Ok(Some(record)) => record,
        Ok(None) => return None,
        Err(err) => {
            tracing::warn!(error = %err, "cannot read session; treating the request as anonymous");
            return None;
        }
    };
    let (idle, max) = policy.limits(&record.actor);
    let awaiting_code = record.has_second_factor && record.second_factor_at.is_none();
    let idle = if awaiting_code { idle.min(AWAITING_CODE_SECS) } else { idle };
    let now = now();
    if now >= record.expires_at || now >= record.created_at + max || now >= record.last_seen_at + idle {
        let _ = store.delete_session(&hash).await;
        return None;
    }
    if now - record.last_seen_at >= TOUCH_EVERY_SECS {
        if let Err(err) = store.touch_session(&hash, now).await {
            tracing::warn!(error = %err, "cannot refresh session");
        }
    }
    if awaiting_code {
        return Some(Resolved::AwaitingCode(AwaitingSecondFactor {
            account_id: record.actor.account_id,
            token_hash: hash,
        }));
    }
    let must_enrol = !record.has_second_factor && policy.second_factor_required(&record.actor);
    Some(Resolved::SignedIn(CurrentSession {
        actor: record.actor,
        token_hash: hash,
        second_factor_at: record.second_factor_at,
        has_second_factor: record.has_second_factor,
        must_enrol,
    }))
}

/// Middleware: puts the request's [`CurrentSession`], when there is one, in its extensions,
/// where pages (through the request parts in context) and handlers find it.
pub async fn attach(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let cookies: Vec<String> =
        request.headers().get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok().map(str::to_string)).collect();
    let mut signed_in = false;
    for header in cookies {
        match resolve(state.store.as_ref(), &state.sessions, &header).await {
            Some(Resolved::SignedIn(session)) => {
                request.extensions_mut().insert(session);
                signed_in = true;
                break;
            }
            Some(Resolved::AwaitingCode(awaiting)) => {
                request.extensions_mut().insert(awaiting);
                signed_in = true;
                break;
            }
            None => {}
        }
    }
    let mut response = next.run(request).await;
    // What a signed-in person sees may be personal: no shared or back-button cache keeps it.
    if signed_in {
        response.headers_mut().insert(header::CACHE_CONTROL, axum::http::HeaderValue::from_static("no-store"));
    }
    response
}
