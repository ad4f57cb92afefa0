//! A fair's outcomes through the real router, without JavaScript: once the fair has begun its
//! organiser marks who came on the list of registrations; an application made from a stand's
//! vacancy says so; the organiser reads the fair's figures and the company its stand's, every
//! small group shown as "<10"; nobody else reads or marks anything.

use super::chat::running;
use super::stands::{accepted_stand, company_with_jobs, AtStand};
use super::*;
use senda::seekers::consent::ConsentKind;

#[tokio::test]
async fn the_organiser_marks_who_came_and_reads_the_outcomes_and_the_company_its_stands() {
    let AtStand { app, state, db, fair, stand, lucia, jorge, rosa, pedro, .. } = accepted_stand(10).await;
    let store = state.store.as_ref();
    let centre = store.list_centres().await.unwrap()[0].id;
    let seeker = RoleGrant { role: Role::Seeker, company_id: None, centre_id: None };
    let marta = person(&state, "marta@example.pe", seeker).await;
    let consents = [ConsentKind::Register, ConsentKind::ShareWithEmployers, ConsentKind::Statistics];
    crate::applications::registered(&state, Some(&marta), centre, "47001122", &consents).await;
    let marta_session = session_cookie_for(&state, &marta).await;
    // A counsellor of another centre (the one the stand's setting made).
    let puno = store.list_centres().await.unwrap().into_iter().find(|c| c.name == "CEM Puno").unwrap().id;
    let irma =
        person(&state, "irma@puno.pe", RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(puno) });
    let elsewhere = session_cookie_for(&state, &irma.await).await;
    sent(&app, "/ferias/inscripcion", &[("fair", fair.to_string())], &marta_session).await;
    let registration = store.fair_registrations(fair).await.unwrap()[0].id;
    let (registrations, attendance) = (format!("/ferias/inscritos?id={fair}"), "/ferias/inscritos/asistencia");
    let mark =
        |came: &str| [("fair", fair.to_string()), ("registration", registration.to_string()), ("came", came.into())];

    // Before the fair nobody is marked as come.
    assert!(!page(&app, &registrations, &jorge).await.body.contains("Marcar que vino"));
    assert_eq!(sent(&app, attendance, &mark("si"), &jorge).await.status, StatusCode::CONFLICT);
    running(&db, fair).await;

    // Its organisers alone mark, and unmark; the list says so beside the person.
    assert_eq!(sent(&app, attendance, &mark("si"), &elsewhere).await.status, StatusCode::NOT_FOUND);
    for other in [&lucia, &rosa] {
        assert_eq!(sent(&app, attendance, &mark("si"), other).await.status, StatusCode::FORBIDDEN);
    }
    let wrong = [("fair", fair.to_string()), ("registration", "999999".into()), ("came", "si".into())];
    assert_eq!(sent(&app, attendance, &wrong, &jorge).await.status, StatusCode::NOT_FOUND);
    let listed = page(&app, &registrations, &jorge).await.body;
    assert!(listed.contains("Asistencia sin marcar") && listed.contains("Marcar que vino: marta"));
    assert_eq!(
        location(&sent(&app, attendance, &mark("si"), &jorge).await),
        format!("{registrations}&aviso=asistencia-marcada#asistencia-{registration}")
    );
    let listed = page(&app, &registrations, &jorge).await.body;
    assert!(listed.contains("Vino (marcado el") && listed.contains("Quitar la marca: marta"));
    sent(&app, attendance, &mark("no"), &jorge).await;
    assert!(page(&app, &registrations, &jorge).await.body.contains("Asistencia sin marcar"));
    sent(&app, attendance, &mark("si"), &jorge).await;

    // From the stand, the vacancy and its form carry the stand, and so does the application.
    let (_, vacancy) = company_with_jobs(&state).await;
    let at_stand = format!("/vacante/{}?stand={stand}", vacancy.id);
    assert!(page(&app, &format!("/stand/{stand}"), &marta_session)
        .await
        .body
        .contains(&format!(r#"href="{at_stand}""#)));
    let form = format!("/postular?vacante={}&stand={stand}", vacancy.id);
    let escaped = form.replace('&', "&amp;");
    assert!(page(&app, &at_stand, &marta_session).await.body.contains(&format!(r#"href="{escaped}""#)));
    assert!(page(&app, &form, &marta_session).await.body.contains(&format!(r#"action="{escaped}""#)));
    let applied = post(&app, &form, &[("message", "Me interesa.")], &marta_session).await;
    assert_eq!(applied.status, StatusCode::SEE_OTHER, "{}", applied.body);
    let people = store.fair_people(fair, Some(stand), now()).await.unwrap();
    assert!(people.iter().any(|p| p.did.contains(&senda::fairs::outcomes::Measure::Applied)));

    // The organiser reads the fair's figures, every small group as "<10".
    let outcomes = format!("/ferias/resultados?id={fair}");
    let fair_page = page(&app, &outcomes, &jorge).await;
    assert_eq!(fair_page.status, StatusCode::OK);
    let body = fair_page.body;
    assert!(body.contains("Resultados de") && body.contains("Por sexo") && body.contains("Por región"));
    assert!(body.contains(r#"<span aria-hidden="true">&lt;10</span>"#) && body.contains("menos de 10"));
    assert!(body.contains("Postularon desde la feria") && body.contains("Se inscribieron"));
    assert!(!body.contains(">1<"), "no small count as it is");
    assert!(page(&app, &format!("/feria/{fair}"), &jorge).await.body.contains(&format!(r#"href="{outcomes}""#)));

    // The company reads its stand's from the stand's page; nobody else reads either.
    let stand_outcomes = format!("/ferias/stand/resultados?id={stand}");
    assert!(page(&app, &format!("/stand/{stand}"), &lucia).await.body.contains(&format!(r#"href="{stand_outcomes}""#)));
    assert!(!page(&app, &format!("/stand/{stand}"), &rosa).await.body.contains(&stand_outcomes));
    let theirs = page(&app, &stand_outcomes, &lucia).await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(theirs.body.contains("Postularon desde la feria") && !theirs.body.contains("Se inscribieron"));
    assert_eq!(page(&app, &stand_outcomes, &jorge).await.status, StatusCode::OK, "the organisers too");
    for other in [&pedro, &rosa, &marta_session, &elsewhere] {
        assert_eq!(page(&app, &stand_outcomes, other).await.status, StatusCode::NOT_FOUND);
    }
    for other in [&elsewhere] {
        assert_eq!(page(&app, &outcomes, other).await.status, StatusCode::NOT_FOUND);
    }
    for other in [&lucia, &rosa] {
        assert_eq!(page(&app, &outcomes, other).await.status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn the_interviewer_says_who_did_not_come_to_an_interview_that_is_over() {
    use senda::fairs::outcomes::Measure;
    use senda::fairs::stands::slots::booking_store::NewBooking;
    use senda::fairs::stands::slots::rules::Span;
    use senda::fairs::stands::slots::store::NewSlots;
    use senda::fairs::stands::slots::SlotMode;
    let AtStand { app, state, db, fair, stand, company, lucia, rosa, pedro, .. } = accepted_stand(10).await;
    sent(&app, "/ferias/inscripcion", &[("fair", fair.to_string())], &rosa).await;
    running(&db, fair).await;
    let store = state.store.as_ref();
    let interviewer = store.representatives(company).await.unwrap()[0].account_id;
    let (now, booked_by) = (now(), store.fair_registrations(fair).await.unwrap()[0].account_id);
    // Published and booked before it began, half an hour ago: over.
    let span = |from: i64| Span { starts_at: now + from, ends_at: now + from + 900, buffer: 0 };
    let block = NewSlots {
        stand_id: stand,
        interviewer_id: interviewer,
        spans: vec![span(-1_800), span(1_800)],
        mode: SlotMode::InPerson,
        by: interviewer,
    };
    let ids = store.publish_slots(&block, now - 3_000).await.unwrap().unwrap();
    let booking = |slot_id| NewBooking {
        slot_id,
        account_id: booked_by,
        room_url: String::new(),
        phone: String::new(),
        share_needs: false,
        replaces: None,
    };
    let quiet = |_: i64| Vec::<senda::server::mail::OutgoingMail>::new();
    store.book_slot(&booking(ids[0]), now - 3_000, &quiet).await.unwrap().expect("free");
    let slots_page = format!("/ferias/stand/entrevistas?id={stand}");
    let said =
        |slot: i64, came: &str| [("stand", stand.to_string()), ("slot", slot.to_string()), ("came", came.to_string())];
    const PATH: &str = "/ferias/stand/entrevistas/asistencia";

    // Over, it counts as held, and the page offers to say she did not come.
    assert_eq!(did(&state, fair, Measure::Interviewed).await, 1);
    let page_now = page(&app, &slots_page, &lucia).await.body;
    assert!(page_now.contains("Entrevista realizada.") && page_now.contains("Marcar que no vino: rosa"));
    assert_eq!(sent(&app, PATH, &said(ids[0], "no"), &pedro).await.status, StatusCode::NOT_FOUND);
    assert_eq!(sent(&app, PATH, &said(ids[0], "no"), &rosa).await.status, StatusCode::FORBIDDEN);
    assert_eq!(sent(&app, PATH, &said(ids[1], "no"), &lucia).await.status, StatusCode::NOT_FOUND, "not over");

    let reply = sent(&app, PATH, &said(ids[0], "no"), &lucia).await;
    assert_eq!(location(&reply), format!("{slots_page}&aviso=no-vino-a-la-entrevista"));
    assert_eq!((did(&state, fair, Measure::Interviewed).await, did(&state, fair, Measure::Booked).await), (0, 1));
    assert!(page(&app, &slots_page, &lucia).await.body.contains("Sí vino: rosa"));
    sent(&app, PATH, &said(ids[0], "si"), &lucia).await;
    assert_eq!(did(&state, fair, Measure::Interviewed).await, 1);

    // After the fair the stand's page still leads there, and it is still said; nothing is
    // published any more.
    ended(&db, fair, 86_400).await;
    let stand_page = page(&app, &format!("/stand/{stand}"), &lucia).await.body;
    assert!(
        stand_page.contains(&format!(r#"href="{slots_page}""#)) && stand_page.contains("Entrevistas: ver quién vino")
    );
    let after = page(&app, &slots_page, &lucia).await;
    assert_eq!(after.status, StatusCode::OK);
    assert!(after.body.contains("Marcar que no vino: rosa") && !after.body.contains("slot-add-h"));
    assert_eq!(
        location(&sent(&app, PATH, &said(ids[0], "no"), &lucia).await),
        format!("{slots_page}&aviso=no-vino-a-la-entrevista")
    );
    assert_eq!(did(&state, fair, Measure::Interviewed).await, 0);
    assert_eq!(sent(&app, PATH, &said(ids[0], "si"), &pedro).await.status, StatusCode::NOT_FOUND);

    // Once the stand takes no more questions, its interviews are settled.
    ended(&db, fair, 31 * 86_400).await;
    assert!(!page(&app, &format!("/stand/{stand}"), &lucia).await.body.contains(&slots_page));
    assert_eq!(page(&app, &slots_page, &lucia).await.status, StatusCode::FORBIDDEN);
    let late = sent(&app, PATH, &said(ids[0], "si"), &lucia).await;
    assert!(location(&late).starts_with(&format!("/feria/{fair}?aviso=")), "{}", location(&late));
    assert_eq!(did(&state, fair, Measure::Interviewed).await, 0, "unchanged");
}

/// Fair `fair` ended `ago` seconds ago, after an hour.
async fn ended(db: &common::TestDb, fair: i64, ago: i64) {
    let ends = now() - ago;
    let starts = ends - 3_600;
    let sql = format!(
        "UPDATE fairs SET registration_closes_at = {starts}, starts_at = {starts}, ends_at = {ends} WHERE id = {fair}"
    );
    db.execute(&sql).await.unwrap();
}

/// How many people the fair counts as having done `measure`, now.
async fn did(state: &senda::server::state::AppState, fair: i64, measure: senda::fairs::outcomes::Measure) -> usize {
    let people = state.store.fair_people(fair, None, now()).await.unwrap();
    people.iter().filter(|p| p.did.contains(&measure)).count()
}
