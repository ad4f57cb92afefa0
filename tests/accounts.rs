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
        assert_eq!(reply.status, StatusCode::OK);
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
