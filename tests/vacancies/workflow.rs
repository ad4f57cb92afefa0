//! A vacancy's way from an employer's draft to job seekers: forms, who may write, wording rules, reports.

use super::*;

#[tokio::test]
async fn a_vacancy_goes_from_an_employers_draft_to_seekers_and_back_off() {
    let (app, state, db) = app_with_state().await;
    let p = people(&state).await;
    let new = |cookie: &str, form: String| post_form_from("/vacantes/nueva", &form, ORIGIN, Some(cookie));

    // The form offers the employer's own company and the maintained accommodations list.
    let form_page = page(&app, "/vacantes/nueva", Some(&p.employer)).await;
    assert_eq!(form_page.status, StatusCode::OK);
    assert!(form_page.body.contains("Almacenes Andinos S.A.C.") && !form_page.body.contains("Otra Empresa"));
    assert!(form_page.body.contains("Intérprete de lengua de señas en la entrevista"));

    // Drafted and saved; not public yet.
    let saved = send(&app, new(&p.employer, vacancy_form(p.company, p.centre, &[]))).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert!(location(&saved).ends_with("?aviso=vacante-guardada"));
    let id = vacancy_id(&saved);
    let path = format!("/vacante/{id}");
    for cookie in [None, Some(p.seeker.as_str()), Some(p.other_employer.as_str())] {
        assert_eq!(page(&app, &path, cookie).await.status, StatusCode::NOT_FOUND, "a draft is not public");
    }
    let own = page(&app, &path, Some(&p.employer)).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(own.body.contains("Enviar a revisión") && !own.body.contains(">Publicar<"));

    // Submitted; only the centre's counsellor publishes or returns.
    assert_eq!(step(&app, &p.employer, id, "publicar", "").await.status, StatusCode::FORBIDDEN);
    assert_eq!(step(&app, &p.employer, id, "enviar", "").await.status, StatusCode::SEE_OTHER);
    // Someone else's draft is not found for them, exactly like one that does not exist.
    assert_eq!(step(&app, &p.other_employer, id, "cerrar", "").await.status, StatusCode::NOT_FOUND);
    assert_eq!(step(&app, &p.seeker, id, "publicar", "").await.status, StatusCode::NOT_FOUND);
    let edit = send(
        &app,
        post_form_from(
            &format!("/vacantes/editar?id={id}"),
            &vacancy_form(p.company, p.centre, &[]),
            ORIGIN,
            Some(&p.employer),
        ),
    )
    .await;
    assert!(location(&edit).ends_with("?aviso=vacante-estado"), "no edits while it is being reviewed");

    // Returned without a comment: refused on the field. With one: the employer reads it.
    let bare = step(&app, &p.counsellor, id, "devolver", "  ").await;
    assert_eq!(bare.status, StatusCode::CONFLICT);
    assert!(bare.body.contains("Escribe qué debe cambiar el empleador"), "{}", bare.body);
    let returned = step(&app, &p.counsellor, id, "devolver", "Indica el horario, por favor.").await;
    assert_eq!(returned.status, StatusCode::SEE_OTHER);
    assert!(page(&app, &path, Some(&p.employer)).await.body.contains("Indica el horario, por favor."));

    // Fixed, submitted again, published: now anyone can read it.
    let fixed = vacancy_form(p.company, p.centre, &[("requirements", "Secundaria completa.\nHorario: 8:00 a 17:00.")]);
    let edit =
        send(&app, post_form_from(&format!("/vacantes/editar?id={id}"), &fixed, ORIGIN, Some(&p.employer))).await;
    assert_eq!(edit.status, StatusCode::SEE_OTHER, "{}", edit.body);
    assert_eq!(step(&app, &p.employer, id, "enviar", "").await.status, StatusCode::SEE_OTHER);
    let published = step(&app, &p.counsellor, id, "publicar", "").await;
    assert!(location(&published).ends_with("?aviso=vacante-publicada"));
    let public = page(&app, &path, None).await;
    assert_eq!(public.status, StatusCode::OK);
    for text in
        ["Auxiliar de almacén", "Horario: 8:00 a 17:00.", "Acceso sin escalones", "De S/ 1,200 a S/ 1,500 al mes"]
    {
        assert!(public.body.contains(text), "the public page says {text}");
    }
    assert!(public.body.contains(r#""@type":"JobPosting""#), "schema.org JobPosting for search engines");
    assert!(!public.body.contains("Gestión de la vacante"), "the workflow is for its managers only");
    assert!(!public.body.contains("Indica el horario"), "the review comment is not public");
    let link = format!("href=\"/vacante/{id}\"");
    assert!(page(&app, "/empleos?q=auxiliar+almacen", None).await.body.contains(&link), "seekers find it");

    // Closed early by the employer: still readable, saying so; the history has every step.
    assert_eq!(step(&app, &p.employer, id, "cerrar", "").await.status, StatusCode::SEE_OTHER);
    assert!(page(&app, &path, None).await.body.contains("Esta vacante está cerrada"));
    assert!(!page(&app, "/empleos?q=auxiliar+almacen", None).await.body.contains(&link), "closed: not found");
    let history = state.store.vacancy_history(id).await.unwrap();
    let statuses: Vec<_> = history.iter().map(|e| e.to_status).collect();
    use VacancyStatus::*;
    assert_eq!(statuses, vec![Draft, Submitted, Returned, Submitted, Published, Closed]);
    db.cleanup().await;
}

#[tokio::test]
async fn a_failed_form_keeps_everything_typed_and_stores_nothing() {
    let (app, state, db) = app_with_state().await;
    let p = people(&state).await;
    let script = "</textarea><script>alert(1)</script> Ordenarás";
    let form = vacancy_form(p.company, p.centre, &[("title", ""), ("description", script), ("salary_max", "900")]);
    let reply = send(&app, post_form_from("/vacantes/nueva", &form, ORIGIN, Some(&p.employer))).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("Escribe el nombre del puesto"));
    assert!(reply.body.contains("El sueldo máximo no puede ser menor que el mínimo"));
    // Kept, as text: not even a closing tag typed into the box ends it.
    let kept = "&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt; Ordenarás";
    assert!(reply.body.contains(kept), "typed text kept, as text");
    assert!(!reply.body.contains("<script>alert(1)"));
    assert!(input_tag(&reply.body, "district").contains(r#"value="Wanchaq""#));
    assert!(input_tag(&reply.body, "accommodations-step_free_access").contains("checked"), "choices kept");
    assert!(!input_tag(&reply.body, "accommodations-quiet_workspace").contains("checked"));
    assert!(state.store.company_vacancies(p.company).await.unwrap().is_empty(), "nothing half-stored");
    db.cleanup().await;
}

#[tokio::test]
async fn nobody_writes_for_someone_elses_company_and_unverified_companies_cannot_submit() {
    let (app, state, db) = app_with_state().await;
    let p = people(&state).await;
    // A tampered company field is refused, not saved under the other company.
    let forged = vacancy_form(p.company, p.centre, &[]);
    let reply = send(&app, post_form_from("/vacantes/nueva", &forged, ORIGIN, Some(&p.other_employer))).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(state.store.company_vacancies(p.company).await.unwrap().is_empty());
    // Seekers may not write vacancies at all.
    assert_eq!(page(&app, "/vacantes/nueva", Some(&p.seeker)).await.status, StatusCode::FORBIDDEN);

    // An unverified company drafts, but cannot send it on until a centre verifies it.
    let form = vacancy_form(p.unverified_company, p.centre, &[]);
    let saved = send(&app, post_form_from("/vacantes/nueva", &form, ORIGIN, Some(&p.unverified_employer))).await;
    let id = vacancy_id(&saved);
    let refused = step(&app, &p.unverified_employer, id, "enviar", "").await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.body.contains("todavía no está verificada"));

    // A counsellor posts on a company's behalf, straight to publication.
    let markup = "Limpieza de oficinas. <img src=x onerror=alert(1)>";
    let title = "Operario de limpieza </title><i>x</i>";
    let form = vacancy_form(p.company, p.centre, &[("title", title), ("description", markup)]);
    let saved = send(&app, post_form_from("/vacantes/nueva", &form, ORIGIN, Some(&p.counsellor))).await;
    let id = vacancy_id(&saved);
    assert_eq!(step(&app, &p.counsellor, id, "publicar", "").await.status, StatusCode::SEE_OTHER);
    let public = page(&app, &format!("/vacante/{id}"), None).await;
    assert!(public.body.contains("&lt;img src=x onerror=alert(1)"), "typed markup is shown as text");
    assert!(!public.body.contains("<img src=x"));
    let bad: Vec<String> = public
        .body
        .match_indices("<i>x</i>")
        .map(|(at, _)| public.body[..at].chars().rev().take(60).collect::<String>())
        .collect();
    assert!(bad.is_empty(), "not in the title either: {bad:?}");
    let mine = page(&app, "/mis-vacantes", Some(&p.employer)).await;
    assert!(mine.body.contains("Operario de limpieza") && mine.body.contains("Publicada"));
    db.cleanup().await;
}

#[tokio::test]
async fn ads_asking_for_money_or_medical_reports_are_refused_and_exclusionary_wording_is_pointed_out() {
    let (app, state, db) = app_with_state().await;
    let p = people(&state).await;
    let asks = vacancy_form(p.company, p.centre, &[("requirements", "Adjuntar certificado médico y CV.")]);
    let refused = send(&app, post_form_from("/vacantes/nueva", &asks, ORIGIN, Some(&p.employer))).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Senda no publica esto: «certificado médico»"), "said on the field");
    assert!(refused.body.contains("Adjuntar certificado médico y CV."), "what was typed is kept");
    assert!(state.store.company_vacancies(p.company).await.unwrap().is_empty(), "nothing stored");

    let unfair = vacancy_form(p.company, p.centre, &[("requirements", "Buena presencia. Menor de 30 años.")]);
    let saved = send(&app, post_form_from("/vacantes/nueva", &unfair, ORIGIN, Some(&p.employer))).await;
    let id = vacancy_id(&saved);
    let own = page(&app, &format!("/vacante/{id}"), Some(&p.employer)).await;
    assert!(own.body.contains("Revisión de lenguaje inclusivo"));
    assert!(own.body.contains("«Buena presencia»") && own.body.contains("«Menor de 30 años»"));
    // Still the poster's choice: it can be submitted, and the counsellor sees the same notes.
    assert_eq!(step(&app, &p.employer, id, "enviar", "").await.status, StatusCode::SEE_OTHER);
    assert!(page(&app, &format!("/vacante/{id}"), Some(&p.counsellor)).await.body.contains("«Buena presencia»"));
    assert_eq!(step(&app, &p.counsellor, id, "publicar", "").await.status, StatusCode::SEE_OTHER);
    assert!(!page(&app, &format!("/vacante/{id}"), None).await.body.contains("Revisión de lenguaje inclusivo"));
    db.cleanup().await;
}

#[tokio::test]
async fn anyone_reports_a_published_vacancy_and_the_centres_counsellor_reviews_the_report() {
    let (app, state, db) = app_with_state().await;
    let p = people(&state).await;
    let saved = send(
        &app,
        post_form_from("/vacantes/nueva", &vacancy_form(p.company, p.centre, &[]), ORIGIN, Some(&p.counsellor)),
    )
    .await;
    let id = vacancy_id(&saved);
    let path = format!("/vacante/{id}");
    let report = |form: String| post_form_from("/vacantes/reportar", &form, ORIGIN, None);
    // Not public yet: nothing to report.
    let early = send(&app, report(format!("vacancy={id}&reason=scam"))).await;
    assert_eq!(early.status, StatusCode::NOT_FOUND);
    assert_eq!(step(&app, &p.counsellor, id, "publicar", "").await.status, StatusCode::SEE_OTHER);
    assert!(page(&app, &path, None).await.body.contains("Reportar esta vacante"));

    // Without a reason: the vacancy's page again, the report open, what was typed kept.
    let bare = send(&app, report(format!("vacancy={id}&reason=&details=Piden+dinero"))).await;
    assert_eq!(bare.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bare.body.contains("Elige qué pasa con la vacante") && bare.body.contains("Piden dinero</textarea>"));
    let details = bare
        .body
        .split("<details")
        .find(|rest| rest.contains("app-report\""))
        .and_then(|rest| rest.split('>').next())
        .unwrap_or("");
    assert!(details.contains("open"), "the report form is open: <details{details}>");

    let sent = send(&app, report(format!("vacancy={id}&reason=scam&details=Piden+pagar+un+curso"))).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    assert!(location(&sent).ends_with("?aviso=vacante-reportada"));

    // The centre's counsellor sees it and marks it reviewed; an employer cannot.
    let mine = page(&app, "/mis-vacantes", Some(&p.counsellor)).await;
    assert!(mine.body.contains("Piden pagar un curso") && mine.body.contains("Pide dinero o parece una estafa"));
    let report_id = state.store.open_reports(p.centre).await.unwrap()[0].id;
    let resolve = |cookie: &str| {
        post_form_from("/vacantes/reportes/revisado", &format!("report={report_id}"), ORIGIN, Some(cookie))
    };
    assert_eq!(send(&app, resolve(&p.employer)).await.status, StatusCode::FORBIDDEN);
    let done = send(&app, resolve(&p.counsellor)).await;
    assert!(location(&done).ends_with("?aviso=reporte-revisado"));
    assert!(state.store.open_reports(p.centre).await.unwrap().is_empty());
    db.cleanup().await;
}
