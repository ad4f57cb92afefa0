//! The CV: made from the profile or uploaded as a PDF, and who may read it.

use super::*;

#[tokio::test]
async fn the_cv_reaches_the_person_their_centre_and_employers_they_applied_to_while_consent_stands() {
    use senda::seekers::history::{WorkExperience, YearMonth};
    use ConsentKind::*;
    let (app, state, db) = app_with_state().await;
    let b = board(&state).await;
    let rosa =
        person(&state, "rosa@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    let seeker =
        registered(&state, Some(&rosa), b.centre, "45678912", &[Register, DisabilityData, ShareWithEmployers]).await;
    let job = WorkExperience {
        id: 0,
        job_title: "Almacenera".into(),
        employer: "Distribuidora Sur".into(),
        started: YearMonth::new(2019, 4).unwrap(),
        ended: YearMonth::new(2023, 8),
        duties: "Recibir y despachar pedidos.".into(),
    };
    state.store.add_experience(seeker, &job, 1_700_000_200).await.unwrap();
    let cookie = session_cookie_for(&state, &rosa).await;

    // Her own: the history, how to reach her; never her document, birth date or disability.
    let own = page(&app, "/cv", &cookie).await;
    assert_eq!(own.status, StatusCode::OK);
    for shown in ["Rosa Huamán Quispe", "Almacenera", "abril de 2019 – agosto de 2023", "984123456", "Inventarios"] {
        assert!(own.body.contains(shown), "{shown}: {}", own.body);
    }
    for hidden in ["45678912", "1994-05-17", "Auditiva", "Intérprete"] {
        assert!(!own.body.contains(hidden), "{hidden} is not for a CV");
    }
    assert!(page(&app, "/mi-perfil", &cookie).await.body.contains(r#"href="/cv""#), "her profile leads to it");

    // The employer she applied to, from the applicants list; another company's, nothing.
    let id = applies_herself(&state, seeker, b.vacancy, &rosa).await;
    let cv = format!("/cv?postulacion={id}");
    let applicants = page(&app, &format!("/postulantes?vacante={}", b.vacancy), &b.employer).await.body;
    assert!(applicants.contains(&format!(r#"href="{cv}""#)), "{applicants}");
    let read = page(&app, &cv, &b.employer).await;
    assert!(read.status == StatusCode::OK && read.body.contains("Almacenera"));
    assert!(!read.body.contains("Auditiva") && !read.body.contains("45678912"));
    assert_eq!(page(&app, &cv, &b.other_employer).await.status, StatusCode::NOT_FOUND);
    assert_eq!(page(&app, &format!("/cv?persona={seeker}"), &b.employer).await.status, StatusCode::NOT_FOUND);

    // Her centre's counsellor; and when she withdraws consent to share, the employer loses it.
    let counsellor = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(b.centre) };
    let jorge = session_cookie_for(&state, &person(&state, "jorge@centro.pe", counsellor).await).await;
    assert_eq!(page(&app, &format!("/cv?persona={seeker}"), &jorge).await.status, StatusCode::OK);
    state.store.revoke_consent(seeker, ShareWithEmployers, senda::server::auth::now()).await.unwrap();
    assert_eq!(page(&app, &cv, &b.employer).await.status, StatusCode::NOT_FOUND);
    db.cleanup().await;
}

#[tokio::test]
async fn an_uploaded_cv_must_be_a_pdf_reaches_the_cvs_readers_and_goes_with_the_profile() {
    use ConsentKind::*;
    let (app, state, db) = app_with_state().await;
    let b = board(&state).await;
    let rosa =
        person(&state, "rosa@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    let hash = state.passwords.hash("cuidado con el perro azul").await.unwrap();
    state.store.set_password_hash(rosa.account_id, &hash).await.unwrap();
    let seeker = registered(&state, Some(&rosa), b.centre, "45678912", &[Register, ShareWithEmployers]).await;
    let cookie = session_cookie_for(&state, &rosa).await;
    let file =
        |bytes: &'static [u8]| Part::File { name: "cv", file_name: "cv.pdf", content_type: "application/pdf", bytes };

    // Named .pdf, said to be a PDF, but not one: refused on the field, nothing kept.
    let reply = send(&app, post_multipart("/mi-perfil/cv-pdf", &[file(b"GIF89a not a pdf")], &cookie)).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body.contains("Ese archivo no es un PDF") && reply.body.contains(r##"href="#cv""##),
        "{}",
        reply.body
    );
    let mut large = b"%PDF-1.7\n".to_vec();
    large.resize(5 * 1024 * 1024 + 1, b' ');
    let large = Box::leak(large.into_boxed_slice());
    let reply = send(&app, post_multipart("/mi-perfil/cv-pdf", &[file(large)], &cookie)).await;
    assert!(reply.body.contains("El archivo pesa más de 5.0 MB"), "{}", reply.body);
    assert!(state.store.seeker(seeker).await.unwrap().unwrap().cv_file.is_none());
    assert!(kept_files(&db).is_empty());

    // A PDF is kept; she and the employer she applied to download it; another company cannot.
    let pdf: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
    let reply = send(&app, post_multipart("/mi-perfil/cv-pdf", &[file(pdf)], &cookie)).await;
    assert_eq!(location(&reply), "/mi-perfil/cv-pdf?aviso=cv-guardado");
    let own = page(&app, "/cv.pdf", &cookie).await;
    assert_eq!((own.status, own.raw.as_slice()), (StatusCode::OK, pdf));
    assert_eq!(own.headers[header::CONTENT_TYPE], "application/pdf");
    assert!(own.headers[header::CONTENT_DISPOSITION].to_str().unwrap().starts_with("attachment"));
    assert!(page(&app, "/cv", &cookie).await.body.contains(r#"href="/cv.pdf""#));
    let id = applies_herself(&state, seeker, b.vacancy, &rosa).await;
    let theirs = format!("/cv.pdf?postulacion={id}");
    assert_eq!(page(&app, &theirs, &b.employer).await.raw, pdf);
    assert_eq!(page(&app, &theirs, &b.other_employer).await.status, StatusCode::NOT_FOUND);
    assert_eq!(page(&app, &format!("/cv.pdf?persona={seeker}"), &b.employer).await.status, StatusCode::NOT_FOUND);

    // A new one replaces it (the old file goes); taking it out leaves none.
    let newer: &[u8] = b"%PDF-1.7\n% la version nueva\n%%EOF\n";
    send(&app, post_multipart("/mi-perfil/cv-pdf", &[file(newer)], &cookie)).await;
    assert_eq!(page(&app, "/cv.pdf", &cookie).await.raw, newer);
    assert_eq!(kept_files(&db).len(), 1, "the replaced file is deleted");
    let reply = send(&app, post_form_from("/mi-perfil/cv-pdf/quitar", "", ORIGIN, Some(&cookie))).await;
    assert_eq!(location(&reply), "/mi-perfil/cv-pdf?aviso=cv-quitado");
    assert_eq!(page(&app, "/cv.pdf", &cookie).await.status, StatusCode::NOT_FOUND);
    assert!(kept_files(&db).is_empty());

    // Deleting the profile deletes the file too.
    send(&app, post_multipart("/mi-perfil/cv-pdf", &[file(pdf)], &cookie)).await;
    assert_eq!(kept_files(&db).len(), 1);
    let reply =
        post(&app, "/mi-perfil/borrar", &[("confirm", "si"), ("password", "cuidado con el perro azul")], &cookie).await;
    assert_eq!(location(&reply), "/mi-perfil?aviso=perfil-borrado", "{}", reply.body);
    assert!(kept_files(&db).is_empty(), "the file went with the profile");
    db.cleanup().await;
}
