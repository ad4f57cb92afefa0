//! Storage of passkeys: one handle per account, a credential kept for one account only, the
//! session marked, a ceremony taken once and never after it expired, and the recovery codes
//! going with the last second factor.

use super::*;
use senda::second_factor::passkey_store::{NewCeremony, NewPasskey};

on_both_engines!(
    a_passkey_is_kept_for_one_account_and_marks_the_session,
    a_ceremony_is_taken_once_before_it_expires,
    the_last_passkey_removed_takes_the_recovery_codes_with_it,
);

const NOW: i64 = 1_800_000_000;

fn event(action: AuditAction, account_id: i64) -> AuditEvent {
    AuditEvent::new(action, NOW, "203.0.113.5").about(account_id)
}

fn passkey<'a>(credential_id: &'a str, codes: Option<&'a [String]>) -> NewPasskey<'a> {
    NewPasskey { name: "mi teléfono", credential_id, passkey: r#"{"cred":{}}"#, recovery_hashes: codes }
}

async fn signed_in(db: &common::TestDb, email: &str) -> (i64, String) {
    let id = db.store.create_account(&account(email, seeker_role())).await.unwrap();
    db.store.create_session(&session_for(id, &email[..1], NOW)).await.unwrap();
    (id, email[..1].repeat(64))
}

async fn a_passkey_is_kept_for_one_account_and_marks_the_session(db: &common::TestDb) {
    let store = &db.store;
    let (ana, session) = signed_in(db, "ana@example.pe").await;
    let (beto, beto_session) = signed_in(db, "beto@example.pe").await;
    assert_eq!(store.passkey_handle(ana, "handle-a").await.unwrap(), "handle-a");
    assert_eq!(store.passkey_handle(ana, "handle-b").await.unwrap(), "handle-a", "one handle, kept");
    assert_eq!(store.account_of_handle("handle-a").await.unwrap(), Some(ana));
    assert_eq!(store.account_of_handle("handle-b").await.unwrap(), None);

    let codes: Vec<String> = (0..10).map(|n| format!("code-{n}")).collect();
    let added = event(AuditAction::SecondFactorAdded, ana);
    assert!(store.add_passkey(ana, &passkey("cred-1", Some(&codes)), &session, &added).await.unwrap());
    let record = store.session(&session).await.unwrap().unwrap();
    assert!(record.has_second_factor, "a passkey is a second factor");
    assert_eq!(record.second_factor_at, Some(NOW), "adding it passes it");
    let factors = store.factors_of(ana).await.unwrap();
    assert_eq!((factors.app, factors.passkeys, factors.recovery_codes_left), (false, 1, 10));
    assert!(factors.any());

    let taken = event(AuditAction::SecondFactorAdded, beto);
    assert!(!store.add_passkey(beto, &passkey("cred-1", None), &beto_session, &taken).await.unwrap());
    assert!(store.passkeys_of(beto).await.unwrap().is_empty(), "a key never signs for two people");
    assert!(!store.session(&beto_session).await.unwrap().unwrap().has_second_factor);

    let kept = store.passkeys_of(ana).await.unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        (kept[0].name.as_str(), kept[0].credential_id.as_str(), kept[0].last_used_at),
        ("mi teléfono", "cred-1", None)
    );
    let later = AuditEvent::new(AuditAction::SecondFactorPassed, NOW + 60, "203.0.113.5").about(ana);
    store.pass_with_passkey(ana, kept[0].id, Some(r#"{"cred":{"n":2}}"#), Some(&session), &later).await.unwrap();
    let used = &store.passkeys_of(ana).await.unwrap()[0];
    assert_eq!((used.last_used_at, used.passkey.as_str()), (Some(NOW + 60), r#"{"cred":{"n":2}}"#));
    assert_eq!(store.session(&session).await.unwrap().unwrap().second_factor_at, Some(NOW + 60));
    let beto_tries = AuditEvent::new(AuditAction::SecondFactorPassed, NOW + 90, "203.0.113.5").about(beto);
    store.pass_with_passkey(beto, kept[0].id, None, None, &beto_tries).await.unwrap();
    assert_eq!(store.passkeys_of(ana).await.unwrap()[0].last_used_at, Some(NOW + 60), "not another account's");
}

async fn a_ceremony_is_taken_once_before_it_expires(db: &common::TestDb) {
    let store = &db.store;
    let (ana, session) = signed_in(db, "cer@example.pe").await;
    let begun = |id: &'static str, expires_at: i64| NewCeremony {
        id,
        purpose: "register",
        account_id: Some(ana),
        session_hash: None,
        state: "{}",
        expires_at,
    };
    let mut bound = begun("one", NOW + 300);
    bound.session_hash = Some(&session);
    store.begin_ceremony(&bound, NOW).await.unwrap();
    assert!(store.take_ceremony("one", "confirm", NOW).await.unwrap().is_none(), "for its purpose only");
    let taken = store.take_ceremony("one", "register", NOW + 10).await.unwrap().unwrap();
    assert_eq!(
        (taken.account_id, taken.session_hash.as_deref(), taken.state.as_str()),
        (Some(ana), Some(session.as_str()), "{}")
    );
    assert!(store.take_ceremony("one", "register", NOW + 10).await.unwrap().is_none(), "once");

    store.begin_ceremony(&begun("late", NOW + 300), NOW).await.unwrap();
    assert!(store.take_ceremony("late", "register", NOW + 300).await.unwrap().is_none(), "expired");
    store.begin_ceremony(&begun("old", NOW + 5), NOW).await.unwrap();
    store.begin_ceremony(&begun("new", NOW + 400), NOW + 10).await.unwrap();
    let anonymous = NewCeremony {
        id: "anon",
        purpose: "sign-in",
        account_id: None,
        session_hash: None,
        state: "{}",
        expires_at: NOW + 400,
    };
    store.begin_ceremony(&anonymous, NOW + 10).await.unwrap();
    assert!(store.take_ceremony("anon", "sign-in", NOW + 20).await.unwrap().is_some());
    assert!(store.take_ceremony("new", "register", NOW + 20).await.unwrap().is_some());
}

async fn the_last_passkey_removed_takes_the_recovery_codes_with_it(db: &common::TestDb) {
    let store = &db.store;
    let (ana, session) = signed_in(db, "last@example.pe").await;
    let codes = vec!["h1".to_string(), "h2".to_string()];
    let added = event(AuditAction::SecondFactorAdded, ana);
    store.add_passkey(ana, &passkey("k1", Some(&codes)), &session, &added).await.unwrap();
    store.add_passkey(ana, &passkey("k2", None), &session, &added).await.unwrap();
    let kept = store.passkeys_of(ana).await.unwrap();
    let removed = event(AuditAction::SecondFactorRemoved, ana);
    let (other, _) = signed_in(db, "x@example.pe").await;
    assert!(!store.remove_passkey(other, kept[0].id, &removed).await.unwrap(), "only the owner's");
    assert!(store.remove_passkey(ana, kept[0].id, &removed).await.unwrap());
    assert_eq!(store.factors_of(ana).await.unwrap().recovery_codes_left, 2, "another passkey is left");
    assert!(store.remove_passkey(ana, kept[1].id, &removed).await.unwrap());
    assert_eq!(store.factors_of(ana).await.unwrap(), Default::default(), "nothing left to recover");
    assert!(!store.session(&session).await.unwrap().unwrap().has_second_factor);

    store.add_passkey(ana, &passkey("k3", Some(&codes)), &session, &added).await.unwrap();
    store.remove_second_factor(ana, false, None, &event(AuditAction::SecondFactorRemoved, ana)).await.unwrap();
    assert!(store.passkeys_of(ana).await.unwrap().is_empty(), "turning it off removes the passkeys too");
}
