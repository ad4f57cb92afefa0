//! Disability data: who may write and read it, under which consents, and the record of each look.

use super::*;

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
