//! An employer's sight of an applicant ends with the application: the person, what they wrote
//! and their CV are readable while it is open and for `SENDA_APPLICANT_KEPT_DAYS` after a
//! decision, then not; a withdrawn application closes them to the employer at once.

use super::*;
use senda::applications::store::Move;
use senda::applications::Side;

const DAY: i64 = 86_400;

/// What the employer's applicants' answer says of application `id`.
async fn applicant(app: &axum::Router, vacancy: i64, cookie: &str, id: i64) -> serde_json::Value {
    let reply =
        send(app, server_fn_call("/api/applications/applicants", &format!("vacancy={vacancy}"), Some(cookie))).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let answer: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    let found = answer["applicants"].as_array().unwrap().iter().find(|a| a["application_id"] == id).cloned();
    found.unwrap_or_else(|| panic!("application {id} not in {answer}"))
}

/// The status of the CV of application `id`, as the server function and as the PDF route.
async fn cv_statuses(app: &axum::Router, cookie: &str, id: i64) -> (StatusCode, StatusCode) {
    let answer = send(app, server_fn_call("/api/seekers/cv", &format!("application={id}"), Some(cookie))).await;
    let pdf = page(app, &format!("/cv.pdf?postulacion={id}"), cookie).await;
    (answer.status, pdf.status)
}

/// `who` uploads a PDF as their CV.
async fn uploads_cv(app: &axum::Router, state: &AppState, who: &Actor) {
    let pdf: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
    let file = Part::File { name: "cv", file_name: "cv.pdf", content_type: "application/pdf", bytes: pdf };
    let cookie = session_cookie_for(state, who).await;
    let reply = send(app, post_multipart("/mi-perfil/cv-pdf", &[file], &cookie)).await;
    assert_eq!(location(&reply), "/mi-perfil/cv-pdf?aviso=cv-guardado", "{}", reply.body);
}

async fn moves(state: &AppState, id: i64, from: ApplicationStatus, to: ApplicationStatus, side: Side, by: i64) {
    let change = Move { from, to, side, by, note: "", at: senda::server::auth::now() };
    assert!(state.store.move_application(id, &change).await.unwrap());
}

#[tokio::test]
async fn the_employer_reads_an_applicant_until_the_kept_time_after_a_decision_and_never_after_a_withdrawal() {
    use ConsentKind::*;
    let (app, state, db) = app_with_state().await;
    let b = board(&state).await;
    let seeker = |email: &'static str| {
        let state = state.clone();
        async move { person(&state, email, RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await }
    };
    let consents = [Register, DisabilityData, ShareWithEmployers];
    let rosa = seeker("rosa@example.pe").await;
    let rosa_id = registered(&state, Some(&rosa), b.centre, "45678912", &consents).await;
    let turned_down = applies_asking(&state, rosa_id, b.vacancy, &rosa, true).await;
    let lucia = seeker("lucia@example.pe").await;
    let lucia_id = registered(&state, Some(&lucia), b.centre, "45678913", &consents).await;
    let withdrawn = applies_asking(&state, lucia_id, b.vacancy, &lucia, true).await;
    uploads_cv(&app, &state, &rosa).await;
    uploads_cv(&app, &state, &lucia).await;
    let readable = (StatusCode::OK, StatusCode::OK);
    assert_eq!(cv_statuses(&app, &b.employer, turned_down).await, readable, "open");
    assert_eq!(cv_statuses(&app, &b.employer, withdrawn).await, readable, "open");

    moves(
        &state,
        turned_down,
        ApplicationStatus::Submitted,
        ApplicationStatus::NotSelected,
        Side::Employer,
        b.employer_id,
    )
    .await;
    moves(
        &state,
        withdrawn,
        ApplicationStatus::Submitted,
        ApplicationStatus::Withdrawn,
        Side::Applicant,
        lucia.account_id,
    )
    .await;

    // Just decided: the employer can still answer for the decision.
    let decided = applicant(&app, b.vacancy, &b.employer, turned_down).await;
    assert!(decided["person"]["Shared"].is_object(), "{decided}");
    assert_eq!(decided["message"], "Tengo experiencia en almacenes.");
    assert_eq!(decided["needs_at_interview"], serde_json::json!(["sign_interpreter_interview"]));
    assert_eq!(cv_statuses(&app, &b.employer, turned_down).await, readable);

    // Withdrawn: gone at once, with what she wrote and asked for.
    let gone = applicant(&app, b.vacancy, &b.employer, withdrawn).await;
    assert_eq!(gone["person"], "Withdrawn", "{gone}");
    assert_eq!(gone["message"], "");
    assert_eq!(gone["needs_at_interview"], serde_json::json!([]));
    let body = serde_json::to_string(&gone).unwrap();
    assert!(!body.contains("Rosa") && !body.contains("984123456"), "{body}");
    assert_eq!(cv_statuses(&app, &b.employer, withdrawn).await, (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND));

    // A day before the kept time ends (90 days by default), and a second after.
    let age = |days: i64| {
        format!("UPDATE application_events SET at = at - {} WHERE application_id = {turned_down}", days * DAY)
    };
    db.execute(&age(89)).await.unwrap();
    assert!(applicant(&app, b.vacancy, &b.employer, turned_down).await["person"]["Shared"].is_object());
    assert_eq!(cv_statuses(&app, &b.employer, turned_down).await, readable);
    db.execute(&age(1)).await.unwrap();
    let closed = applicant(&app, b.vacancy, &b.employer, turned_down).await;
    assert_eq!(closed["person"], "Closed", "{closed}");
    assert_eq!(closed["message"], "");
    assert_eq!(closed["needs_at_interview"], serde_json::json!([]));
    assert_eq!(cv_statuses(&app, &b.employer, turned_down).await, (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND));
    // The employer's own record of the decision stays.
    assert_eq!(closed["status"], "NotSelected");
    assert_eq!(closed["history"].as_array().map(Vec::len), Some(2));

    // The page says so in words.
    let page = page(&app, &senda::applications::applicants_path(b.vacancy), &b.employer).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Persona que retiró su postulación"), "{}", page.body);
    assert!(page.body.contains("Persona de una postulación cerrada"), "{}", page.body);
    assert!(!page.body.contains("Tengo experiencia en almacenes."), "{}", page.body);
    db.cleanup().await;
}

#[tokio::test]
async fn a_shorter_kept_time_is_a_setting() {
    use ConsentKind::*;
    let (app, state, db) = app_with_flags(&["--applicant-kept-days", "0"]).await;
    let b = board(&state).await;
    let rosa =
        person(&state, "rosa@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    let rosa_id = registered(&state, Some(&rosa), b.centre, "45678912", &[Register, ShareWithEmployers]).await;
    let hired = applies_asking(&state, rosa_id, b.vacancy, &rosa, false).await;
    assert!(applicant(&app, b.vacancy, &b.employer, hired).await["person"]["Shared"].is_object(), "open");
    moves(&state, hired, ApplicationStatus::Submitted, ApplicationStatus::Interview, Side::Employer, b.employer_id)
        .await;
    moves(&state, hired, ApplicationStatus::Interview, ApplicationStatus::Hired, Side::Employer, b.employer_id).await;
    assert_eq!(applicant(&app, b.vacancy, &b.employer, hired).await["person"], "Closed");
    db.cleanup().await;
}
