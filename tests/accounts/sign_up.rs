//! Signing up as a job seeker or an employer, confirming the address, and companies verified or joined.

use super::*;

#[tokio::test]
async fn a_job_seeker_signs_up_confirms_the_email_and_is_signed_in() {
    let (app, state, db) = app_with_state().await;
    let form = form_body(&[("name", "Lucía Huamán"), ("email", "Lucia@Example.pe"), ("password", PASSWORD)]);
    let reply = send(&app, post_form("/registro", &form)).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(reply.headers[header::LOCATION], "/revisa-tu-correo");
    assert!(
        !set_cookies(&reply).iter().any(|c| c.starts_with("senda_session=")),
        "not signed in before the email is confirmed"
    );

    // Unconfirmed, the right password does not open the account yet.
    let early = sign_in_with(&app, "lucia@example.pe", PASSWORD).await;
    assert_eq!(early.headers[header::LOCATION], "/revisa-tu-correo");
    assert!(!set_cookies(&early).iter().any(|c| c.starts_with("senda_session=")));
    assert_eq!(state.store.mail_to("lucia@example.pe").await.unwrap().len(), 2, "a fresh link was sent");
    // This browser asked for the newest link, and remembers which.
    let here = asked_here(&early);

    let link = emailed_link(&state, "lucia@example.pe").await;
    assert!(link.starts_with("/registro/confirmar?codigo="), "{link}");
    let page = send(&app, get(&link).body(Body::empty()).unwrap()).await;
    assert!(page.body.contains("<h1>Confirma tu correo electrónico</h1>"), "{}", page.body);
    let confirmed = confirm_link(&app, &link, &here).await;
    assert_eq!(confirmed.headers[header::LOCATION], "/cuenta?aviso=correo-confirmado");
    let account = send(&app, signed_in_get("/cuenta?aviso=correo-confirmado", &session_cookie(&confirmed))).await;
    assert!(account.body.contains("Lucía Huamán") && account.body.contains("Tu correo está confirmado"));

    // The link works once; opened again, its page says so.
    let again = send(&app, get(&link).body(Body::empty()).unwrap()).await;
    assert!(again.body.contains("<h1>Este enlace ya no sirve</h1>"));
    db.cleanup().await;
}

/// Someone signs up with another person's address: when that person follows the link, the
/// address is confirmed but nobody is signed in — they are asked for the password, which they
/// never chose, and can make a new one. Only the browser that signed up is signed in.
#[tokio::test]
async fn a_link_opened_in_another_browser_confirms_the_address_but_asks_for_the_password() {
    let (app, state, db) = app_with_state().await;
    let form = form_body(&[("name", "Alguien"), ("email", "rosa@example.pe"), ("password", PASSWORD)]);
    let signed_up = send(&app, post_form("/registro", &form)).await;
    asked_here(&signed_up);
    let link = emailed_link(&state, "rosa@example.pe").await;
    let elsewhere = confirm_link(&app, &link, "otro_navegador=1").await;
    assert_eq!(elsewhere.headers[header::LOCATION], "/entrar?aviso=correo-confirmado-entra");
    assert!(!set_cookies(&elsewhere).iter().any(|c| c.starts_with("senda_session=")), "nobody signed in");
    let notice = send(&app, get("/entrar?aviso=correo-confirmado-entra").body(Body::empty()).unwrap()).await;
    assert!(notice.body.contains("Entra con tu contraseña"), "{}", notice.body);
    let credentials = state.store.credentials("rosa@example.pe").await.unwrap().unwrap();
    assert!(credentials.email_verified, "the address itself is confirmed");
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
    let cookie_names = |reply: &Reply| -> Vec<String> {
        set_cookies(reply).iter().map(|c| c.split('=').next().unwrap().to_string()).collect()
    };
    assert_eq!(cookie_names(&taken_reply), cookie_names(&fresh_reply), "both mark the browser alike");

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

    let logged = common::logs::Captured::default();
    let logging = logged.while_alive(tracing::Level::INFO);
    let reply = send(&app, post_form("/registro/empresa", &form("20487654320", "carmen@example.pe"))).await;
    drop(logging);
    assert_eq!(reply.headers[header::LOCATION], "/revisa-tu-correo", "{}", reply.body);
    // Logged, but not by its RUC: a 10… RUC holds a person's DNI.
    let log = logged.text();
    assert!(log.contains("company registered") && !log.contains("20487654320"), "{log}");
    let company = state.store.list_companies().await.unwrap().into_iter().find(|c| c.ruc == "20487654320").unwrap();
    assert!(!company.verified, "a centre verifies it before it can publish");

    let link = emailed_link(&state, "carmen@example.pe").await;
    let confirmed = confirm_link(&app, &link, &asked_here(&reply)).await;
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
    let pedro = session_cookie(&confirm_link(&app, &link, &asked_here(&reply)).await);
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
