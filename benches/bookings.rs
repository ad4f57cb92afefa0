//! Booking races (issue 19): 200 job seekers book 20 interview slots at the same moment,
//! through the real router in this process (session, rules, the booking's transaction, the
//! page or the redirect): exactly 20 must get a slot and 180 the clear "taken" answer, and every
//! slot must hold exactly one booking. Run once on SQLite and once on PostgreSQL; reported per
//! engine: the outcome counts, the wall time of the whole race and each request's p50/p95/p99.
//!
//!   scripts/bench-bookings            (or: cargo bench --features ssr --bench bookings;
//!                                      SENDA_TEST_ENGINE=postgres with TEST_DATABASE_URL)
//!
//! `BENCH_SEEKERS` and `BENCH_SLOTS` change the sizes; each engine's section of
//! `bench/results/bookings.md` (or `BENCH_RECORD`) is replaced, the other kept.

#[path = "../tests/common/mod.rs"]
mod common;
mod shared;

use axum::http::StatusCode;
use common::web::{app_with_state, person, post_as, session_cookie_for};
use senda::accounts::{Role, RoleGrant};
use senda::fairs::registrations::store::{NewRegistration, Registering};
use senda::fairs::stands::slots::rules::block;
use senda::fairs::stands::slots::store::NewSlots;
use senda::fairs::stands::slots::SlotMode;
use senda::fairs::stands::store::{StandAnswer, StandAsk};
use senda::fairs::stands::StandStatus;
use senda::fairs::{FairDraft, FairMode, FairStatus};
use shared::{quantile, record};
use std::time::Instant;

fn size(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(run());
}

async fn run() {
    let (seekers, slot_count) = (size("BENCH_SEEKERS", 200), size("BENCH_SLOTS", 20));
    let engine = std::env::var("SENDA_TEST_ENGINE").unwrap_or_else(|_| "sqlite".into());
    let (app, state, db) = app_with_state().await;
    let store = state.store.clone();
    let now = senda::server::auth::now();
    let centre = store.list_centres().await.unwrap()[0].id;
    let organiser = person(
        &state,
        "jorge@centro.pe",
        RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre) },
    )
    .await;

    // A virtual fair in ten days, a verified company's accepted stand, and its slots.
    let starts_at = now + 10 * 86_400;
    let draft = FairDraft {
        centre_id: centre,
        title: "Feria virtual".into(),
        description: "Empresas que contratan.".into(),
        easy_read: "Ven a conocer empresas.".into(),
        mode: FairMode::Virtual,
        starts_at,
        ends_at: starts_at + 12 * 3_600,
        registration_closes_at: starts_at - 86_400,
        capacity: seekers as i64 + 10,
        venue: None,
    };
    let fair = store.create_fair(&draft, organiser.account_id, now).await.unwrap();
    assert!(store.move_fair(fair, FairStatus::Draft, FairStatus::Published, now).await.unwrap());
    let company =
        store.list_companies().await.unwrap().into_iter().find(|c| c.verified).expect("a verified demo company");
    let employer = person(
        &state,
        "rrhh@empresa.pe",
        RoleGrant { role: Role::Employer, company_id: Some(company.id), centre_id: None },
    )
    .await;
    let ask = StandAsk {
        fair_id: fair,
        company_id: company.id,
        introduction: "Entrevistas en línea.".into(),
        accommodations: Vec::new(),
        by: employer.account_id,
    };
    let stand = store.ask_stand(&ask, now).await.unwrap().unwrap();
    let answer =
        StandAnswer { stand_id: stand, to: StandStatus::Accepted, reason: "", by: organiser.account_id, mail: None };
    assert!(store.answer_stand(&answer, now).await.unwrap());
    let spans = block(starts_at, starts_at + slot_count as i64 * 1_200, 1_200, 0);
    let slots = NewSlots {
        stand_id: stand,
        interviewer_id: employer.account_id,
        spans,
        mode: SlotMode::Phone,
        by: employer.account_id,
    };
    let ids = store.publish_slots(&slots, now).await.unwrap().expect("published");

    // The people, registered for the fair, each with a session.
    let mut cookies = Vec::with_capacity(seekers);
    for n in 0..seekers {
        let grant = RoleGrant { role: Role::Seeker, company_id: None, centre_id: None };
        let seeker = person(&state, &format!("persona{n}@example.pe"), grant).await;
        let registration = NewRegistration {
            fair_id: fair,
            account_id: seeker.account_id,
            by: seeker.account_id,
            needs: Vec::new(),
            mail: None,
        };
        assert!(matches!(store.register(&registration, now).await.unwrap(), Registering::Registered(_)));
        cookies.push(session_cookie_for(&state, &seeker).await);
    }

    // The race: everyone at once, person n for slot n mod the slots.
    let started = Instant::now();
    let mut race = tokio::task::JoinSet::new();
    for (n, cookie) in cookies.into_iter().enumerate() {
        let (app, slot) = (app.clone(), ids[n % ids.len()]);
        race.spawn(async move {
            let sent = Instant::now();
            let path = format!("/ferias/entrevista/reservar?turno={slot}");
            let reply = post_as(&app, &path, &[("phone", "987 654 321")], &cookie).await;
            (reply.status, reply.body.contains("Otra persona reservó esta hora"), sent.elapsed().as_secs_f64() * 1e3)
        });
    }
    let outcomes = race.join_all().await;
    let wall = started.elapsed().as_secs_f64() * 1e3;
    let booked = outcomes.iter().filter(|(status, ..)| *status == StatusCode::SEE_OTHER).count();
    let taken = outcomes.iter().filter(|(status, said, _)| *status == StatusCode::CONFLICT && *said).count();
    let other = outcomes.len() - booked - taken;
    let mut held = 0;
    for slot in store.stand_slots(stand).await.unwrap() {
        held += usize::from(slot.booking.is_some());
    }
    let mut times: Vec<f64> = outcomes.iter().map(|(.., ms)| *ms).collect();
    times.sort_by(|a, b| a.total_cmp(b));
    let verdict = if booked == ids.len() && taken == seekers - ids.len() && other == 0 && held == ids.len() {
        "as required"
    } else {
        "NOT as required"
    };
    let body = format!(
        "Measured {date}: {seekers} people, {slots} slots. Booked: {booked}; told \"taken\" (409, the page saying \
         so): {taken}; anything else: {other}; slots holding one booking: {held} — {verdict}.\n\n| Race | wall ms | \
         p50 ms | p95 ms | p99 ms |\n| --- | ---: | ---: | ---: | ---: |\n| {seekers} bookings of {slots} slots at \
         once | {wall:.0} | {p50:.1} | {p95:.1} | {p99:.1} |",
        date = senda::domain::lima_time::lima_date(now),
        slots = ids.len(),
        p50 = quantile(&times, 0.50),
        p95 = quantile(&times, 0.95),
        p99 = quantile(&times, 0.99),
    );
    record(
        "bench/results/bookings.md",
        "# Booking races (interview slots)\n\nMeasured by `scripts/bench-bookings` on 2 cores, release build, through the \
         real router in one process (no network): every person's POST of the booking form at the same moment, on a pool of 4 connections (the \
         tests' own; PostgreSQL 15 on the same machine). The wall time is the whole race; each request waits for the \
         ones before it on the same rows, so its time is close to the wall time.\n",
        &engine,
        &body,
    );
    db.cleanup().await;
    assert_eq!(verdict, "as required", "{booked} booked, {taken} taken, {other} other, {held} held");
}
