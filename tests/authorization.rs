//! The authorization check: every server function and every route of the route table
//! (`senda::server::http::route_table`), called by each kind of person, is allowed or refused as
//! its rule says — the route table's own `Access` for routes, the rows below for server
//! functions. A route or server function this test does not call fails it, so nothing new can
//! be added without deciding who may call it.

use crate::common;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::web::*;
use senda::accounts::{Actor, Role, RoleGrant};
use senda::domain::{Region, Ruc};
use senda::organisations::NewCompany;
use senda::server::http::Method::{Get, Post};
use senda::server::http::{route_table, untested, Access, Method};
use senda::server::state::AppState;

/// The people every endpoint is tried with, in this order.
const PERSONAS: [&str; 7] =
    ["anonymous", "seeker A", "seeker B", "employer of company A", "employer of company B", "counsellor", "admin"];

const EVERYONE: [bool; 7] = [true; 7];
const SIGNED_IN: [bool; 7] = [false, true, true, true, true, true, true];
const STAFF_REVIEWERS: [bool; 7] = [false, false, false, false, false, true, true];
const EMPLOYERS_AND_COUNSELLORS: [bool; 7] = [false, false, false, true, true, true, false];
const STAFF: [bool; 7] = [false, false, false, true, true, true, true];
const EMPLOYERS: [bool; 7] = [false, false, false, true, true, false, false];
const SEEKERS: [bool; 7] = [false, true, true, false, false, false, false];
const COUNSELLORS: [bool; 7] = [false, false, false, false, false, true, false];
const ADMINS: [bool; 7] = [false, false, false, false, false, false, true];

/// Who may call what. `body` is a typical form body for the call.
const RULES: &[(&str, &str, [bool; 7])] = &[
    // Server functions.
    ("/api/organisations/directory", "", EVERYONE),
    ("/api/accounts/link-is-valid", "kind=ConfirmEmail&code=00", EVERYONE),
    ("/api/accounts/my-sessions", "", SIGNED_IN),
    ("/api/accounts/pending-join", "", SIGNED_IN),
    ("/api/accounts/pending-email-change", "", SIGNED_IN),
    ("/api/organisations/companies-for-review", "", STAFF_REVIEWERS),
    ("/api/accounts/roles-of", "who=seeker-a%40example.pe", ADMINS),
    ("/api/audit/events", "filter[action]=sign_in", ADMINS),
    ("/api/second-factor/mine", "", SIGNED_IN),
    ("/api/second-factor/app-setup", "", SIGNED_IN),
    // The sign-in owing its code reaches it from its page only (the gate answers a call 403).
    ("/api/second-factor/code-page-passkey", "", SIGNED_IN),
    ("/api/second-factor/passkeys-offered", "", EVERYONE),
    // A vacancy that does not exist is not found for everyone, which is not a refusal.
    ("/api/vacancies/view", "id=999999", EVERYONE),
    ("/api/vacancies/search", "address_query=q%3Dalmacen", EVERYONE),
    ("/api/vacancies/form-choices", "", EMPLOYERS_AND_COUNSELLORS),
    ("/api/vacancies/mine", "", EMPLOYERS_AND_COUNSELLORS),
    ("/api/vacancies/accommodations", "", ADMINS),
    ("/api/vacancies/video-slot", "id=999999", EMPLOYERS_AND_COUNSELLORS),
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
    ("/api/casework/case-file", "seeker=999999", SIGNED_IN),
    ("/api/applications/of-seeker", "seeker=999999", SIGNED_IN),
    // A fair that does not exist is not found for everyone; a draft is its organisers' alone
    // (tests/fairs/mod.rs walks that).
    ("/api/fairs/view", "id=999999", EVERYONE),
    ("/api/fairs/list", "", EVERYONE),
    ("/api/fairs/upcoming", "", EVERYONE),
    ("/api/fairs/form", "", COUNSELLORS),
    ("/api/fairs/video-slot", "id=999999", COUNSELLORS),
    // A stand no one may see is not found, which is not a refusal (tests/fairs/stands.rs walks whose).
    ("/api/fairs/stands", "fair_id=999999", EVERYONE),
    ("/api/fairs/stand", "id=999999", EVERYONE),
    ("/api/fairs/stand-form", "fair_id=999999", EMPLOYERS),
    ("/api/fairs/stand-video-slot", "id=999999", EMPLOYERS),
    ("/api/fairs/stand-shifts", "id=999999", EMPLOYERS),
    ("/api/fairs/stand-questions", "id=999999", EMPLOYERS),
    ("/api/fairs/stand-slots", "id=999999", EMPLOYERS),
    ("/api/fairs/slot-booking", "slot=999999", SEEKERS),
    ("/api/fairs/stand-chat", "id=999999", SEEKERS),
    ("/api/fairs/stand-chats", "id=999999", EMPLOYERS),
    ("/api/fairs/chat-conversation", "id=999999", EMPLOYERS),
    // Either side of the conversation: tests/fairs/chat_reports.rs walks that.
    ("/api/fairs/chat-report", "id=999999", SIGNED_IN),
    ("/api/fairs/chat-reports", "id=999999", COUNSELLORS),
    // The fair's organisers; a stand's company too (tests/fairs/outcomes.rs walks whose).
    ("/api/fairs/outcomes", "id=999999", COUNSELLORS),
    ("/api/fairs/stand-outcomes", "id=999999", SIGNED_IN),
    // Without a person named, a job seeker's own; a person named, their counsellor's.
    ("/api/fairs/registration", "id=999999", SEEKERS),
    ("/api/fairs/seeker-fairs", "seeker=999999", COUNSELLORS),
    // Which centre organises the fair decides: tests/fairs/registrations.rs walks that.
    ("/api/fairs/registrations", "id=999999", COUNSELLORS),
    ("/api/interviews/library", "", STAFF),
    // Which library the template is in decides: tests/interviews.rs walks that.
    ("/api/interviews/template", "id=999999", STAFF),
    ("/api/interviews/own-libraries", "", STAFF),
    // Whose vacancy, whose application and whose consents decide: tests/interviews/records.rs.
    ("/api/interviews/vacancy-template", "vacancy=999999", SIGNED_IN),
    ("/api/interviews/record", "application=999999", SIGNED_IN),
    ("/api/interviews/prepare", "application=999999", SIGNED_IN),
];

/// A typical call of each route of the route table: its path in the table, its method, the
/// address to call (a record that does not exist where the path names one) and the body of a
/// form post.
const CALLS: &[(&str, Method, &str, &str)] = &[
    ("/preferencias", Post, "/preferencias", "size=125&return_to=%2F"),
    ("/idioma", Post, "/idioma", "lang=en&return_to=%2F"),
    ("/entrar", Post, "/entrar", "email=&password="),
    ("/salir", Post, "/salir", ""),
    ("/registro", Post, "/registro", "name=&email=&password="),
    ("/registro/empresa", Post, "/registro/empresa", "ruc=&legal_name=&sector=&region=&name=&email=&password="),
    ("/registro/confirmar", Post, "/registro/confirmar", "codigo=00"),
    ("/contrasena/olvidada", Post, "/contrasena/olvidada", "email="),
    ("/contrasena/nueva", Post, "/contrasena/nueva", "codigo=00&password="),
    ("/cuenta/contrasena", Post, "/cuenta/contrasena", "current_password=&new_password="),
    ("/cuenta/sesiones/cerrar", Post, "/cuenta/sesiones/cerrar", "session=00"),
    ("/cuenta/sesiones/cerrar-otras", Post, "/cuenta/sesiones/cerrar-otras", ""),
    ("/cuenta/seguir", Post, "/cuenta/seguir", ""),
    ("/cuenta/correo", Post, "/cuenta/correo", "email=&password="),
    ("/cuenta/correo/confirmar", Post, "/cuenta/correo/confirmar", "codigo=00"),
    ("/cuenta/correo/cancelar", Post, "/cuenta/correo/cancelar", ""),
    ("/cuenta/mis-datos", Post, "/cuenta/mis-datos", ""),
    ("/cuenta/eliminar", Post, "/cuenta/eliminar", "password="),
    ("/cuentas/nueva", Post, "/cuentas/nueva", "name=&email=&role="),
    ("/cuentas/roles", Post, "/cuentas/roles", "account=1&action=dar&role="),
    ("/empresas/verificacion/verificar", Post, "/empresas/verificacion/verificar", "company=1"),
    ("/empresas/verificacion/solicitud", Post, "/empresas/verificacion/solicitud", "account=1&decision=rechazar"),
    ("/vacantes/nueva", Post, "/vacantes/nueva", "title="),
    ("/vacantes/editar", Post, "/vacantes/editar", "title="),
    ("/vacantes/estado", Post, "/vacantes/estado", "vacancy=999999&step=publicar"),
    ("/vacantes/reportar", Post, "/vacantes/reportar", "vacancy=999999&reason=scam"),
    ("/vacantes/reportes/revisado", Post, "/vacantes/reportes/revisado", "report=999999"),
    ("/ajustes", Post, "/ajustes", "action=anadir&name_es=&name_en="),
    ("/vacantes/video", Post, "/vacantes/video", ""),
    ("/vacantes/video/quitar", Post, "/vacantes/video/quitar", "vacancy=999999"),
    ("/personas/nueva", Post, "/personas/nueva", "full_name="),
    ("/mi-perfil", Post, "/mi-perfil", "full_name="),
    ("/mi-perfil/permisos", Post, "/mi-perfil/permisos", "action=confirmar"),
    ("/mi-perfil/borrar", Post, "/mi-perfil/borrar", "confirm=si&password="),
    ("/mi-perfil/vincular", Post, "/mi-perfil/vincular", "document_type=dni&document_number=&claim_code="),
    ("/mi-perfil/datos", Post, "/mi-perfil/datos", "full_name="),
    ("/mi-perfil/idiomas", Post, "/mi-perfil/idiomas", "idioma-es=native"),
    ("/mi-perfil/experiencia", Post, "/mi-perfil/experiencia", "puesto=Cajero"),
    ("/mi-perfil/certificados", Post, "/mi-perfil/certificados", "quitar=1"),
    ("/mis-busquedas", Post, "/mis-busquedas", "accion=guardar&consulta=q%3Dcocina"),
    ("/mi-perfil/cv-pdf", Post, "/mi-perfil/cv-pdf", ""),
    ("/mi-perfil/cv-pdf/quitar", Post, "/mi-perfil/cv-pdf/quitar", ""),
    ("/avisos/dejar", Post, "/avisos/dejar", "t=00"),
    ("/personas/hoja", Post, "/personas/hoja", ""),
    ("/personas/discapacidad", Post, "/personas/discapacidad", "conadis="),
    ("/postular", Post, "/postular", "message="),
    ("/personas/resultado", Post, "/personas/resultado", "kind=closed&reason=moved"),
    ("/persona/{id}", Post, "/persona/999999", "case_note=hola"),
    ("/postulaciones/retirar", Post, "/postulaciones/retirar", "id=999999"),
    ("/postulantes", Post, "/postulantes", "id=999999&from=submitted&to=seen"),
    ("/entrar/codigo", Post, "/entrar/codigo", "code="),
    ("/cuenta/verificacion/app", Post, "/cuenta/verificacion/app", "secret=&code=&password="),
    ("/cuenta/verificacion/codigos", Post, "/cuenta/verificacion/codigos", "password="),
    ("/cuenta/verificacion/quitar", Post, "/cuenta/verificacion/quitar", "password="),
    ("/cuentas/verificacion", Post, "/cuentas/verificacion", "email=&reason="),
    ("/cuenta/verificacion/llave", Post, "/cuenta/verificacion/llave", "name=&password="),
    // Not found for all but the passkey's owner, which is not a refusal.
    ("/cuenta/verificacion/llave/quitar", Post, "/cuenta/verificacion/llave/quitar", "llave=999999&password="),
    ("/entrar/llave", Post, "/entrar/llave", ""),
    ("/ferias/nueva", Post, "/ferias/nueva", "title="),
    ("/ferias/editar", Post, "/ferias/editar", "title="),
    ("/ferias/estado", Post, "/ferias/estado", "fair=999999&step=publicar"),
    ("/feria/{id}/calendario.ics", Get, "/feria/999999/calendario.ics", ""),
    ("/ferias/video", Post, "/ferias/video", ""),
    ("/ferias/video/quitar", Post, "/ferias/video/quitar", "fair=999999"),
    ("/ferias/stand", Post, "/ferias/stand?feria=999999", "company=1&introduction=Hola"),
    ("/ferias/stand/decidir", Post, "/ferias/stand/decidir", "stand=999999&decision=aceptar"),
    ("/ferias/stand/retirar", Post, "/ferias/stand/retirar", "stand=999999"),
    ("/ferias/stand/video", Post, "/ferias/stand/video", ""),
    ("/ferias/stand/video/quitar", Post, "/ferias/stand/video/quitar", "stand=999999"),
    ("/ferias/stand/turnos", Post, "/ferias/stand/turnos?id=999999", "representative=1"),
    ("/ferias/stand/turnos/quitar", Post, "/ferias/stand/turnos/quitar", "stand=999999&shift=1"),
    ("/ferias/stand/entrevistas", Post, "/ferias/stand/entrevistas?id=999999", "interviewer=1"),
    ("/ferias/stand/entrevistas/quitar", Post, "/ferias/stand/entrevistas/quitar", "stand=999999&slot=1"),
    ("/ferias/entrevista/reservar", Post, "/ferias/entrevista/reservar?turno=999999", ""),
    ("/ferias/entrevista/cancelar", Post, "/ferias/entrevista/cancelar", "fair=999999&booking=1"),
    ("/ferias/stand/preguntar", Post, "/ferias/stand/preguntar", "stand=999999&question=Hola"),
    ("/ferias/stand/preguntas/responder", Post, "/ferias/stand/preguntas/responder", "stand=999999&question_id=1"),
    ("/ferias/stand/chat", Post, "/ferias/stand/chat", "stand=999999&message=Hola"),
    ("/ferias/stand/chat/terminar", Post, "/ferias/stand/chat/terminar", "conversation=999999"),
    ("/ferias/stand/chats/conversacion", Post, "/ferias/stand/chats/conversacion", "conversation=999999&message=Hola"),
    ("/ferias/stand/chats/atender", Post, "/ferias/stand/chats/atender", "conversation=999999"),
    ("/ferias/stand/chats/ofrecer", Post, "/ferias/stand/chats/ofrecer", "conversation=999999&slot=1"),
    ("/ferias/stand/chats/bloquear", Post, "/ferias/stand/chats/bloquear", "conversation=999999"),
    ("/ferias/stand/chat/mensajes", Get, "/ferias/stand/chat/mensajes?id=999999", ""),
    ("/ferias/stand/chat/reportar", Post, "/ferias/stand/chat/reportar", "conversation=999999&reported=1"),
    ("/ferias/reportes/revisado", Post, "/ferias/reportes/revisado", "fair=999999&report=1"),
    ("/ferias/inscripcion", Post, "/ferias/inscripcion", "fair=999999"),
    ("/ferias/inscripcion/cancelar", Post, "/ferias/inscripcion/cancelar", "fair=999999"),
    ("/ferias/inscritos/responder", Post, "/ferias/inscritos/responder", "fair=999999&registration=1&need=breaks"),
    (
        "/ferias/stand/entrevistas/asistencia",
        Post,
        "/ferias/stand/entrevistas/asistencia",
        "stand=999999&slot=1&came=no",
    ),
    ("/ferias/inscritos/asistencia", Post, "/ferias/inscritos/asistencia", "fair=999999&registration=1&came=si"),
    ("/entrevistas/nueva", Post, "/entrevistas/nueva", "library=&name="),
    ("/entrevistas/plantilla/datos", Post, "/entrevistas/plantilla/datos", "id=999999&version=1&name=A"),
    ("/entrevistas/plantilla/seccion", Post, "/entrevistas/plantilla/seccion", "id=999999&version=1&title=A"),
    (
        "/entrevistas/plantilla/seccion/quitar",
        Post,
        "/entrevistas/plantilla/seccion/quitar",
        "id=999999&version=1&seccion=1",
    ),
    ("/entrevistas/plantilla/pregunta", Post, "/entrevistas/plantilla/pregunta", "id=999999&version=1&seccion=1"),
    (
        "/entrevistas/plantilla/pregunta/quitar",
        Post,
        "/entrevistas/plantilla/pregunta/quitar",
        "id=999999&version=1&seccion=1&pregunta=1",
    ),
    ("/entrevistas/plantilla/copiar", Post, "/entrevistas/plantilla/copiar", "id=999999&version=1&into=national"),
    ("/entrevistas/vacante", Post, "/entrevistas/vacante", "vacante=999999&plantilla="),
    ("/entrevistas/registro", Post, "/entrevistas/registro", "postulacion=999999&version=1&seccion=1"),
    ("/entrevistas/registro/resumen", Post, "/entrevistas/registro/resumen", "postulacion=999999&version=1"),
    ("/entrevistas/preparar/pedir", Post, "/entrevistas/preparar/pedir", "postulacion=999999"),
    ("/stand/{id}/lsp", Get, "/stand/999999/lsp", ""),
    ("/stand/{id}/lsp.vtt", Get, "/stand/999999/lsp.vtt", ""),
    ("/feria/{id}/lsp", Get, "/feria/999999/lsp", ""),
    ("/feria/{id}/lsp.vtt", Get, "/feria/999999/lsp.vtt", ""),
    ("/empleos/cuantas", Get, "/empleos/cuantas?q=almacen", ""),
    ("/vacante/{id}/lsp", Get, "/vacante/999999/lsp", ""),
    ("/vacante/{id}/lsp.vtt", Get, "/vacante/999999/lsp.vtt", ""),
    ("/cv.pdf", Get, "/cv.pdf", ""),
];

/// Who each persona is, for a route's rule in the route table.
fn expected(access: Access) -> [bool; 7] {
    match access {
        Access::Everyone => EVERYONE,
        Access::SignedIn => SIGNED_IN,
        Access::StaffReviewers => STAFF_REVIEWERS,
        Access::EmployersAndCounsellors => EMPLOYERS_AND_COUNSELLORS,
        Access::Staff => STAFF,
        Access::Employers => EMPLOYERS,
        Access::Seekers => SEEKERS,
        Access::Counsellors => COUNSELLORS,
        Access::Admins => ADMINS,
    }
}

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
async fn every_server_function_and_route_is_called() {
    let (_app, db) = app().await;
    let functions: Vec<String> = leptos::server_fn::axum::server_fn_paths().map(|(path, _)| path.to_string()).collect();
    for function in &functions {
        assert!(
            RULES.iter().any(|(path, _, _)| path == function),
            "{function} is not in the authorization table of tests/authorization.rs: decide who may call it"
        );
    }
    for (path, _, _) in RULES {
        assert!(functions.iter().any(|f| f == path), "{path} is in the table but no longer exists");
    }
    let table = route_table();
    let called: Vec<(&str, Method)> = CALLS.iter().map(|(path, method, _, _)| (*path, *method)).collect();
    let untested = untested(&table, &called);
    assert!(untested.is_empty(), "routes with no typical call in CALLS of tests/authorization.rs: {untested:?}");
    for (path, method) in &called {
        assert!(
            table.iter().any(|r| (r.path, r.method) == (*path, *method)),
            "{path} {method:?} is called here but is not in the route table"
        );
    }
    db.cleanup().await;
}

#[tokio::test]
async fn each_person_is_allowed_or_refused_as_the_rules_say() {
    let (app, state, db) = app_with_state().await;
    let people = personas(&state).await;
    let table = route_table();
    let mut calls: Vec<(Method, &str, &str, [bool; 7])> =
        RULES.iter().map(|(path, body, rule)| (Method::Post, *path, *body, *rule)).collect();
    for (path, method, url, body) in CALLS {
        let route = table.iter().find(|r| (r.path, r.method) == (*path, *method)).expect("a route of the table");
        calls.push((*method, *url, *body, expected(route.access)));
    }
    let mut wrong = Vec::new();
    for (method, url, body, rule) in calls {
        for ((persona, actor), expected) in PERSONAS.iter().zip(&people).zip(rule) {
            // A fresh session per call: some calls (signing out) end the one they came with.
            let cookie = match actor {
                Some(actor) => Some(session_cookie_for(&state, actor).await),
                None => None,
            };
            let mut request = match method {
                Method::Post => Request::post(url)
                    .header(header::ORIGIN, ORIGIN)
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded"),
                Method::Get => Request::get(url),
            }
            .header(header::ACCEPT, "text/html");
            if let Some(cookie) = &cookie {
                request = request.header(header::COOKIE, cookie);
            }
            let reply = send(&app, request.body(Body::from(body.to_string())).unwrap()).await;
            assert!(!reply.status.is_server_error(), "{url} as {persona}: {}", reply.status);
            if allowed(&reply) != expected {
                wrong.push(format!(
                    "{url} as {persona}: expected {}, got {}",
                    if expected { "allowed" } else { "refused" },
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

/// Every call of the table, as `(method, url, body)`.
fn every_call() -> Vec<(Method, &'static str, &'static str)> {
    RULES
        .iter()
        .map(|(path, body, _)| (Method::Post, *path, *body))
        .chain(CALLS.iter().map(|(_, method, url, body)| (*method, *url, *body)))
        .collect()
}

/// Where the answer sent the caller, if it was a redirect.
fn sent_to(reply: &Reply) -> &str {
    reply.headers.get(header::LOCATION).and_then(|l| l.to_str().ok()).unwrap_or("")
}

/// The second factor as states of the staff personas: a counsellor or admin without one
/// reaches nothing but the pages that set one up, and a password sign-in of any account with
/// one reaches nothing but the code page, whatever it calls.
#[tokio::test]
async fn staff_without_a_second_factor_and_sign_ins_owing_a_code_reach_nothing_else() {
    use senda::second_factor::{APP_PATH, CODE_PATH, PASSKEY_PATH, RECOVERY_CODES_PATH, SECURITY_PATH};
    let (app, state, db) = app_with_state().await;
    let centre = state.store.list_centres().await.unwrap()[0].id;
    let staff = [
        ("counsellor", RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre) }),
        ("admin", RoleGrant { role: Role::Admin, company_id: None, centre_id: None }),
    ];
    let enrolling = [
        SECURITY_PATH,
        APP_PATH,
        PASSKEY_PATH,
        RECOVERY_CODES_PATH,
        "/cuenta/seguir",
        "/salir",
        "/preferencias",
        "/idioma",
    ];
    let awaiting = [CODE_PATH, "/salir", "/preferencias", "/idioma"];
    let mut wrong = Vec::new();
    for (who, grant) in staff {
        let actor = person(&state, &format!("new-{who}@example.pe"), grant).await;
        for (method, url, body) in every_call() {
            // A session with no second factor, as a password sign-in makes it.
            let cookie = session_passed_at(&state, &actor, None).await;
            let reply = send(&app, call(method, url, body, &cookie)).await;
            let path = url.split('?').next().unwrap();
            let open = enrolling.contains(&path) || path.starts_with("/api/second-factor/");
            let turned_away = if path.starts_with("/api/") {
                reply.status == StatusCode::FORBIDDEN
            } else {
                sent_to(&reply).starts_with("/cuenta/verificacion?volver=")
            };
            if open == turned_away {
                wrong.push(format!("{url} as a {who} without a second factor: {} {}", reply.status, sent_to(&reply)));
            }
        }
    }
    // Any account with a second factor, after its password and before its code.
    let seeker = person(
        &state,
        "seeker-with-app@example.pe",
        RoleGrant { role: Role::Seeker, company_id: None, centre_id: None },
    )
    .await;
    give_app(&state, seeker.account_id).await;
    for (method, url, body) in every_call() {
        let cookie = session_passed_at(&state, &seeker, None).await;
        let reply = send(&app, call(method, url, body, &cookie)).await;
        let path = url.split('?').next().unwrap();
        let open = awaiting.contains(&path);
        let turned_away = if path.starts_with("/api/") {
            reply.status == StatusCode::FORBIDDEN
        } else {
            sent_to(&reply).starts_with("/entrar/codigo?volver=")
        };
        if open == turned_away {
            wrong.push(format!("{url} owing a code: {} {}", reply.status, sent_to(&reply)));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    db.cleanup().await;
}

fn call(method: Method, url: &str, body: &str, cookie: &str) -> Request<Body> {
    match method {
        Method::Post => Request::post(url)
            .header(header::ORIGIN, ORIGIN)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded"),
        Method::Get => Request::get(url),
    }
    .header(header::ACCEPT, "text/html")
    .header(header::COOKIE, cookie)
    .body(Body::from(body.to_string()))
    .unwrap()
}
