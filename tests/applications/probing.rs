//! A person's real records, asked for by id by people outside them: another company's
//! employer, an unverified company's employer, another centre's counsellor and another job
//! seeker each ask for the person's page, CV, CV file, disability form, consent sheet, case
//! file, applications and the applicants of the vacancy she applied to — as pages, files and
//! server functions — and post the forms that would change them, and get exactly what a
//! record that does not exist gets, holding nothing of her and changing nothing.

use super::*;

#[tokio::test]
async fn a_persons_records_answer_outsiders_as_if_they_did_not_exist() {
    use ConsentKind::*;
    let (app, state, db) = app_with_state().await;
    let b = board(&state).await;
    let rosa =
        person(&state, "rosa@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    let seeker = registered(
        &state,
        Some(&rosa),
        b.centre,
        "45678912",
        &[Register, DisabilityData, ShareWithEmployers, CounsellorActs],
    )
    .await;
    let application = applies_asking(&state, seeker, b.vacancy, &rosa, true).await;
    let cookie = session_cookie_for(&state, &rosa).await;
    let pdf: &[u8] = b"%PDF-1.4\n% el cv de Rosa\n%%EOF\n";
    let file = Part::File { name: "cv", file_name: "cv.pdf", content_type: "application/pdf", bytes: pdf };
    let sent = send(&app, post_multipart("/mi-perfil/cv-pdf", &[file], &cookie)).await;
    assert_eq!(location(&sent), "/mi-perfil/cv-pdf?aviso=cv-guardado");

    let unverified = state
        .store
        .insert_company(&NewCompany {
            legal_name: "Nueva Empresa S.A.C.".into(),
            ruc: Ruc::parse("20601122333").unwrap(),
            sector: "Logística".into(),
            region: Region::parse("cusco").unwrap(),
            verified: false,
        })
        .await
        .unwrap();
    let elsewhere = second_centre(&state).await;
    let cookie_of = |email: &'static str, grant: RoleGrant| {
        let state = state.clone();
        async move { session_cookie_for(&state, &person(&state, email, grant).await).await }
    };
    let probers = [
        ("another company's employer", b.other_employer.clone()),
        (
            "an unverified company's employer",
            cookie_of(
                "nadia@nueva.pe",
                RoleGrant { role: Role::Employer, company_id: Some(unverified), centre_id: None },
            )
            .await,
        ),
        (
            "another centre's counsellor",
            cookie_of(
                "ana@puno.pe",
                RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(elsewhere) },
            )
            .await,
        ),
        (
            "another job seeker",
            cookie_of("lucia@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await,
        ),
    ];

    let vacancy = b.vacancy;
    let pages = |seeker: i64, application: i64, vacancy: i64| {
        [
            format!("/persona/{seeker}"),
            format!("/cv?persona={seeker}"),
            format!("/cv?postulacion={application}"),
            format!("/cv.pdf?persona={seeker}"),
            format!("/cv.pdf?postulacion={application}"),
            format!("/personas/discapacidad?id={seeker}"),
            format!("/personas/hoja?id={seeker}"),
            format!("/personas/resultado?id={seeker}"),
            format!("/personas/resultado?id={seeker}&postulacion={application}"),
            format!("/postular?vacante={vacancy}&persona={seeker}"),
            format!("/recomendadas?persona={seeker}"),
            format!("/mi-perfil/datos?persona={seeker}"),
            format!("/postulantes?vacante={vacancy}"),
        ]
    };
    let asks = |seeker: i64, application: i64, vacancy: i64| {
        let mut asks: Vec<Ask> = pages(seeker, application, vacancy).into_iter().map(Ask::Page).collect();
        asks.extend([
            Ask::Function("/api/seekers/view", format!("id={seeker}")),
            Ask::Function("/api/seekers/cv", format!("seeker={seeker}")),
            Ask::Function("/api/seekers/cv", format!("application={application}")),
            Ask::Function("/api/seekers/disability", format!("id={seeker}")),
            Ask::Function("/api/seekers/consent-sheet", format!("id={seeker}")),
            Ask::Function("/api/seekers/step", format!("seeker={seeker}")),
            Ask::Function("/api/casework/case-file", format!("seeker={seeker}")),
            Ask::Function("/api/casework/outcome-form", format!("id={seeker}&application={application}")),
            Ask::Function("/api/applications/of-seeker", format!("seeker={seeker}")),
            Ask::Function("/api/applications/form", format!("vacancy={vacancy}&seeker={seeker}")),
            Ask::Function("/api/applications/applicants", format!("vacancy={vacancy}")),
            Ask::Function("/api/matches/for", format!("seeker={seeker}")),
        ]);
        // Forms that would change her records.
        let post = |path: String, form: &str| Ask::Post(path, form.to_string());
        asks.extend([
            post(format!("/persona/{seeker}"), "case_note=Nota+de+otra+persona"),
            post(format!("/personas/resultado?id={seeker}"), "kind=closed&reason=moved"),
            post(format!("/personas/resultado?id={seeker}&postulacion={application}"), "kind=closed&reason=moved"),
            post(format!("/personas/discapacidad?id={seeker}"), "conadis=&types=visual"),
            post(format!("/personas/hoja?id={seeker}"), ""),
            post(format!("/mi-perfil/datos?persona={seeker}"), "full_name=Otra+Persona"),
            post(format!("/mi-perfil/idiomas?persona={seeker}"), "idioma-es=native"),
            post(format!("/mi-perfil/experiencia?persona={seeker}"), "puesto=Cajero"),
            post(format!("/mi-perfil/certificados?persona={seeker}"), "quitar=1"),
            post(format!("/mi-perfil/cv-pdf/quitar?persona={seeker}"), ""),
            post(format!("/postular?vacante={vacancy}&persona={seeker}"), "message=Hola&share=si&sheet=si"),
            post("/postulaciones/retirar".into(), &format!("id={application}")),
            post("/postulantes".into(), &format!("id={application}&from=submitted&to=seen")),
        ]);
        asks
    };
    // What of her could leak: her name, document, phone, message, disability and CV file.
    let secrets = ["Rosa Huamán", "45678912", "984123456", "Tengo experiencia en almacenes", "Auditiva", "%PDF"];
    let (real, none) = (asks(seeker, application, vacancy), asks(999_999, 999_999, 999_999));
    let mut leaks = Vec::new();
    for (who, cookie) in &probers {
        leaks.extend(outsider_leaks(&app, who, cookie, &real, &none, &secrets).await);
    }
    assert!(leaks.is_empty(), "{}", leaks.join("\n"));
    // And nothing of hers changed.
    let store = state.store.as_ref();
    let profile = store.seeker(seeker).await.unwrap().unwrap();
    assert_eq!(profile.personal.full_name, "Rosa Huamán Quispe");
    assert_eq!(profile.disability.unwrap().types, ["hearing"]);
    assert!(profile.cv_file.is_some() && profile.languages.is_empty() && profile.experience.is_empty());
    assert_eq!(store.application(application).await.unwrap().unwrap().status, ApplicationStatus::Submitted);
    assert_eq!(store.seeker_applications(seeker).await.unwrap().len(), 1);
    assert!(store.case_notes(seeker).await.unwrap().is_empty() && store.outcomes(seeker).await.unwrap().is_empty());

    // Her own centre's counsellor and the employer she applied to do read them: the addresses
    // above are the right ones.
    let counsellor = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(b.centre) };
    let jorge = session_cookie_for(&state, &person(&state, "jorge@centro.pe", counsellor).await).await;
    for path in &pages(seeker, application, vacancy)[..3] {
        assert_eq!(page(&app, path, &jorge).await.status, StatusCode::OK, "{path}");
    }
    let cv = page(&app, &format!("/cv.pdf?postulacion={application}"), &b.employer).await;
    assert_eq!(cv.raw, pdf);
    db.cleanup().await;
}
