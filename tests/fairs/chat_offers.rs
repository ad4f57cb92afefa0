//! Turning a live conversation into an interview through the real router, without JavaScript:
//! the representative who has the conversation offers one of the stand's free slots — one not
//! free said on its field, nothing sent — and the job seeker books it herself from the message;
//! nobody else offers in the conversation.

use super::chat::running;
use super::stands::{accepted_stand, AtStand};
use super::*;
use senda::fairs::stands::slots::rules::Span;
use senda::fairs::stands::slots::store::NewSlots;
use senda::fairs::stands::slots::SlotMode;

#[tokio::test]
async fn the_representative_offers_a_free_slot_and_the_job_seeker_books_it_herself() {
    let AtStand { app, state, db, fair, stand, company, lucia, jorge, rosa, pedro } = accepted_stand(10).await;
    // Registered before the fair, as booking asks.
    sent(&app, "/ferias/inscripcion", &[("fair", fair.to_string())], &rosa).await;
    running(&db, fair).await;
    let interviewer = state.store.representatives(company).await.unwrap()[0].account_id;
    let now = now();
    let span = |from: i64| Span { starts_at: now + from, ends_at: now + from + 900, buffer: 0 };
    let block = NewSlots {
        stand_id: stand,
        interviewer_id: interviewer,
        spans: vec![span(600), span(1_800)],
        mode: SlotMode::Video,
        by: interviewer,
    };
    let ids = state.store.publish_slots(&block, now).await.unwrap().unwrap();
    let (chat, write) = (
        format!("/ferias/stand/chat?id={stand}"),
        [("stand", stand.to_string()), ("message", "¿Tienen entrevistas?".to_string())],
    );
    sent(&app, "/ferias/stand/chat", &write, &rosa).await;
    let c = state.store.stand_chats(stand).await.unwrap()[0].id;
    let conversation = format!("/ferias/stand/chats/conversacion?id={c}");
    const OFFER: &str = "/ferias/stand/chats/ofrecer";
    let offer = |slot: &str| [("conversation", c.to_string()), ("slot", slot.to_string())];
    let listed = |body: &str, slot: i64| body.contains(&format!(r#"<option value="{slot}""#));

    // Only the representative who has the conversation offers; nobody else learns of it.
    assert!(!page(&app, &conversation, &lucia).await.body.contains("Ofrecer una entrevista"));
    let refused = sent(&app, OFFER, &offer(&ids[0].to_string()), &lucia).await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "not taken yet");
    sent(&app, "/ferias/stand/chats/atender", &[("conversation", c.to_string())], &lucia).await;
    let theirs = page(&app, &conversation, &lucia).await.body;
    assert!(theirs.contains("Ofrecer una entrevista") && listed(&theirs, ids[0]) && listed(&theirs, ids[1]));
    assert_eq!(sent(&app, OFFER, &offer(&ids[0].to_string()), &pedro).await.status, StatusCode::NOT_FOUND);
    assert_eq!(sent(&app, OFFER, &offer(&ids[0].to_string()), &rosa).await.status, StatusCode::FORBIDDEN);
    assert_eq!(sent(&app, OFFER, &offer(&ids[0].to_string()), &jorge).await.status, StatusCode::FORBIDDEN);

    // No slot, or one not on the list: said on its field, nothing sent.
    for slot in ["", "999999"] {
        let reply = sent(&app, OFFER, &offer(slot), &lucia).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{slot:?}");
        assert!(reply.body.contains(r##"href="#slot""##) && reply.body.contains("ya no está libre"), "{slot:?}");
    }
    assert_eq!(state.store.chat_messages(c, 0).await.unwrap().len(), 1, "nothing sent");

    // Offered: she reads when and how, and books it herself from the message.
    assert_eq!(
        location(&sent(&app, OFFER, &offer(&ids[0].to_string()), &lucia).await),
        format!("{conversation}#chat-log")
    );
    let book = format!("/ferias/entrevista/reservar?turno={}", ids[0]);
    let hers = page(&app, &chat, &rosa).await.body;
    assert!(hers.contains("Te ofrezco una entrevista el") && hers.contains("(Videollamada)"));
    assert!(hers.contains(&format!(r#"href="{book}""#)) && hers.contains("Reservar esta entrevista"));
    assert!(!page(&app, &conversation, &lucia).await.body.contains(&format!(r#"href="{book}""#)), "hers alone");
    let booked = post(&app, &book, &[], &rosa).await;
    assert_eq!(booked.status, StatusCode::SEE_OTHER, "{}", booked.body);
    let slot = state.store.slot(ids[0]).await.unwrap().unwrap();
    assert!(slot.booking.is_some_and(|b| b.name == "rosa"));

    // Booked, it is no longer offered, and offering it again is refused on its field.
    let theirs = page(&app, &conversation, &lucia).await.body;
    assert!(!listed(&theirs, ids[0]) && listed(&theirs, ids[1]));
    let again = sent(&app, OFFER, &offer(&ids[0].to_string()), &lucia).await;
    assert!(again.status == StatusCode::UNPROCESSABLE_ENTITY && again.body.contains("ya no está libre"));
}
