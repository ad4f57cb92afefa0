//! The rest of a profile, kept by the person or the counsellor acting for them: languages, work history, details.

use super::*;

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

/// A profile page loads its parts (applications, case file) beside the profile; made inside
/// the profile's `<Suspense>` instead, one answer in some hundreds never ended (seen in the
/// browser tests: the page never came). Many readers at once, each answer whole and in time.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_profile_page_always_finishes_with_many_readers_at_once() {
    let (app, state, db) = app_with_state().await;
    let centre = state.store.list_centres().await.unwrap()[0].id;
    let jorge = counsellor_of(&state, "jorge@centro.pe", centre).await;
    let reply = send(&app, post_form_from("/personas/nueva", &registration(&[]), ORIGIN, Some(&jorge))).await;
    let id: i64 = location(&reply).trim_start_matches("/persona/").split('?').next().unwrap().parse().unwrap();
    let note = serde_urlencoded::to_string([("case_note", "Vino al centro.")]).unwrap();
    send(&app, post_form_from(&format!("/persona/{id}"), &note, ORIGIN, Some(&jorge))).await;
    let path = format!("/persona/{id}");
    let mut readers = tokio::task::JoinSet::new();
    for _ in 0..16 {
        let (app, path, jorge) = (app.clone(), path.clone(), jorge.clone());
        readers.spawn(async move {
            for _ in 0..25 {
                let request = get(&path).header(header::COOKIE, &jorge).body(Body::empty()).unwrap();
                let whole = tokio::time::timeout(std::time::Duration::from_secs(20), async {
                    let response = tower::ServiceExt::oneshot(app.clone(), request).await.unwrap();
                    let status = response.status();
                    let body = http_body_util::BodyExt::collect(response.into_body()).await.unwrap().to_bytes();
                    (status, String::from_utf8_lossy(&body).into_owned())
                });
                let (status, body) = whole.await.expect("a profile page that never finished");
                assert_eq!(status, StatusCode::OK);
                let tail = &body[body.len().saturating_sub(300)..];
                assert!(body.contains("Rosa Huamán Quispe") && body.contains("Vino al centro."), "{tail}");
                // Leptos ends a whole answer with this, once nothing waits any more.
                assert!(body.trim_end().ends_with("__INCOMPLETE_CHUNKS=[];</script>"), "{tail}");
            }
        });
    }
    while let Some(done) = readers.join_next().await {
        done.unwrap();
    }
    db.cleanup().await;
}
