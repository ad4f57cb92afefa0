//! Admins invite staff and give and take roles.

use super::*;

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
    let cookie = session_cookie(&signed_in);
    let first = send(&app, signed_in_get("/cuenta", &cookie)).await;
    assert_eq!(first.headers[header::LOCATION], "/cuenta/verificacion?volver=/cuenta", "a second factor first");
    super::second_factor::set_up_app_with(&app, &cookie, "la clave de Jorge Salas").await;
    let account = send(&app, signed_in_get("/cuenta", &cookie)).await;
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
