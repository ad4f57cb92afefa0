//! Storage of fair registrations: registering with accommodation requests (each due as the
//! rules say), never past the capacity — not even when many register for the last places at
//! once — nor after registration closes; cancelling frees the place, registering again
//! replaces the old requests; the organiser's answers, their messages queued with them.

use super::fairs::{fair, DAY, NOW};
use super::*;
use senda::fairs::registrations::rules::answer_due;
use senda::fairs::registrations::store::{NeedAnswer, NeedAsk, NewRegistration, Registering};
use senda::fairs::registrations::{FairNeed, NeedStatus, RegistrationStatus};
use senda::fairs::{FairDraft, FairStatus};

on_both_engines!(
    people_register_within_capacity_and_are_answered,
    registration_closes_with_its_deadline_and_the_fair,
    the_last_places_go_to_exactly_as_many_as_there_are,
);

/// A published fair of a new centre, `days` days ahead, taking `capacity` people; its id, the
/// organiser's account and the draft.
async fn open_fair(store: &dyn senda::server::db::Store, days: i64, capacity: i64) -> (i64, i64, FairDraft) {
    let centre = store.insert_centre(&super::centre("CEM Cusco")).await.unwrap();
    let organiser = store.create_account(&account("organiza@example.pe", seeker_role())).await.unwrap();
    let draft = FairDraft { capacity, ..fair(centre, days * DAY) };
    let id = store.create_fair(&draft, organiser, NOW - DAY).await.unwrap();
    assert!(store.move_fair(id, FairStatus::Draft, FairStatus::Published, NOW - DAY).await.unwrap());
    (id, organiser, draft)
}

async fn seeker(store: &dyn senda::server::db::Store, email: &str) -> i64 {
    store.create_account(&account(email, seeker_role())).await.unwrap()
}

fn registration(fair_id: i64, account_id: i64, needs: &[(FairNeed, &str)]) -> NewRegistration {
    let needs = needs.iter().map(|(need, details)| NeedAsk { need: *need, details: details.to_string() }).collect();
    NewRegistration { fair_id, account_id, by: account_id, needs, mail: None }
}

async fn people_register_within_capacity_and_are_answered(db: &common::TestDb) {
    let store = db.store.as_ref();
    let (fair_id, organiser, draft) = open_fair(store, 10, 2).await;
    let (rosa, ana, luis) = (
        seeker(store, "rosa@example.pe").await,
        seeker(store, "ana@example.pe").await,
        seeker(store, "luis@example.pe").await,
    );
    let needs = [(FairNeed::Other, "Una silla cerca de la puerta"), (FairNeed::LspInterpreter, "")];
    let Registering::Registered(id) = store.register(&registration(fair_id, rosa, &needs), NOW).await.unwrap() else {
        panic!("a place was free")
    };
    assert_eq!(store.register(&registration(fair_id, rosa, &[]), NOW + 1).await.unwrap(), Registering::Already);

    let read = store.registration(fair_id, rosa).await.unwrap().unwrap();
    assert_eq!(
        (read.id, read.status, read.registered_by, read.registered_at),
        (id, RegistrationStatus::Registered, Some(rosa), NOW)
    );
    let asked: Vec<_> = read.needs.iter().map(|n| (n.need, n.details.as_str(), n.status, n.due_at)).collect();
    let due = answer_due(NOW, draft.starts_at);
    assert_eq!(
        asked,
        [
            (FairNeed::LspInterpreter, "", NeedStatus::Asked, due),
            (FairNeed::Other, "Una silla cerca de la puerta", NeedStatus::Asked, due)
        ],
        "in the list's order"
    );
    assert_eq!(store.waiting_needs_due(fair_id).await.unwrap(), [due, due], "both wait for an answer");

    // Two places: the third person waits for one to be freed.
    assert!(matches!(store.register(&registration(fair_id, ana, &[]), NOW).await.unwrap(), Registering::Registered(_)));
    assert_eq!(store.register(&registration(fair_id, luis, &[]), NOW).await.unwrap(), Registering::Full);
    assert!(store.cancel_registration(fair_id, ana, None, NOW + 60).await.unwrap());
    assert!(!store.cancel_registration(fair_id, ana, None, NOW + 61).await.unwrap(), "cancelled once");
    assert!(matches!(
        store.register(&registration(fair_id, luis, &[]), NOW + 120).await.unwrap(),
        Registering::Registered(_)
    ));
    assert_eq!(store.register(&registration(fair_id, ana, &[]), NOW + 180).await.unwrap(), Registering::Full);
    let names: Vec<_> = store.fair_registrations(fair_id).await.unwrap().into_iter().map(|r| r.account_id).collect();
    assert_eq!(names.len(), 2, "those in force");
    assert!(names.contains(&rosa) && names.contains(&luis));
    assert!(store.registrations_of(ana).await.unwrap().is_empty(), "hers was cancelled");
    let rosas: Vec<_> = store.registrations_of(rosa).await.unwrap().into_iter().map(|r| (r.fair_id, r.id)).collect();
    assert_eq!(rosas, [(fair_id, id)]);

    // The organiser answers; the person's message goes with the answer.
    let told = OutgoingMail {
        to: "rosa@example.pe".into(),
        subject: "Tu pedido".into(),
        body: "…".into(),
        ..Default::default()
    };
    let answer = NeedAnswer {
        registration_id: id,
        need: FairNeed::LspInterpreter,
        to: NeedStatus::NotPossible,
        answer: "No hay intérpretes ese día.",
        by: organiser,
        mail: Some(&told),
    };
    assert!(store.answer_need(&answer, NOW + 300).await.unwrap());
    assert_eq!(store.waiting_needs_due(fair_id).await.unwrap(), [due], "one answered");
    assert!(
        !store.answer_need(&NeedAnswer { need: FairNeed::Breaks, ..answer.clone() }, NOW).await.unwrap(),
        "not asked"
    );
    assert_eq!(store.mail_to("rosa@example.pe").await.unwrap().len(), 1);
    let read = store.registration(fair_id, rosa).await.unwrap().unwrap();
    let lsp = &read.needs[0];
    assert_eq!(
        (lsp.status, lsp.answer.as_str(), lsp.answered_at),
        (NeedStatus::NotPossible, "No hay intérpretes ese día.", Some(NOW + 300))
    );

    // Registering again after cancelling (by her counsellor, who tells her): the same row, the
    // new requests only; the messages go with the changes.
    let cancelled = OutgoingMail {
        to: "rosa@example.pe".into(),
        subject: "Cancelada".into(),
        body: "…".into(),
        ..Default::default()
    };
    assert!(store.cancel_registration(fair_id, rosa, Some(&cancelled), NOW + 400).await.unwrap());
    assert!(!store.cancel_registration(fair_id, rosa, Some(&cancelled), NOW + 401).await.unwrap());
    assert_eq!(store.mail_to("rosa@example.pe").await.unwrap().len(), 2, "queued once, with the change");
    assert!(!store.answer_need(&answer, NOW + 401).await.unwrap(), "a cancelled registration is not answered");
    let registered = OutgoingMail { subject: "Inscrita".into(), ..cancelled };
    let by_counsellor = NewRegistration {
        by: organiser,
        mail: Some(registered),
        ..registration(fair_id, rosa, &[(FairNeed::Breaks, "")])
    };
    let again = store.register(&by_counsellor, NOW + 500).await.unwrap();
    assert_eq!(again, Registering::Registered(id));
    assert_eq!(store.mail_to("rosa@example.pe").await.unwrap().len(), 3);
    let read = store.registration(fair_id, rosa).await.unwrap().unwrap();
    assert_eq!(read.needs.iter().map(|n| n.need).collect::<Vec<_>>(), [FairNeed::Breaks]);
    assert_eq!(read.registered_by, Some(organiser));
}

async fn registration_closes_with_its_deadline_and_the_fair(db: &common::TestDb) {
    let store = db.store.as_ref();
    let (fair_id, organiser, draft) = open_fair(store, 10, 300).await;
    let rosa = seeker(store, "rosa@example.pe").await;
    let late = draft.registration_closes_at;
    assert_eq!(store.register(&registration(fair_id, rosa, &[]), late).await.unwrap(), Registering::Closed);
    assert_eq!(store.register(&registration(fair_id + 99, rosa, &[]), NOW).await.unwrap(), Registering::Closed);
    let draft_only = store.create_fair(&draft, organiser, NOW).await.unwrap();
    assert_eq!(store.register(&registration(draft_only, rosa, &[]), NOW).await.unwrap(), Registering::Closed);
    assert!(matches!(
        store.register(&registration(fair_id, rosa, &[]), NOW).await.unwrap(),
        Registering::Registered(_)
    ));
    assert!(!store.cancel_registration(fair_id, rosa, None, draft.ends_at).await.unwrap(), "after the fair");
    assert!(store.move_fair(fair_id, FairStatus::Published, FairStatus::Cancelled, NOW).await.unwrap());
    let ana = seeker(store, "ana@example.pe").await;
    assert_eq!(store.register(&registration(fair_id, ana, &[]), NOW).await.unwrap(), Registering::Closed);
}

async fn the_last_places_go_to_exactly_as_many_as_there_are(db: &common::TestDb) {
    let (fair_id, _, _) = open_fair(db.store.as_ref(), 10, 3).await;
    let mut people = Vec::new();
    for n in 0..12 {
        people.push(seeker(db.store.as_ref(), &format!("persona{n}@example.pe")).await);
    }
    let mut attempts = tokio::task::JoinSet::new();
    for account_id in people {
        let store = db.store.clone();
        attempts.spawn(async move { store.register(&registration(fair_id, account_id, &[]), NOW).await.unwrap() });
    }
    let outcomes = attempts.join_all().await;
    let registered = outcomes.iter().filter(|o| matches!(o, Registering::Registered(_))).count();
    assert_eq!(registered, 3, "{outcomes:?}");
    assert!(outcomes.iter().all(|o| matches!(o, Registering::Registered(_) | Registering::Full)), "{outcomes:?}");
    assert_eq!(db.store.fair_registrations(fair_id).await.unwrap().len(), 3);
}
