//! Signing in and out: sessions started, replaced and ended, the same answer for a wrong
//! password and an unknown address, limits, and the audit log of sign-ins.

use super::*;

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

/// At the centre several people use one computer: unless the person ticks the box, the
/// session's cookie has no lifetime of its own and the browser forgets it when it closes.
#[tokio::test]
async fn a_session_outlives_the_browser_only_when_the_person_asks() {
    let (app, state, db) = app_with_state().await;
    seeker(&state, "rosa@example.pe").await;
    let session_set_cookie = |reply: &Reply| -> String {
        reply
            .headers
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|c| c.to_str().unwrap().to_string())
            .find(|c| c.starts_with("senda_session="))
            .expect("a session cookie")
    };
    let shared = sign_in_with(&app, "rosa@example.pe", PASSWORD).await;
    assert!(!session_set_cookie(&shared).contains("Max-Age"), "{}", session_set_cookie(&shared));
    let page = send(&app, get("/entrar").body(Body::empty()).unwrap()).await;
    assert!(page.body.contains(r#"type="checkbox" id="mantener" name="mantener" value="si""#), "{}", page.body);
    assert!(!page.body.contains(r#"name="mantener" value="si" checked"#), "off unless chosen");

    let own = send(
        &app,
        post_form("/entrar", &form_body(&[("email", "rosa@example.pe"), ("password", PASSWORD), ("mantener", "si")])),
    )
    .await;
    assert!(session_set_cookie(&own).contains("Max-Age=86400"), "a job seeker's longest session");
    // A wrong password keeps the choice, like everything else typed but the password.
    let wrong = send(
        &app,
        post_form(
            "/entrar",
            &form_body(&[("email", "rosa@example.pe"), ("password", "otra clave"), ("mantener", "si")]),
        ),
    )
    .await;
    assert!(wrong.body.contains(r#"name="mantener" value="si" checked"#), "{}", wrong.body);
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
