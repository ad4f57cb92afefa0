//! Storage of stands' live chats: opened by a job seeker only while the fair runs, queued
//! oldest first, taken and handed over only by the company's own representatives, written to
//! by its two sides alone, ended by either; a blocked person cannot come back; two tabs
//! opening at once share one conversation; deleted a while after the fair. Their news reaches
//! every follower, across app servers on PostgreSQL.

use super::fairs::{DAY, NOW};
use super::slots::{accepted_stand, booking, registered, slots};
use super::stands::ask;
use super::*;
use senda::fairs::stands::chat::hub::hub_for;
use senda::fairs::stands::chat::rules::{ChatRefusal, ChatStatus};
use senda::fairs::stands::chat::store::{ChatHandover, NewChatMessage};
use senda::fairs::stands::store::StandAnswer;
use senda::fairs::stands::StandStatus;

on_both_engines!(
    a_chat_is_queued_taken_handed_over_and_closed,
    a_company_blocks_a_person_from_its_stand,
    two_tabs_opening_at_once_share_one_conversation,
    chats_are_deleted_a_while_after_their_fair,
    followers_hear_each_conversations_news,
    an_offer_is_of_a_free_slot_of_the_stand_still_ahead,
);

const HOUR: i64 = 3_600;
/// An hour into the fair (it opens three days after `NOW`, for eight hours).
const LIVE: i64 = NOW + 3 * DAY + HOUR;
const ENDS: i64 = NOW + 3 * DAY + 8 * HOUR;
/// Far more than news takes to arrive, even between two servers: only a lost one waits this.
const WAIT: std::time::Duration = std::time::Duration::from_secs(10);

fn from_seeker(conversation_id: i64, author_id: i64, body: &str) -> NewChatMessage<'_> {
    NewChatMessage { conversation_id, author_id, from_company: false, body, offer: None }
}

fn from_company(conversation_id: i64, author_id: i64, body: &str) -> NewChatMessage<'_> {
    NewChatMessage { conversation_id, author_id, from_company: true, body, offer: None }
}

async fn a_chat_is_queued_taken_handed_over_and_closed(db: &common::TestDb) {
    let store = db.store.as_ref();
    let (stand, _, rosa, stranger) = accepted_stand(store).await;
    let company = store.stand(stand).await.unwrap().unwrap().company_id;
    let role = RoleGrant { role: Role::Employer, company_id: Some(company), centre_id: None };
    let pedro = NewAccount { name: "Pedro Salas".into(), ..account("pedro@zeta.pe", role) };
    let pedro = store.create_account(&pedro).await.unwrap();
    let ana = NewAccount { name: "Ana Flores".into(), ..account("ana@example.pe", seeker_role()) };
    let ana = store.create_account(&ana).await.unwrap();
    let luis = store.create_account(&account("luis@example.pe", seeker_role())).await.unwrap();
    let marta = store.create_account(&account("marta@example.pe", seeker_role())).await.unwrap();

    assert_eq!(store.open_chat(stand, ana, "Hola", NOW).await.unwrap(), Err(ChatRefusal::NotLive), "before the fair");
    let first = store.open_chat(stand, ana, "Hola, ¿buscan almaceneros?", LIVE).await.unwrap().unwrap();
    let other = store.open_chat(stand, luis, "Buenos días", LIVE + 1).await.unwrap().unwrap();
    let third = store.open_chat(stand, marta, "Buenas", LIVE + 1).await.unwrap().unwrap();
    let again = store.open_chat(stand, ana, "Uso silla de ruedas", LIVE + 2).await.unwrap().unwrap();
    assert_eq!(again.conversation_id, first.conversation_id, "her conversation in force, not a second one");
    let c = first.conversation_id;

    let queue = store.stand_chats(stand).await.unwrap();
    assert_eq!(queue.iter().map(|q| q.id).collect::<Vec<_>>(), [c, other.conversation_id, third.conversation_id]);
    let ahead = |chat: &senda::fairs::stands::chat::store::StoredChat| (chat.opened_at, chat.id);
    let waiting = |ahead_of| store.chats_waiting(stand, ahead_of);
    assert_eq!(waiting(Some(ahead(&queue[0]))).await.unwrap(), 0, "hers is next");
    assert_eq!(waiting(Some(ahead(&queue[1]))).await.unwrap(), 1);
    assert_eq!(waiting(Some(ahead(&queue[2]))).await.unwrap(), 2, "the same second as his: after him");
    assert_eq!(waiting(None).await.unwrap(), 3, "the whole queue");

    // Nobody at the company writes before someone takes it; only its own people take it.
    assert_eq!(store.post_chat_message(&from_company(c, rosa, "Hola"), LIVE + 3).await.unwrap(), None);
    let take = |stand_id, from, to| ChatHandover { conversation_id: c, stand_id, from, to };
    assert!(!store.assign_chat(&take(stand, None, stranger), LIVE + 3).await.unwrap(), "another company's");
    assert!(!store.assign_chat(&take(stand, None, luis), LIVE + 3).await.unwrap(), "a job seeker");
    assert!(!store.assign_chat(&take(stand + 1, None, rosa), LIVE + 3).await.unwrap(), "another stand's");
    assert!(store.assign_chat(&take(stand, None, rosa), LIVE + 4).await.unwrap());
    assert!(!store.assign_chat(&take(stand, Some(rosa), rosa), LIVE + 4).await.unwrap(), "hers already");
    assert!(!store.assign_chat(&take(stand, None, pedro), LIVE + 4).await.unwrap(), "taken meanwhile: not his");
    let taken = store.chat(c).await.unwrap().unwrap();
    assert_eq!(
        (taken.status, taken.taken_by, taken.taker_name.as_str()),
        (ChatStatus::Open, Some(rosa), "Rosa Quispe")
    );
    assert_eq!(waiting(Some(ahead(&queue[1]))).await.unwrap(), 0, "a taken one waits no more: his is next");
    assert_eq!(waiting(None).await.unwrap(), 2);

    let answer = store.post_chat_message(&from_company(c, rosa, "¡Sí! ¿Tienes experiencia?"), LIVE + 5).await.unwrap();
    assert!(answer.is_some());
    assert_eq!(store.post_chat_message(&from_company(c, stranger, "Hola"), LIVE + 5).await.unwrap(), None);
    assert_eq!(store.post_chat_message(&from_seeker(c, luis, "Hola"), LIVE + 5).await.unwrap(), None, "not his");
    assert!(store.post_chat_message(&from_seeker(c, ana, "Dos años"), LIVE + 6).await.unwrap().is_some());

    // Handed over to a colleague, who writes too.
    assert!(store.assign_chat(&take(stand, Some(rosa), pedro), LIVE + 7).await.unwrap());
    assert_eq!(store.chat(c).await.unwrap().unwrap().taken_by, Some(pedro));
    assert!(store.post_chat_message(&from_company(c, pedro, "Te llamo a las 3"), LIVE + 8).await.unwrap().is_some());
    let hers = from_company(c, rosa, "Sigo aquí");
    assert_eq!(store.post_chat_message(&hers, LIVE + 8).await.unwrap(), None, "handed over: no longer hers");

    let all = store.chat_messages(c, 0).await.unwrap();
    let said: Vec<_> = all.iter().map(|m| (m.from_company, m.author_name.as_str(), m.body.as_str())).collect();
    assert_eq!(
        said,
        [
            (false, "Ana Flores", "Hola, ¿buscan almaceneros?"),
            (false, "Ana Flores", "Uso silla de ruedas"),
            (true, "Rosa Quispe", "¡Sí! ¿Tienes experiencia?"),
            (false, "Ana Flores", "Dos años"),
            (true, "Pedro Salas", "Te llamo a las 3"),
        ]
    );
    let after: Vec<_> = store.chat_messages(c, answer.unwrap()).await.unwrap().into_iter().map(|m| m.body).collect();
    assert_eq!(after, ["Dos años", "Te llamo a las 3"], "resumed after the last one read");

    // Ended by her: nobody writes any more, and a new message opens a new conversation.
    assert!(!store.close_chat(c, luis, LIVE + 9).await.unwrap());
    assert!(!store.chat_over(c).await.unwrap());
    assert!(store.close_chat(c, ana, LIVE + 9).await.unwrap());
    assert!(store.chat_over(c).await.unwrap());
    assert!(!store.close_chat(c, ana, LIVE + 9).await.unwrap(), "once");
    assert_eq!(store.post_chat_message(&from_seeker(c, ana, "¿Sigue?"), LIVE + 10).await.unwrap(), None);
    assert_eq!(store.post_chat_message(&from_company(c, pedro, "¿Sigue?"), LIVE + 10).await.unwrap(), None);
    assert_eq!(store.person_chat(stand, ana).await.unwrap(), None);
    let ended = |person| async move {
        store.ended_chats(stand, person).await.unwrap().into_iter().map(|chat| chat.id).collect::<Vec<_>>()
    };
    assert_eq!(ended(None).await, [c], "kept for the company to follow up");
    assert_eq!(ended(Some(ana)).await, [c], "and for her to read again");
    assert!(ended(Some(luis)).await.is_empty(), "his is in force");
    let anew = store.open_chat(stand, ana, "Olvidé preguntar el sueldo", LIVE + 11).await.unwrap().unwrap();
    assert_ne!(anew.conversation_id, c);

    // Once the fair is over the stand takes questions instead.
    assert_eq!(store.open_chat(stand, luis, "Hola", ENDS).await.unwrap(), Err(ChatRefusal::NotLive));
    let late = from_seeker(other.conversation_id, luis, "¿Hola?");
    assert_eq!(store.post_chat_message(&late, ENDS).await.unwrap(), None);
    let late = ChatHandover { conversation_id: other.conversation_id, stand_id: stand, from: None, to: rosa };
    assert!(!store.assign_chat(&late, ENDS).await.unwrap());
}

async fn a_company_blocks_a_person_from_its_stand(db: &common::TestDb) {
    let store = db.store.as_ref();
    let (stand, _, rosa, stranger) = accepted_stand(store).await;
    let ana = store.create_account(&account("ana@example.pe", seeker_role())).await.unwrap();
    let luis = store.create_account(&account("luis@example.pe", seeker_role())).await.unwrap();
    let c = store.open_chat(stand, ana, "…", LIVE).await.unwrap().unwrap().conversation_id;

    assert!(!store.block_in_chat(c, stranger, LIVE + 1).await.unwrap(), "another company's");
    assert!(!store.block_in_chat(c, ana, LIVE + 1).await.unwrap(), "the person herself");
    assert!(!store.chat_blocked(stand, ana).await.unwrap());
    assert!(store.block_in_chat(c, rosa, LIVE + 1).await.unwrap());
    assert_eq!(store.chat(c).await.unwrap().unwrap().status, ChatStatus::Closed);
    assert!(store.chat_blocked(stand, ana).await.unwrap() && !store.chat_blocked(stand, luis).await.unwrap());
    assert_eq!(store.open_chat(stand, ana, "Hola", LIVE + 2).await.unwrap(), Err(ChatRefusal::Blocked));
    assert!(store.open_chat(stand, luis, "Hola", LIVE + 2).await.unwrap().is_ok(), "only her");
}

async fn two_tabs_opening_at_once_share_one_conversation(db: &common::TestDb) {
    let (stand, _, _, _) = accepted_stand(db.store.as_ref()).await;
    let ana = db.store.create_account(&account("ana@example.pe", seeker_role())).await.unwrap();
    let mut tabs = tokio::task::JoinSet::new();
    for n in 0..6 {
        let store = db.store.clone();
        tabs.spawn(async move { store.open_chat(stand, ana, &format!("Hola {n}"), LIVE + n).await.unwrap().unwrap() });
    }
    let opened = tabs.join_all().await;
    let c = opened[0].conversation_id;
    assert!(opened.iter().all(|o| o.conversation_id == c), "{opened:?}");
    assert_eq!(db.store.chat_messages(c, 0).await.unwrap().len(), 6, "every message kept");
    assert_eq!(db.store.stand_chats(stand).await.unwrap().len(), 1);
}

async fn chats_are_deleted_a_while_after_their_fair(db: &common::TestDb) {
    let store = db.store.as_ref();
    let (stand, _, _, _) = accepted_stand(store).await;
    let ana = store.create_account(&account("ana@example.pe", seeker_role())).await.unwrap();
    let c = store.open_chat(stand, ana, "Hola", LIVE).await.unwrap().unwrap().conversation_id;
    let kept = Retention { mail: 0, chats: 86_400, applicants: 86_400 };
    assert_eq!(store.purge_expired(ENDS + 86_400, &kept).await.unwrap(), 0, "not kept a day yet");
    assert_eq!(store.purge_expired(ENDS + 86_401, &kept).await.unwrap(), 1);
    assert_eq!(store.chat(c).await.unwrap(), None);
    assert!(store.chat_over(c).await.unwrap(), "gone counts as over");
    assert!(store.chat_messages(c, 0).await.unwrap().is_empty(), "its messages with it");
}

/// Followers hear a conversation's news, several at once, each in the order it was announced.
async fn followers_hear_each_conversations_news(db: &common::TestDb) {
    let hub = hub_for(&db.url).await.unwrap();
    let (mut one, mut two) = (hub.follow(), hub.follow());
    for id in [7, 8, 7] {
        hub.announce(id).await.unwrap();
    }
    for follower in [&mut one, &mut two] {
        let mut heard = Vec::new();
        for _ in 0..3 {
            heard.push(tokio::time::timeout(WAIT, follower.recv()).await.expect("in time").unwrap());
        }
        assert_eq!(heard, [7, 8, 7]);
    }
}

/// Two app servers on one PostgreSQL: what one announces, the other's followers hear.
#[tokio::test]
async fn two_app_servers_on_one_postgresql_hear_each_other() {
    let Some(db) = common::postgres().await else {
        return common::postgres_skipped("two_app_servers_on_one_postgresql_hear_each_other");
    };
    let (first, second) = (hub_for(&db.url).await.unwrap(), hub_for(&db.url).await.unwrap());
    let (mut on_first, mut on_second) = (first.follow(), second.follow());
    first.announce(41).await.unwrap();
    second.announce(42).await.unwrap();
    for follower in [&mut on_first, &mut on_second] {
        let mut heard = Vec::new();
        for _ in 0..2 {
            heard.push(tokio::time::timeout(WAIT, follower.recv()).await.expect("in time").unwrap());
        }
        heard.sort();
        assert_eq!(heard, [41, 42]);
    }
    drop((first, second));
    db.cleanup().await;
}

async fn an_offer_is_of_a_free_slot_of_the_stand_still_ahead(db: &common::TestDb) {
    let store = db.store.as_ref();
    let (stand, fair, rosa, _) = accepted_stand(store).await;
    let opens = LIVE - HOUR;
    // One that has started by the time of the offer, then two ahead.
    let ids = store.publish_slots(&slots(stand, rosa, opens, opens + 30 * 60, 30 * 60, 0), NOW).await.unwrap().unwrap();
    let started = ids[0];
    let ahead = store.publish_slots(&slots(stand, rosa, LIVE + HOUR, LIVE + 2 * HOUR, 30 * 60, 0), NOW).await.unwrap();
    let (free, booked) = (ahead.as_ref().unwrap()[0], ahead.as_ref().unwrap()[1]);
    let luis = registered(store, fair, "luis@example.pe").await;
    assert!(store.book_slot(&booking(booked, luis), NOW, &|_| Vec::new()).await.unwrap().is_ok());
    // Another company's stand's slot, at the same fair.
    let beta = NewCompany { verified: true, ..company("Andes Foods S.A.C.", "20601234565") };
    let beta = store.insert_company(&beta).await.unwrap();
    let role = RoleGrant { role: Role::Employer, company_id: Some(beta), centre_id: None };
    let beto = store.create_account(&account("beto@andes.pe", role)).await.unwrap();
    let other_stand = store.ask_stand(&ask(fair, beta, beto, &[]), NOW).await.unwrap().unwrap();
    let answer = StandAnswer { stand_id: other_stand, to: StandStatus::Accepted, reason: "", by: beto, mail: None };
    assert!(store.answer_stand(&answer, NOW).await.unwrap());
    let theirs = slots(other_stand, beto, LIVE + HOUR, LIVE + 2 * HOUR, 30 * 60, 0);
    let theirs = store.publish_slots(&theirs, NOW).await.unwrap().unwrap()[0];

    let ana = store.create_account(&account("ana@example.pe", seeker_role())).await.unwrap();
    let c = store.open_chat(stand, ana, "¿Tienen entrevistas?", LIVE).await.unwrap().unwrap().conversation_id;
    let taken = ChatHandover { conversation_id: c, stand_id: stand, from: None, to: rosa };
    assert!(store.assign_chat(&taken, LIVE).await.unwrap());
    let offer = |slot| NewChatMessage { offer: Some(slot), ..from_company(c, rosa, "Te ofrezco una entrevista") };
    for (slot, why) in [(started, "started"), (booked, "booked"), (theirs, "another stand's"), (free + 999, "unknown")]
    {
        assert_eq!(store.post_chat_message(&offer(slot), LIVE + 1).await.unwrap(), None, "{why}");
    }
    // Her own message never carries one.
    let hers = NewChatMessage { offer: Some(free), ..from_seeker(c, ana, "¿Y la mía?") };
    assert!(store.post_chat_message(&hers, LIVE + 1).await.unwrap().is_some());
    assert!(store.post_chat_message(&offer(free), LIVE + 2).await.unwrap().is_some());
    let offers: Vec<_> = store.chat_messages(c, 0).await.unwrap().into_iter().map(|m| m.offer).collect();
    assert_eq!(offers, [None, None, Some(free)]);
    // Withdrawn, the message stays as text.
    let tell = |_: &senda::fairs::stands::slots::store::StoredBooking| -> OutgoingMail { unreachable!("no booking") };
    assert!(store.withdraw_slot(free, stand, LIVE + 3, &tell).await.unwrap());
    let offers: Vec<_> = store.chat_messages(c, 0).await.unwrap().into_iter().map(|m| m.offer).collect();
    assert_eq!(offers, [None, None, None]);
}
