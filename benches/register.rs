//! The register's speed (issue 5): a counsellor's caseload and a job seeker's matches with
//! 100 000 people in the register (all followed by one centre: the worst case for a caseload),
//! 100 000 vacancies and 1 000 000 applications, on SQLite. Each page is asked through the real
//! router in this process, so the time is the server's: the session, the queries, the
//! rendering, the whole body — no network. Each shape is asked a few times to warm up, then
//! `ROUNDS` times in a row; reported: p50, p95, p99 in milliseconds and the page's size.
//!
//!   scripts/bench-register            (or: cargo bench --features ssr --bench register)
//!
//! Sizes can be changed with `BENCH_SEEKERS`, `BENCH_VACANCIES`, `BENCH_APPLICATIONS`; the
//! report goes to `bench/results/register.md` (or `BENCH_RECORD`).

#[path = "../tests/common/mod.rs"]
mod common;

use axum::body::Body;
use axum::http::{header, StatusCode};
use common::web::{app_with_state, get, person, send, session_cookie_for};
use senda::accounts::{Role, RoleGrant};
use senda::domain::{region, DocumentType, IdentityDocument};
use senda::seekers::consent::{ConsentKind, RecordedBy};
use senda::seekers::store::{ConsentGiven, NewSeeker};
use senda::seekers::{ContactChannel, Disability, PersonalDetails, Sex};
use std::time::Instant;

const ROUNDS: usize = 100;
const WARM_UP: usize = 5;

const FIRST_NAMES: &[&str] = &[
    "Rosa", "Juan", "María", "José", "Carmen", "Luis", "Ana", "Jorge", "Lucía", "Pedro", "Elena", "Víctor", "Julia",
    "César", "Nelly", "Raúl", "Gladys", "Wilmer", "Flor", "Edwin",
];
const SURNAMES: &[&str] = &[
    "Quispe",
    "Huamán",
    "Mamani",
    "Condori",
    "Flores",
    "Rojas",
    "Chávez",
    "Vargas",
    "Ramos",
    "Torres",
    "Castillo",
    "Ccori",
    "Apaza",
    "Salazar",
    "Gutiérrez",
    "Paredes",
    "Ñahui",
    "Cusi",
    "Sánchez",
    "Díaz",
    "Mendoza",
    "Huanca",
];
const SKILLS: &[&str] =
    &["atención al cliente", "inventarios", "Excel", "redacción", "comunicación", "orden", "archivo", "ventas"];

fn size(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Person `n` of the generated register: a name, a DNI, a region and two skills, all from `n`.
fn generated(n: usize, centre: i64) -> NewSeeker {
    let mix = (n as u64).wrapping_mul(2_654_435_761).rotate_left(11) as usize;
    let full_name = format!(
        "{} {} {}",
        FIRST_NAMES[mix % FIRST_NAMES.len()],
        SURNAMES[(mix / 7) % SURNAMES.len()],
        SURNAMES[(mix / 13) % SURNAMES.len()]
    );
    let region = region::ALL[mix % region::ALL.len()];
    NewSeeker {
        personal: PersonalDetails {
            full_name,
            document: IdentityDocument::parse(DocumentType::Dni, &format!("{:08}", 10_000_000 + n)).unwrap(),
            birth_date: format!("{}-0{}-1{}", 1960 + mix % 45, 1 + mix % 9, mix % 10),
            sex: [Sex::Female, Sex::Male, Sex::Unstated][mix % 3],
            region,
            province: String::new(),
            district: String::new(),
            phone: format!("9{:08}", mix % 100_000_000),
            email: String::new(),
            channel: ContactChannel::WhatsApp,
        },
        account_id: None,
        centre_id: Some(centre),
        education: None,
        skills: vec![SKILLS[mix % SKILLS.len()].into(), SKILLS[(mix / 5) % SKILLS.len()].into()],
    }
}

fn percentile(sorted: &[f64], p: usize) -> f64 {
    sorted[((sorted.len() * p).div_ceil(100)).clamp(1, sorted.len()) - 1]
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(run());
}

async fn run() {
    let (seekers, vacancies, applications) =
        (size("BENCH_SEEKERS", 100_000), size("BENCH_VACANCIES", 100_000), size("BENCH_APPLICATIONS", 1_000_000));
    let (app, state, db) = app_with_state().await;
    let store = state.store.clone();
    let centre = store.list_centres().await.unwrap()[0].id;
    let counsellor_grant = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre) };
    let counsellor = person(&state, "consejera@centro.pe", counsellor_grant).await;

    let started = Instant::now();
    let board = senda::server::demo::seed_board(store.as_ref(), vacancies).await.unwrap() as usize;
    let filled_board = started.elapsed().as_secs();
    let started = Instant::now();
    let given = ConsentGiven { by: RecordedBy::Counsellor, recorder_id: counsellor.account_id, at: 1_700_000_000 };
    let consents = [ConsentKind::Register, ConsentKind::ShareWithEmployers, ConsentKind::CounsellorActs];
    let mut first_id = 0;
    for n in 0..seekers.saturating_sub(1) {
        let id = store.register_seeker(&generated(n, centre), &consents, given).await.unwrap();
        if n == 0 {
            first_id = id;
        }
    }
    // The person measured: the newest, with an account, disability data and needs.
    let rosa_account =
        person(&state, "rosa@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    let rosa = NewSeeker {
        personal: PersonalDetails {
            full_name: "Rosa Huamán Quispe".into(),
            region: senda::domain::Region::parse("lima-metropolitana").unwrap(),
            ..generated(seekers, centre).personal
        },
        account_id: Some(rosa_account.account_id),
        skills: vec!["atención al cliente".into(), "Excel".into()],
        ..generated(seekers, centre)
    };
    let mut all_consents = consents.to_vec();
    all_consents.push(ConsentKind::DisabilityData);
    let rosa_id = store.register_seeker(&rosa, &all_consents, given).await.unwrap();
    let needs = Disability {
        conadis: None,
        types: vec!["hearing".into()],
        needs_at_interview: vec!["sign_interpreter_interview".into()],
        needs_at_work: vec!["written_instructions".into()],
    };
    store.save_disability(rosa_id, &needs, 1_700_000_100).await.unwrap();
    let filled_register = started.elapsed().as_secs();

    // Applications: ten different vacancies for each person, spread over the board.
    let started = Instant::now();
    let per_person = applications.div_ceil(seekers.max(1)).max(1);
    let mut batch = Vec::with_capacity(20_000);
    let mut made = 0;
    'people: for n in 0..seekers {
        let seeker = if n + 1 == seekers { rosa_id } else { first_id + n as i64 };
        for k in 0..per_person {
            if made == applications {
                break 'people;
            }
            let vacancy = 1 + ((n * 7 + k * 9_973) % board.max(1)) as i64;
            batch.push((vacancy, seeker, 1_700_000_000 + made as i64));
            made += 1;
            if batch.len() == batch.capacity() {
                store.import_applications(&batch).await.unwrap();
                batch.clear();
            }
        }
    }
    store.import_applications(&batch).await.unwrap();
    let filled_applications = started.elapsed().as_secs();
    eprintln!(
        "filled: {board} vacancies in {filled_board} s, {seekers} people in {filled_register} s, \
         {made} applications in {filled_applications} s"
    );

    let jorge = session_cookie_for(&state, &counsellor).await;
    let rosa_cookie = session_cookie_for(&state, &rosa_account).await;
    let deep_page = (seekers as u32 / senda::seekers::CASELOAD_PAGE_SIZE / 2).max(1);
    let shapes: Vec<(&str, String, &str, &str)> = vec![
        ("caseload, first page", "/personas".into(), jorge.as_str(), "Rosa Huamán Quispe"),
        ("caseload, a page in the middle", format!("/personas?pagina={deep_page}"), jorge.as_str(), "aria-current"),
        ("caseload, by two name words", "/personas?q=rosa+quispe".into(), jorge.as_str(), "Rosa Huamán Quispe"),
        ("caseload, by one common name word", "/personas?q=huaman".into(), jorge.as_str(), "personas para"),
        ("caseload, by document number", "/personas?q=10005000".into(), jorge.as_str(), "1 persona para"),
        ("a person's page, for the counsellor", format!("/persona/{rosa_id}"), jorge.as_str(), "Rosa Huamán Quispe"),
        ("matches, the person's own", "/recomendadas".into(), rosa_cookie.as_str(), "Rosa"),
        ("matches, by the counsellor", format!("/recomendadas?persona={rosa_id}"), jorge.as_str(), "Rosa"),
        ("the person's applications", "/mis-postulaciones".into(), rosa_cookie.as_str(), "Estado"),
    ];
    let mut rows = Vec::new();
    for (name, path, cookie, expected) in &shapes {
        let ask = || send(&app, get(path).header(header::COOKIE, *cookie).body(Body::empty()).unwrap());
        for _ in 0..WARM_UP {
            let reply = ask().await;
            assert_eq!(reply.status, StatusCode::OK, "{name}: {path}");
            assert!(reply.body.contains(expected), "{name}: {path} lacks «{expected}»");
        }
        let mut times = Vec::with_capacity(ROUNDS);
        let mut bytes = 0;
        for _ in 0..ROUNDS {
            let at = Instant::now();
            let reply = ask().await;
            times.push(at.elapsed().as_secs_f64() * 1000.0);
            bytes = reply.body.len();
        }
        times.sort_by(f64::total_cmp);
        let row = format!(
            "| {name} | `{path}` | {:.1} | {:.1} | {:.1} | {bytes} |",
            percentile(&times, 50),
            percentile(&times, 95),
            percentile(&times, 99)
        );
        eprintln!("{row}");
        rows.push(row);
    }

    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let report = format!(
        "# The register's speed (caseload and matches)\n\n\
         Measured by `scripts/bench-register` on {cores} cores ({cpu}), release build, SQLite, {date}: \
         {seekers} people in the register, all followed by one centre (the worst case for a caseload); \
         {board} published vacancies (the generated demo board); {made} applications, {per_person} per person. \
         Each row: one page asked {ROUNDS} times in a row through the real router in the server's process \
         (session, queries, rendering, the whole body; no network) after {WARM_UP} warm-up requests, in \
         milliseconds. Filling took {filled_board} s for the board, {filled_register} s for the register (one \
         transaction per person, as the register form does it) and {filled_applications} s for the applications.\n\n\
         | Page | Address | p50 ms | p95 ms | p99 ms | HTML bytes |\n| --- | --- | ---: | ---: | ---: | ---: |\n{}\n",
        rows.join("\n"),
        date = senda::domain::lima_time::lima_date(senda::server::auth::now()),
    );
    let record = std::env::var("BENCH_RECORD").unwrap_or_else(|_| "bench/results/register.md".into());
    std::fs::write(&record, report).unwrap();
    eprintln!("written to {record}");
    db.cleanup().await;
}
