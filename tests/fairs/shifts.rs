//! Who keeps a stand, through the real router: its company's employers add shifts for their
//! own people within the fair's hours — each mistake said on its field, nothing stored — and
//! take them away; everyone reads them on the stand's page; nobody else touches them.

use super::stands::{accepted_stand, AtStand};
use super::*;
use senda::domain::lima_time::lima_date;

#[tokio::test]
async fn a_stands_employers_say_who_keeps_it_and_when() {
    let AtStand { app, state, db: _db, stand, company, lucia, jorge, rosa, pedro, fair, .. } = accepted_stand(10).await;
    let marta = person(
        &state,
        "marta@empresa.pe",
        RoleGrant { role: Role::Employer, company_id: Some(company), centre_id: None },
    )
    .await;
    let (marta_id, marta_cookie) = (marta.account_id.to_string(), session_cookie_for(&state, &marta).await);
    let (shifts, stand_page) = (format!("/ferias/stand/turnos?id={stand}"), format!("/stand/{stand}"));
    let day = lima_date(now() + 10 * 86_400);

    // The page is the company's: others are refused or told nothing.
    let own = page(&app, &shifts, &lucia).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(own.body.contains(">marta<") && own.body.contains("Todavía no hay turnos"));
    assert!(page(&app, &stand_page, "").await.body.contains("La empresa todavía no dijo quién atiende"));
    assert_eq!(page(&app, &shifts, &pedro).await.status, StatusCode::NOT_FOUND);
    assert_eq!(page(&app, &shifts, &jorge).await.status, StatusCode::FORBIDDEN);
    assert_eq!(page(&app, &shifts, &rosa).await.status, StatusCode::FORBIDDEN);

    // Every mistake on its field, what was typed kept, nothing stored.
    let form = |who: &str, on: &str, from: &str, to: &str| {
        vec![
            ("representative", who.to_string()),
            ("shift_on", on.to_string()),
            ("from_time", from.to_string()),
            ("to_time", to.to_string()),
        ]
    };
    for (sent, field) in [
        (form("", &day, "09:00", "12:00"), "representative"),
        (form("999999", &day, "09:00", "12:00"), "representative"),
        (form(&marta_id, "mañana", "09:00", "12:00"), "shift_on"),
        (form(&marta_id, &day, "9", "12:00"), "from_time"),
        (form(&marta_id, &day, "12:00", "10:00"), "to_time"),
        (form(&marta_id, &day, "07:00", "10:00"), "shift_on"),
        (form(&marta_id, &lima_date(now() + 11 * 86_400), "09:00", "10:00"), "shift_on"),
    ] {
        let pairs: Vec<(&str, &str)> = sent.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let reply = post(&app, &shifts, &pairs, &lucia).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{sent:?}");
        assert!(reply.body.contains(&format!(r##"href="#{field}""##)), "{field}: {sent:?}");
        assert!(reply.body.contains(&format!(r#"value="{}""#, sent[2].1)), "kept: {sent:?}");
    }
    let good = form(&marta_id, &day, "09:00", "12:00");
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(post(&app, &shifts, &good, &pedro).await.status, StatusCode::NOT_FOUND);
    assert_eq!(post(&app, &shifts, &good, &jorge).await.status, StatusCode::FORBIDDEN);
    assert!(state.store.stand_shifts(stand).await.unwrap().is_empty(), "nothing stored");

    // Added by one employer of the company, shown to everyone; the same hours twice refused.
    assert_eq!(location(&post(&app, &shifts, &good, &marta_cookie).await), format!("{shifts}&aviso=turno-anadido"));
    let again = post(&app, &shifts, &good, &lucia).await;
    assert!(again.status == StatusCode::UNPROCESSABLE_ENTITY && again.body.contains("ya tiene un turno"));
    let public = page(&app, &stand_page, "").await.body;
    assert!(public.contains("marta") && public.contains("de 09:00 a 12:00"), "{public}");

    // Taken away by the company alone, once.
    let shift = state.store.stand_shifts(stand).await.unwrap()[0].id.to_string();
    let remove = [("stand", stand.to_string()), ("shift", shift)];
    let remove: Vec<(&str, &str)> = remove.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(post(&app, "/ferias/stand/turnos/quitar", &remove, &pedro).await.status, StatusCode::NOT_FOUND);
    assert_eq!(post(&app, "/ferias/stand/turnos/quitar", &remove, &jorge).await.status, StatusCode::FORBIDDEN);
    let reply = post(&app, "/ferias/stand/turnos/quitar", &remove, &lucia).await;
    assert_eq!(location(&reply), format!("{shifts}&aviso=turno-quitado"));
    assert_eq!(post(&app, "/ferias/stand/turnos/quitar", &remove, &lucia).await.status, StatusCode::CONFLICT);
    assert!(!page(&app, &stand_page, "").await.body.contains("de 09:00 a 12:00"));

    // Once the fair is cancelled, the shifts stay as they are.
    let cancel = [("fair", fair.to_string()), ("step", "cancelar".to_string())];
    let cancel: Vec<(&str, &str)> = cancel.iter().map(|(k, v)| (*k, v.as_str())).collect();
    post(&app, "/ferias/estado", &cancel, &jorge).await;
    let moved = post(&app, &shifts, &good, &lucia).await;
    assert_eq!(location(&moved), format!("/feria/{fair}?aviso=feria-estado"));
}
