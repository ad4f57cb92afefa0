//! Employers' companies: signing up with one, verifying it, joining it; an account's settings
//! and a rate limit's window.

use super::*;

on_both_engines!(
    an_employer_signs_up_with_a_new_company_or_nothing_at_all,
    a_company_is_verified_once_by_someone,
    a_request_to_join_a_company_is_decided_once,
    an_account_keeps_its_preferences_and_language,
    a_rate_limit_kicks_in_and_lifts_when_its_window_ends,
);

async fn an_employer_signs_up_with_a_new_company_or_nothing_at_all(db: &common::TestDb) {
    let store = &db.store;
    let now = 1_700_000_000;
    let employer = RoleGrant { role: Role::Employer, company_id: Some(0), centre_id: None };
    let new = NewAccount { email_verified: false, ..account("rrhh@example.pe", employer.clone()) };
    let id = store
        .sign_up_employer(
            &company("Nueva S.A.C.", "20487654320"),
            &new,
            &token("a", TokenPurpose::VerifyEmail, now, 60),
            &mail("rrhh@example.pe"),
        )
        .await
        .unwrap();
    let companies = store.list_companies().await.unwrap();
    let roles = store.account_actor(id).await.unwrap().unwrap().roles;
    assert_eq!(roles[0].company_id, Some(companies[0].id), "the role names the new company");

    // A registered RUC: no account, no message, no second company.
    let other = NewAccount { email_verified: false, ..account("otra@example.pe", employer) };
    let err = store
        .sign_up_employer(
            &company("Copia S.A.C.", "20487654320"),
            &other,
            &token("b", TokenPurpose::VerifyEmail, now, 60),
            &mail("otra@example.pe"),
        )
        .await
        .unwrap_err();
    assert!(matches!(&err, DbError::Conflict(Rule::CompanyRuc)), "{err:?}");
    assert!(store.credentials("otra@example.pe").await.unwrap().is_none());
    assert!(store.mail_to("otra@example.pe").await.unwrap().is_empty());
    assert_eq!(store.list_companies().await.unwrap().len(), 1);
}

async fn a_company_is_verified_once_by_someone(db: &common::TestDb) {
    let store = &db.store;
    let admin = store
        .create_account(&account(
            "admin@example.pe",
            RoleGrant { role: Role::Admin, company_id: None, centre_id: None },
        ))
        .await
        .unwrap();
    let id = store.insert_company(&company("Por Verificar S.A.C.", "20487654320")).await.unwrap();
    assert!(store.verify_company(id, &event(AuditAction::CompanyVerified, 1_700_000_000).by(admin)).await.unwrap());
    assert!(store.list_companies().await.unwrap()[0].verified);
    assert!(
        !store.verify_company(id, &event(AuditAction::CompanyVerified, 1_700_000_100).by(admin)).await.unwrap(),
        "already verified"
    );
    assert!(
        !store.verify_company(id + 99, &event(AuditAction::CompanyVerified, 1_700_000_100).by(admin)).await.unwrap(),
        "no such company"
    );
}

async fn a_request_to_join_a_company_is_decided_once(db: &common::TestDb) {
    let store = &db.store;
    let now = 1_700_000_000;
    let admin = store
        .create_account(&account(
            "admin@example.pe",
            RoleGrant { role: Role::Admin, company_id: None, centre_id: None },
        ))
        .await
        .unwrap();
    let company_id = store.insert_company(&company("Registrada S.A.C.", "20487654320")).await.unwrap();
    assert_eq!(store.company_id_by_ruc("20487654320").await.unwrap(), Some(company_id));
    assert_eq!(store.company_id_by_ruc("20100987652").await.unwrap(), None);

    let joiner = NewAccount { email_verified: false, ..account("nuevo@example.pe", seeker_role()) };
    let id = store
        .sign_up_joining(
            &joiner,
            company_id,
            &token("a", TokenPurpose::VerifyEmail, now, 60),
            &mail("nuevo@example.pe"),
        )
        .await
        .unwrap();
    assert!(store.account_actor(id).await.unwrap().unwrap().roles.is_empty(), "no role while waiting");
    assert_eq!(store.pending_join(id).await.unwrap().as_deref(), Some("Registrada S.A.C."));
    assert!(store.join_requests().await.unwrap().is_empty(), "listed only once the email is confirmed");
    store.verify_email(&"a".repeat(64), now + 1).await.unwrap();
    assert_eq!(store.join_requests().await.unwrap()[0].email, "nuevo@example.pe");

    store.create_session(&session_for(id, "1", now)).await.unwrap();
    let decided = store
        .decide_join_request(id, true, &event(AuditAction::RoleGranted, now + 2).by(admin))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(decided.company_id, company_id);
    let roles = store.account_actor(id).await.unwrap().unwrap().roles;
    assert_eq!(roles, vec![RoleGrant { role: Role::Employer, company_id: Some(company_id), centre_id: None }]);
    assert!(store.sessions_of(id).await.unwrap().is_empty(), "a new session with the new rights");
    assert!(
        store
            .decide_join_request(id, false, &event(AuditAction::JoinRejected, now + 3).by(admin))
            .await
            .unwrap()
            .is_none(),
        "decided once"
    );
    assert_eq!(store.pending_join(id).await.unwrap(), None);
}

async fn an_account_keeps_its_preferences_and_language(db: &common::TestDb) {
    let store = &db.store;
    let id = store.create_account(&account("prefs@example.pe", seeker_role())).await.unwrap();
    assert_eq!(store.settings(id).await.unwrap(), (None, None));
    store.save_settings(id, Some("v1:size=200"), None).await.unwrap();
    store.save_settings(id, None, Some("en")).await.unwrap();
    assert_eq!(store.settings(id).await.unwrap(), (Some("v1:size=200".into()), Some("en".into())), "each kept apart");
}

async fn a_rate_limit_kicks_in_and_lifts_when_its_window_ends(db: &common::TestDb) {
    use senda::server::auth::limits::{Limited, SIGN_IN_FAILURES_PER_ACCOUNT as LIMIT};
    let store = db.store.as_ref();
    let start = 1_700_000_100 - 1_700_000_100 % LIMIT.window_secs;
    for _ in 0..LIMIT.max {
        assert_eq!(LIMIT.hit(store, "rosa@example.pe", start + 10).await.unwrap(), Ok(()));
    }
    assert_eq!(
        LIMIT.check(store, "rosa@example.pe", start + 20).await.unwrap(),
        Err(Limited { retry_after: LIMIT.window_secs - 20 })
    );
    assert_eq!(
        LIMIT.check(store, "otra@example.pe", start + 20).await.unwrap(),
        Ok(()),
        "other accounts are not held up"
    );
    assert_eq!(LIMIT.check(store, "rosa@example.pe", start + LIMIT.window_secs).await.unwrap(), Ok(()), "lifted");
}
