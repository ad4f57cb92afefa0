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

/// The warning sent to the old address links to a page where the owner, signed in, cancels
/// the move: the link sent to the new address stops working, and the log says so.
#[tokio::test]
async fn the_warning_to_the_old_address_cancels_the_change() {
    let (app, state, db) = app_with_state().await;
    seeker(&state, "rosa@example.pe").await;
    let cookie = session_cookie(&sign_in_with(&app, "rosa@example.pe", PASSWORD).await);
    let ask = form_body(&[("email", "ladron@example.pe"), ("password", PASSWORD)]);
    let asked = send(&app, post_form_from("/cuenta/correo", &ask, ORIGIN, Some(&cookie))).await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER, "{}", asked.body);
    let link = emailed_link(&state, "ladron@example.pe").await;
    let warning = emailed_link(&state, "rosa@example.pe").await;
    assert_eq!(warning, "/cuenta/correo/cancelar");

    // Signed out, the link asks to sign in first and comes back; signed in, it names the
    // address and cancels with a button.
    let away = send(&app, get(&warning).body(Body::empty()).unwrap()).await;
    assert!(away.status.is_redirection(), "{}", away.status);
    let page = send(&app, signed_in_get(&warning, &cookie)).await;
    assert!(page.body.contains("ladron@example.pe") && page.body.contains("Cancelar el cambio"), "{}", page.body);
    let cancelled = send(&app, post_form_from(&warning, "", ORIGIN, Some(&cookie))).await;
    assert_eq!(cancelled.headers[header::LOCATION], "/cuenta?aviso=cambio-de-correo-cancelado");
    let code = link.split("codigo=").nth(1).unwrap().to_string();
    let used = send(&app, post_form(link.split('?').next().unwrap(), &form_body(&[("codigo", &code)]))).await;
    assert_ne!(used.status, StatusCode::SEE_OTHER, "the link still moved the account");
    let account = state.store.credentials("rosa@example.pe").await.unwrap().unwrap().account_id;
    assert_eq!(state.store.account_actor(account).await.unwrap().unwrap().email, "rosa@example.pe");
    let logged = audit_log(&state).await;
    assert!(logged.iter().any(|(action, actor, subject, _)| action == "email_change_cancelled"
        && *actor == Some(account)
        && *subject == Some(account)));

    // Nothing left to cancel: the page and the button say so, and nothing is logged again.
    let page = send(&app, signed_in_get(&warning, &cookie)).await;
    assert!(page.body.contains("No hay ningún cambio de correo pendiente"), "{}", page.body);
    let again = send(&app, post_form_from(&warning, "", ORIGIN, Some(&cookie))).await;
    assert_eq!(again.headers[header::LOCATION], "/cuenta?aviso=sin-cambio-de-correo");
    let cancels = audit_log(&state).await.into_iter().filter(|(action, ..)| action == "email_change_cancelled").count();
    assert_eq!(cancels, 1);
    db.cleanup().await;
}
