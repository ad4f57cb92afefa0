//! A template in use, through the real router and without JavaScript: the vacancy's employer
//! chooses the template its interviews follow; on an applicant's record they score and note
//! each section, a bad score or an over-long note refused on its field with what was typed kept
//! and nothing stored; the candidate's counsellor reads it; the candidate, once called to the
//! interview, prepares from the questions (never the interviewer's guide) and may ask to read
//! the record — the company is told once — and then reads it in words, never a number. Another
//! company's employer and anyone else learn nothing.

use super::national_template;
use crate::applications::{applies_asking, board, registered};
use crate::common;
use axum::http::StatusCode;
use common::web::*;
use common::web::{page_as as page, post_as as post};
use senda::accounts::{Role, RoleGrant};
use senda::applications::store::Move;
use senda::applications::{ApplicationStatus, Side};
use senda::seekers::consent::ConsentKind::*;

#[tokio::test]
async fn an_employer_keeps_an_interview_record_and_the_candidate_prepares_and_reads_it() {
    let (app, state, db) = app_with_state().await;
    let store = state.store.as_ref();
    let b = board(&state).await;
    let grant = |role, centre_id| RoleGrant { role, company_id: None, centre_id };
    let rosa = person(&state, "rosa@example.pe", grant(Role::Seeker, None)).await;
    let seeker = registered(
        &state,
        Some(&rosa),
        b.centre,
        "45678912",
        &[Register, DisabilityData, ShareWithEmployers, CounsellorActs],
    )
    .await;
    let application = applies_asking(&state, seeker, b.vacancy, &rosa, false).await;
    let admin = person(&state, "admin@senda.pe", grant(Role::Admin, None)).await;
    let template = national_template(&state, admin.account_id).await;
    let counsellor = person(&state, "consejera@centro.pe", grant(Role::Counsellor, Some(b.centre))).await;
    let counsellor = session_cookie_for(&state, &counsellor).await;
    let rosa_cookie = session_cookie_for(&state, &rosa).await;
    let other_seeker =
        session_cookie_for(&state, &person(&state, "luis@example.pe", grant(Role::Seeker, None)).await).await;
    let vacancy_page = format!("/vacante/{}", b.vacancy);
    let vacancy_key = b.vacancy.to_string();
    let record_page = format!("/entrevistas/registro?postulacion={application}");
    let app_key = application.to_string();
    let prepare_page = format!("/entrevistas/preparar?postulacion={application}");

    // Before a template is chosen there is no record, and the candidate has nothing to prepare.
    assert_eq!(page(&app, &record_page, &b.employer).await.status, StatusCode::NOT_FOUND);
    let shown = page(&app, &vacancy_page, &b.employer).await.body;
    assert!(shown.contains("Esta vacante todavía no tiene plantilla de entrevista."), "{shown}");
    assert!(shown.contains(&format!(r#"<option value="{template}""#)), "the national template is offered");

    // Choosing one: a template not on the list is refused on the field; another company's
    // employer is told the vacancy does not exist; a job seeker may not.
    let wrong =
        post(&app, "/entrevistas/vacante", &[("vacante", &vacancy_key), ("plantilla", "999999")], &b.employer).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("Elige una plantilla de la lista"));
    assert_eq!(store.vacancy_template(b.vacancy).await.unwrap(), None, "nothing stored");
    let chosen = [("vacante", vacancy_key.as_str()), ("plantilla", &template.to_string())];
    assert_eq!(post(&app, "/entrevistas/vacante", &chosen, &b.other_employer).await.status, StatusCode::NOT_FOUND);
    assert_eq!(post(&app, "/entrevistas/vacante", &chosen, &rosa_cookie).await.status, StatusCode::FORBIDDEN);
    let set = post(&app, "/entrevistas/vacante", &chosen, &b.employer).await;
    assert_eq!(location(&set), format!("{vacancy_page}?aviso=plantilla-de-la-vacante#interview-template"));
    let shown = page(&app, &vacancy_page, &b.employer).await.body;
    assert!(shown.contains("siguen la plantilla «Atención al cliente» (Biblioteca nacional)"), "{shown}");

    // The applicants list leads to the record; the record shows what she asked for, beside
    // the questions with their guide, and the look at it is in her access log.
    let applicants = page(&app, &format!("/postulantes?vacante={}", b.vacancy), &b.employer).await.body;
    assert!(applicants.contains("Registro de entrevista: Rosa Huamán Quispe"), "{applicants}");
    let record = page(&app, &record_page, &b.employer).await;
    assert_eq!(record.status, StatusCode::OK);
    assert!(record.body.contains("Entrevista: Rosa Huamán Quispe"));
    assert!(record.body.contains("Intérprete de lengua de señas"), "what she asked for at the interview");
    assert!(record.body.contains("Nivel 3: Da un ejemplo"), "each level in words");
    assert!(store.sensitive_accesses(seeker).await.unwrap().iter().any(|a| a.purpose == "interview"));
    let version = store.template(template, None).await.unwrap().unwrap();
    let question = version.sections[0].questions[0].id;
    let (score, note) = (format!("score-{question}"), format!("note-{question}"));
    let version_id = version.version_id.to_string();

    // A score outside the guide and a note over the limit: refused on their fields, kept,
    // nothing stored (not even an empty record).
    let long = "a".repeat(2_001);
    let section = |score_value: &'static str, note_value: String| {
        vec![
            ("postulacion", app_key.clone()),
            ("version", version_id.clone()),
            ("seccion", "1".to_string()),
            (score.as_str(), score_value.to_string()),
            (note.as_str(), note_value),
        ]
    };
    let bad = section("7", "Escuchó y propuso cambiar el producto.".into());
    let bad: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = post(&app, "/entrevistas/registro", &bad, &b.employer).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert!(refused.body.contains("Elige uno de los niveles de la guía"));
    assert!(refused.body.contains("Escuchó y propuso cambiar el producto."), "the note is kept");
    let too_long = section("3", long);
    let too_long: Vec<(&str, &str)> = too_long.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        post(&app, "/entrevistas/registro", &too_long, &b.employer).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(store.interview_record(application).await.unwrap(), None, "nothing half-stored");

    // Saved: back at the section, the score ticked and the note there. Another company's
    // employer cannot write it; a counsellor does not write records.
    let good = section("3", "Escuchó y propuso cambiar el producto.".into());
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(post(&app, "/entrevistas/registro", &good, &b.other_employer).await.status, StatusCode::NOT_FOUND);
    assert_eq!(post(&app, "/entrevistas/registro", &good, &counsellor).await.status, StatusCode::FORBIDDEN);
    let saved = post(&app, "/entrevistas/registro", &good, &b.employer).await;
    assert_eq!(location(&saved), format!("{record_page}&aviso=registro-guardado#section-1"));
    let again = page(&app, &record_page, &b.employer).await.body;
    assert!(again.contains(&format!(r#"id="{score}-3" name="{score}" value="3" checked"#)), "{again}");
    assert!(again.contains("Escuchó y propuso cambiar el producto."));
    let stale = [("postulacion", app_key.as_str()), ("version", "999999"), ("seccion", "1"), (score.as_str(), "4")];
    assert_eq!(post(&app, "/entrevistas/registro", &stale, &b.employer).await.status, StatusCode::CONFLICT);

    // The adjustments given and the summary.
    let summary = [
        ("postulacion", app_key.as_str()),
        ("version", version_id.as_str()),
        ("given", "extra_time"),
        ("given", "lsp_interpreter"),
        ("summary", "Buena disposición; ordena bien."),
    ];
    let saved = post(&app, "/entrevistas/registro/resumen", &summary, &b.employer).await;
    assert_eq!(location(&saved), format!("{record_page}&aviso=registro-guardado#summary"));
    let kept = store.interview_record(application).await.unwrap().unwrap();
    assert_eq!(kept.summary, "Buena disposición; ordena bien.");
    assert_eq!(kept.answers.len(), 1);
    assert_eq!(
        (kept.answers[0].score, kept.answers[0].note.as_str()),
        (Some(3), "Escuchó y propuso cambiar el producto.")
    );

    // Her counsellor, whom she lets act for her, reads it and cannot write it; another
    // company's employer and another job seeker are told it does not exist.
    let read = page(&app, &record_page, &counsellor).await;
    assert_eq!(read.status, StatusCode::OK);
    assert!(read.body.contains("Solo la empresa escribe en el registro"));
    assert!(
        read.body.contains("Nivel 3: Da un ejemplo")
            && !read.body.contains("<form method=\"post\" action=\"/entrevistas/registro\"")
    );
    for outsider in [&b.other_employer, &other_seeker, &rosa_cookie] {
        assert_eq!(page(&app, &record_page, outsider).await.status, StatusCode::NOT_FOUND);
    }

    // The candidate prepares once called to the interview, not before.
    assert_eq!(page(&app, &prepare_page, &rosa_cookie).await.status, StatusCode::NOT_FOUND);
    let called = Move {
        from: ApplicationStatus::Submitted,
        to: ApplicationStatus::Interview,
        side: Side::Employer,
        by: b.employer_id,
        note: "",
        at: senda::server::auth::now(),
    };
    assert!(store.move_application(application, &called).await.unwrap());
    let mine = page(&app, "/mis-postulaciones", &rosa_cookie).await.body;
    assert!(mine.contains(&prepare_page) && mine.contains("Prepara tu entrevista"), "{mine}");
    let prepare = page(&app, &prepare_page, &rosa_cookie).await;
    assert_eq!(prepare.status, StatusCode::OK);
    assert!(prepare.body.contains("¿Cómo atiendes a un cliente molesto?"));
    assert!(prepare.body.contains("Un cliente está molesto. ¿Qué haces?"), "in easy read too");
    assert!(prepare.body.contains("Ajustes que puedes pedir"));
    assert!(!prepare.body.contains("Da un ejemplo") && !prepare.body.contains("Escucha y propone"), "not the guide");
    assert!(!prepare.body.contains("Escuchó y propuso"), "nor the notes before she asks");
    assert_eq!(page(&app, &prepare_page, &other_seeker).await.status, StatusCode::NOT_FOUND);

    // She asks to read it: the company's employer is told, once; she reads it in words.
    let ask = [("postulacion", app_key.as_str())];
    assert_eq!(post(&app, "/entrevistas/preparar/pedir", &ask, &other_seeker).await.status, StatusCode::NOT_FOUND);
    let asked = post(&app, "/entrevistas/preparar/pedir", &ask, &rosa_cookie).await;
    assert_eq!(location(&asked), format!("{prepare_page}&aviso=registro-pedido#record"));
    post(&app, "/entrevistas/preparar/pedir", &ask, &rosa_cookie).await;
    let told = store.mail_to("carmen@andinos.pe").await.unwrap();
    assert_eq!(told.len(), 1, "told once");
    assert!(told[0].body.contains("Rosa Huamán Quispe") && told[0].body.contains(&record_page));
    let reading = page(&app, &prepare_page, &rosa_cookie).await.body;
    assert!(reading.contains("Cómo te fue") && reading.contains("Da un ejemplo"), "{reading}");
    assert!(reading.contains("Escuchó y propuso cambiar el producto.") && reading.contains("Buena disposición"));
    assert!(!reading.contains("Nivel 3"), "never the number");
    let employer_sees = page(&app, &record_page, &b.employer).await.body;
    assert!(employer_sees.contains("La persona pidió leer este registro"));
    db.cleanup().await;
}
