//! Applying, by the person or their counsellor, the employer's moves, and what is left when a profile goes.

use super::*;

#[tokio::test]
async fn a_seeker_applies_the_employer_sees_what_consent_allows_and_moves_it_and_the_seeker_reads_each_step() {
    use ConsentKind::*;
    let (app, state, db) = app_with_state().await;
    let b = board(&state).await;
    let rosa =
        person(&state, "rosa@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    let seeker = registered(&state, Some(&rosa), b.centre, "45678912", &[Register, DisabilityData]).await;
    let cookie = session_cookie_for(&state, &rosa).await;
    let apply = format!("/postular?vacante={}", b.vacancy);

    let vacancy_page = page(&app, &format!("/vacante/{}", b.vacancy), &cookie).await.body;
    assert!(vacancy_page.contains(&format!(r#"href="{apply}""#)), "the vacancy page leads to the form");
    let form = page(&app, &apply, &cookie).await.body;
    assert!(form.contains(&format!(r#"<form method="post" action="{apply}""#)), "{form}");
    assert!(input_tag(&form, "interview-sign_interpreter_interview").contains("checked"), "prefilled from the profile");
    assert!(form.contains("(la empresa lo ofrece)"));
    assert!(input_tag(&form, "share-si").contains(r#"type="checkbox""#), "the share consent is asked for");

    // Without the consent to share the profile, nothing is sent and what was typed stays.
    let message = "Trabajé dos años en un almacén. <b>Gracias</b>";
    let fields = [("message", message), ("interview", "sign_interpreter_interview")];
    let reply = post(&app, &apply, &fields, &cookie).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("marca que das permiso para compartir el perfil"));
    assert!(reply.body.contains("Trabajé dos años en un almacén. &lt;b&gt;Gracias&lt;/b&gt;"));
    assert!(state.store.seeker_applications(seeker).await.unwrap().is_empty());
    // A tampered accommodation is refused on its field.
    let reply = post(&app, &apply, &[("share", "si"), ("interview", "teleportation")], &cookie).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(state.store.seeker_applications(seeker).await.unwrap().is_empty());

    let with_share = [fields[0], fields[1], ("share", "si")];
    let reply = post(&app, &apply, &with_share, &cookie).await;
    assert_eq!(location(&reply), "/mis-postulaciones?aviso=postulacion-enviada", "{}", reply.body);
    assert!(state.store.consents_in_force(seeker).await.unwrap().has(ShareWithEmployers), "given with the form");
    let reply = post(&app, &apply, &with_share, &cookie).await;
    assert_eq!(location(&reply), "/mis-postulaciones?aviso=ya-postulaste", "never twice");
    assert_eq!(state.store.seeker_applications(seeker).await.unwrap().len(), 1);
    let again = page(&app, &apply, &cookie).await.body;
    assert!(again.contains("Ya se postuló a esta vacante") && !again.contains(r#"name="message""#));
    let mine = page(&app, "/mis-postulaciones", &cookie).await.body;
    assert!(mine.contains("Auxiliar de almacén") && mine.contains("Estado: Enviada"), "{mine}");

    // Another company's employer: not found, page and move alike.
    let id = state.store.seeker_applications(seeker).await.unwrap()[0].id;
    let applicants = format!("/postulantes?vacante={}", b.vacancy);
    assert_eq!(page(&app, &applicants, &b.other_employer).await.status, StatusCode::NOT_FOUND);
    let id_text = id.to_string();
    let probe = [("id", id_text.as_str()), ("from", "submitted"), ("to", "interview")];
    assert_eq!(post(&app, &applicants, &probe, &b.other_employer).await.status, StatusCode::NOT_FOUND);
    assert_eq!(post(&app, &applicants, &probe, &cookie).await.status, StatusCode::NOT_FOUND);
    assert_eq!(state.store.application(id).await.unwrap().unwrap().status, ApplicationStatus::Submitted);

    // The employer: the profile and the interpreter needed, not the kind of disability (not
    // disclosed), the message as text; and the look is recorded for Rosa.
    let lsp = senda::seekers::SpokenLanguage {
        language: senda::seekers::Language::PeruvianSignLanguage,
        level: senda::seekers::LanguageLevel::Native,
    };
    assert!(state.store.save_languages(seeker, &[lsp], 1_700_000_200).await.unwrap());
    let seen = page(&app, &applicants, &b.employer).await.body;
    assert!(seen.contains("Rosa Huamán Quispe") && seen.contains("984123456"), "{seen}");
    assert!(seen.contains("Lengua de señas peruana (LSP) (lengua materna)"), "the employer can prepare");
    assert!(seen.contains("Intérprete de lengua de señas en la entrevista"));
    assert!(!seen.contains("Auditiva"), "the kind of disability stays with Rosa");
    assert!(seen.contains("&lt;b&gt;Gracias&lt;/b&gt;"));
    let looks = state.store.sensitive_accesses(seeker).await.unwrap();
    assert_eq!((looks.len(), looks[0].purpose.as_str(), looks[0].viewer_name.as_str()), (1, "application", "carmen"));

    // Moves: only forward from where it is; a stale form changes nothing; the note reaches Rosa.
    let note = format!("note-{id}");
    let to_interview = [probe[0], probe[1], probe[2], (note.as_str(), "Lunes 9:00, con intérprete.")];
    let reply = post(&app, &applicants, &to_interview, &b.employer).await;
    assert_eq!(location(&reply), format!("{applicants}&aviso=postulacion-estado"));
    let reply = post(&app, &applicants, &to_interview, &b.employer).await;
    assert_eq!(location(&reply), format!("{applicants}&aviso=postulacion-cambio"), "saw an old status");
    let backwards = [probe[0], ("from", "interview"), ("to", "submitted")];
    assert_eq!(post(&app, &applicants, &backwards, &b.employer).await.status, StatusCode::FORBIDDEN);
    let long = "x".repeat(1001);
    let too_long = [probe[0], ("from", "interview"), ("to", "offer"), (note.as_str(), long.as_str())];
    let reply = post(&app, &applicants, &too_long, &b.employer).await;
    assert!(reply.body.contains(&format!(r##"href="#{note}""##)), "said on the note");
    assert_eq!(state.store.application(id).await.unwrap().unwrap().status, ApplicationStatus::Interview);
    let mine = page(&app, "/mis-postulaciones", &cookie).await.body;
    assert!(mine.contains("Estado: Entrevista") && mine.contains("La empresa quiere una entrevista"));
    assert!(mine.contains("Lunes 9:00, con intérprete."));

    // Rosa withdraws; then it is final for everyone.
    let reply = post(&app, "/postulaciones/retirar", &[("id", &id_text)], &cookie).await;
    assert_eq!(location(&reply), "/mis-postulaciones?aviso=postulacion-retirada");
    assert_eq!(state.store.application(id).await.unwrap().unwrap().status, ApplicationStatus::Withdrawn);
    let reply = post(&app, "/postulaciones/retirar", &[("id", &id_text)], &cookie).await;
    assert_eq!(location(&reply), "/mis-postulaciones?aviso=postulacion-cambio");
    let employer_view = page(&app, &applicants, &b.employer).await.body;
    assert!(employer_view.contains("Estado: Retirada") && !employer_view.contains("Guardar estado"));
    // Someone else cannot withdraw hers.
    assert_eq!(
        post(&app, "/postulaciones/retirar", &[("id", &id_text)], &b.employer).await.status,
        StatusCode::NOT_FOUND
    );

    // A vacancy past its closing date takes no more.
    let closed = page(&app, &format!("/postular?vacante={}", b.closed_vacancy), &cookie).await.body;
    assert!(closed.contains("Esta vacante ya no recibe postulaciones") && !closed.contains(r#"name="message""#));
    let reply = post(&app, &format!("/postular?vacante={}", b.closed_vacancy), &with_share, &cookie).await;
    assert_eq!(location(&reply), format!("/postular?vacante={}", b.closed_vacancy));
    assert_eq!(state.store.seeker_applications(seeker).await.unwrap().len(), 1);
    db.cleanup().await;
}

#[tokio::test]
async fn a_counsellor_applies_for_a_person_only_when_the_person_lets_them_act_for_them() {
    use ConsentKind::*;
    let (app, state, db) = app_with_state().await;
    let b = board(&state).await;
    let grant = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(b.centre) };
    let counsellor = session_cookie_for(&state, &person(&state, "jorge@centro.pe", grant).await).await;
    let without = registered(&state, None, b.centre, "45678912", &[Register, ShareWithEmployers]).await;
    let rosa =
        person(&state, "rosa@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    let with = registered(&state, Some(&rosa), b.centre, "12345678", &[Register, CounsellorActs, DisabilityData]).await;

    let refused = format!("/postular?vacante={}&persona={without}", b.vacancy);
    assert_eq!(page(&app, &refused, &counsellor).await.status, StatusCode::NOT_FOUND);
    assert_eq!(post(&app, &refused, &[("share", "si")], &counsellor).await.status, StatusCode::NOT_FOUND);
    let profile = page(&app, &format!("/persona/{without}"), &counsellor).await.body;
    assert!(profile.contains("no dio permiso para que su consejero o consejera actúe por ella"));

    // Consent to share comes from the person: the counsellor says she agreed, with no signed
    // sheet, so it waits for her and the application goes without her profile.
    let apply = format!("/postular?vacante={}&persona={with}", b.vacancy);
    let form = page(&app, &apply, &counsellor).await.body;
    assert!(form.contains("Postulas en nombre de Rosa Huamán Quispe"), "{form}");
    assert!(form.contains("Solo la persona puede dar este permiso") && form.contains(r#"name="sheet""#), "{form}");
    let fields = [("share", "si"), ("interview", "sign_interpreter_interview"), ("message", "")];
    let reply = post(&app, &apply, &fields, &counsellor).await;
    assert_eq!(location(&reply), format!("/persona/{with}?aviso=postulacion-sin-perfil"), "{}", reply.body);
    let made = &state.store.seeker_applications(with).await.unwrap()[0];
    assert_eq!(made.applied_by_counsellor.as_deref(), Some("jorge"));
    let history = state.store.consent_history(with).await.unwrap();
    let share = history.iter().find(|c| c.kind == ShareWithEmployers).unwrap();
    assert!(share.awaits_person() && share.recorded_by == RecordedBy::OnBehalf, "{share:?}");
    assert!(!state.store.consents_in_force(with).await.unwrap().has(ShareWithEmployers));
    let logged = audit_log(&state).await;
    assert!(logged.iter().any(|(action, _, _, detail)| action == "person_consent_recorded"
        && detail.contains("awaiting the person")), "{logged:?}");
    // She is told, with where to give it; the employer sees an application without a person.
    let asked = state.store.mail_to("rosa@example.pe").await.unwrap();
    let asked = &asked.last().expect("a message to the person").body;
    assert!(
        asked.contains("jorge") && asked.contains("Auxiliar de almacén") && asked.contains("/mi-perfil"),
        "{asked}"
    );
    let applicants = format!("/postulantes?vacante={}", b.vacancy);
    let employer_view = page(&app, &applicants, &b.employer).await.body;
    assert!(employer_view.contains("aún no dio el permiso") && !employer_view.contains("Rosa"), "{employer_view}");
    // Her page says it waits for her; giving it herself lets the employer read her.
    let rosa_cookie = session_cookie_for(&state, &rosa).await;
    let mine = page(&app, "/mi-perfil", &rosa_cookie).await.body;
    assert!(mine.contains("tu consejera lo pidió por ti"), "{mine}");
    let give = [("kind", "share_with_employers"), ("action", "dar")];
    assert_eq!(post(&app, "/mi-perfil/permisos", &give, &rosa_cookie).await.status, StatusCode::SEE_OTHER);
    assert!(state.store.consents_in_force(with).await.unwrap().has(ShareWithEmployers));
    let employer_view = page(&app, &applicants, &b.employer).await.body;
    assert!(employer_view.contains("Rosa Huamán Quispe"), "{employer_view}");

    // Marked as made for the person, to the person's page and to the employer.
    let profile = page(&app, &format!("/persona/{with}"), &counsellor).await.body;
    assert!(profile.contains("Auxiliar de almacén") && profile.contains("Postulación enviada por jorge"));
    assert!(employer_view.contains("Postulación enviada por jorge, de su centro de empleo, en nombre de la persona"));
    let reply = post(&app, "/postulaciones/retirar", &[("id", &made.id.to_string())], &counsellor).await;
    assert_eq!(location(&reply), format!("/persona/{with}?aviso=postulacion-retirada"));

    // Signed on the consent sheet: it holds at once. The sheet alone, without her word, is
    // said on the field with what was typed kept.
    let signed = registered(&state, None, b.centre, "45678913", &[Register, CounsellorActs]).await;
    let apply = format!("/postular?vacante={}&persona={signed}", b.vacancy);
    let reply = post(&app, &apply, &[("sheet", "si"), ("message", "Puede empezar ya.")], &counsellor).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body.contains("Marca también que la persona da el permiso") && reply.body.contains("Puede empezar ya.")
    );
    assert!(state.store.seeker_applications(signed).await.unwrap().is_empty(), "nothing stored");
    let reply = post(&app, &apply, &[("share", "si"), ("sheet", "si"), ("message", "")], &counsellor).await;
    assert_eq!(location(&reply), format!("/persona/{signed}?aviso=postulacion-enviada"), "{}", reply.body);
    let share = state.store.consent_history(signed).await.unwrap().into_iter().find(|c| c.kind == ShareWithEmployers);
    assert_eq!(share.map(|c| c.recorded_by), Some(RecordedBy::Counsellor));
    assert!(state.store.consents_in_force(signed).await.unwrap().has(ShareWithEmployers));
    db.cleanup().await;
}

#[tokio::test]
async fn a_person_downloads_everything_kept_about_them_and_deleting_the_profile_leaves_employers_a_nameless_withdrawal()
{
    use ConsentKind::*;
    let (app, state, db) = app_with_state().await;
    let b = board(&state).await;
    let rosa =
        person(&state, "rosa@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    const PASSWORD: &str = "cuidado con el perro azul";
    let hash = state.passwords.hash(PASSWORD).await.unwrap();
    state.store.set_password_hash(rosa.account_id, &hash).await.unwrap();
    let seeker =
        registered(&state, Some(&rosa), b.centre, "45678912", &[Register, DisabilityData, CounsellorActs]).await;
    let cookie = session_cookie_for(&state, &rosa).await;
    let counsellor_grant = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(b.centre) };
    let counsellor = session_cookie_for(&state, &person(&state, "jorge@centro.pe", counsellor_grant).await).await;
    let apply = format!("/postular?vacante={}", b.vacancy);
    let fields = [
        ("message", "Trabajé dos años en un almacén."),
        ("interview", "sign_interpreter_interview"),
        ("disclose", "si"),
        ("share", "si"),
    ];
    assert_eq!(location(&post(&app, &apply, &fields, &cookie).await), "/mis-postulaciones?aviso=postulacion-enviada");
    let application = state.store.seeker_applications(seeker).await.unwrap()[0].id;
    let applicants = format!("/postulantes?vacante={}", b.vacancy);
    let note = format!("note-{application}");
    let moved = [("id", application.to_string()), ("from", "submitted".into()), ("to", "interview".into())];
    let mut moved: Vec<(&str, &str)> = moved.iter().map(|(k, v)| (*k, v.as_str())).collect();
    moved.push((note.as_str(), "Rosa, la esperamos el lunes."));
    assert_eq!(post(&app, &applicants, &moved, &b.employer).await.status, StatusCode::SEE_OTHER);
    let profile = format!("/persona/{seeker}");
    assert_eq!(
        post(&app, &profile, &[("case_note", "Busca medio tiempo.")], &counsellor).await.status,
        StatusCode::SEE_OTHER
    );

    assert_eq!(page(&app, &applicants, &b.employer).await.status, StatusCode::OK);
    assert_eq!(page(&app, &profile, &counsellor).await.status, StatusCode::OK);

    // What else she keeps: a saved search, and a report she made about a vacancy.
    let now = senda::server::auth::now();
    state
        .store
        .save_search(rosa.account_id, "q=almacen", "0123456789abcdef0123456789abcdef", now, 86_400)
        .await
        .unwrap();
    let reported =
        state.store.report_vacancy(b.vacancy, ReportReason::Scam, "Piden pagar.", Some(rosa.account_id), now);
    assert!(reported.await.unwrap());

    // The download, after her password: the account's data and the register's, her saved
    // searches and reports, times as ISO 8601 like the rest.
    let reply = post(&app, "/cuenta/mis-datos", &[("password", PASSWORD)], &cookie).await;
    assert_eq!(reply.status, StatusCode::OK);
    let data: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    let register = &data["register"];
    assert_eq!(register["profile"]["personal"]["full_name"], "Rosa Huamán Quispe");
    assert_eq!(register["profile"]["disability"]["types"][0], "hearing");
    let consents: Vec<&str> =
        register["consents"].as_array().unwrap().iter().map(|c| c["kind"].as_str().unwrap()).collect();
    assert!(consents.contains(&"Register") && consents.contains(&"ShareWithEmployers"), "{consents:?}");
    assert!(register["accesses"].as_array().unwrap().len() >= 2, "the employer's and the counsellor's looks");
    assert_eq!(register["applications"][0]["message"], "Trabajé dos años en un almacén.");
    assert_eq!(register["applications"][0]["events"][1]["note"], "Rosa, la esperamos el lunes.");
    assert_eq!(register["case_notes"][0]["body"], "Busca medio tiempo.");
    let given_at = register["consents"][0]["given_at"].as_str().unwrap();
    assert!(given_at.starts_with("2023-11-14T") && given_at.ends_with('Z'), "{given_at}");
    assert!(data["account"]["created_at"].is_string());
    assert_eq!(data["saved_searches"][0]["query"], "q=almacen");
    assert!(data["saved_searches"][0]["created_at"].as_str().is_some_and(|at| at.ends_with('Z')));
    assert!(!reply.body.contains("0123456789abcdef0123456789abcdef"), "never the secret of the stop link");
    assert_eq!(data["reports"][0]["vacancy_id"], b.vacancy);
    assert_eq!(
        (data["reports"][0]["reason"].as_str(), data["reports"][0]["details"].as_str()),
        (Some("Scam"), Some("Piden pagar."))
    );
    // Someone without a profile gets their account's data and no register part.
    let hash = state.passwords.hash(PASSWORD).await.unwrap();
    state.store.set_password_hash(b.employer_id, &hash).await.unwrap();
    let reply = post(&app, "/cuenta/mis-datos", &[("password", PASSWORD)], &b.employer).await;
    let theirs: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    assert!(theirs.get("register").is_none() && theirs["account"]["email"] == "carmen@andinos.pe");

    // Deleting: the counsellor has no way to; the person must tick and give their password.
    assert_eq!(post(&app, "/mi-perfil/borrar", &[("confirm", "si")], &counsellor).await.status, StatusCode::SEE_OTHER);
    assert!(state.store.seeker(seeker).await.unwrap().is_some(), "the counsellor has no profile: nothing happened");
    let form = page(&app, "/mi-perfil/borrar", &cookie).await.body;
    assert!(form.contains(r#"action="/mi-perfil/borrar""#) && form.contains("Entiendo que mi perfil se borra"));
    let reply = post(&app, "/mi-perfil/borrar", &[("password", PASSWORD)], &cookie).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains(r##"href="#confirm-si""##) && !reply.body.contains(PASSWORD), "said on the box");
    let reply = post(&app, "/mi-perfil/borrar", &[("confirm", "si"), ("password", "otra cosa")], &cookie).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains(r#"checked"#), "the tick is kept");
    assert!(state.store.seeker(seeker).await.unwrap().is_some(), "nothing deleted half-way");
    let reply = post(&app, "/mi-perfil/borrar", &[("confirm", "si"), ("password", PASSWORD)], &cookie).await;
    assert_eq!(location(&reply), "/mi-perfil?aviso=perfil-borrado");

    // Gone: the profile and all that was only hers; the employer keeps a nameless withdrawal.
    assert!(state.store.seeker(seeker).await.unwrap().is_none());
    assert!(state.store.seeker_of_account(rosa.account_id).await.unwrap().is_none());
    assert!(state.store.sensitive_accesses(seeker).await.unwrap().is_empty());
    assert!(state.store.case_notes(seeker).await.unwrap().is_empty());
    assert!(state.store.consent_history(seeker).await.unwrap().is_empty());
    let kept = state.store.application(application).await.unwrap().unwrap();
    assert_eq!((kept.seeker_id, kept.status, kept.message.as_str()), (None, ApplicationStatus::Withdrawn, ""));
    assert!(kept.needs_at_interview.is_empty() && !kept.disclose);
    assert!(kept.events.iter().all(|e| e.note.is_empty()), "{:?}", kept.events);
    let employer_view = page(&app, &applicants, &b.employer).await.body;
    assert!(!employer_view.contains("Rosa") && !employer_view.contains("984123456"), "{employer_view}");
    assert!(employer_view.contains("Estado: Retirada"));
    let mine = page(&app, "/mi-perfil?aviso=perfil-borrado", &cookie).await.body;
    assert!(mine.contains("Borramos tu perfil") && mine.contains(r#"name="full_name""#), "she may start again");
    let reply = post(&app, "/cuenta/mis-datos", &[("password", PASSWORD)], &cookie).await;
    let after: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    assert!(after.get("register").is_none());
    db.cleanup().await;
}
