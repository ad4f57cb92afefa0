//! Entering the register: a counsellor registers a person, the same document twice is refused, nobody probes it, and the person claims the profile a counsellor made.

use super::*;

#[tokio::test]
async fn a_counsellor_registers_a_person_with_their_consents_and_the_same_document_twice_is_refused() {
    let (app, state, db) = app_with_state().await;
    let centre = state.store.list_centres().await.unwrap()[0].id;
    let jorge = counsellor_of(&state, "jorge@centro.pe", centre).await;
    let form = page(&app, "/personas/nueva", Some(&jorge)).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains(r#"<form method="post" action="/personas/nueva""#));
    assert!(form.body.contains("Guarden mi perfil en el registro"), "each consent in plain words");

    // Without the register's consent nothing is kept, and everything typed comes back.
    let reply =
        send(&app, post_form_from("/personas/nueva", &registration(&[("consent", "")]), ORIGIN, Some(&jorge))).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("Sin este permiso no podemos guardar el perfil"));
    assert!(reply.body.contains(r##"href="#consent-register""##), "the summary leads to the box");
    assert!(input_tag(&reply.body, "full_name").contains("Rosa Huamán Quispe"));
    assert!(state
        .store
        .centre_seekers(centre, &senda::seekers::CaseloadFilter::Everyone, 0, 25)
        .await
        .unwrap()
        .0
        .is_empty());
    let reply = send(
        &app,
        post_form_from("/personas/nueva", &registration(&[("birth_date", "2016-01-01")]), ORIGIN, Some(&jorge)),
    )
    .await;
    assert!(reply.body.contains("La persona debe tener entre 14 y 100 años"));

    let reply = send(&app, post_form_from("/personas/nueva", &registration(&[]), ORIGIN, Some(&jorge))).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let id: i64 = location(&reply).trim_start_matches("/persona/").split('?').next().unwrap().parse().unwrap();
    assert_eq!(location(&reply), format!("/persona/{id}?aviso=persona-registrada"));
    let caseload = page(&app, "/personas", Some(&jorge)).await.body;
    assert!(caseload.contains(&format!(r#"<a href="/persona/{id}">Rosa Huamán Quispe</a>"#)), "{caseload}");
    let profile = page(&app, &format!("/persona/{id}"), Some(&jorge)).await.body;
    assert!(profile.contains("Rosa Huamán Quispe") && profile.contains("45678912"));
    assert!(profile.contains("registrado por jorge, con la persona presente"));
    assert!(profile.contains("falta que la persona lo confirme"));
    let consents = state.store.consents_in_force(id).await.unwrap();
    assert_eq!(consents.kinds(), &[ConsentKind::Register, ConsentKind::CounsellorActs]);

    // The same DNI, typed another way: refused on the field, at this centre and at another.
    let again = registration(&[("full_name", "Otra Persona"), ("document_number", "4567 8912")]);
    let reply = send(&app, post_form_from("/personas/nueva", &again, ORIGIN, Some(&jorge))).await;
    assert!(reply.body.contains("ya está registrada en tu centro"));
    let elsewhere = counsellor_of(&state, "ana@arequipa.pe", other_centre(&state).await).await;
    let reply = send(&app, post_form_from("/personas/nueva", &again, ORIGIN, Some(&elsewhere))).await;
    assert!(reply.body.contains("ya está en el registro, con otro centro de empleo"));
    assert!(!reply.body.contains("Rosa"), "nothing of the person is told");
    assert_eq!(
        state.store.centre_seekers(centre, &senda::seekers::CaseloadFilter::Everyone, 0, 25).await.unwrap().0.len(),
        1
    );
    // Another centre does not see the person at all.
    assert_eq!(page(&app, &format!("/persona/{id}"), Some(&elsewhere)).await.status, StatusCode::NOT_FOUND);
    assert!(!page(&app, "/personas", Some(&elsewhere)).await.body.contains("Rosa"));
    db.cleanup().await;
}

#[tokio::test]
async fn nobody_probes_the_register_with_many_documents() {
    let (app, state, db) = app_with_state().await;
    let store = state.store.as_ref();
    let centre = store.list_centres().await.unwrap()[0].id;
    let jorge = counsellor_of(&state, "jorge@centro.pe", centre).await;
    let taken = send(&app, post_form_from("/personas/nueva", &registration(&[]), ORIGIN, Some(&jorge))).await;
    assert_eq!(taken.status, StatusCode::SEE_OTHER);
    let prober =
        person(&state, "curioso@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    let cookie = session_cookie_for(&state, &prober).await;
    for attempt in 0..5 {
        let reply = send(&app, post_form_from("/mi-perfil", &registration(&[]), ORIGIN, Some(&cookie))).await;
        assert!(reply.body.contains("Ya hay un perfil con este documento"), "attempt {attempt}");
    }
    let reply = send(&app, post_form_from("/mi-perfil", &registration(&[]), ORIGIN, Some(&cookie))).await;
    assert!(reply.body.contains("Hubo demasiados intentos"), "the sixth try in a day is refused before looking");
    assert!(!reply.body.contains("Ya hay un perfil"));
    db.cleanup().await;
}

#[tokio::test]
async fn a_job_seeker_makes_their_own_profile_and_gives_withdraws_and_confirms_consents() {
    let (app, state, db) = app_with_state().await;
    let store = state.store.as_ref();
    let centre = store.list_centres().await.unwrap()[0].id;
    let rosa =
        person(&state, "rosa@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    let cookie = session_cookie_for(&state, &rosa).await;
    let form = page(&app, "/mi-perfil", Some(&cookie)).await.body;
    assert!(form.contains("Crea tu perfil") && form.contains("Centro de empleo que te acompaña"), "{form}");

    let mine = registration(&[("centre", &centre.to_string()), ("consent", "")]);
    let mine = format!("{mine}&consent=register&consent=disability_data");
    let reply = send(&app, post_form_from("/mi-perfil", &mine, ORIGIN, Some(&cookie))).await;
    assert_eq!(location(&reply), "/mi-perfil?aviso=perfil-guardado", "{}", reply.body);
    let id = store.seeker_of_account(rosa.account_id).await.unwrap().unwrap();
    let profile = store.seeker(id).await.unwrap().unwrap();
    assert_eq!(profile.centre_id, Some(centre));
    let history = store.consent_history(id).await.unwrap();
    assert!(history.iter().all(|c| c.recorded_by == RecordedBy::Themselves));
    let own = page(&app, "/mi-perfil", Some(&cookie)).await.body;
    assert!(own.contains("Tus permisos") && own.contains("Retirar este permiso: Datos de mi discapacidad"), "{own}");
    // A second profile for the same account is not made.
    let again = send(&app, post_form_from("/mi-perfil", &mine, ORIGIN, Some(&cookie))).await;
    assert_eq!(location(&again), "/mi-perfil");

    let consent = |action: &str, kind: &str| format!("action={action}&kind={kind}");
    let reply =
        send(&app, post_form_from("/mi-perfil/permisos", &consent("dar", "counsellor_acts"), ORIGIN, Some(&cookie)))
            .await;
    assert_eq!(location(&reply), "/mi-perfil?aviso=permiso-dado");
    assert!(store.consents_in_force(id).await.unwrap().has(ConsentKind::CounsellorActs));
    let disability = senda::seekers::Disability { types: vec!["visual".into()], ..Default::default() };
    assert!(store.save_disability(id, &disability, 1_700_000_100).await.unwrap());
    let reply = send(
        &app,
        post_form_from("/mi-perfil/permisos", &consent("retirar", "disability_data"), ORIGIN, Some(&cookie)),
    )
    .await;
    assert_eq!(location(&reply), "/mi-perfil?aviso=permiso-retirado");
    assert_eq!(store.seeker(id).await.unwrap().unwrap().disability, None, "withdrawn: deleted at once");
    // The register's own consent goes only with the profile.
    let reply =
        send(&app, post_form_from("/mi-perfil/permisos", &consent("retirar", "register"), ORIGIN, Some(&cookie))).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(store.consents_in_force(id).await.unwrap().has(ConsentKind::Register));

    // Consents a counsellor recorded wait for the person's confirmation.
    let jorge = person(
        &state,
        "jorge@centro.pe",
        RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre) },
    )
    .await;
    let luis =
        person(&state, "luis@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    let mut seeker = NewSeeker {
        personal: store.seeker(id).await.unwrap().unwrap().personal,
        account_id: Some(luis.account_id),
        centre_id: Some(centre),
        education: None,
        skills: vec![],
    };
    seeker.personal.document =
        senda::domain::IdentityDocument::parse(senda::domain::DocumentType::Dni, "11223344").unwrap();
    let given = ConsentGiven { by: RecordedBy::Counsellor, recorder_id: jorge.account_id, at: 1_700_000_000 };
    let luis_id = store.register_seeker(&seeker, &[ConsentKind::Register], given).await.unwrap();
    let luis_cookie = session_cookie_for(&state, &luis).await;
    assert!(page(&app, "/mi-perfil", Some(&luis_cookie))
        .await
        .body
        .contains("Confirmo los permisos que registró mi centro"));
    let reply = send(&app, post_form_from("/mi-perfil/permisos", "action=confirmar", ORIGIN, Some(&luis_cookie))).await;
    assert_eq!(location(&reply), "/mi-perfil?aviso=permisos-confirmados");
    assert!(store.consent_history(luis_id).await.unwrap().iter().all(|c| c.confirmed_at.is_some()));
    db.cleanup().await;
}

#[tokio::test]
async fn the_person_a_counsellor_registered_joins_the_profile_to_their_account_with_the_sheets_code() {
    let (app, state, db) = app_with_state().await;
    let centre = state.store.list_centres().await.unwrap()[0].id;
    let jorge = counsellor_of(&state, "jorge@centro.pe", centre).await;
    let reply = send(&app, post_form_from("/personas/nueva", &registration(&[]), ORIGIN, Some(&jorge))).await;
    let id: i64 = location(&reply).trim_start_matches("/persona/").split('?').next().unwrap().parse().unwrap();
    let sheet_path = format!("/personas/hoja?id={id}");
    assert!(page(&app, &format!("/persona/{id}"), Some(&jorge)).await.body.contains(&sheet_path.replace('&', "&amp;")));

    // The sheet: every consent in its words; the code only when made, once.
    let sheet = page(&app, &sheet_path, Some(&jorge)).await.body;
    assert!(
        sheet.contains("Hoja de permisos de Rosa Huamán Quispe") && sheet.contains("Guarden mi perfil en el registro")
    );
    assert!(sheet.contains("Crear el código para entrar") && !sheet.contains("app-code"));
    let elsewhere = counsellor_of(&state, "ana@arequipa.pe", other_centre(&state).await).await;
    assert_eq!(page(&app, &sheet_path, Some(&elsewhere)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        send(&app, post_form_from(&sheet_path, "", ORIGIN, Some(&elsewhere))).await.status,
        StatusCode::NOT_FOUND
    );
    let made = send(&app, post_form_from(&sheet_path, "", ORIGIN, Some(&jorge))).await;
    assert_eq!(made.status, StatusCode::OK);
    let at = made.body.find(r#"class="app-code">"#).expect("the code is on the sheet") + r#"class="app-code">"#.len();
    let code = made.body[at..at + 11].to_string();
    assert_eq!(code.as_bytes()[5], b'-', "{code}");
    assert!(!page(&app, &sheet_path, Some(&jorge)).await.body.contains(&code), "shown that once");

    // Rosa signs up and joins it: a wrong code is said on its field, with what she typed kept.
    let rosa_account =
        person(&state, "rosa@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    let rosa = session_cookie_for(&state, &rosa_account).await;
    let offer = page(&app, "/mi-perfil", Some(&rosa)).await.body;
    assert!(offer.contains(r#"href="/mi-perfil/vincular""#));
    let claim = |code: &str| {
        serde_urlencoded::to_string([("document_type", "dni"), ("document_number", "45678912"), ("claim_code", code)])
            .unwrap()
    };
    let reply = send(&app, post_form_from("/mi-perfil/vincular", &claim("22222-22222"), ORIGIN, Some(&rosa))).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body.contains("El documento o el código no coinciden") && reply.body.contains(r##"href="#claim_code""##)
    );
    assert!(input_tag(&reply.body, "document_number").contains("45678912"));
    let reply = send(&app, post_form_from("/mi-perfil/vincular", &claim("no"), ORIGIN, Some(&rosa))).await;
    assert!(reply.body.contains("Escribe el código como está en tu hoja"));
    let typed_loosely = code.to_lowercase().replace('-', " ");
    let reply = send(&app, post_form_from("/mi-perfil/vincular", &claim(&typed_loosely), ORIGIN, Some(&rosa))).await;
    assert_eq!(location(&reply), "/mi-perfil?aviso=perfil-vinculado");
    let mine = page(&app, "/mi-perfil?aviso=perfil-vinculado", Some(&rosa)).await.body;
    assert!(
        mine.contains("Rosa Huamán Quispe") && mine.contains("Confirmo los permisos que registró mi centro"),
        "her profile, consents to confirm"
    );
    let sheet = page(&app, &sheet_path, Some(&jorge)).await.body;
    assert!(sheet.contains("ya entró a Senda con su cuenta") && !sheet.contains("Crear el código"));
    // Spent: nobody else can use it.
    let someone = session_cookie_for(
        &state,
        &person(&state, "otra@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await,
    )
    .await;
    let reply = send(&app, post_form_from("/mi-perfil/vincular", &claim(&code), ORIGIN, Some(&someone))).await;
    assert!(reply.body.contains("El documento o el código no coinciden"));
    db.cleanup().await;
}

#[tokio::test]
async fn a_counsellor_pages_through_the_caseload_and_finds_a_person_by_name_or_document() {
    let (app, state, db) = app_with_state().await;
    let centre = state.store.list_centres().await.unwrap()[0].id;
    let jorge = counsellor_of(&state, "jorge@centro.pe", centre).await;
    for n in 0..30 {
        let name = if n == 7 { "Ñusta Huamán Ccori".to_string() } else { format!("Persona Número {n}") };
        let dni = format!("{}", 40_000_000 + n);
        let form = registration(&[("full_name", &name), ("document_number", &dni)]);
        assert_eq!(
            send(&app, post_form_from("/personas/nueva", &form, ORIGIN, Some(&jorge))).await.status,
            StatusCode::SEE_OTHER
        );
    }
    let first = page(&app, "/personas", Some(&jorge)).await.body;
    assert!(first.contains("30 personas — página 1 de 2"), "{first}");
    assert!(first.contains("Persona Número 29") && !first.contains("Persona Número 4<"), "newest first, 25 a page");
    assert!(first.contains(r#"href="/personas?pagina=2""#) && first.contains(r#"aria-current="page""#));
    let second = page(&app, "/personas?pagina=2", Some(&jorge)).await.body;
    assert!(second.contains("Persona Número 0") && second.contains("página 2 de 2"));
    let past = page(&app, "/personas?pagina=9", Some(&jorge)).await.body;
    assert!(past.contains("página 2 de 2"), "an old link past the end shows the last page");
    let found = page(&app, "/personas?q=nusta+HUAMAN", Some(&jorge)).await.body;
    assert!(found.contains("1 persona para «nusta HUAMAN»") && found.contains("Ñusta Huamán Ccori"), "{found}");
    assert!(input_tag(&found, "q").contains(r#"value="nusta HUAMAN""#), "the search stays in its box");
    let by_document = page(&app, "/personas?q=40000007", Some(&jorge)).await.body;
    assert!(by_document.contains("Ñusta Huamán Ccori"));
    let none = page(&app, "/personas?q=astronauta", Some(&jorge)).await.body;
    assert!(none.contains("Nadie que acompaña tu centro tiene ese nombre"));
    let elsewhere = counsellor_of(&state, "ana@arequipa.pe", other_centre(&state).await).await;
    assert!(page(&app, "/personas?q=40000007", Some(&elsewhere)).await.body.contains("0 personas para"));
    db.cleanup().await;
}
