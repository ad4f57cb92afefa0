//! Emailed links that must not outlive what they were for, or be turned against the site.

use super::*;

/// A stream of made-up reset codes must not keep the password hasher busy, or everyone's
/// sign-in waits and is refused: a dead code is found before any hashing, and an address that
/// sends many is stopped.
#[tokio::test]
async fn made_up_reset_codes_never_reach_the_password_hasher_and_too_many_are_refused() {
    let flags = ["--password-hash-concurrency", "1", "--password-hash-queue", "0", "--argon2-iterations", "60"];
    let (app, state, db) = app_with_flags(&flags).await;
    // The one hashing turn is taken for a while, as by someone signing in.
    let passwords = state.passwords.clone();
    let busy = tokio::spawn(async move { passwords.hash("una clave que tarda en calcularse").await });
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    assert!(!busy.is_finished(), "the turn is still taken");
    for n in 0..20 {
        let code = format!("{n:064x}");
        let reply = send(
            &app,
            post_form("/contrasena/nueva", &form_body(&[("codigo", &code), ("password", "una clave nueva y larga")])),
        )
        .await;
        assert_ne!(reply.status, StatusCode::TOO_MANY_REQUESTS, "try {n} waited for the hasher: {}", reply.body);
        assert!(reply.body.contains("<h1>Este enlace ya no sirve</h1>"), "try {n}: {}", reply.body);
    }
    let refused = send(
        &app,
        post_form(
            "/contrasena/nueva",
            &form_body(&[("codigo", &"f".repeat(64)), ("password", "una clave nueva y larga")]),
        ),
    )
    .await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS, "{}", refused.body);
    assert!(refused.headers.contains_key(header::RETRY_AFTER));
    busy.await.unwrap().unwrap();
    db.cleanup().await;
}

/// The warning sent to the old address says to change the password and sign out the other
/// devices: after either, the link to the new address no longer works.
#[tokio::test]
async fn an_email_change_link_dies_when_the_password_changes() {
    let (app, state, db) = app_with_state().await;
    seeker(&state, "rosa@example.pe").await;
    let cookie = session_cookie(&sign_in_with(&app, "rosa@example.pe", PASSWORD).await);
    let asked = send(
        &app,
        post_form_from(
            "/cuenta/correo",
            &form_body(&[("email", "ladron@example.pe"), ("password", PASSWORD)]),
            ORIGIN,
            Some(&cookie),
        ),
    )
    .await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER, "{}", asked.body);
    let link = emailed_link(&state, "ladron@example.pe").await;
    let changed = send(
        &app,
        post_form_from(
            "/cuenta/contrasena",
            &form_body(&[("current_password", PASSWORD), ("new_password", "otra frase larga de prueba")]),
            ORIGIN,
            Some(&cookie),
        ),
    )
    .await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.body);
    let code = link.split("codigo=").nth(1).unwrap().to_string();
    let used = send(&app, post_form(link.split('?').next().unwrap(), &form_body(&[("codigo", &code)]))).await;
    assert_ne!(used.status, StatusCode::SEE_OTHER, "the link still moved the account");
    let actor =
        state.store.account_actor(state.store.credentials("rosa@example.pe").await.unwrap().unwrap().account_id);
    assert_eq!(actor.await.unwrap().unwrap().email, "rosa@example.pe");
    db.cleanup().await;
}
