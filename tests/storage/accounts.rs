//! Accounts and their sessions, emailed links, outgoing mail and rate-limit counters.

use super::*;

on_both_engines!(
    an_account_is_created_with_its_role_and_its_email_is_unique,
    a_role_must_name_the_organisation_it_acts_for,
    sessions_are_stored_by_hash_touched_and_deleted,
    a_stronger_password_hash_replaces_the_old_one,
    a_signed_up_account_waits_for_its_link_which_works_once,
    a_reset_link_sets_the_password_ends_every_session_and_voids_other_links,
    changing_the_password_ends_the_other_sessions_only,
    a_pending_link_dies_with_a_password_change_a_reset_or_signing_out_the_others,
    my_sessions_are_listed_and_only_mine_can_be_ended,
    mail_is_claimed_by_one_sender_at_a_time_until_sent,
    rate_limit_counters_count_per_bucket_and_window,
    expired_rows_are_purged,
);

pub(crate) fn account(email: &str, role: RoleGrant) -> NewAccount {
    NewAccount {
        email: Email::parse(email).unwrap(),
        name: "Juan Mamani".into(),
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo".into(),
        role,
        email_verified: true,
        now: 1_700_000_000,
    }
}

pub(crate) fn seeker_role() -> RoleGrant {
    RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }
}

async fn an_account_is_created_with_its_role_and_its_email_is_unique(db: &common::TestDb) {
    let store = &db.store;
    let id = store.create_account(&account("juan@example.pe", seeker_role())).await.unwrap();
    let actor = store.account_actor(id).await.unwrap().unwrap();
    assert_eq!(actor.email, "juan@example.pe");
    assert_eq!(actor.roles, vec![seeker_role()]);
    let credentials = store.credentials("juan@example.pe").await.unwrap().unwrap();
    assert_eq!(credentials.account_id, id);
    assert!(store.credentials("nadie@example.pe").await.unwrap().is_none());

    let err = store.create_account(&account("juan@example.pe", seeker_role())).await.unwrap_err();
    assert!(matches!(err, DbError::Conflict(Rule::AccountEmail)), "{err:?}");
    assert!(store.account_actor(id + 1).await.unwrap().is_none(), "nothing half-stored");
}

async fn a_role_must_name_the_organisation_it_acts_for(db: &common::TestDb) {
    let store = &db.store;
    // An employer without a company, or a seeker tied to one, is refused by the schema itself.
    let orphan = RoleGrant { role: Role::Employer, company_id: None, centre_id: None };
    assert!(store.create_account(&account("sin-empresa@example.pe", orphan)).await.is_err());
    assert!(store.credentials("sin-empresa@example.pe").await.unwrap().is_none(), "the account was rolled back too");

    let company = store.insert_company(&company("Empleadora S.A.C.", "20601234565")).await.unwrap();
    let employer = RoleGrant { role: Role::Employer, company_id: Some(company), centre_id: None };
    let id = store.create_account(&account("rrhh@example.pe", employer.clone())).await.unwrap();
    assert_eq!(store.account_actor(id).await.unwrap().unwrap().roles, vec![employer]);

    let missing = RoleGrant { role: Role::Employer, company_id: Some(company + 1000), centre_id: None };
    assert!(store.create_account(&account("fantasma@example.pe", missing)).await.is_err(), "foreign keys are on");
}

async fn sessions_are_stored_by_hash_touched_and_deleted(db: &common::TestDb) {
    let store = &db.store;
    let id = store.create_account(&account("sesion@example.pe", seeker_role())).await.unwrap();
    let session = NewSession {
        token_hash: "ab".repeat(32),
        account_id: id,
        now: 1_700_000_000,
        expires_at: 1_700_086_400,
        user_agent: "Mozilla/5.0 (Android 10)".into(),
        second_factor_at: None,
    };
    store.create_session(&session).await.unwrap();
    let record = store.session(&session.token_hash).await.unwrap().unwrap();
    assert_eq!((record.actor.account_id, record.last_seen_at, record.expires_at), (id, 1_700_000_000, 1_700_086_400));
    store.touch_session(&session.token_hash, 1_700_000_600).await.unwrap();
    assert_eq!(store.session(&session.token_hash).await.unwrap().unwrap().last_seen_at, 1_700_000_600);
    assert!(store.session(&"cd".repeat(32)).await.unwrap().is_none());
    store.delete_session(&session.token_hash).await.unwrap();
    assert!(store.session(&session.token_hash).await.unwrap().is_none());
}

async fn a_stronger_password_hash_replaces_the_old_one(db: &common::TestDb) {
    let store = &db.store;
    let id = store.create_account(&account("rehash@example.pe", seeker_role())).await.unwrap();
    store.set_password_hash(id, "$argon2id$v=19$m=65536,t=3,p=1$bmV3c2FsdA$bmV3aGFzaA").await.unwrap();
    assert!(store.credentials("rehash@example.pe").await.unwrap().unwrap().password_hash.contains("m=65536"));
}

pub(crate) fn token(hash_char: &str, purpose: TokenPurpose, now: i64, lifetime: i64) -> NewToken {
    NewToken { token_hash: hash_char.repeat(64), purpose, now, expires_at: now + lifetime }
}

pub(crate) fn mail(to: &str) -> OutgoingMail {
    OutgoingMail { to: to.into(), subject: "Asunto".into(), body: "Cuerpo con enlace".into(), ..Default::default() }
}

pub(crate) fn session_for(account_id: i64, hash_char: &str, now: i64) -> NewSession {
    NewSession {
        token_hash: hash_char.repeat(64),
        account_id,
        now,
        expires_at: now + 3600,
        user_agent: format!("navegador {hash_char}"),
        second_factor_at: None,
    }
}

async fn a_signed_up_account_waits_for_its_link_which_works_once(db: &common::TestDb) {
    let store = &db.store;
    let now = 1_700_000_000;
    let new = NewAccount { email_verified: false, ..account("nueva@example.pe", seeker_role()) };
    let id = store
        .create_account_with_link(
            &new,
            &token("a", TokenPurpose::VerifyEmail, now, 86_400),
            &mail("nueva@example.pe"),
            None,
        )
        .await
        .unwrap();
    assert!(!store.credentials("nueva@example.pe").await.unwrap().unwrap().email_verified);
    assert_eq!(store.mail_to("nueva@example.pe").await.unwrap().len(), 1, "the link went out with the account");

    let hash = "a".repeat(64);
    assert_eq!(store.token_account(&hash, TokenPurpose::VerifyEmail, now + 10).await.unwrap(), Some(id));
    assert_eq!(
        store.token_account(&hash, TokenPurpose::ResetPassword, now + 10).await.unwrap(),
        None,
        "one purpose only"
    );
    assert_eq!(store.verify_email(&hash, now + 10).await.unwrap(), Some(id));
    assert!(store.credentials("nueva@example.pe").await.unwrap().unwrap().email_verified);
    assert_eq!(store.verify_email(&hash, now + 20).await.unwrap(), None, "a link works once");

    // A taken address signs up nothing, and no message is left behind.
    let again = store
        .create_account_with_link(
            &new,
            &token("b", TokenPurpose::VerifyEmail, now, 86_400),
            &mail("nueva@example.pe"),
            None,
        )
        .await;
    assert!(matches!(again, Err(DbError::Conflict(Rule::AccountEmail))), "{again:?}");
    assert_eq!(store.mail_to("nueva@example.pe").await.unwrap().len(), 1, "rolled back with the account");

    let late = store
        .create_account(&NewAccount { email_verified: false, ..account("tarde@example.pe", seeker_role()) })
        .await
        .unwrap();
    store.issue_token(late, &token("c", TokenPurpose::VerifyEmail, now, 60), &mail("tarde@example.pe")).await.unwrap();
    assert_eq!(store.verify_email(&"c".repeat(64), now + 61).await.unwrap(), None, "an expired link works never");
}

async fn a_reset_link_sets_the_password_ends_every_session_and_voids_other_links(db: &common::TestDb) {
    let store = &db.store;
    let now = 1_700_000_000;
    let id = store.create_account(&account("olvido@example.pe", seeker_role())).await.unwrap();
    store.create_session(&session_for(id, "1", now)).await.unwrap();
    store.create_session(&session_for(id, "2", now)).await.unwrap();
    store
        .issue_token(id, &token("d", TokenPurpose::ResetPassword, now, 3600), &mail("olvido@example.pe"))
        .await
        .unwrap();
    store
        .issue_token(id, &token("e", TokenPurpose::ResetPassword, now, 3600), &mail("olvido@example.pe"))
        .await
        .unwrap();

    assert_eq!(
        store
            .reset_password(&"d".repeat(64), "$argon2id$nuevo", &event(AuditAction::PasswordReset, now + 5))
            .await
            .unwrap(),
        Some(id)
    );
    assert_eq!(store.password_hash(id).await.unwrap().as_deref(), Some("$argon2id$nuevo"));
    assert!(store.sessions_of(id).await.unwrap().is_empty(), "every session ended");
    assert_eq!(
        store
            .reset_password(&"d".repeat(64), "$argon2id$otro", &event(AuditAction::PasswordReset, now + 6))
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        store
            .reset_password(&"e".repeat(64), "$argon2id$otro", &event(AuditAction::PasswordReset, now + 6))
            .await
            .unwrap(),
        None,
        "older links void"
    );
    assert_eq!(store.password_hash(id).await.unwrap().as_deref(), Some("$argon2id$nuevo"));
}

async fn changing_the_password_ends_the_other_sessions_only(db: &common::TestDb) {
    let store = &db.store;
    let now = 1_700_000_000;
    let id = store.create_account(&account("cambio@example.pe", seeker_role())).await.unwrap();
    for c in ["1", "2", "3"] {
        store.create_session(&session_for(id, c, now)).await.unwrap();
    }
    store
        .change_password(id, "$argon2id$cambiada", &"2".repeat(64), &event(AuditAction::PasswordChanged, now).by(id))
        .await
        .unwrap();
    let left: Vec<_> = store.sessions_of(id).await.unwrap().into_iter().map(|s| s.token_hash).collect();
    assert_eq!(left, vec!["2".repeat(64)]);
    assert_eq!(store.password_hash(id).await.unwrap().as_deref(), Some("$argon2id$cambiada"));
}

/// A link sent before must not outlive the credentials: whoever knew the old password could
/// otherwise still move the account to their own address a day later.
async fn a_pending_link_dies_with_a_password_change_a_reset_or_signing_out_the_others(db: &common::TestDb) {
    let store = &db.store;
    let now = 1_700_000_000;
    let id = store.create_account(&account("robada@example.pe", seeker_role())).await.unwrap();
    store.create_session(&session_for(id, "1", now)).await.unwrap();
    let pending = |c: &'static str, at: i64| {
        let store = store.clone();
        async move {
            let link = token(c, TokenPurpose::ChangeEmail, at, 86_400);
            store.issue_email_change(id, &link, "ladron@example.pe", &[]).await.unwrap();
        }
    };
    let still_works = |c: &'static str, at: i64| {
        let store = store.clone();
        async move {
            let used = store.change_email(&c.repeat(64), &event(AuditAction::EmailChanged, at)).await.unwrap();
            used != EmailChange::InvalidLink
        }
    };

    pending("a", now).await;
    store
        .change_password(
            id,
            "$argon2id$cambiada",
            &"1".repeat(64),
            &event(AuditAction::PasswordChanged, now + 1).by(id),
        )
        .await
        .unwrap();
    assert!(!still_works("a", now + 2).await, "a password change voids it");

    pending("b", now + 3).await;
    assert_eq!(store.delete_other_sessions(id, &"1".repeat(64), now + 4).await.unwrap(), 0);
    assert!(!still_works("b", now + 5).await, "signing out the others voids it");

    pending("c", now + 6).await;
    store
        .issue_token(id, &token("d", TokenPurpose::ResetPassword, now + 6, 3600), &mail("robada@example.pe"))
        .await
        .unwrap();
    let reset = event(AuditAction::PasswordReset, now + 7);
    assert_eq!(store.reset_password(&"d".repeat(64), "$argon2id$nueva", &reset).await.unwrap(), Some(id));
    assert!(!still_works("c", now + 8).await, "a reset voids it");
    assert_eq!(store.account_actor(id).await.unwrap().unwrap().email, "robada@example.pe", "the address never moved");

    pending("e", now + 9).await;
    assert!(still_works("e", now + 10).await, "a link sent after the change works");

    // The owner cancels from the warning: the link dies, once, and the log says so.
    pending("f", now + 11).await;
    assert_eq!(store.pending_email_change(id, now + 12).await.unwrap().as_deref(), Some("ladron@example.pe"));
    assert_eq!(store.pending_email_change(id, now + 11 + 86_400).await.unwrap(), None, "expired");
    assert!(store.cancel_email_change(id, &event(AuditAction::EmailChangeCancelled, now + 12)).await.unwrap());
    assert!(!store.cancel_email_change(id, &event(AuditAction::EmailChangeCancelled, now + 13)).await.unwrap());
    assert_eq!(store.pending_email_change(id, now + 14).await.unwrap(), None);
    assert!(!still_works("f", now + 15).await, "a cancelled change voids it");
    let cancelled = AuditQuery { action: Some("email_change_cancelled".into()), limit: 10, ..Default::default() };
    assert_eq!(store.audit_events(&cancelled).await.unwrap().len(), 1);
}

async fn my_sessions_are_listed_and_only_mine_can_be_ended(db: &common::TestDb) {
    let store = &db.store;
    let now = 1_700_000_000;
    let me = store.create_account(&account("yo@example.pe", seeker_role())).await.unwrap();
    let other = store.create_account(&account("otra@example.pe", seeker_role())).await.unwrap();
    store.create_session(&session_for(me, "1", now)).await.unwrap();
    store.create_session(&session_for(me, "2", now + 5)).await.unwrap();
    store.create_session(&session_for(other, "3", now)).await.unwrap();
    store.touch_session(&"1".repeat(64), now + 60).await.unwrap();

    let mine = store.sessions_of(me).await.unwrap();
    assert_eq!(mine.iter().map(|s| &s.token_hash[..1]).collect::<Vec<_>>(), ["1", "2"], "most recently used first");
    assert_eq!(mine[0].user_agent, "navegador 1");

    assert!(!store.delete_session_of(me, &"3".repeat(64)).await.unwrap(), "another account's session is not mine");
    assert!(store.session(&"3".repeat(64)).await.unwrap().is_some());
    assert!(store.delete_session_of(me, &"2".repeat(64)).await.unwrap());
    store.create_session(&session_for(me, "4", now)).await.unwrap();
    assert_eq!(store.delete_other_sessions(me, &"1".repeat(64), 1_700_000_000).await.unwrap(), 1);
    assert_eq!(store.sessions_of(me).await.unwrap().len(), 1);
    assert_eq!(store.sessions_of(other).await.unwrap().len(), 1, "nobody else's ended");
}

async fn mail_is_claimed_by_one_sender_at_a_time_until_sent(db: &common::TestDb) {
    let store = &db.store;
    let now = 1_700_000_000;
    let first = store.queue_mail(&mail("a@example.pe"), now).await.unwrap();
    let second = store.queue_mail(&mail("b@example.pe"), now).await.unwrap();

    let claimed = store.claim_mail(now, 300).await.unwrap().unwrap();
    assert_eq!((claimed.id, claimed.attempts), (first, 1), "oldest first");
    assert_eq!(store.claim_mail(now, 300).await.unwrap().unwrap().id, second, "a claimed message is skipped");
    assert!(store.claim_mail(now, 300).await.unwrap().is_none());

    store.mark_mail_sent(first, "log", now + 1).await.unwrap();
    // The claim on the second lapses (its sender died): it is offered again, the sent one never.
    let retried = store.claim_mail(now + 301, 300).await.unwrap().unwrap();
    assert_eq!((retried.id, retried.attempts), (second, 2));
    assert!(store.claim_mail(now + 10_000, 300).await.unwrap().map(|m| m.id) != Some(first));

    let sent = store.mail_to("a@example.pe").await.unwrap();
    assert_eq!((sent[0].sent_at, sent[0].sent_via.as_deref()), (Some(now + 1), Some("log")));
    assert_eq!(sent[0].body, "", "a delivered message keeps no link a backup could hand on");
    assert_eq!(store.mail_to("b@example.pe").await.unwrap()[0].body, "Cuerpo con enlace", "until it is delivered");
}

async fn rate_limit_counters_count_per_bucket_and_window(db: &common::TestDb) {
    let store = &db.store;
    assert_eq!(store.hits("x", 600).await.unwrap(), 0);
    assert_eq!(store.hit("x", 600).await.unwrap(), 1);
    assert_eq!(store.hit("x", 600).await.unwrap(), 2);
    assert_eq!(store.hit("y", 600).await.unwrap(), 1, "buckets count apart");
    assert_eq!(store.hits("x", 600).await.unwrap(), 2);
    assert_eq!(store.hit("x", 1200).await.unwrap(), 1, "a new window starts again");
    assert_eq!(store.hits("x", 600).await.unwrap(), 0, "the old window is gone");

    // Many attempts at once, as from several app servers: each counts exactly once.
    let mut attempts = tokio::task::JoinSet::new();
    for _ in 0..20 {
        let store = store.clone();
        attempts.spawn(async move { store.hit("z", 600).await.unwrap() });
    }
    let mut counts = attempts.join_all().await;
    counts.sort();
    assert_eq!(counts, (1..=20).collect::<Vec<_>>());
}

async fn expired_rows_are_purged(db: &common::TestDb) {
    let store = &db.store;
    let now = 1_700_000_000;
    let id = store.create_account(&account("viejo@example.pe", seeker_role())).await.unwrap();
    store.create_session(&session_for(id, "1", now - 7200)).await.unwrap();
    store.create_session(&session_for(id, "2", now)).await.unwrap();
    store
        .issue_token(id, &token("f", TokenPurpose::ResetPassword, now - 200_000, 3600), &mail("viejo@example.pe"))
        .await
        .unwrap();
    store.hit("viejo", now - 200_000).await.unwrap();
    store.hit("nuevo", now).await.unwrap();

    let month = 30 * 86_400;
    let old = store.queue_mail(&mail("enviado@example.pe"), now - 2 * month).await.unwrap();
    store.mark_mail_sent(old, "smtp", now - 2 * month).await.unwrap();
    let recent = store.queue_mail(&mail("enviado@example.pe"), now - 86_400).await.unwrap();
    store.mark_mail_sent(recent, "smtp", now - 86_400).await.unwrap();
    store.queue_mail(&mail("pendiente@example.pe"), now - 2 * month).await.unwrap();

    assert_eq!(store.purge_expired(now, &Retention { mail: month, chats: month, applicants: month }).await.unwrap(), 4);
    assert_eq!(store.sessions_of(id).await.unwrap().len(), 1, "the live session stays");
    assert_eq!(store.hits("nuevo", now).await.unwrap(), 1);
    let kept: Vec<_> = store.mail_to("enviado@example.pe").await.unwrap().into_iter().map(|m| m.id).collect();
    assert_eq!(kept, vec![recent], "delivered mail goes after the time it is kept");
    assert_eq!(store.mail_to("pendiente@example.pe").await.unwrap().len(), 1, "mail not yet sent is never purged");
}
