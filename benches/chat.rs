//! Live chat under load (issue 19): job seekers at the demo's running virtual fair, each writing
//! one message a second to the demo company's stand and following their conversation's event
//! stream as the page's script does — through the real router in this process: the session,
//! the form post, the rate limit, the store, the hub and the stream (renewed every five minutes,
//! resumed after `Last-Event-ID` as a browser does). Every message must arrive on its stream
//! exactly once and in order, and no post may be refused. On PostgreSQL two app servers share
//! the database, each with its own hub: everyone posts through one and follows through the
//! other, so every delivery crosses LISTEN/NOTIFY.
//!
//!   scripts/bench-chat       (BENCH_SEEKERS, default 500; BENCH_SECONDS, default 600;
//!                             SENDA_TEST_ENGINE=postgres with TEST_DATABASE_URL)
//!
//! Reported per engine in `bench/results/chat.md` (or `BENCH_RECORD`): messages sent,
//! delivered, lost, duplicated and out of order, posts refused and why, and the delivery time —
//! from the post leaving to its event arriving on the stream — and the post's own time, each as
//! p50/p95/p99/max. The load's client runs on the same two cores as the servers.

#[path = "../tests/common/mod.rs"]
mod common;
mod shared;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use common::web::{app_with_state, person, post_as, session_cookie_for};
use http_body_util::BodyExt;
use senda::accounts::{Role, RoleGrant};
use shared::{quantile, record};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tower::ServiceExt;

/// How long the last messages get to arrive once everyone has stopped writing.
const GRACE: Duration = Duration::from_secs(30);

fn size(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(run());
}

/// What one person's writing and reading came to.
#[derive(Default)]
struct Outcome {
    sent: usize,
    refused: HashMap<u16, usize>,
    delivered: usize,
    duplicated: usize,
    out_of_order: usize,
    delivery_ms: Vec<f64>,
    post_ms: Vec<f64>,
}

async fn run() {
    let (seekers, seconds) = (size("BENCH_SEEKERS", 500), size("BENCH_SECONDS", 600));
    let engine = std::env::var("SENDA_TEST_ENGINE").unwrap_or_else(|_| "sqlite".into());
    let (_, state, db) = app_with_state().await;
    // The pool a server opens by default, not the tests' four connections.
    let mut state = state.clone();
    state.store = senda::server::db::open(&db.url, 10).await.unwrap();
    let store = state.store.clone();
    let now = senda::server::auth::now();
    let fair = store.fairs_ahead(now, 20).await.unwrap().into_iter().find(|f| f.title.contains("inclusivo")).unwrap();
    let stand = store.fair_stands(fair.id).await.unwrap()[0].id;

    // One app server on SQLite; two on PostgreSQL, each listening on its own connection.
    let server = |state: &senda::server::state::AppState| {
        let mut state = state.clone();
        let url = db.url.clone();
        async move {
            state.chat_hub = senda::fairs::stands::chat::hub::hub_for(&url).await.unwrap();
            senda::server::http::router(state)
        }
    };
    let poster = server(&state).await;
    let follower = if engine == "postgres" { server(&state).await } else { poster.clone() };

    // The people, each with a session and a conversation opened at the stand.
    let mut people = Vec::with_capacity(seekers);
    for n in 0..seekers {
        let grant = RoleGrant { role: Role::Seeker, company_id: None, centre_id: None };
        let seeker = person(&state, &format!("chat{n}@example.pe"), grant).await;
        let cookie = session_cookie_for(&state, &seeker).await;
        let form = [("stand", stand.to_string()), ("message", format!("Hola, soy la persona {n}"))];
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(post_as(&poster, "/ferias/stand/chat", &form, &cookie).await.status, StatusCode::SEE_OTHER);
        let conversation = store.person_chat(stand, seeker.account_id).await.unwrap().unwrap().id;
        people.push((n, cookie, conversation));
    }
    eprintln!("{seekers} people chatting at stand {stand} for {seconds} s on {engine}");

    let started = Instant::now();
    let mut load = tokio::task::JoinSet::new();
    for (n, cookie, conversation) in people {
        let (poster, follower) = (poster.clone(), follower.clone());
        // Spread over the first second, as people are.
        let offset = Duration::from_micros((n as u64 * 1_000_000) / seekers as u64);
        load.spawn(async move { person_load(n, stand, conversation, cookie, poster, follower, offset, seconds).await });
    }
    let outcomes = load.join_all().await;
    let wall = started.elapsed().as_secs_f64();

    let mut all = Outcome::default();
    for outcome in outcomes {
        all.sent += outcome.sent;
        for (status, count) in outcome.refused {
            *all.refused.entry(status).or_default() += count;
        }
        all.delivered += outcome.delivered;
        all.duplicated += outcome.duplicated;
        all.out_of_order += outcome.out_of_order;
        all.delivery_ms.extend(outcome.delivery_ms);
        all.post_ms.extend(outcome.post_ms);
    }
    let lost = all.sent - all.delivered;
    let refused: usize = all.refused.values().sum();
    let refusals = if all.refused.is_empty() {
        "none".to_string()
    } else {
        all.refused.iter().map(|(status, count)| format!("{count} × {status}")).collect::<Vec<_>>().join(", ")
    };
    let (delivery, post) = (quantiles(&mut all.delivery_ms), quantiles(&mut all.post_ms));
    let verdict = if lost == 0 && all.duplicated == 0 && all.out_of_order == 0 && refused == 0 && delivery[2] < 200.0 {
        "as required (p99 under 200 ms)"
    } else {
        "NOT as required (none lost, duplicated, out of order or refused, p99 under 200 ms)"
    };
    let servers = if engine == "postgres" {
        "two app servers (post through one, follow through the other)"
    } else {
        "one app server"
    };
    let body = format!(
        "Measured {date}: {seekers} people, one message a second each for {seconds} s ({wall:.0} s with the last \
         deliveries), {servers}. Sent: {sent} ({rate:.0} a second); delivered: {delivered}; lost: {lost}; duplicated: \
         {dup}; out of order: {order}; posts refused: {refusals} — {verdict}.\n\n| Time | p50 ms | p95 ms | p99 ms | \
         max ms |\n| --- | ---: | ---: | ---: | ---: |\n| delivery (post sent → event read) | {d0:.1} | {d1:.1} | \
         {d2:.1} | {d3:.1} |\n| the post itself (303 back) | {p0:.1} | {p1:.1} | {p2:.1} | {p3:.1} |",
        date = senda::domain::lima_time::lima_date(now),
        sent = all.sent,
        rate = all.sent as f64 / seconds as f64,
        delivered = all.delivered,
        dup = all.duplicated,
        order = all.out_of_order,
        d0 = delivery[0],
        d1 = delivery[1],
        d2 = delivery[2],
        d3 = delivery[3],
        p0 = post[0],
        p1 = post[1],
        p2 = post[2],
        p3 = post[3],
    );
    record(
        "bench/results/chat.md",
        "# Live chat under load\n\nMeasured by `scripts/bench-chat` on 2 cores, release build, through the real router \
         in one process (no network; the load's client shares the two cores): each person posts the chat form once a \
         second and follows their conversation's event stream, renewed every five minutes and resumed after \
         Last-Event-ID. The database pool is the server's default (10 connections); PostgreSQL 15 on the same machine.\n",
        &engine,
        &body,
    );
    db.cleanup().await;
}

/// p50, p95, p99 and the slowest of `times`.
fn quantiles(times: &mut [f64]) -> [f64; 4] {
    times.sort_by(|a, b| a.total_cmp(b));
    [quantile(times, 0.50), quantile(times, 0.95), quantile(times, 0.99), quantile(times, 1.0)]
}

/// Person `n` writes once a second for `seconds` through `poster` and reads their conversation's
/// stream through `follower` until every message they sent has come, or the grace is over.
#[allow(clippy::too_many_arguments)]
async fn person_load(
    n: usize,
    stand: i64,
    conversation: i64,
    cookie: String,
    poster: Router,
    follower: Router,
    offset: Duration,
    seconds: usize,
) -> Outcome {
    // When each message left, by its number; and whether writing is over.
    let sent_at: Arc<Mutex<HashMap<usize, Instant>>> = Arc::default();
    let done = Arc::new(tokio::sync::Notify::new());
    let writing = {
        let (sent_at, done, cookie) = (sent_at.clone(), done.clone(), cookie.clone());
        async move {
            let mut outcome = Outcome::default();
            let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + offset, Duration::from_secs(1));
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            for k in 0..seconds {
                tick.tick().await;
                let text = format!("m{n}-{k}.");
                let form = [("stand", stand.to_string()), ("message", text)];
                let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
                let leaving = Instant::now();
                sent_at.lock().unwrap().insert(k, leaving);
                let reply = post_as(&poster, "/ferias/stand/chat", &form, &cookie).await;
                outcome.post_ms.push(leaving.elapsed().as_secs_f64() * 1e3);
                if reply.status == StatusCode::SEE_OTHER {
                    outcome.sent += 1;
                } else {
                    sent_at.lock().unwrap().remove(&k);
                    *outcome.refused.entry(reply.status.as_u16()).or_default() += 1;
                }
            }
            done.notify_one();
            outcome
        }
    };
    let reading = async move {
        let mut outcome = Outcome::default();
        let (mut last_id, mut last_k, mut seen) = (0_i64, None::<usize>, std::collections::HashSet::new());
        let mut finished_at: Option<Instant> = None;
        let done_writing = done.notified();
        tokio::pin!(done_writing);
        'streams: loop {
            let mut stream = open(&follower, conversation, &cookie, last_id).await;
            let mut text = String::new();
            loop {
                let expected = sent_at.lock().unwrap().len();
                if finished_at.is_some_and(|at| seen.len() >= expected || at.elapsed() > GRACE) {
                    break 'streams;
                }
                let frame = tokio::select! {
                    frame = stream.frame() => frame,
                    _ = &mut done_writing, if finished_at.is_none() => {
                        finished_at = Some(Instant::now());
                        continue;
                    }
                    _ = tokio::time::sleep(Duration::from_millis(500)), if finished_at.is_some() => continue,
                };
                let Some(Ok(frame)) = frame else { continue 'streams };
                let Ok(bytes) = frame.into_data() else { continue };
                text.push_str(&String::from_utf8_lossy(&bytes));
                while let Some(end) = text.find("\n\n") {
                    let block: String = text.drain(..end + 2).collect();
                    let arrived = Instant::now();
                    let id = block.lines().find_map(|l| l.strip_prefix("id:")).and_then(|v| v.trim().parse().ok());
                    let Some(id) = id else { continue };
                    last_id = id;
                    let Some(k) = number_in(&block, n) else { continue };
                    if !seen.insert(k) {
                        outcome.duplicated += 1;
                        continue;
                    }
                    if last_k.is_some_and(|last| k < last) {
                        outcome.out_of_order += 1;
                    }
                    last_k = Some(k);
                    outcome.delivered += 1;
                    if let Some(left) = sent_at.lock().unwrap().get(&k) {
                        outcome.delivery_ms.push(arrived.duration_since(*left).as_secs_f64() * 1e3);
                    }
                }
            }
        }
        outcome
    };
    let (written, read) = tokio::join!(writing, reading);
    Outcome {
        delivered: read.delivered,
        duplicated: read.duplicated,
        out_of_order: read.out_of_order,
        delivery_ms: read.delivery_ms,
        ..written
    }
}

/// The number `k` of person `n`'s message `m{n}-{k}.` in an event, if it is one of theirs.
fn number_in(event: &str, n: usize) -> Option<usize> {
    let tag = format!("m{n}-");
    let at = event.find(&tag)? + tag.len();
    let digits: String = event[at..].chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The conversation's event stream from one of our pages, after message `after`.
async fn open(app: &Router, conversation: i64, cookie: &str, after: i64) -> Body {
    let mut request = Request::get(format!("/ferias/stand/chat/mensajes?id={conversation}&despues={after}"))
        .header(header::ACCEPT, "text/event-stream")
        .header("sec-fetch-site", "same-origin")
        .header(header::COOKIE, cookie);
    if after > 0 {
        request = request.header("last-event-id", after.to_string());
    }
    let response = app.clone().oneshot(request.body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "the stream of conversation {conversation}");
    response.into_body()
}
