//! Interview slots through the real router: a stand's employers publish a block of slots —
//! each mistake said on its field, nothing stored — a registered job seeker books one from the
//! stand's page, sharing what they asked for at the fair or not, gets the confirmation with its
//! calendar entry, moves it and cancels it; a second person finds the slot taken; the
//! interviewer reads who booked and what they shared; nobody else touches any of it.

use super::stands::{accepted_stand, AtStand};
use super::*;

const REGISTER: &str = "/ferias/inscripcion";
const CANCEL: &str = "/ferias/entrevista/cancelar";
const WITHDRAW: &str = "/ferias/stand/entrevistas/quitar";

fn block(interviewer: &str, day: &str, from: &str, to: &str, length: &str, mode: &str) -> Vec<(&'static str, String)> {
    vec![
        ("interviewer", interviewer.to_string()),
        ("slot_on", day.to_string()),
        ("from_time", from.to_string()),
        ("to_time", to.to_string()),
        ("length", length.to_string()),
        ("buffer", "0".to_string()),
        ("mode", mode.to_string()),
    ]
}

#[tokio::test]
async fn a_registered_seeker_books_moves_and_cancels_a_slot_the_company_published() {
    let AtStand { app, state, db: _db, stand, company, lucia, jorge, rosa, pedro, fair } = accepted_stand(10).await;
    let interviewer = state.store.representatives(company).await.unwrap()[0].account_id.to_string();
    let (slots, stand_page) = (format!("/ferias/stand/entrevistas?id={stand}"), format!("/stand/{stand}"));
    let day = lima_date(now() + 10 * 86_400);

    // The page is the company's: others are refused or told nothing.
    let own = page(&app, &slots, &lucia).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(own.body.contains("Aún no hay entrevistas publicadas") && own.body.contains("Videollamada"));
    assert_eq!(page(&app, &slots, &pedro).await.status, StatusCode::NOT_FOUND);
    assert_eq!(page(&app, &slots, &jorge).await.status, StatusCode::FORBIDDEN);
    assert_eq!(page(&app, &slots, &rosa).await.status, StatusCode::FORBIDDEN);

    // Every mistake on its field, what was typed kept, nothing stored.
    for (form, field) in [
        (block("", &day, "09:00", "10:00", "30", "video"), "interviewer"),
        (block("999999", &day, "09:00", "10:00", "30", "video"), "interviewer"),
        (block(&interviewer, "mañana", "09:00", "10:00", "30", "video"), "slot_on"),
        (block(&interviewer, &day, "09:00", "08:00", "30", "video"), "to_time"),
        (block(&interviewer, &day, "09:00", "09:10", "30", "video"), "to_time"),
        (block(&interviewer, &day, "07:00", "08:00", "30", "video"), "slot_on"),
        (block(&interviewer, &day, "09:00", "10:00", "7", "video"), "length"),
        (block(&interviewer, &day, "09:00", "10:00", "30", "teleport"), "mode-video"),
    ] {
        let reply = sent(&app, &slots, &form, &lucia).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{form:?}");
        assert!(reply.body.contains(&format!(r##"href="#{field}""##)), "{field}: {form:?}");
        assert!(reply.body.contains(&format!(r#"value="{}""#, form[2].1)), "kept: {form:?}");
    }
    let good = block(&interviewer, &day, "09:00", "10:00", "30", "video");
    assert_eq!(sent(&app, &slots, &good, &pedro).await.status, StatusCode::NOT_FOUND);
    assert!(state.store.stand_slots(stand).await.unwrap().is_empty(), "nothing stored");
    assert_eq!(location(&sent(&app, &slots, &good, &lucia).await), format!("{slots}&aviso=entrevistas-publicadas"));
    let again = sent(&app, &slots, &good, &lucia).await;
    assert!(again.status == StatusCode::UNPROCESSABLE_ENTITY && again.body.contains("ya tiene entrevistas publicadas"));
    let ids: Vec<i64> = state.store.stand_slots(stand).await.unwrap().iter().map(|s| s.id).collect();
    assert_eq!(ids.len(), 2);

    // The stand's page offers them; booking needs an account, then a registration.
    assert!(page(&app, &stand_page, "").await.body.contains("Inicia sesión para reservar una entrevista"));
    let unregistered = page(&app, &stand_page, &rosa).await.body;
    assert!(unregistered.contains("Inscríbete en la feria para reservar una entrevista"));
    let (book, book_other) = (
        format!("/ferias/entrevista/reservar?turno={}", ids[0]),
        format!("/ferias/entrevista/reservar?turno={}", ids[1]),
    );
    let refused = post(&app, &book, &[], &rosa).await;
    assert!(refused.status == StatusCode::CONFLICT && refused.body.contains("primero inscríbete en la feria"));
    let registered = sent(&app, REGISTER, &[("fair", fair.to_string()), ("need", "breaks".into())], &rosa).await;
    assert_eq!(registered.status, StatusCode::SEE_OTHER);
    let offered = page(&app, &stand_page, &rosa).await.body;
    assert!(offered.contains(&format!(r#"href="{}""#, book.replace('&', "&amp;"))), "{offered}");
    assert_eq!(page(&app, &book, &lucia).await.status, StatusCode::FORBIDDEN);

    // Booked, sharing the request: the confirmation comes with its calendar entry.
    let form = page(&app, &book, &rosa).await.body;
    assert!(form.contains("Compartir mis pedidos de ajustes") && form.contains("Pausas"), "{form}");
    let reply = post(&app, &book, &[("share", "yes")], &rosa).await;
    let own_page = format!("{REGISTER}?id={fair}");
    assert_eq!(location(&reply), format!("{own_page}&aviso=entrevista-reservada"));
    let own = page(&app, &own_page, &rosa).await.body;
    assert!(own.contains("Tus entrevistas") && own.contains(&format!("https://salas.test/sala-{}", ids[0])));
    let told = state.store.mail_to("rosa@example.pe").await.unwrap();
    let confirmation = told.iter().find(|m| m.subject.starts_with("Entrevista reservada")).expect("confirmed");
    assert!(confirmation.attachment.as_deref().is_some_and(|ics| ics.contains("BEGIN:VEVENT")));
    assert_eq!(told.iter().filter(|m| m.subject.contains("tu entrevista con")).count(), 2, "two reminders queued");

    // The interviewer reads who booked and what she shared; a second person finds it taken.
    let followed = page(&app, &slots, &lucia).await.body;
    assert!(
        followed.contains("Reservada por rosa") && followed.contains("Pausas — sin respuesta del organizador todavía"),
        "{followed}"
    );
    let luis =
        person(&state, "luis@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    let luis = session_cookie_for(&state, &luis).await;
    sent(&app, REGISTER, &[("fair", fair.to_string())], &luis).await;
    let taken = post(&app, &book, &[], &luis).await;
    assert!(taken.status == StatusCode::CONFLICT && taken.body.contains("Otra persona reservó esta hora"));

    // Moved: the other slot hers, the first free again at once.
    assert!(page(&app, &book_other, &rosa).await.body.contains("Ya tienes una entrevista en este stand"));
    let moved = post(&app, &book_other, &[], &rosa).await;
    assert_eq!(location(&moved), format!("{own_page}&aviso=entrevista-cambiada"));
    assert_eq!(location(&post(&app, &book, &[], &luis).await), format!("{own_page}&aviso=entrevista-reservada"));
    assert!(
        page(&app, &slots, &lucia).await.body.contains("La persona no compartió sus pedidos"),
        "Luis shared nothing"
    );

    // Cancelled once, by her alone.
    let booking = state.store.slot(ids[1]).await.unwrap().unwrap().booking.expect("hers").id.to_string();
    let cancel = [("fair", fair.to_string()), ("booking", booking)];
    assert_eq!(sent(&app, CANCEL, &cancel, &luis).await.status, StatusCode::CONFLICT, "not his");
    assert_eq!(location(&sent(&app, CANCEL, &cancel, &rosa).await), format!("{own_page}&aviso=entrevista-cancelada"));
    assert_eq!(sent(&app, CANCEL, &cancel, &rosa).await.status, StatusCode::CONFLICT);

    // The company withdraws Luis's slot: he is told.
    let withdraw = [("stand", stand.to_string()), ("slot", ids[0].to_string())];
    assert_eq!(sent(&app, WITHDRAW, &withdraw, &pedro).await.status, StatusCode::NOT_FOUND);
    assert_eq!(location(&sent(&app, WITHDRAW, &withdraw, &lucia).await), format!("{slots}&aviso=entrevista-quitada"));
    assert_eq!(sent(&app, WITHDRAW, &withdraw, &lucia).await.status, StatusCode::CONFLICT);
    let his = state.store.mail_to("luis@example.pe").await.unwrap();
    assert!(his.iter().any(|m| m.subject.contains("canceló tu entrevista")), "{his:?}");
}

#[tokio::test]
async fn a_phone_interview_asks_for_the_number_and_keeps_what_was_typed() {
    let AtStand { app, state, db: _db, stand, company, lucia, rosa, fair, .. } = accepted_stand(10).await;
    let interviewer = state.store.representatives(company).await.unwrap()[0].account_id.to_string();
    let day = lima_date(now() + 10 * 86_400);
    let slots = format!("/ferias/stand/entrevistas?id={stand}");
    let phone = block(&interviewer, &day, "11:00", "11:30", "30", "phone");
    assert_eq!(sent(&app, &slots, &phone, &lucia).await.status, StatusCode::SEE_OTHER);
    let id = state.store.stand_slots(stand).await.unwrap()[0].id;
    sent(&app, REGISTER, &[("fair", fair.to_string())], &rosa).await;
    let book = format!("/ferias/entrevista/reservar?turno={id}");
    let reply = post(&app, &book, &[("phone", "llámame")], &rosa).await;
    assert!(reply.status == StatusCode::UNPROCESSABLE_ENTITY && reply.body.contains(r##"href="#phone""##));
    assert!(reply.body.contains(r#"value="llámame""#));
    assert!(state.store.stand_slots(stand).await.unwrap()[0].booking.is_none(), "nothing stored");
    let reply = post(&app, &book, &[("phone", "987 654 321")], &rosa).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(page(&app, &slots, &lucia).await.body.contains("Llama al 987 654 321."));
}
