//! Saved searches and their alerts.

use super::*;

on_both_engines!(a_saved_search_is_kept_once_taken_by_one_server_a_day_and_stopped_by_its_secret,);

async fn a_saved_search_is_kept_once_taken_by_one_server_a_day_and_stopped_by_its_secret(db: &common::TestDb) {
    use senda::alerts::{ALERT_PERIOD_SECS as DAY, MAX_SAVED};
    let store = &db.store;
    let rosa = store.create_account(&account("rosa@example.pe", seeker_role())).await.unwrap();
    let juan = store.create_account(&account("juan@example.pe", seeker_role())).await.unwrap();
    let now = 1_700_000_000;
    let token = |n: u8| format!("{n:064x}");
    let first = store.save_search(rosa, "q=almacen&region=cusco", &token(1), now, DAY).await.unwrap().unwrap();
    assert_eq!(store.save_search(rosa, "q=almacen&region=cusco", &token(2), now, DAY).await.unwrap(), None, "once");
    store.save_search(juan, "q=almacen&region=cusco", &token(3), now, DAY).await.unwrap().unwrap();
    let mine = store.saved_searches(rosa).await.unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!((mine[0].id, mine[0].query.as_str(), mine[0].told_until), (first, "q=almacen&region=cusco", now));

    // Nothing is due before its day; then one server takes it, and another finds nothing.
    assert_eq!(store.claim_due_alert(now + DAY - 1, DAY).await.unwrap(), None);
    let due = store.claim_due_alert(now + DAY, DAY).await.unwrap().unwrap();
    assert_eq!((due.id, due.email.as_str(), due.told_until), (first, "rosa@example.pe", now));
    assert_eq!(due.unsubscribe_token, token(1));
    let other = store.claim_due_alert(now + DAY, DAY).await.unwrap().unwrap();
    assert_eq!(other.email, "juan@example.pe");
    assert_eq!(store.claim_due_alert(now + DAY, DAY).await.unwrap(), None, "each taken once");

    // Told, with its message queued in the same step.
    let message =
        OutgoingMail { unsubscribe: Some("https://senda.example/avisos/dejar?t=1".into()), ..mail("rosa@example.pe") };
    store.alert_told(first, now + DAY, Some(&message), now + DAY).await.unwrap();
    store.alert_told(other.id, now + DAY, None, now + DAY).await.unwrap();
    assert_eq!(store.saved_searches(rosa).await.unwrap()[0].told_until, now + DAY);
    let queued = store.mail_to("rosa@example.pe").await.unwrap();
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].unsubscribe_url.as_deref(), Some("https://senda.example/avisos/dejar?t=1"));
    assert!(store.mail_to("juan@example.pe").await.unwrap().is_empty(), "nothing new, no message");
    assert_eq!(store.claim_due_alert(now + 2 * DAY - 1, DAY).await.unwrap(), None, "the next a day on");

    // Stopped by its secret; deleted only by its owner; ten at most.
    assert_eq!(store.saved_search_with_token(&token(1)).await.unwrap().map(|s| s.id), Some(first));
    assert!(!store.delete_saved_search(juan, first).await.unwrap());
    assert!(store.stop_alert(&token(1)).await.unwrap());
    assert!(!store.stop_alert(&token(1)).await.unwrap());
    assert_eq!(store.saved_search_with_token(&token(1)).await.unwrap(), None);
    for n in 0..MAX_SAVED {
        store.save_search(rosa, &format!("q=oficio{n}"), &token(10 + n as u8), now, DAY).await.unwrap().unwrap();
    }
    assert!(matches!(store.save_search(rosa, "q=uno+mas", &token(99), now, DAY).await, Err(DbError::Conflict(_))));
    assert_eq!(store.saved_searches(rosa).await.unwrap().len(), MAX_SAVED);
    let last = store.saved_searches(rosa).await.unwrap()[MAX_SAVED - 1].id;
    assert!(store.delete_saved_search(rosa, last).await.unwrap());
    assert_eq!(store.saved_searches(rosa).await.unwrap().len(), MAX_SAVED - 1);
}
