//! The authorization table: every server function and every form endpoint, called by each
//! kind of person, is allowed or refused as the table says. An endpoint missing from the
//! table fails the test, so nothing new can be added without deciding who may call it.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::web::*;
use senda::accounts::{Actor, Role, RoleGrant};
use senda::domain::{Region, Ruc};
use senda::organisations::NewCompany;
use senda::server::state::AppState;

/// The people every endpoint is tried with, in this order.
const PERSONAS: [&str; 7] =
    ["anonymous", "seeker A", "seeker B", "employer of company A", "employer of company B", "counsellor", "admin"];

const EVERYONE: [bool; 7] = [true; 7];
const SIGNED_IN: [bool; 7] = [false, true, true, true, true, true, true];
const STAFF_REVIEWERS: [bool; 7] = [false, false, false, false, false, true, true];
const EMPLOYERS_AND_COUNSELLORS: [bool; 7] = [false, false, false, true, true, true, false];
const COUNSELLORS: [bool; 7] = [false, false, false, false, false, true, false];
const ADMINS: [bool; 7] = [false, false, false, false, false, false, true];

/// Who may call what. `body` is a typical form body for the call.
const RULES: &[(&str, &str, [bool; 7])] = &[
    // Server functions.
    ("/api/organisations/directory", "", EVERYONE),
    ("/api/accounts/link-is-valid", "kind=ConfirmEmail&code=00", EVERYONE),
    ("/api/accounts/my-sessions", "", SIGNED_IN),
    ("/api/accounts/pending-join", "", SIGNED_IN),
    ("/api/organisations/companies-for-review", "", STAFF_REVIEWERS),
    ("/api/accounts/roles-of", "who=seeker-a%40example.pe", ADMINS),
    ("/api/audit/events", "filter[action]=sign_in", ADMINS),
    // A vacancy that does not exist is not found for everyone, which is not a refusal.
    ("/api/vacancies/view", "id=999999", EVERYONE),
    ("/api/vacancies/search", "address_query=q%3Dalmacen", EVERYONE),
    ("/api/vacancies/form-choices", "", EMPLOYERS_AND_COUNSELLORS),
    ("/api/vacancies/mine", "", EMPLOYERS_AND_COUNSELLORS),
    ("/api/vacancies/accommodations", "", ADMINS),
    ("/api/media/vacancy-slot", "id=999999", EMPLOYERS_AND_COUNSELLORS),
    ("/api/seekers/caseload", "query=", COUNSELLORS),
    ("/api/seekers/consent-sheet", "id=999999", SIGNED_IN),
    ("/api/seekers/step", "", SIGNED_IN),
    ("/api/seekers/cv", "", SIGNED_IN),
    ("/api/alerts/mine", "", SIGNED_IN),
    // An alert's secret allows stopping it, whoever holds it (tests/alerts.rs walks that).
    ("/api/alerts/stop", "token=00", EVERYONE),
    ("/api/seekers/mine", "", SIGNED_IN),
    ("/api/seekers/disability", "id=999999", SIGNED_IN),
    // Not found for everyone but the person and their centre, which is not a refusal.
    ("/api/seekers/view", "id=999999", SIGNED_IN),
    // Whose vacancy and whose profile decide the rest: tests/applications.rs walks that.
    ("/api/applications/form", "vacancy=999999", SIGNED_IN),
    ("/api/applications/mine", "", SIGNED_IN),
    ("/api/applications/applicants", "vacancy=999999", SIGNED_IN),
    ("/api/matches/for", "", SIGNED_IN),
    // Not found for all but the person's centre's counsellors: tests/casework.rs walks that.
    ("/api/casework/outcome-form", "id=999999", SIGNED_IN),
    // Form endpoints.
    ("/preferencias", "size=125&return_to=%2F", EVERYONE),
    ("/idioma", "lang=en&return_to=%2F", EVERYONE),
    ("/entrar", "email=&password=", EVERYONE),
    ("/salir", "", EVERYONE),
    ("/registro", "name=&email=&password=", EVERYONE),
    ("/registro/empresa", "ruc=&legal_name=&sector=&region=&name=&email=&password=", EVERYONE),
    ("/registro/confirmar", "codigo=00", EVERYONE),
    ("/contrasena/olvidada", "email=", EVERYONE),
    ("/contrasena/nueva", "codigo=00&password=", EVERYONE),
    ("/cuenta/contrasena", "current_password=&new_password=", SIGNED_IN),
    ("/cuenta/sesiones/cerrar", "session=00", SIGNED_IN),
    ("/cuenta/sesiones/cerrar-otras", "", SIGNED_IN),
    ("/cuenta/seguir", "", SIGNED_IN),
    ("/cuenta/correo", "email=&password=", SIGNED_IN),
    ("/cuenta/correo/confirmar", "codigo=00", EVERYONE),
    ("/cuenta/mis-datos", "", SIGNED_IN),
    ("/cuenta/eliminar", "password=", SIGNED_IN),
    ("/cuentas/nueva", "name=&email=&role=", ADMINS),
    ("/cuentas/roles", "account=1&action=dar&role=", ADMINS),
    ("/empresas/verificacion/verificar", "company=1", STAFF_REVIEWERS),
    ("/empresas/verificacion/solicitud", "account=1&decision=rechazar", STAFF_REVIEWERS),
    ("/vacantes/nueva", "title=", EMPLOYERS_AND_COUNSELLORS),
    ("/vacantes/editar", "title=", EMPLOYERS_AND_COUNSELLORS),
    // Who may move a vacancy depends on whose it is: tests/vacancies.rs walks that.
    ("/vacantes/estado", "vacancy=999999&step=publicar", SIGNED_IN),
    ("/vacantes/reportar", "vacancy=999999&reason=scam", EVERYONE),
    ("/vacantes/reportes/revisado", "report=999999", COUNSELLORS),
    ("/ajustes", "action=anadir&name_es=&name_en=", ADMINS),
    // Whose vacancy it is decides too: tests/vacancies.rs walks that.
    ("/vacantes/video", "", EMPLOYERS_AND_COUNSELLORS),
    ("/vacantes/video/quitar", "vacancy=999999", EMPLOYERS_AND_COUNSELLORS),
    ("/personas/nueva", "full_name=", COUNSELLORS),
    ("/mi-perfil", "full_name=", SIGNED_IN),
    ("/mi-perfil/permisos", "action=confirmar", SIGNED_IN),
    ("/mi-perfil/borrar", "confirm=si&password=", SIGNED_IN),
    ("/mi-perfil/vincular", "document_type=dni&document_number=&claim_code=", SIGNED_IN),
    ("/mi-perfil/datos", "full_name=", SIGNED_IN),
    ("/mi-perfil/idiomas", "idioma-es=native", SIGNED_IN),
    ("/mi-perfil/experiencia", "puesto=Cajero", SIGNED_IN),
    ("/mi-perfil/certificados", "quitar=1", SIGNED_IN),
    ("/mis-busquedas", "accion=guardar&consulta=q%3Dcocina", SIGNED_IN),
    ("/mi-perfil/cv-pdf", "", SIGNED_IN),
    ("/mi-perfil/cv-pdf/quitar", "", SIGNED_IN),
    ("/avisos/dejar", "t=00", EVERYONE),
    // Only a counsellor of the person's centre: others get 404 (tests/seekers.rs walks that).
    ("/personas/hoja", "", SIGNED_IN),
    ("/personas/discapacidad", "conadis=", SIGNED_IN),
    ("/postular", "message=", SIGNED_IN),
    ("/personas/resultado", "kind=closed&reason=moved", SIGNED_IN),
    ("/persona/{id}", "case_note=hola", SIGNED_IN),
    ("/postulaciones/retirar", "id=999999", SIGNED_IN),
    ("/postulantes", "id=999999&from=submitted&to=seen", SIGNED_IN),
];

/// Makes one account per persona (none for anonymous) and returns them in persona order.
async fn personas(state: &AppState) -> Vec<Option<Actor>> {
    let store = state.store.as_ref();
    let company = |name: &str, ruc: &str| NewCompany {
        legal_name: name.into(),
        ruc: Ruc::parse(ruc).unwrap(),
        sector: "Servicios".into(),
        region: Region::parse("lima-metropolitana").unwrap(),
        verified: true,
    };
    let company_a = store.insert_company(&company("Empresa A S.A.C.", "20556677884")).await.unwrap();
    let company_b = store.insert_company(&company("Empresa B S.A.C.", "20100987652")).await.unwrap();
    let centre = store.list_centres().await.unwrap()[0].id;
    let grants = [
        ("seeker-a", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }),
        ("seeker-b", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }),
        ("employer-a", RoleGrant { role: Role::Employer, company_id: Some(company_a), centre_id: None }),
        ("employer-b", RoleGrant { role: Role::Employer, company_id: Some(company_b), centre_id: None }),
        ("counsellor", RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre) }),
        ("admin", RoleGrant { role: Role::Admin, company_id: None, centre_id: None }),
    ];
    let mut actors = vec![None];
    for (who, role) in grants {
        actors.push(Some(person(state, &format!("{who}@example.pe"), role).await));
    }
    actors
}

/// Whether the answer let the call through: refusals are 401/403, or for a page form a
/// redirect to sign in first.
fn allowed(reply: &Reply) -> bool {
    let to_sign_in = reply
        .headers
        .get(header::LOCATION)
        .and_then(|l| l.to_str().ok())
        .is_some_and(|l| l.starts_with("/entrar?volver="));
    !(reply.status == StatusCode::UNAUTHORIZED || reply.status == StatusCode::FORBIDDEN || to_sign_in)
}

#[tokio::test]
async fn every_endpoint_is_in_the_table() {
    let (_app, db) = app().await;
    let mut endpoints: Vec<String> =
        leptos::server_fn::axum::server_fn_paths().map(|(path, _)| path.to_string()).collect();
    endpoints.extend(senda::server::http::form_endpoints().into_iter().map(|(path, _)| path.to_string()));
    for endpoint in &endpoints {
        assert!(
            RULES.iter().any(|(path, _, _)| path == endpoint),
            "{endpoint} is not in the authorization table of tests/authorization.rs: decide who may call it"
        );
    }
    for (path, _, _) in RULES {
        assert!(endpoints.iter().any(|e| e == path), "{path} is in the table but no longer exists");
    }
    db.cleanup().await;
}

#[tokio::test]
async fn each_person_is_allowed_or_refused_as_the_table_says() {
    let (app, state, db) = app_with_state().await;
    let people = personas(&state).await;
    let mut wrong = Vec::new();
    for (path, body, rule) in RULES {
        for ((persona, actor), expected) in PERSONAS.iter().zip(&people).zip(rule) {
            // A fresh session per call: some calls (signing out) end the one they came with.
            let cookie = match actor {
                Some(actor) => Some(session_cookie_for(&state, actor).await),
                None => None,
            };
            let mut request = Request::post(*path)
                .header(header::ORIGIN, ORIGIN)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ACCEPT, "text/html");
            if let Some(cookie) = &cookie {
                request = request.header(header::COOKIE, cookie);
            }
            let reply = send(&app, request.body(Body::from(body.to_string())).unwrap()).await;
            assert!(!reply.status.is_server_error(), "{path} as {persona}: {}", reply.status);
            if allowed(&reply) != *expected {
                wrong.push(format!(
                    "{path} as {persona}: expected {}, got {}",
                    if *expected { "allowed" } else { "refused" },
                    reply.status
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    db.cleanup().await;
}

#[tokio::test]
async fn my_sessions_are_mine_alone() {
    let (app, state, db) = app_with_state().await;
    let people = personas(&state).await;
    let (a, b) = (people[1].clone().unwrap(), people[2].clone().unwrap());
    let cookie_of = |actor: Actor| {
        let state = state.clone();
        async move { session_cookie_for(&state, &actor).await }
    };
    let a_cookie = cookie_of(a.clone()).await;
    let _ = cookie_of(a).await;
    let b_cookie = cookie_of(b).await;
    let ask = |cookie: String| {
        Request::post("/api/accounts/my-sessions")
            .header(header::ORIGIN, ORIGIN)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, cookie)
            .body(Body::empty())
            .unwrap()
    };
    let mine: serde_json::Value = serde_json::from_str(&send(&app, ask(a_cookie)).await.body).unwrap();
    let theirs: serde_json::Value = serde_json::from_str(&send(&app, ask(b_cookie)).await.body).unwrap();
    assert_eq!(mine.as_array().unwrap().len(), 2);
    assert_eq!(theirs.as_array().unwrap().len(), 1);
    assert_eq!(mine.as_array().unwrap().iter().filter(|s| s["current"] == true).count(), 1);
    db.cleanup().await;
}
