//! What a person does with their own account: passwords, devices, preferences, email, their data, deleting it.

use super::*;

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

#[tokio::test]
async fn my_data_downloads_as_json_only_for_me_and_is_logged() {
    let (app, state, db) = app_with_state().await;
    let id = seeker(&state, "rosa@example.pe").await;
    seeker(&state, "otra@example.pe").await;
    let cookie = session_cookie(&sign_in_with(&app, "rosa@example.pe", PASSWORD).await);
    // Not without the password: a session left open on a shared computer is not enough.
    for body in ["", "password=no+es+la+mia"] {
        let reply = send(&app, post_form_from("/cuenta/mis-datos", body, ORIGIN, Some(&cookie))).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(reply.body.contains(r##"href="#password""##) && !reply.body.contains("rosa@example.pe\""), "{body}");
        assert!(reply.headers.get(header::CONTENT_DISPOSITION).is_none());
    }
    assert!(audit_trail(&state).await.iter().all(|(action, _, _)| action != "data_exported"), "nothing went out");
    let body = format!("password={}", PASSWORD.replace(' ', "+"));
    let reply = send(&app, post_form_from("/cuenta/mis-datos", &body, ORIGIN, Some(&cookie))).await;
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
