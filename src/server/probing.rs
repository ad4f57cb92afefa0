//! Someone signed in who asks for records that are not theirs gets "not found", which says
//! nothing about whether the record exists. That answer is also the only trace of a person
//! walking through ids to find others' data, so each one is logged as a security event —
//! `WARN` with target `senda::probing`, the account and the address asked for — a few per
//! account at a time, so that a flood of them cannot flood the log. An operator finds repeated
//! probing by filtering the log on that target and counting by `account_id` (README,
//! "Security").

use crate::server::auth::session::CurrentSession;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Lines logged per account in one window; past them, one line says the rest were left out.
const LINES_PER_WINDOW: u32 = 5;
const WINDOW_SECS: i64 = 600;

/// What the watch has counted, one per router (so per app server), shared by its requests.
#[derive(Clone, Default)]
pub struct Watch(Arc<Mutex<Seen>>);

/// Middleware: logs a "not found" answered to a signed-in person.
pub async fn watch(State(Watch(counter)): State<Watch>, request: Request, next: Next) -> Response {
    // Only a signed-in request's address is kept: visitors' requests cost nothing here.
    let asker = request.extensions().get::<CurrentSession>().map(|s| (s.actor.account_id, request.uri().clone()));
    let response = next.run(request).await;
    if response.status() == StatusCode::NOT_FOUND {
        if let Some((account_id, uri)) = asker {
            let address = uri.path_and_query().map_or(uri.path(), |p| p.as_str());
            match counter.lock().map(|mut seen| seen.count(account_id, crate::server::auth::now())) {
                Ok(Verdict::Log) => tracing::warn!(
                    target: "senda::probing",
                    account_id,
                    address = %address,
                    "not found for a signed-in person"
                ),
                Ok(Verdict::LogLast) => tracing::warn!(
                    target: "senda::probing",
                    account_id,
                    address = %address,
                    "not found for a signed-in person; more from this account are left out for ten minutes"
                ),
                Ok(Verdict::Quiet) | Err(_) => {}
            }
        }
    }
    response
}

/// Whether one more "not found" of an account is logged.
#[derive(Debug, PartialEq, Eq)]
enum Verdict {
    Log,
    /// Logged, saying that the next ones in this window are not.
    LogLast,
    Quiet,
}

/// How many "not found" answers each account had in its current window (this app server only:
/// each keeps its own count, which at worst multiplies the lines by the servers).
#[derive(Default)]
struct Seen {
    windows: HashMap<i64, (i64, u32)>,
}

impl Seen {
    fn count(&mut self, account_id: i64, now: i64) -> Verdict {
        let window = now - now.rem_euclid(WINDOW_SECS);
        // Old windows go, so the map holds only the accounts of the last ten minutes.
        self.windows.retain(|_, (start, _)| *start == window);
        let (_, seen) = self.windows.entry(account_id).or_insert((window, 0));
        *seen += 1;
        match (*seen).cmp(&LINES_PER_WINDOW) {
            std::cmp::Ordering::Less => Verdict::Log,
            std::cmp::Ordering::Equal => Verdict::LogLast,
            std::cmp::Ordering::Greater => Verdict::Quiet,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_lines_per_account_and_window_then_quiet_until_the_next_window() {
        let mut seen = Seen::default();
        let now = 6_000;
        let verdicts: Vec<_> = (0..7).map(|_| seen.count(1, now)).collect();
        assert_eq!(
            verdicts,
            [Verdict::Log, Verdict::Log, Verdict::Log, Verdict::Log, Verdict::LogLast, Verdict::Quiet, Verdict::Quiet]
        );
        assert_eq!(seen.count(2, now + 1), Verdict::Log, "each account counts apart");
        assert_eq!(seen.count(1, now + WINDOW_SECS), Verdict::Log, "a new window starts again");
    }
}
