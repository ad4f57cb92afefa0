//! The register through the real router (journey J2's first step): a counsellor registers a
//! person who is with them, with the consents read out; the same document twice is refused
//! without telling anything about the person; and each viewer sees of a profile only what the
//! person's consents allow, with every look at disability data recorded.

mod common;

use axum::body::Body;
use axum::http::{header, StatusCode};
use common::web::*;
use senda::accounts::{Role, RoleGrant};
use senda::domain::{ConadisNumber, Region};
use senda::organisations::NewCentre;
use senda::seekers::consent::{ConsentKind, RecordedBy};
use senda::seekers::store::{ConsentGiven, NewSeeker};
use senda::server::state::AppState;

async fn page(app: &axum::Router, path: &str, cookie: Option<&str>) -> Reply {
    let mut request = get(path);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    send(app, request.body(Body::empty()).unwrap()).await
}

fn location(reply: &Reply) -> &str {
    reply.headers.get(header::LOCATION).and_then(|l| l.to_str().ok()).unwrap_or("")
}

fn registration(changes: &[(&str, &str)]) -> String {
    let mut fields: Vec<(String, String)> = [
        ("full_name", "Rosa Huamán Quispe"),
        ("document_type", "dni"),
        ("document_number", "45678912"),
        ("birth_date", "1994-05-17"),
        ("sex", "female"),
        ("region", "cusco"),
        ("province", "Cusco"),
        ("district", "Wanchaq"),
        ("phone", "984123456"),
        ("email", ""),
        ("channel", "whatsapp"),
        ("education", "secondary"),
        ("skills", "atención al cliente"),
        ("consent", "register"),
        ("consent", "counsellor_acts"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (name, value) in changes {
        fields.retain(|(k, _)| k != name);
        if !value.is_empty() {
            fields.push((name.to_string(), value.to_string()));
        }
    }
    serde_urlencoded::to_string(&fields).unwrap()
}

async fn counsellor_of(state: &AppState, email: &str, centre: i64) -> String {
    let grant = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre) };
    session_cookie_for(state, &person(state, email, grant).await).await
}

async fn other_centre(state: &AppState) -> i64 {
    let centre = NewCentre {
        name: "Centro de Empleo Arequipa".into(),
        region: Region::parse("arequipa").unwrap(),
        address: "Calle Mercaderes 100, Arequipa".into(),
        phone: "(054) 21-2121".into(),
        email: "arequipa@example.pe".into(),
    };
    state.store.insert_centre(&centre).await.unwrap()
}

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
async fn disability_data_reaches_a_counsellor_only_with_both_consents_and_each_look_is_recorded_for_the_person() {
    let (app, state, db) = app_with_state().await;
    let store = state.store.as_ref();
    let centre = store.list_centres().await.unwrap()[0].id;
    let jorge = counsellor_of(&state, "jorge@centro.pe", centre).await;
    let rosa =
        person(&state, "rosa@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    let rosa_cookie = session_cookie_for(&state, &rosa).await;
    let personal = {
        use senda::domain::{DocumentType, IdentityDocument};
        senda::seekers::PersonalDetails {
            full_name: "Rosa Huamán".into(),
            document: IdentityDocument::parse(DocumentType::Dni, "45678912").unwrap(),
            birth_date: "1994-05-17".into(),
            sex: senda::seekers::Sex::Female,
            region: Region::parse("cusco").unwrap(),
            province: String::new(),
            district: String::new(),
            phone: "984123456".into(),
            email: String::new(),
            channel: senda::seekers::ContactChannel::WhatsApp,
        }
    };
    let seeker = NewSeeker {
        personal,
        account_id: Some(rosa.account_id),
        centre_id: Some(centre),
        education: None,
        skills: vec![],
    };
    let given = ConsentGiven { by: RecordedBy::Themselves, recorder_id: rosa.account_id, at: 1_700_000_000 };
    let id =
        store.register_seeker(&seeker, &[ConsentKind::Register, ConsentKind::DisabilityData], given).await.unwrap();
    let disability = senda::seekers::Disability {
        conadis: ConadisNumber::parse("0012345"),
        types: vec!["hearing".into()],
        needs_at_interview: vec!["sign_interpreter_interview".into()],
        needs_at_work: vec![],
    };
    assert!(store.save_disability(id, &disability, 1_700_000_100).await.unwrap());

    // Consent to the data but not to a counsellor acting: the counsellor sees the profile only.
    let seen = page(&app, &format!("/persona/{id}"), Some(&jorge)).await.body;
    assert!(seen.contains("Rosa Huamán") && !seen.contains("0012345") && !seen.contains("Auditiva"));
    assert!(seen.contains("Solo puedes ver estos datos si la persona te permite actuar por ella"));
    assert!(store.sensitive_accesses(id).await.unwrap().is_empty(), "nothing shown, nothing recorded");

    // With both, the counsellor sees it — and the look is recorded, for Rosa to read.
    assert!(store.give_consent(id, ConsentKind::CounsellorActs, given).await.unwrap());
    let seen = page(&app, &format!("/persona/{id}"), Some(&jorge)).await.body;
    assert!(seen.contains("0012345") && seen.contains("Auditiva"), "{seen}");
    assert!(seen.contains("Intérprete de lengua de señas en la entrevista"), "needs named as the list names them");
    let own = page(&app, &format!("/persona/{id}"), Some(&rosa_cookie)).await.body;
    assert!(own.contains("Quién vio los datos de tu discapacidad") && own.contains("— jorge"), "{own}");
    assert_eq!(store.sensitive_accesses(id).await.unwrap().len(), 1, "her own look is not recorded");

    // Nobody else learns the person exists.
    let employer = person(
        &state,
        "carmen@textiles.pe",
        RoleGrant {
            role: Role::Employer,
            company_id: Some(store.list_companies().await.unwrap()[0].id),
            centre_id: None,
        },
    )
    .await;
    let admin =
        person(&state, "admin@senda.pe", RoleGrant { role: Role::Admin, company_id: None, centre_id: None }).await;
    for actor in [employer, admin] {
        let cookie = session_cookie_for(&state, &actor).await;
        assert_eq!(page(&app, &format!("/persona/{id}"), Some(&cookie)).await.status, StatusCode::NOT_FOUND);
    }
    // Revoked: the data is gone at once.
    assert!(store.revoke_consent(id, ConsentKind::DisabilityData, 1_700_000_500).await.unwrap());
    let seen = page(&app, &format!("/persona/{id}"), Some(&jorge)).await.body;
    assert!(!seen.contains("0012345") && seen.contains("no dio permiso para guardar datos de su discapacidad"));
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
async fn disability_data_is_written_by_the_person_or_with_both_consents_by_their_counsellor() {
    let (app, state, db) = app_with_state().await;
    let store = state.store.as_ref();
    let centre = store.list_centres().await.unwrap()[0].id;
    let rosa =
        person(&state, "rosa@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    let cookie = session_cookie_for(&state, &rosa).await;
    let mine = registration(&[("centre", &centre.to_string()), ("consent", "")]);
    let mine = format!("{mine}&consent=register&consent=disability_data");
    send(&app, post_form_from("/mi-perfil", &mine, ORIGIN, Some(&cookie))).await;
    let id = store.seeker_of_account(rosa.account_id).await.unwrap().unwrap();
    let path = format!("/personas/discapacidad?id={id}");
    let form = page(&app, &path, Some(&cookie)).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Auditiva") && form.body.contains("Intérprete de lengua de señas en la entrevista"));

    let wrong = "conadis=12AB&types=hearing&interview=sign_interpreter_interview";
    let reply = send(&app, post_form_from(&path, wrong, ORIGIN, Some(&cookie))).await;
    assert!(reply.body.contains("El número CONADIS tiene de 1 a 8 números"));
    assert!(input_tag(&reply.body, "types-hearing").contains("checked"), "choices kept");
    let tampered = "conadis=&types=telepathic";
    assert!(send(&app, post_form_from(&path, tampered, ORIGIN, Some(&cookie)))
        .await
        .body
        .contains("app-error-summary"));
    assert_eq!(store.seeker(id).await.unwrap().unwrap().disability, None, "nothing stored from a failed form");

    let right = "conadis=0012345&types=hearing&interview=sign_interpreter_interview&work=written_instructions";
    let reply = send(&app, post_form_from(&path, right, ORIGIN, Some(&cookie))).await;
    assert_eq!(location(&reply), "/mi-perfil?aviso=discapacidad-guardada");
    let kept = store.seeker(id).await.unwrap().unwrap().disability.unwrap();
    assert_eq!(
        (kept.types, kept.needs_at_work),
        (vec!["hearing".to_string()], vec!["written_instructions".to_string()])
    );
    assert!(store.sensitive_accesses(id).await.unwrap().is_empty(), "her own looks are not recorded");

    // Her centre's counsellor: not without her consent to act for her; then yes, recorded.
    let jorge = counsellor_of(&state, "jorge@centro.pe", centre).await;
    assert_eq!(page(&app, &path, Some(&jorge)).await.status, StatusCode::FORBIDDEN);
    assert_eq!(send(&app, post_form_from(&path, right, ORIGIN, Some(&jorge))).await.status, StatusCode::FORBIDDEN);
    let given = ConsentGiven { by: RecordedBy::Themselves, recorder_id: rosa.account_id, at: 1_700_000_000 };
    store.give_consent(id, ConsentKind::CounsellorActs, given).await.unwrap();
    assert!(page(&app, &path, Some(&jorge)).await.body.contains(r#"value="0012345""#));
    assert_eq!(store.sensitive_accesses(id).await.unwrap().len(), 1);
    let reply = send(&app, post_form_from(&path, "types=visual", ORIGIN, Some(&jorge))).await;
    assert_eq!(location(&reply), format!("/persona/{id}?aviso=discapacidad-guardada"));
    // Anyone else: as if she were not registered.
    let elsewhere = counsellor_of(&state, "ana@arequipa.pe", other_centre(&state).await).await;
    assert_eq!(page(&app, &path, Some(&elsewhere)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(send(&app, post_form_from(&path, right, ORIGIN, Some(&elsewhere))).await.status, StatusCode::NOT_FOUND);
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

#[tokio::test]
async fn a_person_or_the_counsellor_acting_for_them_keeps_the_languages_and_nobody_else() {
    let (app, state, db) = app_with_state().await;
    let centre = state.store.list_centres().await.unwrap()[0].id;
    let jorge = counsellor_of(&state, "jorge@centro.pe", centre).await;
    // Registered by the counsellor with consent (d) ticked: he may act for her.
    let form = registration(&[]);
    let reply = send(&app, post_form_from("/personas/nueva", &form, ORIGIN, Some(&jorge))).await;
    let id: i64 = location(&reply).trim_start_matches("/persona/").split('?').next().unwrap().parse().unwrap();
    assert!(state.store.consents_in_force(id).await.unwrap().has(ConsentKind::CounsellorActs));
    let path = format!("/mi-perfil/idiomas?persona={id}");
    let profile = page(&app, &format!("/persona/{id}"), Some(&jorge)).await.body;
    assert!(profile.contains(&path.replace('&', "&amp;")), "the counsellor is led to the form");
    let shown = page(&app, &path, Some(&jorge)).await.body;
    assert!(shown.contains("Idiomas y lenguas de señas de Rosa Huamán Quispe"));
    assert!(shown.contains(r#"<form method="post" action="/mi-perfil/idiomas?persona="#));
    assert!(shown.contains("Lengua de señas peruana (LSP)") && shown.contains("No lo conozco"));

    // A level that is not on the list is said on its field; the rest comes back as chosen.
    let bad = serde_urlencoded::to_string([("idioma-es", "native"), ("idioma-lsp", "fluent")]).unwrap();
    let reply = send(&app, post_form_from(&path, &bad, ORIGIN, Some(&jorge))).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("Elige un nivel de la lista") && reply.body.contains(r##"href="#idioma-lsp""##));
    assert!(reply.body.contains(r#"<option value="native" selected"#), "{}", reply.body);
    assert!(state.store.seeker(id).await.unwrap().unwrap().languages.is_empty(), "nothing stored half-way");
    let good =
        serde_urlencoded::to_string([("idioma-es", "native"), ("idioma-lsp", "advanced"), ("idioma-en", "")]).unwrap();
    let reply = send(&app, post_form_from(&path, &good, ORIGIN, Some(&jorge))).await;
    // Saved, the next step follows: the profile is filled a topic at a time.
    assert_eq!(location(&reply), format!("/mi-perfil/experiencia?persona={id}&aviso=idiomas-guardados"));
    let profile = page(&app, &format!("/persona/{id}"), Some(&jorge)).await.body;
    assert!(profile.contains("Castellano (lengua materna), Lengua de señas peruana (LSP) (avanzado)"), "{profile}");

    // Another centre's counsellor, and someone without a profile asking for theirs: nothing.
    let elsewhere = counsellor_of(&state, "ana@arequipa.pe", other_centre(&state).await).await;
    assert_eq!(page(&app, &path, Some(&elsewhere)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(send(&app, post_form_from(&path, &good, ORIGIN, Some(&elsewhere))).await.status, StatusCode::NOT_FOUND);
    let nobody = session_cookie_for(
        &state,
        &person(&state, "nadie@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await,
    )
    .await;
    assert_eq!(page(&app, "/mi-perfil/idiomas", Some(&nobody)).await.status, StatusCode::NOT_FOUND);
    db.cleanup().await;
}

#[tokio::test]
async fn a_work_history_is_added_an_entry_at_a_time_with_each_mistake_said_on_its_field() {
    let (app, state, db) = app_with_state().await;
    let centre = state.store.list_centres().await.unwrap()[0].id;
    let jorge = counsellor_of(&state, "jorge@centro.pe", centre).await;
    let reply = send(&app, post_form_from("/personas/nueva", &registration(&[]), ORIGIN, Some(&jorge))).await;
    let id: i64 = location(&reply).trim_start_matches("/persona/").split('?').next().unwrap().parse().unwrap();
    let path = format!("/mi-perfil/experiencia?persona={id}");
    let shown = page(&app, &path, Some(&jorge)).await.body;
    assert!(shown.contains("Experiencia laboral de Rosa Huamán Quispe") && shown.contains("Paso 3 de 5"), "{shown}");
    assert!(shown.contains("Todavía no hay ningún trabajo."));
    assert!(shown.contains(r#"aria-current="step""#), "the step list marks where we are");

    // Mistakes are said on their fields, what was typed comes back, nothing is stored.
    let bad = serde_urlencoded::to_string([
        ("puesto", "Cajera"),
        ("empleador", "Bodega <Santa Rosa>"),
        ("desde", "03"),
        ("desde-anio", "2020"),
        ("hasta", "01"),
        ("hasta-anio", "2019"),
    ])
    .unwrap();
    let reply = send(&app, post_form_from(&path, &bad, ORIGIN, Some(&jorge))).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("Debe ser el mes en que empezaste o uno posterior"));
    assert!(reply.body.contains(r##"href="#hasta""##));
    assert!(reply.body.contains(r#"value="Bodega &lt;Santa Rosa&gt;""#), "typed text kept, escaped");
    assert!(reply.body.contains(r#"<option value="03" selected"#));
    assert!(state.store.seeker(id).await.unwrap().unwrap().experience.is_empty(), "nothing stored half-way");

    let good = serde_urlencoded::to_string([
        ("puesto", "Cajera"),
        ("empleador", "Bodega Santa Rosa"),
        ("desde", "03"),
        ("desde-anio", "2020"),
        ("hasta", ""),
        ("hasta-anio", ""),
        ("tareas", "Atender a los clientes"),
    ])
    .unwrap();
    let reply = send(&app, post_form_from(&path, &good, ORIGIN, Some(&jorge))).await;
    assert_eq!(location(&reply), format!("{path}&aviso=trabajo-anadido"), "back to add another");
    let shown = page(&app, &format!("{path}&aviso=trabajo-anadido"), Some(&jorge)).await.body;
    assert!(shown.contains("Añadimos el trabajo") && shown.contains("desde marzo de 2020 (hasta hoy)"), "{shown}");
    let job = state.store.seeker(id).await.unwrap().unwrap().experience[0].clone();
    assert!(shown.contains(&format!(r#"name="quitar" value="{}""#, job.id)));
    let profile = page(&app, &format!("/persona/{id}"), Some(&jorge)).await.body;
    assert!(profile.contains("Cajera") && profile.contains("1 trabajo"), "on the profile and in its steps");

    // Certificates, the next step.
    let certificates = format!("/mi-perfil/certificados?persona={id}");
    let future = serde_urlencoded::to_string([
        ("certificado", "Operaria de limpieza"),
        ("entidad", "Ministerio de Trabajo"),
        ("fecha", "01"),
        ("fecha-anio", "2999"),
    ])
    .unwrap();
    let reply = send(&app, post_form_from(&certificates, &future, ORIGIN, Some(&jorge))).await;
    assert!(reply.body.contains("Esa fecha todavía no llega"), "{}", reply.body);
    let good = future.replace("2999", "2021");
    let reply = send(&app, post_form_from(&certificates, &good, ORIGIN, Some(&jorge))).await;
    assert_eq!(location(&reply), format!("{certificates}&aviso=certificado-anadido"));
    let shown = page(&app, &certificates, Some(&jorge)).await.body;
    assert!(shown.contains("Lo dio Ministerio de Trabajo en enero de 2021"), "{shown}");

    // Taken out by its button; another centre's counsellor can do nothing of it.
    let elsewhere = counsellor_of(&state, "ana@arequipa.pe", other_centre(&state).await).await;
    let remove = format!("quitar={}", job.id);
    assert_eq!(
        send(&app, post_form_from(&path, &remove, ORIGIN, Some(&elsewhere))).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(page(&app, &path, Some(&elsewhere)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(state.store.seeker(id).await.unwrap().unwrap().experience.len(), 1);
    let reply = send(&app, post_form_from(&path, &remove, ORIGIN, Some(&jorge))).await;
    assert_eq!(location(&reply), format!("{path}&aviso=trabajo-quitado"));
    assert!(state.store.seeker(id).await.unwrap().unwrap().experience.is_empty());

    db.cleanup().await;
}

#[tokio::test]
async fn the_details_are_changed_later_by_the_person_or_their_counsellor_with_nothing_lost_on_a_mistake() {
    let (app, state, db) = app_with_state().await;
    let centre = state.store.list_centres().await.unwrap()[0].id;
    let jorge = counsellor_of(&state, "jorge@centro.pe", centre).await;
    let reply = send(&app, post_form_from("/personas/nueva", &registration(&[]), ORIGIN, Some(&jorge))).await;
    let id: i64 = location(&reply).trim_start_matches("/persona/").split('?').next().unwrap().parse().unwrap();
    let other = registration(&[("full_name", "Juan Mamani"), ("document_number", "12345678")]);
    send(&app, post_form_from("/personas/nueva", &other, ORIGIN, Some(&jorge))).await;
    let path = format!("/mi-perfil/datos?persona={id}");

    // The form shows what the profile holds, as the first of the steps.
    let shown = page(&app, &path, Some(&jorge)).await;
    assert_eq!(shown.status, StatusCode::OK);
    assert!(shown.body.contains("Datos de Rosa Huamán Quispe") && shown.body.contains("Paso 1 de"), "{}", shown.body);
    assert!(input_tag(&shown.body, "district").contains(r#"value="Wanchaq""#));
    assert!(shown.body.contains(r#"<option value="secondary" selected"#), "{}", shown.body);
    let profile = page(&app, &format!("/persona/{id}"), Some(&jorge)).await.body;
    assert!(profile.contains(&format!(r#"href="/mi-perfil/datos?persona={id}""#)), "linked from the profile");

    // A mistake is said on its field and everything typed comes back; nothing changes.
    let moved = [("district", "Santiago"), ("phone", "984 000 111"), ("skills", "cocina, Excel")];
    let mut bad = moved.to_vec();
    bad.push(("email", "rosa@"));
    let reply = send(&app, post_form_from(&path, &registration(&bad), ORIGIN, Some(&jorge))).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains(r##"href="#email""##), "{}", reply.body);
    assert!(input_tag(&reply.body, "district").contains(r#"value="Santiago""#), "typed value kept");
    assert_eq!(state.store.seeker(id).await.unwrap().unwrap().personal.district, "Wanchaq");

    // Another person's document: said on the field, nothing told about them, nothing changed.
    let taken = registration(&[("document_number", "1234 5678")]);
    let reply = send(&app, post_form_from(&path, &taken, ORIGIN, Some(&jorge))).await;
    assert!(reply.body.contains("Ese documento ya es de otra persona del registro"), "{}", reply.body);
    assert!(!reply.body.contains("Juan"));
    assert_eq!(state.store.seeker(id).await.unwrap().unwrap().personal.document.number(), "45678912");

    // Saved: on to the next step, with the notice; the profile says the new details.
    let reply = send(&app, post_form_from(&path, &registration(&moved), ORIGIN, Some(&jorge))).await;
    assert_eq!(location(&reply), format!("/mi-perfil/idiomas?persona={id}&aviso=datos-guardados"));
    let profile = state.store.seeker(id).await.unwrap().unwrap();
    assert_eq!((profile.personal.district.as_str(), profile.personal.phone.as_str()), ("Santiago", "984 000 111"));
    let mut skills = profile.skills.clone();
    skills.sort();
    assert_eq!(skills, vec!["Excel".to_string(), "cocina".to_string()]);

    // Another centre's counsellor can neither see nor change them.
    let elsewhere = counsellor_of(&state, "ana@arequipa.pe", other_centre(&state).await).await;
    assert_eq!(page(&app, &path, Some(&elsewhere)).await.status, StatusCode::NOT_FOUND);
    let hijack = registration(&[("district", "Lejos")]);
    assert_eq!(
        send(&app, post_form_from(&path, &hijack, ORIGIN, Some(&elsewhere))).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(state.store.seeker(id).await.unwrap().unwrap().personal.district, "Santiago");
    db.cleanup().await;
}
