//! The audit log, changes to rights, email changes, the data download and deleted accounts.

use super::*;

on_both_engines!(
    the_audit_log_is_appended_to_and_never_changed,
    the_audit_log_is_read_newest_first_by_filter,
    changes_to_rights_are_in_the_audit_log_with_the_change,
    a_second_role_is_given_and_taken_and_ends_the_sessions,
    the_last_admin_cannot_go,
    an_email_change_link_moves_the_account_once,
    an_email_change_to_a_taken_address_changes_nothing,
    my_data_holds_my_account_roles_sessions_and_activity,
    a_deleted_account_leaves_only_its_number_in_the_audit_log,
);

async fn the_audit_log_is_appended_to_and_never_changed(db: &common::TestDb) {
    let store = &db.store;
    let id = store.create_account(&account("auditada@example.pe", seeker_role())).await.unwrap();
    store.record(&event(AuditAction::SignIn, 1_700_000_000).by(id).about(id)).await.unwrap();
    store.record(&event(AuditAction::SignInFailed, 1_700_000_100).about(id)).await.unwrap();
    assert_eq!(
        audit_trail(store.as_ref()).await,
        vec![("sign_in".into(), Some(id), Some(id)), ("sign_in_failed".into(), None, Some(id))]
    );
    // The database itself refuses to change or remove a record, whatever the application does.
    for sql in ["UPDATE audit_events SET action = 'nada'", "DELETE FROM audit_events"] {
        assert!(db.execute(sql).await.is_err(), "{sql} must be refused");
    }
    assert_eq!(audit_trail(store.as_ref()).await.len(), 2, "both records are still there");
}

async fn the_audit_log_is_read_newest_first_by_filter(db: &common::TestDb) {
    let store = &db.store;
    let ana = store.create_account(&account("ana@example.pe", seeker_role())).await.unwrap();
    let luis = store.create_account(&account("luis@example.pe", seeker_role())).await.unwrap();
    let day = 86_400;
    let start = 1_700_000_000;
    for (i, (action, who)) in [
        (AuditAction::SignIn, ana),
        (AuditAction::SignInFailed, luis),
        (AuditAction::SignIn, luis),
        (AuditAction::DataExported, ana),
    ]
    .into_iter()
    .enumerate()
    {
        store.record(&event(action, start + i as i64 * day).by(who).about(who)).await.unwrap();
    }
    let read = |query: AuditQuery| async move { store.audit_events(&AuditQuery { limit: 10, ..query }).await.unwrap() };
    let all = read(AuditQuery::default()).await;
    assert_eq!(
        all.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["data_exported", "sign_in", "sign_in_failed", "sign_in"]
    );
    assert_eq!(all[0].actor.as_ref().unwrap().email.as_deref(), Some("ana@example.pe"), "names come with the events");
    assert_eq!(all[0].ip, "203.0.113.9");

    let sign_ins = read(AuditQuery { action: Some("sign_in".into()), ..AuditQuery::default() }).await;
    assert_eq!(sign_ins.len(), 2);
    let lucho = read(AuditQuery { account_id: Some(luis), ..AuditQuery::default() }).await;
    assert_eq!(lucho.len(), 2);
    let middle =
        read(AuditQuery { from: Some(start + day), until: Some(start + 2 * day), ..AuditQuery::default() }).await;
    assert_eq!(
        middle.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["sign_in_failed"],
        "from included, until not"
    );
    let first_page = store.audit_events(&AuditQuery { limit: 2, ..AuditQuery::default() }).await.unwrap();
    let next = read(AuditQuery { before: Some(first_page[1].id), ..AuditQuery::default() }).await;
    assert_eq!(next.len(), 2, "the next page starts after the last one shown");
    assert!(next.iter().all(|e| e.id < first_page[1].id));
    assert_eq!(store.account_id_by_email("luis@example.pe").await.unwrap(), Some(luis));
}

async fn changes_to_rights_are_in_the_audit_log_with_the_change(db: &common::TestDb) {
    let store = &db.store;
    let now = 1_700_000_000;
    let admin = store.create_account(&account("jefa@example.pe", admin_role())).await.unwrap();
    let company_id = store.insert_company(&company("Auditada S.A.C.", "20487654320")).await.unwrap();
    assert!(store.verify_company(company_id, &event(AuditAction::CompanyVerified, now).by(admin)).await.unwrap());
    let staff = NewAccount { email_verified: false, ..account("nuevo@example.pe", admin_role()) };
    let invited = store
        .create_account_with_link(
            &staff,
            &token("a", TokenPurpose::ResetPassword, now, 60),
            &mail("nuevo@example.pe"),
            Some(&event(AuditAction::RoleGranted, now).by(admin).detail("admin")),
        )
        .await
        .unwrap();
    store
        .change_password(
            invited,
            "$argon2id$x",
            "ninguna",
            &event(AuditAction::PasswordChanged, now).by(invited).about(invited),
        )
        .await
        .unwrap();
    store
        .issue_token(invited, &token("b", TokenPurpose::ResetPassword, now, 60), &mail("nuevo@example.pe"))
        .await
        .unwrap();
    store.reset_password(&"b".repeat(64), "$argon2id$y", &event(AuditAction::PasswordReset, now)).await.unwrap();
    assert_eq!(
        audit_trail(store.as_ref()).await,
        vec![
            ("company_verified".into(), Some(admin), None),
            ("role_granted".into(), Some(admin), Some(invited)),
            ("password_changed".into(), Some(invited), Some(invited)),
            ("password_reset".into(), Some(invited), Some(invited)),
        ]
    );
    let verified = store.audit_events(&AuditQuery { limit: 10, ..AuditQuery::default() }).await.unwrap();
    assert_eq!(verified.last().unwrap().detail, "Auditada S.A.C. (RUC 20487654320)");

    // A change that fails records nothing: the record commits with the change or not at all.
    assert!(!store.verify_company(company_id, &event(AuditAction::CompanyVerified, now).by(admin)).await.unwrap());
    assert_eq!(audit_trail(store.as_ref()).await.len(), 4);
}

async fn a_second_role_is_given_and_taken_and_ends_the_sessions(db: &common::TestDb) {
    let store = &db.store;
    let now = 1_700_000_000;
    let admin = store.create_account(&account("jefa@example.pe", admin_role())).await.unwrap();
    let centre_id = store.insert_centre(&centre("CEM Cusco")).await.unwrap();
    let id = store.create_account(&account("doble@example.pe", seeker_role())).await.unwrap();
    store.create_session(&session_for(id, "1", now)).await.unwrap();
    let counsellor = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre_id) };
    let given = event(AuditAction::RoleGranted, now).by(admin);
    assert!(store.grant_role(id, &counsellor, &given).await.unwrap());
    assert_eq!(store.account_actor(id).await.unwrap().unwrap().roles, vec![counsellor.clone(), seeker_role()]);
    assert!(store.sessions_of(id).await.unwrap().is_empty(), "the next session carries the new rights");
    assert!(!store.grant_role(id, &counsellor, &given).await.unwrap(), "held already");
    let nowhere = RoleGrant { role: Role::Employer, company_id: Some(999), centre_id: None };
    assert!(matches!(store.grant_role(id, &nowhere, &given).await, Err(DbError::Conflict(_))), "no such company");

    store.create_session(&session_for(id, "2", now)).await.unwrap();
    let taken = event(AuditAction::RoleRevoked, now + 1).by(admin).detail("counsellor");
    assert!(store.revoke_role(id, Role::Counsellor, &taken).await.unwrap());
    assert_eq!(store.account_actor(id).await.unwrap().unwrap().roles, vec![seeker_role()]);
    assert!(store.sessions_of(id).await.unwrap().is_empty());
    assert!(!store.revoke_role(id, Role::Counsellor, &taken).await.unwrap(), "gone already");
    assert_eq!(
        audit_trail(store.as_ref()).await,
        vec![("role_granted".into(), Some(admin), Some(id)), ("role_revoked".into(), Some(admin), Some(id))]
    );
}

async fn the_last_admin_cannot_go(db: &common::TestDb) {
    let store = &db.store;
    let now = 1_700_000_000;
    let first = store.create_account(&account("primera@example.pe", admin_role())).await.unwrap();
    let last_admin = |r: Result<bool, DbError>| matches!(r, Err(DbError::Conflict(Rule::LastAdmin)));
    assert!(last_admin(store.revoke_role(first, Role::Admin, &event(AuditAction::RoleRevoked, now)).await));
    assert!(last_admin(store.delete_account(first, &event(AuditAction::AccountDeleted, now)).await));
    let second = store.create_account(&account("segunda@example.pe", admin_role())).await.unwrap();
    assert!(store.revoke_role(first, Role::Admin, &event(AuditAction::RoleRevoked, now)).await.unwrap());
    assert!(last_admin(store.delete_account(second, &event(AuditAction::AccountDeleted, now)).await));
    assert_eq!(audit_trail(store.as_ref()).await.len(), 1, "refusals record nothing");
}

async fn an_email_change_link_moves_the_account_once(db: &common::TestDb) {
    let store = &db.store;
    let now = 1_700_000_000;
    let id = store.create_account(&account("vieja@example.pe", seeker_role())).await.unwrap();
    store
        .issue_token(id, &token("r", TokenPurpose::ResetPassword, now, 3600), &mail("vieja@example.pe"))
        .await
        .unwrap();
    let change = token("c", TokenPurpose::ChangeEmail, now, 86_400);
    store
        .issue_email_change(id, &change, "nueva@example.pe", &[mail("nueva@example.pe"), mail("vieja@example.pe")])
        .await
        .unwrap();
    assert_eq!(store.mail_to("nueva@example.pe").await.unwrap().len(), 1);
    assert_eq!(store.mail_to("vieja@example.pe").await.unwrap().len(), 2, "the current address is warned");
    // A second request voids the first link.
    store
        .issue_email_change(id, &token("d", TokenPurpose::ChangeEmail, now + 1, 86_400), "otra@example.pe", &[])
        .await
        .unwrap();
    let changed = event(AuditAction::EmailChanged, now + 10);
    assert_eq!(store.change_email(&"c".repeat(64), &changed).await.unwrap(), EmailChange::InvalidLink);
    assert_eq!(
        store.change_email(&"d".repeat(64), &changed).await.unwrap(),
        EmailChange::Changed {
            account_id: id,
            old_email: "vieja@example.pe".into(),
            new_email: "otra@example.pe".into()
        }
    );
    assert!(store.credentials("vieja@example.pe").await.unwrap().is_none());
    assert!(store.credentials("otra@example.pe").await.unwrap().unwrap().email_verified);
    assert_eq!(
        store.change_email(&"d".repeat(64), &changed).await.unwrap(),
        EmailChange::InvalidLink,
        "a link works once"
    );
    assert_eq!(
        store
            .reset_password(&"r".repeat(64), "$argon2id$x", &event(AuditAction::PasswordReset, now + 11))
            .await
            .unwrap(),
        None,
        "links sent to the old address stop working"
    );
    assert_eq!(audit_trail(store.as_ref()).await, vec![("email_changed".into(), Some(id), Some(id))]);
    store
        .issue_email_change(id, &token("e", TokenPurpose::ChangeEmail, now, 60), "tarde@example.pe", &[])
        .await
        .unwrap();
    assert_eq!(
        store.change_email(&"e".repeat(64), &event(AuditAction::EmailChanged, now + 61)).await.unwrap(),
        EmailChange::InvalidLink,
        "an expired link works never"
    );
}

async fn an_email_change_to_a_taken_address_changes_nothing(db: &common::TestDb) {
    let store = &db.store;
    let now = 1_700_000_000;
    let id = store.create_account(&account("mia@example.pe", seeker_role())).await.unwrap();
    store
        .issue_email_change(id, &token("c", TokenPurpose::ChangeEmail, now, 86_400), "ocupada@example.pe", &[])
        .await
        .unwrap();
    // Someone signs up with that address before the link is used.
    store.create_account(&account("ocupada@example.pe", seeker_role())).await.unwrap();
    let change = store.change_email(&"c".repeat(64), &event(AuditAction::EmailChanged, now + 5)).await.unwrap();
    assert_eq!(change, EmailChange::Taken);
    assert_eq!(store.account_actor(id).await.unwrap().unwrap().email, "mia@example.pe");
    assert!(audit_trail(store.as_ref()).await.is_empty());
}

async fn my_data_holds_my_account_roles_sessions_and_activity(db: &common::TestDb) {
    let store = &db.store;
    let now = 1_700_000_000;
    let centre_id = store.insert_centre(&centre("CEM Cusco")).await.unwrap();
    let counsellor = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre_id) };
    let id = store.create_account(&account("datos@example.pe", counsellor)).await.unwrap();
    let other = store.create_account(&account("otro@example.pe", seeker_role())).await.unwrap();
    store.save_settings(id, Some("v1:size=150"), Some("es")).await.unwrap();
    store.create_session(&session_for(id, "1", now)).await.unwrap();
    store.record(&event(AuditAction::SignIn, now).by(id).about(id)).await.unwrap();
    store.record(&event(AuditAction::SignIn, now).by(other).about(other)).await.unwrap();

    let data = store.account_data(id).await.unwrap().unwrap();
    assert_eq!((data.account.id, data.account.email.as_str()), (id, "datos@example.pe"));
    assert_eq!(data.account.created_at, "2023-11-14T22:13:20Z");
    assert_eq!(data.account.preferences.as_deref(), Some("v1:size=150"));
    assert_eq!(data.roles.len(), 1);
    assert_eq!((data.roles[0].role.as_str(), data.roles[0].centre.as_deref()), ("counsellor", Some("CEM Cusco")));
    assert_eq!(data.sessions.len(), 1);
    assert_eq!(data.sessions[0].browser, "navegador 1");
    assert_eq!(data.activity.len(), 1, "only my own activity");
    assert_eq!((data.activity[0].action.as_str(), data.activity[0].ip.as_str()), ("sign_in", "203.0.113.9"));
    assert!(store.account_data(other + 100).await.unwrap().is_none());
}

async fn a_deleted_account_leaves_only_its_number_in_the_audit_log(db: &common::TestDb) {
    let store = &db.store;
    let now = 1_700_000_000;
    store.create_account(&account("jefa@example.pe", admin_role())).await.unwrap();
    let company_id = store.insert_company(&company("Se Queda S.A.C.", "20487654320")).await.unwrap();
    let employer = RoleGrant { role: Role::Employer, company_id: Some(company_id), centre_id: None };
    let id = store.create_account(&account("adios@example.pe", employer)).await.unwrap();
    store.create_session(&session_for(id, "1", now)).await.unwrap();
    store.issue_token(id, &token("a", TokenPurpose::ResetPassword, now, 60), &mail("adios@example.pe")).await.unwrap();
    store.record(&event(AuditAction::SignIn, now).by(id).about(id)).await.unwrap();

    assert!(store.delete_account(id, &event(AuditAction::AccountDeleted, now + 1).by(id).about(id)).await.unwrap());
    assert!(store.account_actor(id).await.unwrap().is_none());
    assert!(store.credentials("adios@example.pe").await.unwrap().is_none());
    assert!(store.session(&"1".repeat(64)).await.unwrap().is_none());
    assert!(store.mail_to("adios@example.pe").await.unwrap().is_empty(), "mail to the address goes too");
    assert_eq!(store.list_companies().await.unwrap().len(), 1, "the company stays");
    let events =
        store.audit_events(&AuditQuery { account_id: Some(id), limit: 10, ..AuditQuery::default() }).await.unwrap();
    assert_eq!(events.len(), 2);
    assert!(events
        .iter()
        .all(|e| e.actor.as_ref().is_some_and(|p| p.id == id && p.name.is_none() && p.email.is_none())));
    assert!(!store.delete_account(id, &event(AuditAction::AccountDeleted, now + 2)).await.unwrap(), "gone already");
    // Its email is free again for a new account.
    store.create_account(&account("adios@example.pe", seeker_role())).await.unwrap();
}
