//! Signing in and out, sessions and the CSRF check, through the real router.

mod common;

use axum::body::Body;
use axum::http::{header, StatusCode};
use common::web::*;
use senda::accounts::{Role, RoleGrant};
use senda::domain::Email;
use senda::server::auth::{now, NewAccount};
use senda::server::state::AppState;

const PASSWORD: &str = "una frase larga de prueba";

async fn seeker(state: &AppState, email: &str) -> i64 {
    let password_hash = state.passwords.hash(PASSWORD).await.unwrap();
    state
        .store
        .create_account(&NewAccount {
            email: Email::parse(email).unwrap(),
            name: "Rosa Quispe".into(),
            password_hash,
            role: RoleGrant { role: Role::Seeker, company_id: None, centre_id: None },
            email_verified: true,
            now: now(),
        })
        .await
        .unwrap()
}

/// The `name=value` of the session cookie a response sets.
fn session_cookie(reply: &Reply) -> String {
    reply
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("senda_session="))
        .map(|c| c.split(';').next().unwrap().to_string())
        .expect("a session cookie")
}

#[tokio::test]
async fn signing_in_starts_a_session_that_opens_my_account_page() {
    let (app, state, db) = app_with_state().await;
    seeker(&state, "rosa@example.pe").await;
    let reply = send(
        &app,
        post_form("/entrar", &format!("email=Rosa%40Example.pe&password={}&return_to=", PASSWORD.replace(' ', "+"))),
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(reply.headers[header::LOCATION], "/cuenta");
    let set_cookie = reply.headers[header::SET_COOKIE].to_str().unwrap().to_string();
    assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    let cookie = session_cookie(&reply);

    let page = send(&app, get("/cuenta").header(header::COOKIE, &cookie).body(Body::empty()).unwrap()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.headers[header::CACHE_CONTROL], "no-store", "personal pages are never cached");
    assert!(page.body.contains("Rosa Quispe") && page.body.contains("rosa@example.pe"));
    assert!(page.body.contains("Persona que busca empleo"));
    db.cleanup().await;
}

#[tokio::test]
async fn my_account_page_sends_a_visitor_to_sign_in_and_back() {
    let (app, db) = app().await;
    let reply = send(&app, get("/cuenta").body(Body::empty()).unwrap()).await;
    assert!(reply.status.is_redirection(), "{}", reply.status);
    assert_eq!(reply.headers[header::LOCATION], "/entrar?volver=%2Fcuenta");
    let form = send(&app, get("/entrar?volver=%2Fcuenta").body(Body::empty()).unwrap()).await;
    assert!(input_tag(&form.body, "email").contains(r#"autocomplete="email""#));
    assert!(form.body.contains(r#"name="return_to" value="/cuenta""#));
    db.cleanup().await;
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_email_get_the_same_answer() {
    let (app, state, db) = app_with_state().await;
    seeker(&state, "rosa@example.pe").await;
    let wrong = send(&app, post_form("/entrar", "email=rosa%40example.pe&password=otra+clave+cualquiera")).await;
    let unknown = send(&app, post_form("/entrar", "email=nadie%40example.pe&password=otra+clave+cualquiera")).await;
    for reply in [&wrong, &unknown] {
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(reply.body.contains("<title>Error: Entrar — Senda</title>"), "the title says there is a problem");
        assert!(reply.body.contains("El correo electrónico o la contraseña no son correctos"));
        assert!(reply.headers.get(header::SET_COOKIE).is_none());
    }
    assert!(input_tag(&unknown.body, "email").contains(r#"value="nadie@example.pe""#), "what was typed is kept");
    assert!(!input_tag(&unknown.body, "password").contains("value=\"otra"), "but never the password");
    db.cleanup().await;
}

#[tokio::test]
async fn empty_fields_get_an_error_summary_linking_to_each_field() {
    let (app, db) = app().await;
    let reply = send(&app, post_form("/entrar", "email=&password=")).await;
    let summary_at = reply.body.find("app-error-summary").expect("an error summary");
    assert!(summary_at < reply.body.find("<h1").unwrap(), "the summary comes first");
    assert!(reply.body.contains(r##"<a href="#email">Escribe tu correo electrónico</a>"##));
    assert!(reply.body.contains(r##"<a href="#password">Escribe tu contraseña</a>"##));
    let email = input_tag(&reply.body, "email");
    assert!(email.contains(r#"aria-invalid="true""#) && email.contains(r#"aria-describedby="email-error""#), "{email}");
    db.cleanup().await;
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server() {
    let (app, state, db) = app_with_state().await;
    seeker(&state, "rosa@example.pe").await;
    let signed_in =
        send(&app, post_form("/entrar", &format!("email=rosa%40example.pe&password={}", PASSWORD.replace(' ', "+"))))
            .await;
    let cookie = session_cookie(&signed_in);
    let out = send(&app, post_form_from("/salir", "", ORIGIN, Some(&cookie))).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert!(session_cookie(&out).ends_with('='), "the browser's cookie is cleared");
    assert!(out.headers.contains_key("clear-site-data"));
    // The old cookie, replayed, opens nothing.
    let replay = send(&app, get("/cuenta").header(header::COOKIE, &cookie).body(Body::empty()).unwrap()).await;
    assert!(replay.status.is_redirection());
    db.cleanup().await;
}

#[tokio::test]
async fn signing_in_again_replaces_the_session() {
    let (app, state, db) = app_with_state().await;
    seeker(&state, "rosa@example.pe").await;
    let form = format!("email=rosa%40example.pe&password={}", PASSWORD.replace(' ', "+"));
    let first = session_cookie(&send(&app, post_form("/entrar", &form)).await);
    let second = session_cookie(&send(&app, post_form_from("/entrar", &form, ORIGIN, Some(&first))).await);
    assert_ne!(first, second, "a new token at every sign-in");
    let old = send(&app, get("/cuenta").header(header::COOKIE, &first).body(Body::empty()).unwrap()).await;
    assert!(old.status.is_redirection(), "the session before sign-in is ended");
    let new = send(&app, get("/cuenta").header(header::COOKIE, &second).body(Body::empty()).unwrap()).await;
    assert_eq!(new.status, StatusCode::OK);
    db.cleanup().await;
}

#[tokio::test]
async fn a_forged_session_cookie_is_simply_anonymous() {
    let (app, db) = app().await;
    for cookie in [
        "senda_session=0000000000000000000000000000000000000000000000000000000000000000",
        "senda_session=<script>",
        "senda_session=",
    ] {
        let reply = send(&app, get("/cuenta").header(header::COOKIE, cookie).body(Body::empty()).unwrap()).await;
        assert!(reply.status.is_redirection(), "{cookie}");
    }
    db.cleanup().await;
}

#[tokio::test]
async fn a_cross_site_form_post_is_refused_and_changes_nothing() {
    let (app, db) = app().await;
    for (origin, fetch_site) in [("https://evil.example", None), (ORIGIN, Some("cross-site")), ("null", None)] {
        let mut request = post_form_from("/preferencias", "size=200&return_to=%2F", origin, None);
        if let Some(site) = fetch_site {
            request.headers_mut().insert("sec-fetch-site", site.parse().unwrap());
        }
        let reply = send(&app, request).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{origin} {fetch_site:?}");
        assert!(reply.headers.get(header::SET_COOKIE).is_none());
        assert!(reply.body.contains("<h1>No pudimos aceptar este formulario</h1>"));
    }
    // The same form from our own page goes through.
    let ok = send(&app, post_form("/preferencias", "size=200&return_to=%2F")).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    db.cleanup().await;
}

#[tokio::test]
async fn a_server_function_is_behind_the_same_check() {
    let (app, db) = app().await;
    let request = axum::http::Request::post("/api/organisations/directory")
        .header(header::ORIGIN, "https://evil.example")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, request).await.status, StatusCode::FORBIDDEN);
    db.cleanup().await;
}

fn form_body(pairs: &[(&str, &str)]) -> String {
    serde_urlencoded::to_string(pairs).unwrap()
}

/// The path and query of the one link to this site in the newest message to `address`.
async fn emailed_link(state: &AppState, address: &str) -> String {
    let outbox = state.store.mail_to(address).await.unwrap();
    let body = &outbox.last().expect("a message").body;
    let at = body.find(ORIGIN).expect("a link to the site") + ORIGIN.len();
    body[at..].split_whitespace().next().unwrap().to_string()
}

fn signed_in_get(path: &str, cookie: &str) -> axum::http::Request<Body> {
    get(path).header(header::COOKIE, cookie).body(Body::empty()).unwrap()
}

async fn sign_in_with(app: &axum::Router, email: &str, password: &str) -> Reply {
    send(app, post_form("/entrar", &form_body(&[("email", email), ("password", password)]))).await
}

#[tokio::test]
async fn a_job_seeker_signs_up_confirms_the_email_and_is_signed_in() {
    let (app, state, db) = app_with_state().await;
    let form = form_body(&[("name", "Lucía Huamán"), ("email", "Lucia@Example.pe"), ("password", PASSWORD)]);
    let reply = send(&app, post_form("/registro", &form)).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(reply.headers[header::LOCATION], "/revisa-tu-correo");
    assert!(reply.headers.get(header::SET_COOKIE).is_none(), "not signed in before the email is confirmed");

    // Unconfirmed, the right password does not open the account yet.
    let early = sign_in_with(&app, "lucia@example.pe", PASSWORD).await;
    assert_eq!(early.headers[header::LOCATION], "/revisa-tu-correo");
    assert!(early.headers.get(header::SET_COOKIE).is_none());
    assert_eq!(state.store.mail_to("lucia@example.pe").await.unwrap().len(), 2, "a fresh link was sent");

    let link = emailed_link(&state, "lucia@example.pe").await;
    assert!(link.starts_with("/registro/confirmar?codigo="), "{link}");
    let page = send(&app, get(&link).body(Body::empty()).unwrap()).await;
    assert!(page.body.contains("<h1>Confirma tu correo electrónico</h1>"), "{}", page.body);
    let code = link.split("codigo=").nth(1).unwrap();
    let confirmed = send(&app, post_form("/registro/confirmar", &form_body(&[("codigo", code)]))).await;
    assert_eq!(confirmed.headers[header::LOCATION], "/cuenta?aviso=correo-confirmado");
    let account = send(&app, signed_in_get("/cuenta?aviso=correo-confirmado", &session_cookie(&confirmed))).await;
    assert!(account.body.contains("Lucía Huamán") && account.body.contains("Tu correo está confirmado"));

    // The link works once; opened again, its page says so.
    let again = send(&app, get(&link).body(Body::empty()).unwrap()).await;
    assert!(again.body.contains("<h1>Este enlace ya no sirve</h1>"));
    db.cleanup().await;
}

#[tokio::test]
async fn signing_up_with_a_taken_email_looks_the_same_and_tells_the_owner() {
    let (app, state, db) = app_with_state().await;
    seeker(&state, "rosa@example.pe").await;
    let taken =
        form_body(&[("name", "Otra Persona"), ("email", "rosa@example.pe"), ("password", "otra frase secreta larga")]);
    let fresh = form_body(&[
        ("name", "Nueva Persona"),
        ("email", "nueva@example.pe"),
        ("password", "otra frase secreta larga"),
    ]);
    let taken_reply = send(&app, post_form("/registro", &taken)).await;
    let fresh_reply = send(&app, post_form("/registro", &fresh)).await;
    assert_eq!(taken_reply.status, fresh_reply.status);
    assert_eq!(taken_reply.headers[header::LOCATION], fresh_reply.headers[header::LOCATION]);
    assert_eq!(taken_reply.body, fresh_reply.body);

    let told = state.store.mail_to("rosa@example.pe").await.unwrap();
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].subject, "Ya tienes una cuenta en Senda");
    assert!(told[0].body.contains("/contrasena/olvidada"));
    // The owner's password and name are untouched.
    assert_eq!(sign_in_with(&app, "rosa@example.pe", PASSWORD).await.headers[header::LOCATION], "/cuenta");
    db.cleanup().await;
}

#[tokio::test]
async fn sign_up_errors_are_shown_on_each_field_and_keep_what_was_typed() {
    let (app, state, db) = app_with_state().await;
    let reply =
        send(&app, post_form("/registro", &form_body(&[("name", "  "), ("email", "rosa@"), ("password", "password")])))
            .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains(r##"<a href="#name">Escribe tu nombre y apellidos</a>"##));
    assert!(reply.body.contains(r##"<a href="#email">Escribe un correo electrónico como nombre@ejemplo.pe</a>"##));
    assert!(reply.body.contains("Esa contraseña es muy común"));
    assert!(input_tag(&reply.body, "email").contains(r#"value="rosa@""#));
    assert!(!input_tag(&reply.body, "password").contains("value=\"password\""));
    assert!(state.store.mail_to("rosa@").await.unwrap().is_empty(), "nothing stored, nothing sent");
    db.cleanup().await;
}

#[tokio::test]
async fn a_reset_link_sets_a_new_password_and_ends_every_session() {
    let (app, state, db) = app_with_state().await;
    seeker(&state, "rosa@example.pe").await;
    let old_session = session_cookie(&sign_in_with(&app, "rosa@example.pe", PASSWORD).await);

    for email in ["rosa@example.pe", "nadie@example.pe"] {
        let reply = send(&app, post_form("/contrasena/olvidada", &form_body(&[("email", email)]))).await;
        assert_eq!(reply.headers[header::LOCATION], "/revisa-tu-correo", "the same answer for {email}");
    }
    assert!(state.store.mail_to("nadie@example.pe").await.unwrap().is_empty(), "no account, no message");
    let link = emailed_link(&state, "rosa@example.pe").await;
    assert!(link.starts_with("/contrasena/nueva?codigo="), "{link}");
    let code = link.split("codigo=").nth(1).unwrap().to_string();

    let page = send(&app, get(&link).body(Body::empty()).unwrap()).await;
    assert!(page.body.contains("<h1>Crea una contraseña nueva</h1>"));
    let weak =
        send(&app, post_form("/contrasena/nueva", &form_body(&[("codigo", &code), ("password", "corta")]))).await;
    assert!(weak.body.contains("al menos 8 caracteres") && weak.body.contains("<h1>Crea una contraseña nueva</h1>"));

    let done = send(
        &app,
        post_form("/contrasena/nueva", &form_body(&[("codigo", &code), ("password", "una clave nueva y larga")])),
    )
    .await;
    assert_eq!(done.headers[header::LOCATION], "/entrar?aviso=clave-nueva");
    assert!(send(&app, signed_in_get("/cuenta", &old_session)).await.status.is_redirection(), "old sessions ended");
    assert_eq!(
        sign_in_with(&app, "rosa@example.pe", PASSWORD).await.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the old password is refused"
    );
    assert_eq!(
        sign_in_with(&app, "rosa@example.pe", "una clave nueva y larga").await.headers[header::LOCATION],
        "/cuenta"
    );

    let reused = send(
        &app,
        post_form("/contrasena/nueva", &form_body(&[("codigo", &code), ("password", "otra clave nueva y larga")])),
    )
    .await;
    assert!(reused.body.contains("<h1>Este enlace ya no sirve</h1>"), "a link works once");
    db.cleanup().await;
}

#[tokio::test]
async fn too_many_wrong_passwords_lock_the_account_for_a_while_with_retry_after() {
    let (app, state, db) = app_with_state().await;
    seeker(&state, "rosa@example.pe").await;
    for _ in 0..10 {
        assert_eq!(
            sign_in_with(&app, "rosa@example.pe", "no es la clave").await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    let refused = sign_in_with(&app, "rosa@example.pe", PASSWORD).await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS, "even the right password waits");
    let retry_after: i64 = refused.headers[header::RETRY_AFTER].to_str().unwrap().parse().unwrap();
    assert!((1..=900).contains(&retry_after), "{retry_after}");
    assert!(refused.body.contains("Hubo demasiados intentos. Espera"), "said on the page, in words");
    assert!(refused.body.contains("app-error-summary"));
    // Another account from the same address is not affected.
    seeker(&state, "otra@example.pe").await;
    assert_eq!(sign_in_with(&app, "otra@example.pe", PASSWORD).await.status, StatusCode::SEE_OTHER);
    db.cleanup().await;
}

#[tokio::test]
async fn changing_my_password_keeps_this_session_and_ends_the_others() {
    let (app, state, db) = app_with_state().await;
    seeker(&state, "rosa@example.pe").await;
    let here = session_cookie(&sign_in_with(&app, "rosa@example.pe", PASSWORD).await);
    let elsewhere = session_cookie(&sign_in_with(&app, "rosa@example.pe", PASSWORD).await);

    let wrong = send(
        &app,
        post_form_from(
            "/cuenta/contrasena",
            &form_body(&[("current_password", "no es"), ("new_password", "una clave nueva y larga")]),
            ORIGIN,
            Some(&here),
        ),
    )
    .await;
    assert!(wrong.body.contains("La contraseña actual no es correcta"));

    let form = form_body(&[("current_password", PASSWORD), ("new_password", "una clave nueva y larga")]);
    let done = send(&app, post_form_from("/cuenta/contrasena", &form, ORIGIN, Some(&here))).await;
    assert_eq!(done.headers[header::LOCATION], "/cuenta?aviso=clave-cambiada");
    assert_eq!(send(&app, signed_in_get("/cuenta", &here)).await.status, StatusCode::OK);
    assert!(send(&app, signed_in_get("/cuenta", &elsewhere)).await.status.is_redirection());
    let told = state.store.mail_to("rosa@example.pe").await.unwrap();
    assert_eq!(told.last().unwrap().subject, "Tu contraseña de Senda se cambió");

    let anonymous = send(&app, post_form("/cuenta/contrasena", &form)).await;
    assert_eq!(anonymous.headers[header::LOCATION], "/entrar?volver=%2Fcuenta%2Fcontrasena");
    db.cleanup().await;
}

#[tokio::test]
async fn i_see_my_devices_and_can_sign_one_out() {
    let (app, state, db) = app_with_state().await;
    seeker(&state, "rosa@example.pe").await;
    let phone = send(
        &app,
        axum::http::Request::post("/entrar")
            .header(header::ORIGIN, ORIGIN)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::USER_AGENT, "Mozilla/5.0 (Linux; Android 13) Chrome/120.0 Mobile Safari/537.36")
            .body(Body::from(form_body(&[("email", "rosa@example.pe"), ("password", PASSWORD)])))
            .unwrap(),
    )
    .await;
    let phone = session_cookie(&phone);
    let here = session_cookie(&sign_in_with(&app, "rosa@example.pe", PASSWORD).await);

    let page = send(&app, signed_in_get("/cuenta/sesiones", &here)).await;
    assert!(page.body.contains("Chrome · Android"), "{}", page.body);
    assert_eq!(page.body.matches("Este dispositivo").count(), 1);
    let phone_id = page.body.split(r#"name="session" value=""#).nth(1).unwrap().split('"').next().unwrap().to_string();

    let ended = send(
        &app,
        post_form_from("/cuenta/sesiones/cerrar", &form_body(&[("session", &phone_id)]), ORIGIN, Some(&here)),
    )
    .await;
    assert_eq!(ended.headers[header::LOCATION], "/cuenta/sesiones?aviso=sesion-cerrada");
    assert!(send(&app, signed_in_get("/cuenta", &phone)).await.status.is_redirection());
    assert_eq!(send(&app, signed_in_get("/cuenta", &here)).await.status, StatusCode::OK);
    db.cleanup().await;
}

#[tokio::test]
async fn an_employer_registers_an_unverified_company_and_confirms_the_email() {
    let (app, state, db) = app_with_state().await;
    let form = |ruc: &str, email: &str| {
        form_body(&[
            ("ruc", ruc),
            ("legal_name", "Panadería Los Andes S.A.C."),
            ("sector", "Alimentos"),
            ("region", "cusco"),
            ("name", "Carmen Rojas"),
            ("email", email),
            ("password", PASSWORD),
        ])
    };
    let page = send(&app, get("/registro/empresa").body(Body::empty()).unwrap()).await;
    assert!(page.body.contains(r#"<option value="cusco">Cusco</option>"#));
    assert!(input_tag(&page.body, "ruc").contains(r#"inputmode="numeric""#));

    let reply = send(&app, post_form("/registro/empresa", &form("20487654320", "carmen@example.pe"))).await;
    assert_eq!(reply.headers[header::LOCATION], "/revisa-tu-correo", "{}", reply.body);
    let company = state.store.list_companies().await.unwrap().into_iter().find(|c| c.ruc == "20487654320").unwrap();
    assert!(!company.verified, "a centre verifies it before it can publish");

    let link = emailed_link(&state, "carmen@example.pe").await;
    let code = link.split("codigo=").nth(1).unwrap();
    let confirmed = send(&app, post_form("/registro/confirmar", &form_body(&[("codigo", code)]))).await;
    let account = send(&app, signed_in_get("/cuenta", &session_cookie(&confirmed))).await;
    assert!(account.body.contains("Empresa"), "the employer role");

    // Errors keep what was typed, the chosen region included.
    let typo = send(&app, post_form("/registro/empresa", &form("2048765432", "otra@example.pe"))).await;
    assert!(typo.body.contains(r##"<a href="#ruc">El RUC tiene 11 dígitos"##), "{}", typo.body);
    assert!(input_tag(&typo.body, "legal_name").contains("Panadería Los Andes"), "what was typed is kept");
    assert!(typo.body.contains(r#"<option value="cusco" selected"#));
    assert!(state.store.credentials("otra@example.pe").await.unwrap().is_none());

    let bad = send(&app, post_form("/registro/empresa", &form("20487654321", "x@example.pe"))).await;
    assert!(bad.body.contains("Ese RUC no es válido: revisa los números"));
    db.cleanup().await;
}

async fn staff_cookie(state: &AppState, email: &str, role: RoleGrant) -> String {
    let id = state
        .store
        .create_account(&NewAccount {
            email: Email::parse(email).unwrap(),
            name: "Ana Torres".into(),
            password_hash: state.passwords.hash(PASSWORD).await.unwrap(),
            role,
            email_verified: true,
            now: now(),
        })
        .await
        .unwrap();
    let actor = state.store.account_actor(id).await.unwrap().unwrap();
    let set_cookie =
        senda::server::auth::session::start(state.store.as_ref(), &state.sessions, &actor, "test").await.unwrap();
    set_cookie.split(';').next().unwrap().to_string()
}

#[tokio::test]
async fn an_admin_invites_a_counsellor_who_sets_a_password_from_the_link() {
    let (app, state, db) = app_with_state().await;
    let admin =
        staff_cookie(&state, "admin@example.pe", RoleGrant { role: Role::Admin, company_id: None, centre_id: None })
            .await;
    let form_page = send(&app, signed_in_get("/cuentas/nueva", &admin)).await;
    assert!(form_page.body.contains("Centro de Empleo Lima Metropolitana"), "the centres to choose from");

    let missing = send(
        &app,
        post_form_from(
            "/cuentas/nueva",
            &form_body(&[
                ("name", "Jorge Salas"),
                ("email", "jorge@example.pe"),
                ("role", "counsellor"),
                ("centre", ""),
            ]),
            ORIGIN,
            Some(&admin),
        ),
    )
    .await;
    assert!(missing.body.contains(r##"<a href="#centre">Elige el centro de empleo"##), "{}", missing.body);
    assert!(state.store.credentials("jorge@example.pe").await.unwrap().is_none());

    let centre = state.store.list_centres().await.unwrap()[0].id.to_string();
    let form = form_body(&[
        ("name", "Jorge Salas"),
        ("email", "jorge@example.pe"),
        ("role", "counsellor"),
        ("centre", &centre),
    ]);
    let created = send(&app, post_form_from("/cuentas/nueva", &form, ORIGIN, Some(&admin))).await;
    assert_eq!(created.headers[header::LOCATION], "/cuentas/nueva?aviso=cuenta-creada");
    let invitation = state.store.mail_to("jorge@example.pe").await.unwrap();
    assert_eq!(invitation[0].subject, "Te crearon una cuenta en Senda");
    assert!(invitation[0].body.contains("Ana Torres") && invitation[0].body.contains("Consejera o consejero"));

    // No password works until Jorge sets his own from the link.
    let link = emailed_link(&state, "jorge@example.pe").await;
    let code = link.split("codigo=").nth(1).unwrap();
    send(
        &app,
        post_form("/contrasena/nueva", &form_body(&[("codigo", code), ("password", "la clave de Jorge Salas")])),
    )
    .await;
    let signed_in = sign_in_with(&app, "jorge@example.pe", "la clave de Jorge Salas").await;
    let account = send(&app, signed_in_get("/cuenta", &session_cookie(&signed_in))).await;
    assert!(account.body.contains("Verificar empresas"), "a counsellor's tools are on the account page");

    let again = send(&app, post_form_from("/cuentas/nueva", &form, ORIGIN, Some(&admin))).await;
    assert!(again.body.contains("Ya existe una cuenta con ese correo electrónico"));

    // Only admins: a counsellor is refused, on the page and on the form.
    let counsellor = session_cookie(&signed_in);
    let page = send(&app, signed_in_get("/cuentas/nueva", &counsellor)).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    let post = send(&app, post_form_from("/cuentas/nueva", &form, ORIGIN, Some(&counsellor))).await;
    assert_eq!(post.status, StatusCode::FORBIDDEN);
    db.cleanup().await;
}

#[tokio::test]
async fn a_counsellor_verifies_a_registered_company() {
    let (app, state, db) = app_with_state().await;
    let centre = state.store.list_centres().await.unwrap()[0].id;
    let counsellor = staff_cookie(
        &state,
        "consejera@example.pe",
        RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre) },
    )
    .await;
    let company = state
        .store
        .insert_company(&senda::organisations::NewCompany {
            legal_name: "Panadería Los Andes S.A.C.".into(),
            ruc: senda::domain::Ruc::parse("20487654320").unwrap(),
            sector: "Alimentos".into(),
            region: senda::domain::Region::parse("cusco").unwrap(),
            verified: false,
        })
        .await
        .unwrap();
    let page = send(&app, signed_in_get("/empresas/verificacion", &counsellor)).await;
    assert!(
        page.body.contains("Por verificar (1)") && page.body.contains("Panadería Los Andes S.A.C."),
        "{}",
        page.body
    );

    let verified = send(
        &app,
        post_form_from("/empresas/verificacion/verificar", &format!("company={company}"), ORIGIN, Some(&counsellor)),
    )
    .await;
    assert_eq!(verified.headers[header::LOCATION], "/empresas/verificacion?aviso=empresa-verificada");
    let companies = state.store.list_companies().await.unwrap();
    assert!(companies.iter().find(|c| c.id == company).unwrap().verified);
    let page = send(&app, signed_in_get("/empresas/verificacion?aviso=empresa-verificada", &counsellor)).await;
    assert!(page.body.contains("Por verificar (0)") && page.body.contains("La empresa quedó verificada"));

    // A job seeker may not even look.
    seeker(&state, "rosa@example.pe").await;
    let rosa = session_cookie(&sign_in_with(&app, "rosa@example.pe", PASSWORD).await);
    assert_eq!(send(&app, signed_in_get("/empresas/verificacion", &rosa)).await.status, StatusCode::FORBIDDEN);
    db.cleanup().await;
}

#[tokio::test]
async fn a_second_employer_of_a_registered_company_waits_for_a_counsellor() {
    let (app, state, db) = app_with_state().await;
    // The demo company (RUC 20601234565) is registered already.
    let form = form_body(&[
        ("ruc", "20601234565"),
        ("legal_name", "Textiles Andinos"),
        ("sector", "Textil"),
        ("region", "arequipa"),
        ("name", "Pedro Huamán"),
        ("email", "pedro@example.pe"),
        ("password", PASSWORD),
    ]);
    let reply = send(&app, post_form("/registro/empresa", &form)).await;
    assert_eq!(reply.headers[header::LOCATION], "/revisa-tu-correo");
    assert_eq!(state.store.list_companies().await.unwrap().len(), 1, "no second company");
    let link = emailed_link(&state, "pedro@example.pe").await;
    let code = link.split("codigo=").nth(1).unwrap();
    let pedro = session_cookie(&send(&app, post_form("/registro/confirmar", &form_body(&[("codigo", code)]))).await);
    let account = send(&app, signed_in_get("/cuenta", &pedro)).await;
    assert!(account.body.contains("Pediste actuar por Textiles Andinos S.A.C."), "{}", account.body);

    let centre = state.store.list_centres().await.unwrap()[0].id;
    let counsellor = staff_cookie(
        &state,
        "consejera@example.pe",
        RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre) },
    )
    .await;
    let review = send(&app, signed_in_get("/empresas/verificacion", &counsellor)).await;
    assert!(review.body.contains("Piden actuar por una empresa (1)") && review.body.contains("pedro@example.pe"));
    let pedro_id = state.store.credentials("pedro@example.pe").await.unwrap().unwrap().account_id;
    let approved = send(
        &app,
        post_form_from(
            "/empresas/verificacion/solicitud",
            &format!("account={pedro_id}&decision=aprobar"),
            ORIGIN,
            Some(&counsellor),
        ),
    )
    .await;
    assert_eq!(approved.headers[header::LOCATION], "/empresas/verificacion?aviso=solicitud-aprobada");
    assert_eq!(
        state.store.mail_to("pedro@example.pe").await.unwrap().last().unwrap().subject,
        "Ya puedes actuar por tu empresa en Senda"
    );
    // A change of rights: the old session is over, and the next one is an employer's.
    assert!(send(&app, signed_in_get("/cuenta", &pedro)).await.status.is_redirection());
    let again = session_cookie(&sign_in_with(&app, "pedro@example.pe", PASSWORD).await);
    assert!(send(&app, signed_in_get("/cuenta", &again)).await.body.contains("<li>Empresa</li>"));
    db.cleanup().await;
}

#[tokio::test]
async fn my_preferences_and_language_follow_me_to_another_device() {
    let (app, state, db) = app_with_state().await;
    seeker(&state, "rosa@example.pe").await;
    // On the phone: the browser's choices so far are saved to the account at sign-in.
    let phone_prefs = "senda_prefs=v1:size=150&theme=device&font=0&motion=0&speech=1";
    let phone = send(
        &app,
        post_form_from(
            "/entrar",
            &form_body(&[("email", "rosa@example.pe"), ("password", PASSWORD)]),
            ORIGIN,
            Some(phone_prefs),
        ),
    )
    .await;
    let phone = format!("{}; {phone_prefs}", session_cookie(&phone));
    // Then changed while signed in.
    send(&app, post_form_from("/preferencias", "size=200&theme=dark&font=on&return_to=%2F", ORIGIN, Some(&phone)))
        .await;
    send(&app, post_form_from("/idioma", "lang=en&return_to=%2F", ORIGIN, Some(&phone))).await;

    // A new device with nothing set gets them at sign-in.
    let laptop = sign_in_with(&app, "rosa@example.pe", PASSWORD).await;
    let set: Vec<&str> = laptop.headers.get_all(header::SET_COOKIE).iter().map(|v| v.to_str().unwrap()).collect();
    assert!(set.iter().any(|c| c.starts_with("senda_prefs=v1:size=200&theme=dark&font=1")), "{set:?}");
    assert!(set.iter().any(|c| c.starts_with("senda_lang=en;")), "{set:?}");
    db.cleanup().await;
}

/// The audit log, oldest first, as `(action, actor, subject)`.
async fn audit_trail(state: &AppState) -> Vec<(String, Option<i64>, Option<i64>)> {
    let query = senda::audit::store::AuditQuery { limit: 100, ..Default::default() };
    let mut events: Vec<_> = state
        .store
        .audit_events(&query)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.action, e.actor.map(|p| p.id), e.subject.map(|p| p.id)))
        .collect();
    events.reverse();
    events
}

#[tokio::test]
async fn sign_ins_and_failed_ones_are_in_the_audit_log_with_the_address() {
    let (app, state, db) = app_with_state().await;
    let id = seeker(&state, "rosa@example.pe").await;
    sign_in_with(&app, "rosa@example.pe", "no es la clave").await;
    sign_in_with(&app, "nadie@example.pe", "no es la clave").await;
    sign_in_with(&app, "rosa@example.pe", PASSWORD).await;
    assert_eq!(
        audit_trail(&state).await,
        vec![
            ("sign_in_failed".into(), None, Some(id)),
            ("sign_in_failed".into(), None, None),
            ("sign_in".into(), Some(id), Some(id)),
        ]
    );
    let events = state.store.audit_events(&senda::audit::store::AuditQuery { limit: 1, ..Default::default() }).await;
    assert_eq!(events.unwrap()[0].ip, "unknown", "the peer address, here none: tests have no socket");
    db.cleanup().await;
}

#[tokio::test]
async fn my_data_downloads_as_json_only_for_me_and_is_logged() {
    let (app, state, db) = app_with_state().await;
    let id = seeker(&state, "rosa@example.pe").await;
    seeker(&state, "otra@example.pe").await;
    let cookie = session_cookie(&sign_in_with(&app, "rosa@example.pe", PASSWORD).await);
    let reply = send(&app, post_form_from("/cuenta/mis-datos", "", ORIGIN, Some(&cookie))).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.headers[header::CONTENT_TYPE], "application/json; charset=utf-8");
    assert!(reply.headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .starts_with("attachment; filename=\"senda-mis-datos-"));
    assert_eq!(reply.headers[header::CACHE_CONTROL], "no-store");
    let data: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(data["account"]["email"], "rosa@example.pe");
    assert!(!reply.body.contains("otra@example.pe"), "nobody else's data");
    assert!(!reply.body.contains("argon2"), "never the password hash");
    assert_eq!(audit_trail(&state).await.last().unwrap(), &("data_exported".to_string(), Some(id), Some(id)));
    db.cleanup().await;
}

#[tokio::test]
async fn my_email_changes_with_my_password_and_the_link_sent_to_the_new_address() {
    let (app, state, db) = app_with_state().await;
    seeker(&state, "rosa@example.pe").await;
    seeker(&state, "ocupada@example.pe").await;
    let cookie = session_cookie(&sign_in_with(&app, "rosa@example.pe", PASSWORD).await);
    let ask = |email: &str, password: &str| {
        post_form_from("/cuenta/correo", &form_body(&[("email", email), ("password", password)]), ORIGIN, Some(&cookie))
    };
    let wrong = send(&app, ask("nueva@example.pe", "no es")).await;
    assert!(wrong.body.contains("La contraseña actual no es correcta"));
    assert!(input_tag(&wrong.body, "email").contains(r#"value="nueva@example.pe""#), "what was typed is kept");
    assert!(state.store.mail_to("nueva@example.pe").await.unwrap().is_empty());
    let same = send(&app, ask("ROSA@example.pe", PASSWORD)).await;
    assert!(same.body.contains("Esa ya es tu dirección"));

    // A taken address gets the same answer here; its owner is told by email.
    let taken = send(&app, ask("ocupada@example.pe", PASSWORD)).await;
    assert_eq!(taken.headers[header::LOCATION], "/cuenta?aviso=correo-enlace-enviado");
    assert_eq!(
        state.store.mail_to("ocupada@example.pe").await.unwrap().last().unwrap().subject,
        "Alguien quiso usar tu correo en Senda"
    );

    let asked = send(&app, ask("nueva@example.pe", PASSWORD)).await;
    assert_eq!(asked.headers[header::LOCATION], "/cuenta?aviso=correo-enlace-enviado");
    let warned = state.store.mail_to("rosa@example.pe").await.unwrap();
    assert!(warned.last().unwrap().body.contains("nueva@example.pe"), "the current address is warned");
    let link = emailed_link(&state, "nueva@example.pe").await;
    assert!(link.starts_with("/cuenta/correo/confirmar?codigo="));
    assert_eq!(send(&app, signed_in_get(&link, &cookie)).await.status, StatusCode::OK);
    let code = link.split('=').nth(1).unwrap();
    let used =
        send(&app, post_form_from("/cuenta/correo/confirmar", &form_body(&[("codigo", code)]), ORIGIN, Some(&cookie)))
            .await;
    assert_eq!(used.headers[header::LOCATION], "/cuenta?aviso=correo-cambiado");
    assert!(sign_in_with(&app, "nueva@example.pe", PASSWORD).await.status.is_redirection());
    assert_eq!(
        sign_in_with(&app, "rosa@example.pe", PASSWORD).await.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the old address is gone"
    );
    db.cleanup().await;
}

#[tokio::test]
async fn deleting_my_account_needs_the_box_and_my_password_and_erases_it() {
    let (app, state, db) = app_with_state().await;
    let id = seeker(&state, "rosa@example.pe").await;
    let cookie = session_cookie(&sign_in_with(&app, "rosa@example.pe", PASSWORD).await);
    let delete = |pairs: &[(&str, &str)]| post_form_from("/cuenta/eliminar", &form_body(pairs), ORIGIN, Some(&cookie));
    let unticked = send(&app, delete(&[("password", PASSWORD)])).await;
    assert!(unticked.body.contains("Marca la casilla para confirmar"));
    assert!(unticked.body.contains(r##"href="#confirm-si""##), "the summary links to the box");
    let wrong = send(&app, delete(&[("confirm", "si"), ("password", "no es")])).await;
    assert!(wrong.body.contains("La contraseña actual no es correcta"));
    assert!(state.store.account_actor(id).await.unwrap().is_some(), "nothing deleted yet");

    let done = send(&app, delete(&[("confirm", "si"), ("password", PASSWORD)])).await;
    assert_eq!(done.headers[header::LOCATION], "/?aviso=cuenta-eliminada");
    assert!(done.headers.get_all(header::SET_COOKIE).iter().any(|c| c.to_str().unwrap().contains("Max-Age=0")));
    assert!(state.store.account_actor(id).await.unwrap().is_none());
    assert!(send(&app, signed_in_get("/cuenta", &cookie)).await.status.is_redirection(), "the session went with it");
    assert_eq!(audit_trail(&state).await.last().unwrap(), &("account_deleted".to_string(), Some(id), Some(id)));
    db.cleanup().await;
}

#[tokio::test]
async fn an_admin_gives_and_takes_a_role_and_the_person_signs_in_again() {
    let (app, state, db) = app_with_state().await;
    let admin =
        staff_cookie(&state, "jefa@example.pe", RoleGrant { role: Role::Admin, company_id: None, centre_id: None })
            .await;
    let id = seeker(&state, "rosa@example.pe").await;
    let rosa = session_cookie(&sign_in_with(&app, "rosa@example.pe", PASSWORD).await);
    let centre = state.store.list_centres().await.unwrap()[0].id.to_string();
    let account = id.to_string();
    let change = |pairs: &[(&str, &str)]| post_form_from("/cuentas/roles", &form_body(pairs), ORIGIN, Some(&admin));

    let no_centre = send(&app, change(&[("account", &account), ("action", "dar"), ("role", "counsellor")])).await;
    assert!(no_centre.body.contains("Elige el centro de empleo"));
    assert!(no_centre.body.contains("Roles de Rosa Quispe"), "the same account is shown again");
    let tampered =
        send(&app, change(&[("account", &account), ("action", "dar"), ("role", "counsellor"), ("centre", "9999")]))
            .await;
    assert!(tampered.body.contains("Elige el centro de empleo"), "a centre that does not exist grants nothing");

    let given =
        send(&app, change(&[("account", &account), ("action", "dar"), ("role", "counsellor"), ("centre", &centre)]))
            .await;
    assert_eq!(given.headers[header::LOCATION], format!("/cuentas/roles?cuenta={id}&aviso=rol-dado"));
    assert!(send(&app, signed_in_get("/cuenta", &rosa)).await.status.is_redirection(), "signed out");
    let roles: Vec<Role> =
        state.store.account_actor(id).await.unwrap().unwrap().roles.into_iter().map(|g| g.role).collect();
    assert_eq!(roles, vec![Role::Counsellor, Role::Seeker]);

    let taken = send(&app, change(&[("account", &account), ("action", "quitar"), ("role", "counsellor")])).await;
    assert_eq!(taken.headers[header::LOCATION], format!("/cuentas/roles?cuenta={id}&aviso=rol-quitado"));
    let page = send(&app, signed_in_get(&format!("/cuentas/roles?cuenta={id}"), &admin)).await;
    assert!(page.body.contains("Quitar este rol"));
    assert!(!page.body.contains("Consejera o consejero de un centro de empleo —"), "the role is gone");
    let log = send(&app, signed_in_get("/auditoria?accion=role_revoked", &admin)).await;
    assert!(log.body.contains("Rol quitado"));
    assert!(log.body.contains("rosa@example.pe"));
    db.cleanup().await;
}

#[tokio::test]
async fn a_browser_that_says_nothing_about_where_a_post_comes_from_needs_the_form_token() {
    let (app, state, db) = app_with_state().await;
    seeker(&state, "rosa@example.pe").await;
    let cookie = session_cookie(&sign_in_with(&app, "rosa@example.pe", PASSWORD).await);
    let page = send(&app, signed_in_get("/cuenta/sesiones", &cookie)).await;
    let token = page.body.split(r#"name="csrf" value=""#).nth(1).and_then(|v| v.split('"').next());
    let token = token.expect("the form token in the page's forms").to_string();
    // No Origin, no Sec-Fetch-Site, no Referer: only the token in the form can vouch for it.
    let bare = |form: String| {
        axum::http::Request::post("/cuenta/sesiones/cerrar-otras")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, &cookie)
            .body(Body::from(form))
            .unwrap()
    };
    assert_eq!(send(&app, bare(String::new())).await.status, StatusCode::FORBIDDEN, "no token");
    assert_eq!(send(&app, bare(form_body(&[("csrf", &"0".repeat(64))]))).await.status, StatusCode::FORBIDDEN);
    let other = session_cookie(&sign_in_with(&app, "rosa@example.pe", PASSWORD).await);
    let theirs = send(&app, signed_in_get("/cuenta/sesiones", &other)).await;
    assert!(!theirs.body.contains(&token), "each session has its own token");
    let ok = send(&app, bare(form_body(&[("csrf", &token)]))).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "the form of our own page goes through");
    assert_eq!(ok.headers[header::LOCATION], "/cuenta/sesiones?aviso=sesiones-cerradas");
    db.cleanup().await;
}
