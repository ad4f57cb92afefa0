//! The asynchronous stand, through the real router: a job seeker leaves a question — each
//! mistake said on its field, nothing stored — and reads the answer on the stand's and the
//! fair's pages and by email; the company's employers alone read and answer them, once.

use super::stands::{accepted_stand, AtStand};
use super::*;

#[tokio::test]
async fn a_seeker_asks_a_stand_and_its_company_answers_later() {
    let AtStand { app, state, db: _db, fair, stand, lucia, jorge, rosa, pedro, .. } = accepted_stand(10).await;
    let (stand_page, answers) = (format!("/stand/{stand}"), format!("/ferias/stand/preguntas?id={stand}"));
    let stand_id = stand.to_string();
    let ask = |text: &str| vec![("stand", stand_id.clone()), ("question", text.to_string())];
    const LEAVE: &str = "/ferias/stand/preguntar";

    assert!(page(&app, &stand_page, "").await.body.contains("Inicia sesión para dejar una pregunta"));
    assert!(page(&app, &stand_page, &rosa).await.body.contains(r#"name="question""#));
    assert!(!page(&app, &stand_page, &lucia).await.body.contains(r#"name="question""#), "employers do not ask");

    // Nothing written: refused on the field; employers and counsellors may not ask.
    let reply = sent(&app, LEAVE, &ask("  "), &rosa).await;
    assert!(reply.status == StatusCode::UNPROCESSABLE_ENTITY && reply.body.contains(r##"href="#question""##));
    assert_eq!(sent(&app, LEAVE, &ask("¿Hola?"), &lucia).await.status, StatusCode::FORBIDDEN);
    assert_eq!(sent(&app, LEAVE, &ask("¿Hola?"), &jorge).await.status, StatusCode::FORBIDDEN);
    assert!(state.store.stand_questions(stand).await.unwrap().is_empty(), "nothing stored");

    let reply = sent(&app, LEAVE, &ask("¿Tienen turnos <de tarde>?"), &rosa).await;
    assert_eq!(location(&reply), format!("{stand_page}?aviso=pregunta-enviada"));
    let own = page(&app, &stand_page, &rosa).await.body;
    assert!(own.contains("¿Tienen turnos &lt;de tarde&gt;?") && own.contains("Esperando respuesta de la empresa"));

    // The company's page: who asked and what, never their email; nobody else's.
    assert!(page(&app, &stand_page, &lucia).await.body.contains("Responder preguntas (1 esperan respuesta)"));
    let listed = page(&app, &answers, &lucia).await;
    assert_eq!(listed.status, StatusCode::OK);
    assert!(listed.body.contains("¿Tienen turnos &lt;de tarde&gt;?") && !listed.body.contains("rosa@example.pe"));
    assert_eq!(page(&app, &answers, &pedro).await.status, StatusCode::NOT_FOUND);
    assert_eq!(page(&app, &answers, &rosa).await.status, StatusCode::FORBIDDEN);

    // Answered: required, by the company alone, once; the asker is told by email.
    let question = state.store.stand_questions(stand).await.unwrap()[0].id;
    let field = format!("answer-{question}");
    let answer = |text: &str| {
        vec![("stand", stand_id.clone()), ("question_id", question.to_string()), (field.as_str(), text.to_string())]
    };
    const ANSWER: &str = "/ferias/stand/preguntas/responder";
    let reply = sent(&app, ANSWER, &answer(""), &lucia).await;
    assert!(reply.status == StatusCode::UNPROCESSABLE_ENTITY && reply.body.contains(&format!(r##"href="#{field}""##)));
    assert_eq!(sent(&app, ANSWER, &answer("Sí"), &pedro).await.status, StatusCode::NOT_FOUND);
    let reply = sent(&app, ANSWER, &answer("Sí, de 14:00 a 22:00."), &lucia).await;
    assert_eq!(location(&reply), format!("{answers}&aviso=pregunta-respondida"));
    assert_eq!(sent(&app, ANSWER, &answer("Otra vez"), &lucia).await.status, StatusCode::CONFLICT);
    let told = state.store.mail_to("rosa@example.pe").await.unwrap();
    assert!(told.len() == 1 && told[0].body.contains("Sí, de 14:00 a 22:00.") && told[0].body.contains(&stand_page));
    let fair_page = page(&app, &format!("/feria/{fair}"), &rosa).await.body;
    assert!(fair_page.contains("Tus preguntas") && fair_page.contains("Sí, de 14:00 a 22:00."));

    // A few may wait at a time.
    for _ in 0..3 {
        sent(&app, LEAVE, &ask("¿Dan capacitación?"), &rosa).await;
    }
    let reply = sent(&app, LEAVE, &ask("¿Y uniforme?"), &rosa).await;
    assert!(reply.status == StatusCode::UNPROCESSABLE_ENTITY && reply.body.contains("Ya tienes preguntas esperando"));
    assert!(page(&app, &stand_page, &rosa).await.body.contains("Tienes 3 preguntas esperando respuesta"));
}
