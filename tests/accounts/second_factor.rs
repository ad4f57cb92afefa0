//! The second factor through the router: a counsellor sets up an authenticator app before
//! anything else, signs in with its codes (each once), with a recovery code (each once), is
//! asked again before a sensitive action after fifteen minutes, is limited in wrong tries, and
//! an admin resets a lost one.

use super::*;
use senda::second_factor::{recovery, totp};

/// A counsellor account with the test password and no second factor.
pub(super) async fn counsellor(state: &AppState, email: &str) -> i64 {
    let centre = state.store.list_centres().await.unwrap()[0].id;
    state
        .store
        .create_account(&NewAccount {
            email: Email::parse(email).unwrap(),
            name: "Jorge Salas".into(),
            password_hash: state.passwords.hash(PASSWORD).await.unwrap(),
            role: RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre) },
            email_verified: true,
            now: now(),
        })
        .await
        .unwrap()
}

pub(super) fn page(path: &str, cookie: &str) -> axum::http::Request<Body> {
    get(path).header(header::COOKIE, cookie).body(Body::empty()).unwrap()
}

pub(super) fn post(path: &str, fields: &[(&str, &str)], cookie: &str) -> axum::http::Request<Body> {
    post_form_from(path, &form_body(fields), ORIGIN, Some(cookie))
}

/// The value of the hidden field `name` on a page.
pub(super) fn hidden(body: &str, name: &str) -> String {
    let marker = format!(r#"name="{name}" value=""#);
    let start = body.find(&marker).unwrap_or_else(|| panic!("no {name} on the page")) + marker.len();
    body[start..].split('"').next().unwrap().to_string()
}

/// Sets up an app for the signed-in counsellor through the pages; its secret and the
/// recovery codes shown.
async fn set_up_app(app: &axum::Router, cookie: &str) -> (Vec<u8>, Vec<String>) {
    set_up_app_with(app, cookie, PASSWORD).await
}

/// [`set_up_app`] for an account with this password.
pub(super) async fn set_up_app_with(app: &axum::Router, cookie: &str, password: &str) -> (Vec<u8>, Vec<String>) {
    let form = send(app, page("/cuenta/verificacion/app", cookie)).await;
    assert_eq!(form.status, StatusCode::OK);
    let secret = hidden(&form.body, "secret");
    assert!(form.body.contains(&totp::grouped(&secret)), "the secret is shown as text too");
    assert!(form.body.contains("<svg"), "and as a QR code");
    assert!(form.body.contains(r#"autocomplete="one-time-code""#));
    let key = totp::decode(&secret).unwrap();
    let code = totp::code_at(&key, totp::step_of(now()));
    let done = send(
        app,
        post("/cuenta/verificacion/app", &[("secret", &secret), ("code", &code), ("password", password)], cookie),
    )
    .await;
    let summary = done.body.split("app-error-summary__list").nth(1).unwrap_or("").chars().take(400).collect::<String>();
    assert_eq!(done.status, StatusCode::OK, "{summary}");
    let codes: Vec<String> = done
        .body
        .split(r#"<code class="app-code">"#)
        .skip(1)
        .map(|rest| rest.split('<').next().unwrap().to_string())
        .collect();
    assert_eq!(codes.len(), recovery::CODES_PER_SET, "{}", done.body);
    (key, codes)
}

/// Signs in with the password; the cookie of the session, which owes its code.
pub(super) async fn password_step(app: &axum::Router, email: &str) -> String {
    let reply = sign_in_with(app, email, PASSWORD).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    session_cookie(&reply)
}

#[tokio::test]
async fn a_counsellor_sets_up_an_app_before_anything_else_and_then_signs_in_with_its_codes() {
    let (app, state, db) = app_with_state().await;
    let id = counsellor(&state, "jorge@example.pe").await;
    let cookie = password_step(&app, "jorge@example.pe").await;
    let away = send(&app, page("/personas", &cookie)).await;
    assert_eq!(location(&away), "/cuenta/verificacion?volver=/personas");
    let explained = send(&app, page("/cuenta/verificacion?volver=/personas", &cookie)).await;
    assert!(explained.body.contains("tu cuenta necesita un segundo paso"), "{}", explained.body);

    // Bad input: nothing stored, and a wrong code counts.
    let form = send(&app, page("/cuenta/verificacion/app", &cookie)).await;
    let secret = hidden(&form.body, "secret");
    let key = totp::decode(&secret).unwrap();
    let code = totp::code_at(&key, totp::step_of(now()));
    let other = totp::code_at(&totp::decode(&totp::new_secret()).unwrap(), totp::step_of(now()));
    for (fields, field) in [
        (vec![("secret", secret.as_str()), ("code", code.as_str()), ("password", "")], "password"),
        (vec![("secret", secret.as_str()), ("code", code.as_str()), ("password", "no es la clave")], "password"),
        (vec![("secret", secret.as_str()), ("code", other.as_str()), ("password", PASSWORD)], "code"),
        (vec![("secret", "not-a-secret"), ("code", code.as_str()), ("password", PASSWORD)], "code"),
        (vec![("secret", secret.as_str()), ("code", "12a456"), ("password", PASSWORD)], "code"),
    ] {
        let refused = send(&app, post("/cuenta/verificacion/app", &fields, &cookie)).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{fields:?}");
        assert!(refused.body.contains(&format!(r##"href="#{field}""##)), "{fields:?}: the error is on {field}");
        assert!(!state.store.factors_of(id).await.unwrap().app, "{fields:?}: nothing stored");
    }
    let (key, codes) = set_up_app(&app, &cookie).await;
    let factors = state.store.factors_of(id).await.unwrap();
    assert!(factors.app);
    assert_eq!(factors.recovery_codes_left, 10);
    assert_eq!(send(&app, page("/personas", &cookie)).await.status, StatusCode::OK, "the session passed it");

    // The next sign-in owes a code, and a code works once.
    let cookie = password_step(&app, "jorge@example.pe").await;
    let away = send(&app, page("/personas", &cookie)).await;
    assert_eq!(location(&away), "/entrar/codigo?volver=/personas");
    let code_page = send(&app, page(location(&away), &cookie)).await;
    assert!(code_page.body.contains(r#"name="return_to" value="/personas""#), "{}", code_page.body);
    let code = totp::code_at(&key, totp::step_of(now()) + 1);
    let passed = send(&app, post("/entrar/codigo", &[("code", &code), ("return_to", "/personas")], &cookie)).await;
    assert_eq!(location(&passed), "/personas", "{}", passed.body);
    assert_eq!(send(&app, page("/personas", &cookie)).await.status, StatusCode::OK);
    let again = password_step(&app, "jorge@example.pe").await;
    let replayed = send(&app, post("/entrar/codigo", &[("code", &code)], &again)).await;
    assert_eq!(replayed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(replayed.body.contains("Ese código ya se usó"), "{}", replayed.body);
    let older = totp::code_at(&key, totp::step_of(now()));
    let refused = send(&app, post("/entrar/codigo", &[("code", &older)], &again)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "never one older than the last used");

    // A recovery code, once; the person is told how many are left.
    let recovered = send(&app, post("/entrar/codigo", &[("code", &codes[3].to_lowercase())], &again)).await;
    assert_eq!(location(&recovered), "/cuenta/verificacion?volver=/cuenta&aviso=codigo-de-recuperacion-usado");
    let told = send(&app, page(location(&recovered), &again)).await;
    assert!(told.body.contains("Te quedan 9"), "{}", told.body);
    let third = password_step(&app, "jorge@example.pe").await;
    let reused = send(&app, post("/entrar/codigo", &[("code", &codes[3])], &third)).await;
    assert_eq!(reused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reused.body.contains("no es correcto o ya se usó"));

    let actions: Vec<String> = audit_log(&state).await.into_iter().map(|(action, ..)| action).collect();
    for expected in ["second_factor_added", "second_factor_passed", "recovery_code_used", "second_factor_failed"] {
        assert!(actions.iter().any(|a| a == expected), "{expected} in {actions:?}");
    }
    db.cleanup().await;
}

#[tokio::test]
async fn wrong_codes_are_limited_per_account() {
    let (app, state, db) = app_with_state().await;
    counsellor(&state, "jorge@example.pe").await;
    let cookie = password_step(&app, "jorge@example.pe").await;
    set_up_app(&app, &cookie).await;
    let cookie = password_step(&app, "jorge@example.pe").await;
    for _ in 0..10 {
        let wrong = send(&app, post("/entrar/codigo", &[("code", "ABCD-EFGH-JKMN-PQRS")], &cookie)).await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let limited = send(&app, post("/entrar/codigo", &[("code", "ABCD-EFGH-JKMN-PQRS")], &cookie)).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(limited.headers.contains_key(header::RETRY_AFTER));
    db.cleanup().await;
}

#[tokio::test]
async fn sensitive_actions_ask_for_a_code_again_after_fifteen_minutes() {
    let (app, state, db) = app_with_state().await;
    let admin =
        person(&state, "ana@example.pe", RoleGrant { role: Role::Admin, company_id: None, centre_id: None }).await;
    // An app nobody holds, and a session that passed it 16 minutes ago.
    give_app(&state, admin.account_id).await;
    let stale = now() - 16 * 60;
    let cookie = session_passed_at(&state, &admin, Some(stale)).await;
    assert_eq!(send(&app, page("/cuenta", &cookie)).await.status, StatusCode::OK, "other pages do not ask");
    for path in ["/cuentas/roles", "/auditoria", "/cuenta/mis-datos", "/cuenta/eliminar", "/cuentas/nueva"] {
        let asked = send(&app, page(path, &cookie)).await;
        assert_eq!(location(&asked), format!("/entrar/codigo?volver={path}"), "{path}");
    }
    let posted = send(&app, post("/cuentas/roles", &[("account", "1"), ("role", "admin")], &cookie)).await;
    assert_eq!(location(&posted), "/entrar/codigo?volver=/cuentas/roles", "a post is turned back too");
    let asked = send(&app, page("/entrar/codigo?volver=/auditoria", &cookie)).await;
    assert!(asked.body.contains("Confirma que eres tú"), "{}", asked.body);
    // With the app's code, it goes on.
    let secret = state.store.totp_factor(admin.account_id).await.unwrap().unwrap().secret;
    let code = totp::code_at(&totp::decode(&secret).unwrap(), totp::step_of(now()));
    let passed = send(&app, post("/entrar/codigo", &[("code", &code), ("return_to", "/auditoria")], &cookie)).await;
    assert_eq!(location(&passed), "/auditoria");
    assert_eq!(send(&app, page("/auditoria", &cookie)).await.status, StatusCode::OK);
    db.cleanup().await;
}

#[tokio::test]
async fn an_admin_resets_a_lost_second_factor_with_a_reason_and_the_person_is_told() {
    let (app, state, db) = app_with_state().await;
    let id = counsellor(&state, "jorge@example.pe").await;
    let cookie = password_step(&app, "jorge@example.pe").await;
    set_up_app(&app, &cookie).await;
    let admin =
        person(&state, "ana@example.pe", RoleGrant { role: Role::Admin, company_id: None, centre_id: None }).await;
    let admin_cookie = session_cookie_for(&state, &admin).await;
    let form = send(&app, page("/cuentas/verificacion", &admin_cookie)).await;
    assert_eq!(form.status, StatusCode::OK);
    for (fields, field) in [
        (vec![("email", "jorge@example.pe"), ("reason", "")], "reason"),
        (vec![("email", "nadie@example.pe"), ("reason", "perdió su teléfono")], "email"),
        (vec![("email", "ana@example.pe"), ("reason", "perdí mi teléfono")], "email"),
    ] {
        let refused = send(&app, post("/cuentas/verificacion", &fields, &admin_cookie)).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{fields:?}");
        assert!(refused.body.contains(&format!(r##"href="#{field}""##)), "{fields:?}");
    }
    assert!(state.store.factors_of(id).await.unwrap().app, "nothing reset yet");
    let reason = "perdió su teléfono; identidad confirmada en persona";
    let done =
        send(&app, post("/cuentas/verificacion", &[("email", "jorge@example.pe"), ("reason", reason)], &admin_cookie))
            .await;
    assert_eq!(location(&done), "/cuentas/verificacion?aviso=verificacion-restablecida");
    assert!(!state.store.factors_of(id).await.unwrap().app);
    assert!(state.store.sessions_of(id).await.unwrap().is_empty(), "every session of theirs ended");
    let mail = state.store.mail_to("jorge@example.pe").await.unwrap();
    assert!(mail.last().unwrap().subject.contains("segundo paso"), "{mail:?}");
    let logged = audit_log(&state).await;
    assert!(logged.iter().any(|(action, by, about, detail)| action == "second_factor_reset"
        && *by == Some(admin.account_id)
        && *about == Some(id)
        && detail == reason));
    // Not an admin: refused.
    let cookie = password_step(&app, "jorge@example.pe").await;
    set_up_app(&app, &cookie).await;
    let refused =
        send(&app, post("/cuentas/verificacion", &[("email", "ana@example.pe"), ("reason", reason)], &cookie)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    db.cleanup().await;
}
