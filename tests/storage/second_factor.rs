//! Storage of second factors: an app's code steps taken once and in order, recovery codes used
//! once, the session marked, and removal with or without ending the sessions.

use super::*;
use senda::second_factor::store::NewTotp;

on_both_engines!(
    an_app_is_kept_once_and_its_steps_are_taken_in_order,
    recovery_codes_work_once_and_a_new_set_replaces_the_old,
    removing_a_second_factor_ends_sessions_only_when_asked,
);

const NOW: i64 = 1_800_000_000;

fn event(action: AuditAction, account_id: i64) -> AuditEvent {
    AuditEvent::new(action, NOW, "203.0.113.5").about(account_id)
}

async fn enrolled(db: &common::TestDb, email: &str, hashes: &[String]) -> i64 {
    let store = &db.store;
    let id = store.create_account(&account(email, seeker_role())).await.unwrap();
    store.create_session(&session_for(id, &email[..1], NOW)).await.unwrap();
    let totp = NewTotp { secret: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", step: 100, recovery_hashes: hashes };
    assert!(store
        .enrol_totp(id, &totp, &email[..1].repeat(64), &event(AuditAction::SecondFactorAdded, id))
        .await
        .unwrap());
    id
}

async fn an_app_is_kept_once_and_its_steps_are_taken_in_order(db: &common::TestDb) {
    let store = &db.store;
    let id = enrolled(db, "app@example.pe", &[]).await;
    let session = "a".repeat(64);
    let record = store.session(&session).await.unwrap().unwrap();
    assert!(record.has_second_factor);
    assert_eq!(record.second_factor_at, Some(NOW), "setting it up passes it");
    let again = NewTotp { secret: "MZXW6YTBOI", step: 200, recovery_hashes: &[] };
    assert!(!store.enrol_totp(id, &again, &session, &event(AuditAction::SecondFactorAdded, id)).await.unwrap());
    assert_eq!(store.totp_factor(id).await.unwrap().unwrap().secret, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "kept");

    let passed = |step| {
        let store = store.clone();
        let session = session.clone();
        async move { store.pass_with_totp(id, step, &session, &event(AuditAction::SecondFactorPassed, id)).await.unwrap() }
    };
    assert!(!passed(100).await, "the step that confirmed it is used");
    assert!(passed(101).await);
    assert!(!passed(101).await, "a step is taken once");
    assert!(!passed(99).await, "never an older one");
    assert!(passed(103).await);
    assert_eq!(store.totp_factor(id).await.unwrap().unwrap().last_step, 103);
    assert_eq!(
        store.factors_of(id).await.unwrap(),
        senda::second_factor::store::FactorsOf { app: true, passkeys: 0, recovery_codes_left: 0 }
    );
}

async fn recovery_codes_work_once_and_a_new_set_replaces_the_old(db: &common::TestDb) {
    let store = &db.store;
    let first: Vec<String> = (0..3).map(|n| format!("first-{n}")).collect();
    let id = enrolled(db, "codes@example.pe", &first).await;
    let session = "c".repeat(64);
    let used = |hash: String| {
        let store = store.clone();
        let session = session.clone();
        async move {
            store.pass_with_recovery_code(id, &hash, &session, &event(AuditAction::RecoveryCodeUsed, id)).await.unwrap()
        }
    };
    assert_eq!(used("first-1".into()).await, Some(2));
    assert_eq!(used("first-1".into()).await, None, "once");
    assert_eq!(used("nope".into()).await, None);
    let other = store.create_account(&account("other@example.pe", seeker_role())).await.unwrap();
    assert_eq!(
        store
            .pass_with_recovery_code(other, "first-0", &session, &event(AuditAction::RecoveryCodeUsed, other))
            .await
            .unwrap(),
        None,
        "another account's code"
    );
    let second: Vec<String> = (0..10).map(|n| format!("second-{n}")).collect();
    store.replace_recovery_codes(id, &second, &event(AuditAction::RecoveryCodesReplaced, id)).await.unwrap();
    assert_eq!(used("first-0".into()).await, None, "the old set stopped working");
    assert_eq!(used("second-9".into()).await, Some(9));
    let logged = store.audit_events(&AuditQuery { limit: 50, ..Default::default() }).await.unwrap();
    assert!(
        logged.iter().any(|e| e.action == "recovery_code_used" && e.detail == "2"),
        "the log says how many were left"
    );
}

async fn removing_a_second_factor_ends_sessions_only_when_asked(db: &common::TestDb) {
    let store = &db.store;
    let id = enrolled(db, "remove@example.pe", &["x".to_string()]).await;
    store.remove_second_factor(id, false, None, &event(AuditAction::SecondFactorRemoved, id)).await.unwrap();
    assert_eq!(store.factors_of(id).await.unwrap(), Default::default());
    let record = store.session(&"r".repeat(64)).await.unwrap().unwrap();
    assert!(!record.has_second_factor, "the session stays, without a factor to ask for");

    let other = enrolled(db, "lost@example.pe", &[]).await;
    let told = mail("lost@example.pe");
    store.remove_second_factor(other, true, Some(&told), &event(AuditAction::SecondFactorReset, other)).await.unwrap();
    assert!(store.session(&"l".repeat(64)).await.unwrap().is_none(), "every session ended");
    assert_eq!(store.mail_to("lost@example.pe").await.unwrap().len(), 1, "the person is told");
    assert!(store.totp_factor(other).await.unwrap().is_none());
}
