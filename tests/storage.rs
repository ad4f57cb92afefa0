//! The storage story: the same cases on SQLite always and on PostgreSQL when
//! `TEST_DATABASE_URL` is set.

mod common;

use senda::accounts::{Role, RoleGrant};
use senda::audit::AuditAction;
use senda::domain::Email;
use senda::domain::{Region, Ruc};
use senda::organisations::{NewCentre, NewCompany};
use senda::server::audit::AuditEvent;
use senda::server::auth::{NewAccount, NewSession, NewToken, TokenPurpose};
use senda::server::db::accounts::EmailChange;
use senda::server::db::audit::AuditQuery;
use senda::server::db::{DbError, Engine, OpenError};
use senda::server::mail::OutgoingMail;
use senda::vacancies::search::{SearchQuery, SearchResults, SortOrder};
use senda::vacancies::{ContractType, Modality, ReportReason, VacancyDraft, VacancyStatus, WorkingHours};
use sqlx::Connection;

/// Generates one `sqlite` and one `postgres` test for each story function.
macro_rules! on_both_engines {
    ($($story:ident),+ $(,)?) => {$(
        mod $story {
            use super::*;

            #[tokio::test]
            async fn sqlite() {
                let db = common::sqlite().await;
                super::$story(&db).await;
                db.cleanup().await;
            }

            #[tokio::test]
            async fn postgres() {
                match common::postgres().await {
                    Some(db) => {
                        super::$story(&db).await;
                        db.cleanup().await;
                    }
                    None => common::postgres_skipped(stringify!($story)),
                }
            }
        }
    )+};
}

on_both_engines!(
    a_new_database_is_empty_and_answers,
    demo_records_load_once_into_an_empty_database,
    organisations_come_back_as_stored_in_name_order,
    a_second_company_with_the_same_ruc_is_a_conflict,
    migrating_twice_changes_nothing,
    a_schema_from_a_newer_build_is_refused,
    a_closed_store_fails_instead_of_hanging,
    an_account_is_created_with_its_role_and_its_email_is_unique,
    a_role_must_name_the_organisation_it_acts_for,
    sessions_are_stored_by_hash_touched_and_deleted,
    a_stronger_password_hash_replaces_the_old_one,
    a_signed_up_account_waits_for_its_link_which_works_once,
    a_reset_link_sets_the_password_ends_every_session_and_voids_other_links,
    changing_the_password_ends_the_other_sessions_only,
    my_sessions_are_listed_and_only_mine_can_be_ended,
    mail_is_claimed_by_one_sender_at_a_time_until_sent,
    rate_limit_counters_count_per_bucket_and_window,
    expired_rows_are_purged,
    an_employer_signs_up_with_a_new_company_or_nothing_at_all,
    a_company_is_verified_once_by_someone,
    a_request_to_join_a_company_is_decided_once,
    an_account_keeps_its_preferences_and_language,
    a_rate_limit_kicks_in_and_lifts_when_its_window_ends,
    the_audit_log_is_appended_to_and_never_changed,
    the_audit_log_is_read_newest_first_by_filter,
    changes_to_rights_are_in_the_audit_log_with_the_change,
    a_second_role_is_given_and_taken_and_ends_the_sessions,
    the_last_admin_cannot_go,
    an_email_change_link_moves_the_account_once,
    an_email_change_to_a_taken_address_changes_nothing,
    my_data_holds_my_account_roles_sessions_and_activity,
    a_deleted_account_leaves_only_its_number_in_the_audit_log,
    the_accommodations_list_comes_in_its_order,
    a_vacancy_is_stored_whole_or_not_at_all,
    a_vacancy_moves_only_from_where_it_is_and_keeps_its_history,
    expired_vacancies_close_by_themselves,
    a_report_waits_for_the_responsible_centre_until_one_of_its_counsellors_looks,
    search_finds_open_published_vacancies_by_words_without_accents_case_or_plural,
    search_filters_narrow_and_all_chosen_accommodations_must_be_offered,
    search_follows_each_change_of_a_vacancy,
    the_word_index_is_rebuilt_when_its_stemming_rules_change,
    search_ranks_by_relevance_only_when_asked_and_pages_through_results,
    the_accommodations_list_grows_changes_names_and_retires_entries_without_losing_them,
    a_vacancy_has_one_sign_video_at_a_time_and_hands_back_the_file_it_replaces,
    a_person_enters_the_register_only_with_consent_and_once_per_document,
    a_counsellor_finds_people_of_their_centre_by_name_or_document_a_page_at_a_time,
    disability_data_is_kept_only_while_its_consent_stands,
    looks_at_disability_data_are_recorded_for_the_person_to_read,
    an_application_goes_once_to_an_open_vacancy_with_consent_and_moves_only_from_where_it_is,
    withdrawing_consent_to_disability_data_takes_it_out_of_applications_too,
    match_candidates_are_the_newest_open_vacancies_in_the_region_and_the_remote_ones,
    case_notes_and_outcomes_are_kept_signed_newest_first_and_go_with_the_profile,
    a_deleted_profile_takes_everything_of_the_person_and_leaves_employers_a_nameless_withdrawal,
    imported_applications_are_ordinary_submitted_applications,
    a_profile_made_by_a_counsellor_is_claimed_once_with_its_document_and_a_live_code,
    a_profile_keeps_its_languages_in_the_lists_order_and_replaces_them_whole,
    a_work_history_lists_current_jobs_first_is_bounded_and_goes_with_the_profile,
    a_saved_search_is_kept_once_taken_by_one_server_a_day_and_stopped_by_its_secret,
    a_profile_names_one_uploaded_cv_and_hands_back_the_file_it_replaces_or_drops,
);

fn event(action: AuditAction, at: i64) -> AuditEvent {
    AuditEvent::new(action, at, "203.0.113.9")
}

fn admin_role() -> RoleGrant {
    RoleGrant { role: Role::Admin, company_id: None, centre_id: None }
}

/// The audit log as an admin reads it with no filter, oldest first: (action, actor, subject).
async fn audit_trail(store: &dyn senda::server::db::Store) -> Vec<(String, Option<i64>, Option<i64>)> {
    let query = AuditQuery { limit: 1000, ..AuditQuery::default() };
    let mut events: Vec<_> = store
        .audit_events(&query)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.action, e.actor.map(|p| p.id), e.subject.map(|p| p.id)))
        .collect();
    events.reverse();
    events
}

fn centre(name: &str) -> NewCentre {
    NewCentre {
        name: name.into(),
        region: Region::parse("cusco").unwrap(),
        address: "Av. El Sol 123, Cusco".into(),
        phone: "(084) 22-3344".into(),
        email: "cusco@example.pe".into(),
    }
}

fn company(name: &str, ruc: &str) -> NewCompany {
    NewCompany {
        legal_name: name.into(),
        ruc: Ruc::parse(ruc).unwrap(),
        sector: "Comercio".into(),
        region: Region::parse("piura").unwrap(),
        verified: false,
    }
}

async fn a_new_database_is_empty_and_answers(db: &common::TestDb) {
    let store = &db.store;
    store.ping().await.unwrap();
    assert!(store.list_centres().await.unwrap().is_empty());
    assert!(store.list_companies().await.unwrap().is_empty());
    let settings = store.describe().await.unwrap();
    match store.engine() {
        Engine::Sqlite => {
            // Durability settings this register depends on, read back from the connection.
            for expected in ["journal_mode=wal", "synchronous=2", "foreign_keys=1", "busy_timeout=5000"] {
                assert!(settings.contains(expected), "{expected} missing from {settings}");
            }
        }
        Engine::Postgres => assert!(settings.starts_with("PostgreSQL"), "{settings}"),
    }
}

async fn demo_records_load_once_into_an_empty_database(db: &common::TestDb) {
    let store = &db.store;
    assert!(senda::server::demo::seed(store.as_ref()).await.unwrap());
    assert!(!senda::server::demo::seed(store.as_ref()).await.unwrap(), "a second start must not load them again");
    let centres = store.list_centres().await.unwrap();
    let companies = store.list_companies().await.unwrap();
    assert_eq!(centres.len(), 1);
    assert_eq!(centres[0].region, "lima-metropolitana");
    assert_eq!(companies.len(), 1);
    assert!(companies[0].verified);
}

async fn organisations_come_back_as_stored_in_name_order(db: &common::TestDb) {
    let store = &db.store;
    let second = store.insert_centre(&centre("Centro de Empleo Cusco")).await.unwrap();
    let first = store.insert_centre(&centre("Centro de Empleo Arequipa")).await.unwrap();
    assert_ne!(first, second);
    let centres = store.list_centres().await.unwrap();
    let names: Vec<_> = centres.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Centro de Empleo Arequipa", "Centro de Empleo Cusco"]);
    assert_eq!(centres[0].id, first);
    assert_eq!(centres[1].address, "Av. El Sol 123, Cusco");

    store.insert_company(&company("Ñandú Servicios E.I.R.L.", "20601234565")).await.unwrap();
    let companies = store.list_companies().await.unwrap();
    assert_eq!(companies[0].legal_name, "Ñandú Servicios E.I.R.L.");
    assert_eq!(companies[0].ruc, "20601234565");
    assert!(!companies[0].verified);
}

async fn a_second_company_with_the_same_ruc_is_a_conflict(db: &common::TestDb) {
    let store = &db.store;
    store.insert_company(&company("Primera S.A.C.", "20556677884")).await.unwrap();
    let err = store.insert_company(&company("Segunda S.A.C.", "20556677884")).await.unwrap_err();
    assert!(matches!(err, DbError::Conflict(_)), "{err:?}");
    assert_eq!(store.list_companies().await.unwrap().len(), 1, "nothing half-stored");
}

async fn migrating_twice_changes_nothing(db: &common::TestDb) {
    let store = &db.store;
    store.insert_centre(&centre("Centro de Empleo Tacna")).await.unwrap();
    store.migrate().await.unwrap();
    assert_eq!(store.list_centres().await.unwrap().len(), 1);
}

async fn a_schema_from_a_newer_build_is_refused(db: &common::TestDb) {
    let store = &db.store;
    // What a newer Senda would leave behind: a migration this build has never heard of.
    const FUTURE: &str = "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
                          VALUES ($1, 'from a newer Senda', TRUE, $2, 0)";
    match store.engine() {
        Engine::Sqlite => {
            let mut conn = sqlx::SqliteConnection::connect(&db.url).await.unwrap();
            sqlx::query(FUTURE).bind(9_999_i64).bind(vec![0_u8; 48]).execute(&mut conn).await.unwrap();
        }
        Engine::Postgres => {
            let mut conn = sqlx::PgConnection::connect(&db.url).await.unwrap();
            sqlx::query(FUTURE).bind(9_999_i64).bind(vec![0_u8; 48]).execute(&mut conn).await.unwrap();
        }
    }
    match store.migrate().await {
        Err(err @ OpenError::SchemaTooNew(9_999)) => {
            let message = err.to_string();
            assert!(message.contains("DATABASE_URL") && message.contains("newer"), "{message}");
        }
        other => panic!("expected SchemaTooNew, got {other:?}"),
    }
}

async fn a_closed_store_fails_instead_of_hanging(db: &common::TestDb) {
    let store = &db.store;
    store.close().await;
    let result = tokio::time::timeout(std::time::Duration::from_secs(5), store.ping()).await;
    assert!(matches!(result, Ok(Err(_))), "ping on a closed store must fail at once");
}

fn account(email: &str, role: RoleGrant) -> NewAccount {
    NewAccount {
        email: Email::parse(email).unwrap(),
        name: "Juan Mamani".into(),
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo".into(),
        role,
        email_verified: true,
        now: 1_700_000_000,
    }
}

fn seeker_role() -> RoleGrant {
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
    assert!(matches!(err, DbError::Conflict(_)), "{err:?}");
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

fn token(hash_char: &str, purpose: TokenPurpose, now: i64, lifetime: i64) -> NewToken {
    NewToken { token_hash: hash_char.repeat(64), purpose, now, expires_at: now + lifetime }
}

fn mail(to: &str) -> OutgoingMail {
    OutgoingMail { to: to.into(), subject: "Asunto".into(), body: "Cuerpo con enlace".into(), unsubscribe: None }
}

fn session_for(account_id: i64, hash_char: &str, now: i64) -> NewSession {
    NewSession {
        token_hash: hash_char.repeat(64),
        account_id,
        now,
        expires_at: now + 3600,
        user_agent: format!("navegador {hash_char}"),
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
    assert!(matches!(again, Err(DbError::Conflict(_))), "{again:?}");
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
    assert_eq!(store.delete_other_sessions(me, &"1".repeat(64)).await.unwrap(), 1);
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
    assert_eq!(sent[0].body, "Cuerpo con enlace");
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

    assert_eq!(store.purge_expired(now).await.unwrap(), 3);
    assert_eq!(store.sessions_of(id).await.unwrap().len(), 1, "the live session stays");
    assert_eq!(store.hits("nuevo", now).await.unwrap(), 1);
}

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
    assert!(matches!(&err, DbError::Conflict(rule) if rule.contains("ruc")), "{err:?}");
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
        assert!(raw_execute(&db.url, sql).await.is_err(), "{sql} must be refused");
    }
    assert_eq!(audit_trail(store.as_ref()).await.len(), 2, "both records are still there");
}

/// Runs one statement straight on the test database, past the store.
async fn raw_execute(url: &str, sql: &str) -> Result<(), sqlx::Error> {
    if url.starts_with("sqlite:") {
        let mut conn = sqlx::SqliteConnection::connect(url).await?;
        sqlx::query(sql).execute(&mut conn).await.map(|_| ())
    } else {
        let mut conn = sqlx::PgConnection::connect(url).await?;
        sqlx::query(sql).execute(&mut conn).await.map(|_| ())
    }
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
    let last_admin = |r: Result<bool, DbError>| matches!(r, Err(DbError::Conflict(rule)) if rule == "last_admin");
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

/// A centre, a verified company and an employer of it: what every vacancy story starts from.
async fn vacancy_setting(store: &dyn senda::server::db::Store) -> (i64, i64, i64) {
    let centre_id = store.insert_centre(&centre("CEM Cusco")).await.unwrap();
    let company_id = store
        .insert_company(&NewCompany { verified: true, ..company("Textiles Andinos S.A.C.", "20487654320") })
        .await
        .unwrap();
    let employer = RoleGrant { role: Role::Employer, company_id: Some(company_id), centre_id: None };
    let employer_id = store.create_account(&account("rrhh@textiles.pe", employer)).await.unwrap();
    (centre_id, company_id, employer_id)
}

fn vacancy_draft(company_id: i64, centre_id: i64) -> VacancyDraft {
    VacancyDraft {
        company_id,
        centre_id,
        title: "Auxiliar de almacén".into(),
        region: "cusco".into(),
        province: "Cusco".into(),
        district: "Wanchaq".into(),
        modality: Modality::OnSite,
        contract: ContractType::FixedTerm,
        hours: WorkingHours::PartTime,
        salary: Some((1_200, 1_500)),
        openings: 2,
        description: "Ordenar y registrar la mercadería.\n- Recibir pedidos\n- Etiquetar cajas".into(),
        requirements: "Secundaria completa.".into(),
        easy_read: "Trabajo en un almacén. Ordenas cajas.".into(),
        workplace_access: "Rampa en la entrada.".into(),
        interview: "Entrevista en persona; puedes pedir intérprete.".into(),
        accommodations: vec!["step_free_access".into(), "sign_interpreter_interview".into()],
        skills: vec!["Inventarios".into(), "Excel básico".into()],
        closes_at: 1_700_086_400,
    }
}

async fn the_accommodations_list_comes_in_its_order(db: &common::TestDb) {
    let list = db.store.accommodations().await.unwrap();
    assert_eq!(list.len(), 12);
    assert_eq!(list[0].code, "sign_interpreter_interview");
    assert_eq!(list[0].name_es, "Intérprete de lengua de señas en la entrevista");
    assert!(list.iter().any(|a| a.code == "easy_read_materials" && a.name_en == "Easy-read materials"));
}

async fn a_vacancy_is_stored_whole_or_not_at_all(db: &common::TestDb) {
    let store = &db.store;
    let (centre_id, company_id, employer_id) = vacancy_setting(store.as_ref()).await;
    let draft = vacancy_draft(company_id, centre_id);
    let id = store.create_vacancy(&draft, Some(employer_id), 1_700_000_000).await.unwrap();
    let stored = store.vacancy(id).await.unwrap().unwrap();
    assert_eq!(stored.status, VacancyStatus::Draft);
    assert_eq!((stored.company_name.as_str(), stored.centre_name.as_str()), ("Textiles Andinos S.A.C.", "CEM Cusco"));
    let expected = VacancyDraft {
        accommodations: vec!["sign_interpreter_interview".into(), "step_free_access".into()],
        skills: vec!["Excel básico".into(), "Inventarios".into()],
        ..draft.clone()
    };
    assert_eq!(stored.draft, expected, "lists come back in the list's order and sorted");

    let changed = VacancyDraft {
        title: "Auxiliar de almacén (turno tarde)".into(),
        salary: None,
        accommodations: vec!["remote_work".into()],
        skills: vec![],
        ..draft.clone()
    };
    assert!(store.update_vacancy(id, &changed, 1_700_000_100).await.unwrap());
    let stored = store.vacancy(id).await.unwrap().unwrap();
    assert_eq!((stored.draft.salary, stored.draft.accommodations.clone()), (None, vec!["remote_work".to_string()]));
    assert_eq!(stored.updated_at, 1_700_000_100);
    assert!(!store.update_vacancy(id + 99, &changed, 1_700_000_100).await.unwrap());

    let unknown = VacancyDraft { accommodations: vec!["teleportation".into()], ..draft.clone() };
    assert!(matches!(
        store.create_vacancy(&unknown, Some(employer_id), 1_700_000_000).await,
        Err(DbError::Conflict(_))
    ));
    let elsewhere = VacancyDraft { centre_id: centre_id + 50, ..draft };
    assert!(matches!(
        store.create_vacancy(&elsewhere, Some(employer_id), 1_700_000_000).await,
        Err(DbError::Conflict(_))
    ));
    assert_eq!(store.company_vacancies(company_id).await.unwrap().len(), 1, "nothing half-stored");
}

async fn a_vacancy_moves_only_from_where_it_is_and_keeps_its_history(db: &common::TestDb) {
    use VacancyStatus::*;
    let store = &db.store;
    let (centre_id, company_id, employer_id) = vacancy_setting(store.as_ref()).await;
    let counsellor = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre_id) };
    let counsellor_id = store.create_account(&account("consejera@cusco.pe", counsellor)).await.unwrap();
    let id = store.create_vacancy(&vacancy_draft(company_id, centre_id), Some(employer_id), 100).await.unwrap();

    assert!(store.move_vacancy(id, &[Draft, Returned], Submitted, Some(employer_id), "", 200).await.unwrap());
    assert_eq!(store.review_queue(centre_id).await.unwrap().iter().map(|v| v.id).collect::<Vec<_>>(), vec![id]);
    assert!(store.review_queue(centre_id + 1).await.unwrap().is_empty(), "only the responsible centre's queue");
    assert_eq!(store.centre_vacancies(centre_id).await.unwrap()[0].status, Submitted);
    assert!(store.centre_vacancies(centre_id + 1).await.unwrap().is_empty());
    assert!(store
        .move_vacancy(id, &[Submitted], Returned, Some(counsellor_id), "Añade el horario.", 300)
        .await
        .unwrap());
    assert_eq!(store.vacancy(id).await.unwrap().unwrap().review_comment, "Añade el horario.");
    assert!(
        !store.move_vacancy(id, &[Submitted], Published, Some(counsellor_id), "", 350).await.unwrap(),
        "not where it was asked to be"
    );
    assert!(store.move_vacancy(id, &[Draft, Returned], Submitted, Some(employer_id), "", 400).await.unwrap());
    assert!(store.move_vacancy(id, &[Submitted], Published, Some(counsellor_id), "", 500).await.unwrap());
    let published = store.vacancy(id).await.unwrap().unwrap();
    assert_eq!(
        (published.status, published.published_at, published.review_comment.as_str()),
        (Published, Some(500), "")
    );
    assert!(store.move_vacancy(id, &[Published], Closed, Some(employer_id), "", 600).await.unwrap());
    assert!(!store.move_vacancy(id + 99, &[Published], Closed, Some(employer_id), "", 600).await.unwrap());

    let history = store.vacancy_history(id).await.unwrap();
    let steps: Vec<_> = history.iter().map(|e| (e.from_status, e.to_status, e.actor_name.clone().unwrap())).collect();
    assert_eq!(
        steps,
        vec![
            (None, Draft, "Juan Mamani".to_string()),
            (Some(Draft), Submitted, "Juan Mamani".into()),
            (Some(Submitted), Returned, "Juan Mamani".into()),
            (Some(Returned), Submitted, "Juan Mamani".into()),
            (Some(Submitted), Published, "Juan Mamani".into()),
            (Some(Published), Closed, "Juan Mamani".into()),
        ]
    );
    assert_eq!(history[2].comment, "Añade el horario.");
    let facts = store.vacancy_facts(id).await.unwrap().unwrap();
    assert_eq!(
        (facts.company_id, facts.centre_id, facts.status, facts.company_verified),
        (company_id, centre_id, Closed, true)
    );
    assert_eq!(store.company_vacancies(company_id).await.unwrap()[0].status, Closed);
}

async fn expired_vacancies_close_by_themselves(db: &common::TestDb) {
    use VacancyStatus::*;
    let store = &db.store;
    let (centre_id, company_id, employer_id) = vacancy_setting(store.as_ref()).await;
    let closing = |at: i64| VacancyDraft { closes_at: at, ..vacancy_draft(company_id, centre_id) };
    let due = store.create_vacancy(&closing(1_000), Some(employer_id), 100).await.unwrap();
    let later = store.create_vacancy(&closing(5_000), Some(employer_id), 100).await.unwrap();
    let draft = store.create_vacancy(&closing(1_000), Some(employer_id), 100).await.unwrap();
    for id in [due, later] {
        assert!(store.move_vacancy(id, &[Draft], Published, Some(employer_id), "", 200).await.unwrap());
    }
    assert_eq!(store.close_expired(999).await.unwrap(), 0, "not before the end of the day");
    assert_eq!(store.close_expired(1_000).await.unwrap(), 1);
    assert_eq!(store.close_expired(1_001).await.unwrap(), 0, "once");
    let status = |id| async move { store.vacancy(id).await.unwrap().unwrap().status };
    assert_eq!((status(due).await, status(later).await, status(draft).await), (Closed, Published, Draft));
    let last = store.vacancy_history(due).await.unwrap().pop().unwrap();
    assert_eq!((last.actor_name, last.from_status, last.to_status), (None, Some(Published), Closed));
}

async fn a_report_waits_for_the_responsible_centre_until_one_of_its_counsellors_looks(db: &common::TestDb) {
    use VacancyStatus::*;
    let store = &db.store;
    let (centre_id, company_id, employer_id) = vacancy_setting(store.as_ref()).await;
    let counsellor = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre_id) };
    let counsellor_id = store.create_account(&account("consejera@cusco.pe", counsellor)).await.unwrap();
    let id = store.create_vacancy(&vacancy_draft(company_id, centre_id), Some(employer_id), 100).await.unwrap();

    // A draft is nobody's to report: the public cannot see it.
    assert!(!store.report_vacancy(id, ReportReason::Scam, "", None, 150).await.unwrap());
    assert!(store.move_vacancy(id, &[Draft], Published, Some(counsellor_id), "", 200).await.unwrap());
    assert!(store.report_vacancy(id, ReportReason::Scam, "Piden pagar un curso.", None, 300).await.unwrap());
    assert!(store.report_vacancy(id, ReportReason::Discrimination, "", Some(employer_id), 400).await.unwrap());
    assert!(!store.report_vacancy(id + 1000, ReportReason::Other, "", None, 400).await.unwrap(), "no such vacancy");

    let open = store.open_reports(centre_id).await.unwrap();
    assert_eq!(
        open.iter().map(|r| r.reason).collect::<Vec<_>>(),
        vec![ReportReason::Scam, ReportReason::Discrimination]
    );
    assert_eq!(open[0].details, "Piden pagar un curso.");
    assert_eq!(open[0].vacancy_title, "Auxiliar de almacén");
    assert!(store.open_reports(centre_id + 1).await.unwrap().is_empty(), "only the responsible centre's");

    assert!(!store.resolve_report(open[0].id, centre_id + 1, counsellor_id, 500).await.unwrap(), "another centre's");
    assert!(store.resolve_report(open[0].id, centre_id, counsellor_id, 500).await.unwrap());
    assert!(!store.resolve_report(open[0].id, centre_id, counsellor_id, 600).await.unwrap(), "once");
    assert_eq!(store.open_reports(centre_id).await.unwrap().len(), 1);
}

/// A moment to publish vacancies around: the search's "now".
const NOW: i64 = 1_700_000_000;
const DAY: i64 = 86_400;

/// The board every search story reads: six published vacancies of two companies, and three
/// a job seeker must never find (a draft, a closed one, one whose closing date has passed).
struct Board {
    tecnico: i64,
    almacen: i64,
    contadora: i64,
    electricistas: i64,
    vendedor: i64,
    employer_id: i64,
    company_id: i64,
    centre_id: i64,
}

async fn search_board(store: &dyn senda::server::db::Store) -> Board {
    let (centre_id, company_id, employer_id) = vacancy_setting(store).await;
    let other_company = store
        .insert_company(&NewCompany { verified: true, ..company("Servicios Eléctricos del Sur S.A.", "20100987652") })
        .await
        .unwrap();
    let base = VacancyDraft {
        easy_read: "Trabajo de lunes a viernes. Te enseñamos todo.".into(),
        ..vacancy_draft(company_id, centre_id)
    };
    let far = NOW + 60 * DAY;
    let publish = |draft: VacancyDraft, at: i64| async move {
        let id = store.create_vacancy(&draft, Some(employer_id), at - 10).await.unwrap();
        assert!(store.move_vacancy(id, &[VacancyStatus::Draft], VacancyStatus::Published, None, "", at).await.unwrap());
        id
    };
    let tecnico = publish(
        VacancyDraft {
            title: "Técnico de mantenimiento".into(),
            district: "Santiago".into(),
            contract: ContractType::Indefinite,
            hours: WorkingHours::FullTime,
            salary: Some((1_500, 2_000)),
            description: "Revisar máquinas de coser.".into(),
            skills: vec!["Soldadura".into()],
            closes_at: far,
            ..base.clone()
        },
        NOW - 20 * DAY,
    )
    .await;
    let almacen = publish(VacancyDraft { closes_at: far, ..base.clone() }, NOW - 10 * DAY).await;
    let contadora = publish(
        VacancyDraft {
            title: "Contadora junior".into(),
            region: "lima-metropolitana".into(),
            province: "Lima".into(),
            district: "Miraflores".into(),
            modality: Modality::Remote,
            contract: ContractType::Indefinite,
            hours: WorkingHours::FullTime,
            salary: None,
            description: "Apoyo al área de contabilidad.".into(),
            accommodations: vec!["remote_work".into(), "screen_reader_software".into()],
            skills: vec![],
            closes_at: far,
            ..base.clone()
        },
        NOW - 5 * DAY,
    )
    .await;
    let vendedor = publish(
        VacancyDraft {
            title: "Vendedor de tienda".into(),
            district: "San Sebastián".into(),
            description: "Atender a los clientes y apoyar en el almacén cuando llega mercadería.".into(),
            accommodations: vec![],
            skills: vec![],
            closes_at: far,
            ..base.clone()
        },
        NOW - 2 * DAY,
    )
    .await;
    let electricistas = publish(
        VacancyDraft {
            company_id: other_company,
            title: "Técnicos electricistas".into(),
            region: "arequipa".into(),
            province: "Arequipa".into(),
            district: "Cayma".into(),
            modality: Modality::Hybrid,
            contract: ContractType::Service,
            hours: WorkingHours::Flexible,
            salary: Some((2_500, 3_000)),
            accommodations: vec!["screen_reader_software".into()],
            closes_at: far,
            ..base.clone()
        },
        NOW - DAY / 2,
    )
    .await;
    // Never to be found: a draft, a closed vacancy, one past its closing date.
    let tecnico_draft = VacancyDraft { title: "Técnico en redes".into(), closes_at: far, ..base.clone() };
    store.create_vacancy(&tecnico_draft, Some(employer_id), NOW - DAY).await.unwrap();
    let closed =
        publish(VacancyDraft { title: "Técnico de soporte".into(), closes_at: far, ..base.clone() }, NOW - 3 * DAY)
            .await;
    assert!(store
        .move_vacancy(closed, &[VacancyStatus::Published], VacancyStatus::Closed, None, "", NOW - DAY)
        .await
        .unwrap());
    publish(VacancyDraft { title: "Técnico vencido".into(), closes_at: NOW - 1, ..base.clone() }, NOW - 4 * DAY).await;
    Board { tecnico, almacen, contadora, electricistas, vendedor, employer_id, company_id, centre_id }
}

async fn found(store: &dyn senda::server::db::Store, query: SearchQuery) -> Vec<i64> {
    found_at(store, query, NOW).await.hits.iter().map(|hit| hit.id).collect()
}

async fn found_at(store: &dyn senda::server::db::Store, query: SearchQuery, now: i64) -> SearchResults {
    store.search_vacancies(&SearchQuery { page: query.page.max(1), ..query }, now).await.unwrap()
}

fn words(text: &str) -> SearchQuery {
    SearchQuery { words: text.into(), sort: Some(SortOrder::Newest), ..SearchQuery::default() }
}

async fn search_finds_open_published_vacancies_by_words_without_accents_case_or_plural(db: &common::TestDb) {
    let store = db.store.as_ref();
    let b = search_board(store).await;
    let all = found_at(store, SearchQuery::default(), NOW).await;
    assert_eq!(
        all.hits.iter().map(|h| h.id).collect::<Vec<_>>(),
        vec![b.electricistas, b.vendedor, b.contadora, b.almacen, b.tecnico]
    );
    assert_eq!((all.total, all.capped, all.ranked, all.page), (5, false, false, 1));

    assert_eq!(found(store, words("tecnico")).await, vec![b.electricistas, b.tecnico], "no accent finds the accented");
    assert_eq!(found(store, words("TÉCNICOS")).await, vec![b.electricistas, b.tecnico], "case and plural");
    assert_eq!(found(store, words("contabilidad")).await, vec![b.contadora], "the description");
    assert_eq!(found(store, words("soldadura")).await, vec![b.tecnico], "the skills");
    assert_eq!(
        found(store, words("textiles andinos")).await,
        vec![b.vendedor, b.contadora, b.almacen, b.tecnico],
        "the employer"
    );
    assert_eq!(found(store, words("san sebastian")).await, vec![b.vendedor], "the district");
    assert_eq!(found(store, words("arequipa técnico")).await, vec![b.electricistas], "every word must match");
    assert_eq!(found(store, words("mantenimientos")).await, vec![b.tecnico]);
    assert_eq!(found(store, words("contador")).await, vec![b.contadora], "the masculine finds the feminine");
    assert_eq!(found(store, words("técnica")).await, vec![b.electricistas, b.tecnico], "and the other way");
    assert_eq!(found(store, words("clientes")).await, vec![b.vendedor], "a plural in the text");
    assert!(found(store, words("contab")).await.is_empty(), "a word is matched whole, not as a beginning");
    assert!(found(store, words("astronauta")).await.is_empty());
    assert_eq!(found(store, words("de la")).await.len(), 5, "common words alone narrow nothing");
    assert_eq!(found(store, words("\"técnico\" -(*^:")).await, vec![b.electricistas, b.tecnico], "no query syntax");

    let hit = found_at(store, words("contadora"), NOW).await.hits.remove(0);
    assert_eq!(
        (hit.title.as_str(), hit.company_name.as_str(), hit.region.as_str(), hit.district.as_str()),
        ("Contadora junior", "Textiles Andinos S.A.C.", "lima-metropolitana", "Miraflores")
    );
    assert_eq!(
        (hit.modality, hit.contract, hit.hours, hit.salary),
        (Modality::Remote, ContractType::Indefinite, WorkingHours::FullTime, None)
    );
    assert_eq!(hit.published_at, NOW - 5 * DAY);
    assert_eq!(hit.accommodations, vec!["screen_reader_software", "remote_work"], "in the list's order");
}

async fn search_filters_narrow_and_all_chosen_accommodations_must_be_offered(db: &common::TestDb) {
    let store = db.store.as_ref();
    let b = search_board(store).await;
    let q = SearchQuery::default;
    assert_eq!(
        found(store, SearchQuery { region: Some("cusco".into()), ..q() }).await,
        vec![b.vendedor, b.almacen, b.tecnico]
    );
    assert_eq!(found(store, SearchQuery { modality: Some(Modality::Remote), ..q() }).await, vec![b.contadora]);
    assert_eq!(
        found(store, SearchQuery { contract: Some(ContractType::Indefinite), ..q() }).await,
        vec![b.contadora, b.tecnico]
    );
    assert_eq!(
        found(store, SearchQuery { hours: Some(WorkingHours::PartTime), ..q() }).await,
        vec![b.vendedor, b.almacen]
    );
    let offering =
        |codes: &[&str]| SearchQuery { accommodations: codes.iter().map(|c| c.to_string()).collect(), ..q() };
    assert_eq!(found(store, offering(&["step_free_access"])).await, vec![b.almacen, b.tecnico]);
    assert_eq!(
        found(store, offering(&["step_free_access", "sign_interpreter_interview"])).await,
        vec![b.almacen, b.tecnico]
    );
    assert_eq!(found(store, offering(&["screen_reader_software"])).await, vec![b.electricistas, b.contadora]);
    assert!(found(store, offering(&["step_free_access", "remote_work"])).await.is_empty(), "all of them, not any");
    assert_eq!(
        found(store, SearchQuery { min_salary: Some(2_000), ..q() }).await,
        vec![b.electricistas, b.tecnico],
        "the top of the range counts; to be agreed is left out"
    );
    assert_eq!(found(store, SearchQuery { days: Some(1), ..q() }).await, vec![b.electricistas]);
    assert_eq!(
        found(store, SearchQuery { days: Some(7), ..q() }).await,
        vec![b.electricistas, b.vendedor, b.contadora]
    );
    assert_eq!(found(store, SearchQuery { days: Some(30), ..q() }).await.len(), 5);
    assert_eq!(
        found(
            store,
            SearchQuery { region: Some("cusco".into()), hours: Some(WorkingHours::PartTime), ..words("almacen") }
        )
        .await,
        vec![b.vendedor, b.almacen],
        "words and filters together"
    );
    assert!(found(store, SearchQuery { region: Some("arequipa".into()), ..words("contadora") }).await.is_empty());
}

async fn search_follows_each_change_of_a_vacancy(db: &common::TestDb) {
    use VacancyStatus::*;
    let store = db.store.as_ref();
    let b = search_board(store).await;
    assert!(store.move_vacancy(b.tecnico, &[Published], Closed, Some(b.employer_id), "", NOW).await.unwrap());
    assert_eq!(found(store, words("tecnico")).await, vec![b.electricistas], "closed: gone");
    assert!(store.move_vacancy(b.tecnico, &[Closed], Published, Some(b.employer_id), "", NOW + 10).await.unwrap());
    assert_eq!(found_at(store, words("tecnico"), NOW + 20).await.hits[0].id, b.tecnico, "re-opened: newest again");

    let renamed = VacancyDraft {
        title: "Electricista industrial".into(),
        ..store.vacancy(b.electricistas).await.unwrap().unwrap().draft
    };
    assert!(store.update_vacancy(b.electricistas, &renamed, NOW + 30).await.unwrap());
    assert_eq!(found_at(store, words("tecnicos"), NOW + 40).await.hits.len(), 1, "the old title is forgotten");
    assert_eq!(found_at(store, words("industrial"), NOW + 40).await.hits[0].id, b.electricistas);

    // Past its closing date it is not found, before and after the closing job runs.
    assert!(found_at(store, words("contadora"), NOW + 61 * DAY).await.hits.is_empty());
    assert!(store.close_expired(NOW + 61 * DAY).await.unwrap() >= 5);
    assert!(found_at(store, SearchQuery::default(), NOW).await.hits.is_empty(), "closed by the job: out of the index");

    // A new one goes in when published, not before.
    let draft = VacancyDraft {
        title: "Recepcionista bilingüe".into(),
        closes_at: NOW + 90 * DAY,
        ..vacancy_draft(b.company_id, b.centre_id)
    };
    let id = store.create_vacancy(&draft, Some(b.employer_id), NOW).await.unwrap();
    assert!(found(store, words("recepcionista")).await.is_empty());
    assert!(store.move_vacancy(id, &[Draft], Published, None, "", NOW + 1).await.unwrap());
    assert_eq!(found_at(store, words("bilingue"), NOW + 2).await.hits[0].id, id);
}

async fn the_word_index_is_rebuilt_when_its_stemming_rules_change(db: &common::TestDb) {
    let store = db.store.as_ref();
    let b = search_board(store).await;
    // What a build with other rules leaves behind on SQLite, whose stems the application
    // makes: an index it may not read. PostgreSQL stems in SQL and has nothing to rebuild.
    if store.engine() == Engine::Sqlite {
        raw_execute(&db.url, "INSERT INTO vacancy_search (vacancy_search) VALUES ('delete-all')").await.unwrap();
        raw_execute(&db.url, "UPDATE vacancy_search_rules SET rules = 0").await.unwrap();
        assert!(found(store, words("tecnico")).await.is_empty(), "the index is empty");
    }
    store.migrate().await.unwrap();
    assert_eq!(found(store, words("técnicas")).await, vec![b.electricistas, b.tecnico]);
    assert_eq!(found_at(store, SearchQuery::default(), NOW).await.total, 5);
    let filtered = SearchQuery { region: Some("arequipa".into()), ..words("electricista") };
    assert_eq!(found(store, filtered).await, vec![b.electricistas], "the choices are indexed again too");
}

async fn search_ranks_by_relevance_only_when_asked_and_pages_through_results(db: &common::TestDb) {
    use senda::vacancies::search::PAGE_SIZE;
    let store = db.store.as_ref();
    let b = search_board(store).await;
    // "almacén" is the almacen vacancy's title, but only a word in the newer vendedor's text.
    let relevance = found_at(store, SearchQuery { words: "almacén".into(), ..SearchQuery::default() }, NOW).await;
    assert!(relevance.ranked);
    assert_eq!(relevance.hits.iter().map(|h| h.id).collect::<Vec<_>>(), vec![b.almacen, b.vendedor]);
    let newest = found_at(store, words("almacén"), NOW).await;
    assert!(!newest.ranked);
    assert_eq!(newest.hits.iter().map(|h| h.id).collect::<Vec<_>>(), vec![b.vendedor, b.almacen]);

    for n in 0..PAGE_SIZE as i64 {
        let draft = VacancyDraft {
            title: format!("Operario de limpieza {n}"),
            closes_at: NOW + 60 * DAY,
            ..vacancy_draft(b.company_id, b.centre_id)
        };
        let id = store.create_vacancy(&draft, Some(b.employer_id), NOW - 100).await.unwrap();
        assert!(store
            .move_vacancy(id, &[VacancyStatus::Draft], VacancyStatus::Published, None, "", NOW - 99 + n)
            .await
            .unwrap());
    }
    let first = found_at(store, SearchQuery::default(), NOW).await;
    assert_eq!((first.total, first.pages(), first.hits.len()), (PAGE_SIZE + 5, 2, PAGE_SIZE as usize));
    assert_eq!(first.hits[0].title, format!("Operario de limpieza {}", PAGE_SIZE - 1));
    let second = found_at(store, SearchQuery { page: 2, ..SearchQuery::default() }, NOW).await;
    assert_eq!(
        second.hits.iter().map(|h| h.id).collect::<Vec<_>>(),
        vec![b.electricistas, b.vendedor, b.contadora, b.almacen, b.tecnico]
    );
    let past = found_at(store, SearchQuery { page: 40, ..SearchQuery::default() }, NOW).await;
    assert_eq!((past.page, past.hits.len()), (2, 5), "a page past the end shows the last");
    let limpieza = found_at(store, words("limpieza"), NOW).await;
    assert_eq!((limpieza.total, limpieza.hits.len()), (PAGE_SIZE, PAGE_SIZE as usize));
}

async fn the_accommodations_list_grows_changes_names_and_retires_entries_without_losing_them(db: &common::TestDb) {
    use senda::vacancies::Accommodation;
    let store = db.store.as_ref();
    let (centre_id, company_id, employer_id) = vacancy_setting(store).await;
    let change = |at| event(AuditAction::AccommodationsChanged, at).by(employer_id);
    let pauses = Accommodation {
        code: "pausas_activas".into(),
        name_es: "Pausas activas".into(),
        name_en: "Active breaks".into(),
    };
    store.add_accommodation(&pauses, &change(10).detail("added: pausas_activas")).await.unwrap();
    assert!(matches!(store.add_accommodation(&pauses, &change(11)).await, Err(DbError::Conflict(_))), "one code, once");
    let offered = store.accommodations().await.unwrap();
    assert_eq!(offered.last(), Some(&pauses), "new entries go at the end");

    let id = store
        .create_vacancy(
            &VacancyDraft { accommodations: vec!["pausas_activas".into()], ..vacancy_draft(company_id, centre_id) },
            Some(employer_id),
            20,
        )
        .await
        .unwrap();
    let renamed = Accommodation { name_es: "Pausas activas cada hora".into(), ..pauses.clone() };
    assert!(store.rename_accommodation(&renamed, &change(30)).await.unwrap());
    assert!(!store
        .rename_accommodation(&Accommodation { code: "nada".into(), ..renamed.clone() }, &change(31))
        .await
        .unwrap());
    assert!(store.retire_accommodation("pausas_activas", true, &change(40)).await.unwrap());
    assert!(!store.accommodations().await.unwrap().iter().any(|a| a.code == "pausas_activas"), "no longer offered");
    assert_eq!(
        store.vacancy(id).await.unwrap().unwrap().draft.accommodations,
        vec!["pausas_activas"],
        "kept where named"
    );
    let listed = store.accommodation_list().await.unwrap();
    let entry = listed.iter().find(|l| l.entry.code == "pausas_activas").unwrap();
    assert_eq!((entry.retired, entry.vacancies, entry.entry.name_es.as_str()), (true, 1, "Pausas activas cada hora"));
    assert_eq!(listed.len(), 13, "retired entries are listed for their keepers");
    assert!(store.retire_accommodation("pausas_activas", false, &change(50)).await.unwrap());
    assert!(store.accommodations().await.unwrap().iter().any(|a| a.code == "pausas_activas"));
    assert!(!store.retire_accommodation("nada", true, &change(60)).await.unwrap());
    let audited = store
        .audit_events(&AuditQuery { action: Some("accommodations_changed".into()), limit: 10, ..AuditQuery::default() })
        .await
        .unwrap();
    assert_eq!(audited.len(), 4, "every change, and only the changes that happened, are audited");
}

fn sign_video(key: &str, by: i64, at: i64) -> senda::server::db::media::NewSignVideo {
    senda::server::db::media::NewSignVideo {
        media_key: key.into(),
        kind: senda::media::VideoKind::WebM,
        bytes: 11_840,
        captions: "WEBVTT\n\n00:00.000 --> 00:01.000\nHola.\n".into(),
        transcript: "Hola.".into(),
        uploaded_by: by,
        uploaded_at: at,
    }
}

async fn a_vacancy_has_one_sign_video_at_a_time_and_hands_back_the_file_it_replaces(db: &common::TestDb) {
    use senda::server::db::media::VideoFile;
    let store = &db.store;
    let (centre_id, company_id, employer_id) = vacancy_setting(store.as_ref()).await;
    let id =
        store.create_vacancy(&vacancy_draft(company_id, centre_id), Some(employer_id), 1_700_000_000).await.unwrap();
    assert_eq!(store.vacancy_video(id).await.unwrap(), None);
    assert_eq!(store.remove_vacancy_video(id).await.unwrap(), None, "nothing to take away");

    assert_eq!(
        store.attach_vacancy_video(id, &sign_video("first.webm", employer_id, 1_700_000_100)).await.unwrap(),
        None
    );
    let first = store.vacancy_video(id).await.unwrap().unwrap();
    assert_eq!((first.kind, first.bytes, first.transcript.as_str()), (senda::media::VideoKind::WebM, 11_840, "Hola."));
    assert_eq!(first.uploaded_at, 1_700_000_100);
    assert!(store.vacancy_captions(id).await.unwrap().unwrap().starts_with("WEBVTT"));

    let second = senda::server::db::media::NewSignVideo {
        kind: senda::media::VideoKind::Mp4,
        ..sign_video("second.mp4", employer_id, 1_700_000_200)
    };
    assert_eq!(store.attach_vacancy_video(id, &second).await.unwrap().as_deref(), Some("first.webm"));
    let file = store.vacancy_video_file(id).await.unwrap().unwrap();
    assert_eq!(
        file,
        VideoFile { version: file.version, media_key: "second.mp4".into(), kind: senda::media::VideoKind::Mp4 }
    );
    assert_ne!(file.version, first.version, "each upload is a new address");

    // A key already taken, or a vacancy that does not exist: refused, and nothing changes.
    assert!(store.attach_vacancy_video(id + 99, &sign_video("third.webm", employer_id, 1)).await.is_err());
    let other =
        store.create_vacancy(&vacancy_draft(company_id, centre_id), Some(employer_id), 1_700_000_000).await.unwrap();
    assert!(matches!(
        store.attach_vacancy_video(other, &sign_video("second.mp4", employer_id, 1)).await,
        Err(DbError::Conflict(_))
    ));
    assert_eq!(store.vacancy_video(other).await.unwrap(), None);
    assert_eq!(store.vacancy_video_file(id).await.unwrap().unwrap().media_key, "second.mp4");

    assert_eq!(store.remove_vacancy_video(id).await.unwrap().as_deref(), Some("second.mp4"));
    assert_eq!(store.vacancy_video(id).await.unwrap(), None);
    assert_eq!(store.vacancy_captions(id).await.unwrap(), None);
}

fn personal(name: &str, dni: &str) -> senda::seekers::PersonalDetails {
    use senda::domain::{DocumentType, IdentityDocument};
    senda::seekers::PersonalDetails {
        full_name: name.into(),
        document: IdentityDocument::parse(DocumentType::Dni, dni).unwrap(),
        birth_date: "1994-05-17".into(),
        sex: senda::seekers::Sex::Female,
        region: Region::parse("cusco").unwrap(),
        province: "Cusco".into(),
        district: "Wanchaq".into(),
        phone: "984 123 456".into(),
        email: "rosa@example.pe".into(),
        channel: senda::seekers::ContactChannel::WhatsApp,
    }
}

fn new_seeker(name: &str, dni: &str, centre_id: i64) -> senda::server::db::seekers::NewSeeker {
    senda::server::db::seekers::NewSeeker {
        personal: personal(name, dni),
        account_id: None,
        centre_id: Some(centre_id),
        education: Some(senda::seekers::Education::Secondary),
        skills: vec!["Atención al cliente".into(), "Excel básico".into()],
    }
}

fn given_by(
    by: senda::seekers::consent::RecordedBy,
    recorder_id: i64,
    at: i64,
) -> senda::server::db::seekers::ConsentGiven {
    senda::server::db::seekers::ConsentGiven { by, recorder_id, at }
}

/// A centre with a counsellor, for the register's stories.
async fn register_setting(store: &dyn senda::server::db::Store) -> (i64, i64) {
    let centre = store.insert_centre(&centre("CEM Cusco")).await.unwrap();
    let counsellor = store
        .create_account(&account(
            "consejera@cusco.pe",
            RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre) },
        ))
        .await
        .unwrap();
    (centre, counsellor)
}

async fn a_person_enters_the_register_only_with_consent_and_once_per_document(db: &common::TestDb) {
    use senda::seekers::consent::{ConsentKind::*, RecordedBy};
    let store = &db.store;
    let (centre, counsellor) = register_setting(store.as_ref()).await;
    let given = given_by(RecordedBy::Counsellor, counsellor, 1_700_000_000);
    let rosa = new_seeker("Rosa Huamán Quispe", "45678912", centre);
    assert!(matches!(store.register_seeker(&rosa, &[DisabilityData], given).await, Err(DbError::Conflict(_))));
    assert_eq!(store.seeker_with_document(&rosa.personal.document).await.unwrap(), None, "nothing stored without it");

    let id = store.register_seeker(&rosa, &[Register, CounsellorActs], given).await.unwrap();
    let stored = store.seeker(id).await.unwrap().unwrap();
    assert_eq!(stored.personal, rosa.personal);
    assert_eq!((stored.centre_id, stored.account_id, stored.education), (Some(centre), None, rosa.education));
    assert_eq!(stored.skills, vec!["Atención al cliente".to_string(), "Excel básico".to_string()]);
    assert_eq!(stored.disability, None);

    // The same DNI typed another way is the same person: refused, and only that much is told.
    let again = new_seeker("Otra Persona", "4567-8912", centre);
    assert!(matches!(store.register_seeker(&again, &[Register], given).await, Err(DbError::Conflict(_))));
    let found = store.seeker_with_document(&again.personal.document).await.unwrap().unwrap();
    assert_eq!((found.id, found.centre_id), (id, Some(centre)));

    let consents = store.consents_in_force(id).await.unwrap();
    assert_eq!(consents.kinds(), &[Register, CounsellorActs]);
    let history = store.consent_history(id).await.unwrap();
    assert!(history.iter().all(|c| c.recorded_by == RecordedBy::Counsellor && c.confirmed_at.is_none()));
    assert_eq!(history[0].recorder_name.as_deref(), Some("Juan Mamani"));
    assert_eq!(history[0].text_version, Register.version());
    assert_eq!(store.confirm_consents(id, 1_700_000_500).await.unwrap(), 2, "confirmed by the person later");
    assert!(store.consent_history(id).await.unwrap().iter().all(|c| c.confirmed_at == Some(1_700_000_500)));

    // A person's own details change; another's document cannot be taken.
    let other =
        store.register_seeker(&new_seeker("Juan Mamani", "12345678", centre), &[Register], given).await.unwrap();
    let moved =
        senda::seekers::PersonalDetails { district: "Santiago".into(), ..personal("Rosa Huamán Quispe", "45678912") };
    let details = |personal| senda::seekers::fields::Details {
        personal,
        education: Some(senda::seekers::Education::Technical),
        skills: vec!["cocina".into(), "Excel".into()],
    };
    assert!(store.update_details(id, &details(moved), 1_700_000_600).await.unwrap());
    let changed = store.seeker(id).await.unwrap().unwrap();
    assert_eq!(changed.personal.district, "Santiago");
    assert_eq!(changed.education, Some(senda::seekers::Education::Technical));
    let mut skills = changed.skills.clone();
    skills.sort();
    assert_eq!(skills, vec!["Excel".to_string(), "cocina".to_string()], "the skills replaced");
    let taken = personal("Juan Mamani", "45678912");
    assert!(matches!(store.update_details(other, &details(taken), 1_700_000_700).await, Err(DbError::Conflict(_))));
    assert_eq!(store.seeker(other).await.unwrap().unwrap().skills.len(), 2, "nothing stored half-way");
    assert!(!store.update_details(other + 100, &details(personal("Nadie", "11111111")), 1_700_000_800).await.unwrap());
    assert_eq!(store.seeker(other).await.unwrap().unwrap().personal.document.number(), "12345678");
}

async fn a_counsellor_finds_people_of_their_centre_by_name_or_document_a_page_at_a_time(db: &common::TestDb) {
    use senda::seekers::consent::{ConsentKind::*, RecordedBy};
    use senda::seekers::CaseloadFilter::*;
    let store = &db.store;
    let (centre, counsellor) = register_setting(store.as_ref()).await;
    let elsewhere = store.insert_centre(&self::centre("CEM Puno")).await.unwrap();
    let given = given_by(RecordedBy::Counsellor, counsellor, 1_700_000_000);
    let names = ["Rosa Huamán Quispe", "Juan Mamani", "Rosalía Condori", "Ñusta Rosas", "María Huaman"];
    let mut ids = Vec::new();
    for (n, name) in names.iter().enumerate() {
        let seeker = new_seeker(name, &format!("4000000{n}"), centre);
        ids.push(store.register_seeker(&seeker, &[Register], given).await.unwrap());
    }
    store.register_seeker(&new_seeker("Rosa Otra", "50000000", elsewhere), &[Register], given).await.unwrap();
    let find = |filter, offset, limit| {
        let store = store.clone();
        async move {
            let (people, total) = store.centre_seekers(centre, &filter, offset, limit).await.unwrap();
            (people.into_iter().map(|p| p.full_name).collect::<Vec<_>>(), total)
        }
    };
    let everyone = find(Everyone, 0, 25).await;
    assert_eq!(everyone.1, 5, "only this centre's");
    assert_eq!(everyone.0.first().map(String::as_str), Some("María Huaman"), "newest first");
    // A word matches the start of any word of the name, accents and case aside.
    let rosa = find(Name(vec!["rosa".into()]), 0, 25).await;
    assert_eq!(rosa, (vec!["Ñusta Rosas".into(), "Rosalía Condori".into(), "Rosa Huamán Quispe".into()], 3));
    let huaman = find(Name(vec!["huaman".into()]), 0, 25).await;
    assert_eq!(huaman.1, 2);
    assert_eq!(find(Name(vec!["rosa".into(), "huaman".into()]), 0, 25).await.0, vec!["Rosa Huamán Quispe"]);
    assert_eq!(find(Name(vec!["usta".into()]), 0, 25).await.1, 0, "not the middle of a word");
    assert_eq!(find(Name(vec!["nusta".into()]), 0, 25).await.1, 1);
    assert_eq!(find(Document("40000001".into()), 0, 25).await.0, vec!["Juan Mamani"]);
    assert_eq!(find(Document("50000000".into()), 0, 25).await.1, 0, "another centre's person is not found");
    // Pages: the count is of everyone found, the page holds its part.
    let second = find(Everyone, 2, 2).await;
    assert_eq!((second.0.len(), second.1), (2, 5));
    assert_eq!(second.0, vec!["Rosalía Condori", "Juan Mamani"]);
    // A renamed person is found by the new name.
    let renamed = personal("Juana Mamani Ccori", "40000001");
    let renamed = senda::seekers::fields::Details { personal: renamed, education: None, skills: Vec::new() };
    assert!(store.update_details(ids[1], &renamed, 1_700_000_100).await.unwrap());
    assert_eq!(find(Name(vec!["ccori".into()]), 0, 25).await.0, vec!["Juana Mamani Ccori"]);
}

async fn disability_data_is_kept_only_while_its_consent_stands(db: &common::TestDb) {
    use senda::seekers::consent::{ConsentKind::*, RecordedBy};
    let store = &db.store;
    let (centre, counsellor) = register_setting(store.as_ref()).await;
    let given = given_by(RecordedBy::Counsellor, counsellor, 1_700_000_000);
    let id = store.register_seeker(&new_seeker("Rosa Huamán", "45678912", centre), &[Register], given).await.unwrap();
    let disability = senda::seekers::Disability {
        conadis: senda::domain::ConadisNumber::parse("0012345"),
        types: vec!["hearing".into(), "visual".into()],
        needs_at_interview: vec!["sign_interpreter_interview".into()],
        needs_at_work: vec!["written_instructions".into(), "sign_interpreter_work".into()],
    };
    assert!(!store.save_disability(id, &disability, 1_700_000_100).await.unwrap(), "no consent, nothing kept");
    assert_eq!(store.seeker(id).await.unwrap().unwrap().disability, None);

    assert!(store.give_consent(id, DisabilityData, given).await.unwrap());
    assert!(!store.give_consent(id, DisabilityData, given).await.unwrap(), "once in force");
    assert!(store.save_disability(id, &disability, 1_700_000_200).await.unwrap());
    let kept = store.seeker(id).await.unwrap().unwrap().disability.unwrap();
    assert_eq!(kept.types, vec!["visual".to_string(), "hearing".to_string()], "in the list's order");
    assert_eq!(kept.conadis.unwrap().as_str(), "0012345");
    assert_eq!(kept.needs_at_interview, vec!["sign_interpreter_interview".to_string()]);
    assert_eq!(kept.needs_at_work.len(), 2);

    // Revoked: gone at once, and the history says when.
    assert!(store.revoke_consent(id, DisabilityData, 1_700_000_300).await.unwrap());
    assert!(!store.revoke_consent(id, DisabilityData, 1_700_000_301).await.unwrap());
    assert_eq!(store.seeker(id).await.unwrap().unwrap().disability, None);
    assert!(!store.consents_in_force(id).await.unwrap().has(DisabilityData));
    assert!(!store.save_disability(id, &disability, 1_700_000_400).await.unwrap());
    let history = store.consent_history(id).await.unwrap();
    let revoked: Vec<_> = history.iter().filter(|c| c.kind == DisabilityData).collect();
    assert_eq!((revoked.len(), revoked[0].revoked_at), (1, Some(1_700_000_300)));

    // Given again later: a new record beside the old one.
    assert!(store
        .give_consent(id, DisabilityData, given_by(RecordedBy::Themselves, counsellor, 1_700_000_500))
        .await
        .unwrap());
    assert_eq!(store.consent_history(id).await.unwrap().iter().filter(|c| c.kind == DisabilityData).count(), 2);
    // An unknown type or accommodation is refused whole.
    let unknown = senda::seekers::Disability { types: vec!["telepathic".into()], ..disability.clone() };
    assert!(store.save_disability(id, &unknown, 1_700_000_600).await.is_err());
    assert_eq!(store.seeker(id).await.unwrap().unwrap().disability, None, "nothing half-stored");
}

async fn looks_at_disability_data_are_recorded_for_the_person_to_read(db: &common::TestDb) {
    use senda::seekers::consent::{ConsentKind::*, RecordedBy};
    let store = &db.store;
    let (centre, counsellor) = register_setting(store.as_ref()).await;
    let given = given_by(RecordedBy::Counsellor, counsellor, 1_700_000_000);
    let id = store
        .register_seeker(&new_seeker("Rosa Huamán", "45678912", centre), &[Register, DisabilityData], given)
        .await
        .unwrap();
    store.log_sensitive_access(id, counsellor, "profile", 1_700_000_100).await.unwrap();
    store.log_sensitive_access(id, counsellor, "application", 1_700_000_200).await.unwrap();
    let seen = store.sensitive_accesses(id).await.unwrap();
    assert_eq!(
        seen.iter().map(|a| (a.purpose.as_str(), a.at)).collect::<Vec<_>>(),
        [("application", 1_700_000_200), ("profile", 1_700_000_100)]
    );
    assert!(seen.iter().all(|a| a.viewer_name == "Juan Mamani"));
    // The record outlives the viewer's account.
    assert!(store
        .delete_account(counsellor, &event(AuditAction::AccountDeleted, 1_700_000_300).by(counsellor).about(counsellor))
        .await
        .unwrap());
    assert_eq!(store.sensitive_accesses(id).await.unwrap()[0].viewer_name, "Juan Mamani");
}

/// A published vacancy (closing at 1_700_086_400), its centre's counsellor, and a person that
/// centre follows, registered with `consents`.
async fn application_setting(
    store: &dyn senda::server::db::Store,
    consents: &[senda::seekers::consent::ConsentKind],
) -> (i64, i64, i64, i64) {
    use senda::seekers::consent::RecordedBy;
    let (centre_id, company_id, employer_id) = vacancy_setting(store).await;
    let counsellor = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre_id) };
    let counsellor_id = store.create_account(&account("consejera@cusco.pe", counsellor)).await.unwrap();
    let vacancy = store.create_vacancy(&vacancy_draft(company_id, centre_id), Some(employer_id), 100).await.unwrap();
    assert!(store
        .move_vacancy(vacancy, &[VacancyStatus::Draft], VacancyStatus::Published, Some(counsellor_id), "", 200)
        .await
        .unwrap());
    let given = given_by(RecordedBy::Counsellor, counsellor_id, 1_700_000_000);
    let seeker =
        store.register_seeker(&new_seeker("Rosa Huamán", "45678912", centre_id), consents, given).await.unwrap();
    (vacancy, seeker, counsellor_id, employer_id)
}

fn application(vacancy_id: i64, seeker_id: i64, by: i64) -> senda::server::db::applications::NewApplication {
    senda::server::db::applications::NewApplication {
        vacancy_id,
        seeker_id,
        message: "Me interesa: trabajé dos años en un almacén.".into(),
        needs_at_interview: vec!["sign_interpreter_interview".into(), "written_instructions".into()],
        disclose: true,
        side: senda::applications::Side::Counsellor,
        by,
    }
}

async fn an_application_goes_once_to_an_open_vacancy_with_consent_and_moves_only_from_where_it_is(db: &common::TestDb) {
    use senda::applications::{ApplicationStatus::*, Side};
    use senda::seekers::consent::{ConsentKind::*, RecordedBy};
    use senda::server::db::applications::{Applied, Move};
    let store = &db.store;
    let (vacancy, seeker, counsellor, employer) =
        application_setting(store.as_ref(), &[Register, CounsellorActs, DisabilityData]).await;
    let now = 1_700_000_100;
    let new = application(vacancy, seeker, counsellor);
    assert_eq!(store.apply(&new, now).await.unwrap(), Applied::NotShared, "no consent to share the profile");
    assert!(store.seeker_applications(seeker).await.unwrap().is_empty());

    store.give_consent(seeker, ShareWithEmployers, given_by(RecordedBy::Counsellor, counsellor, now)).await.unwrap();
    let Applied::Done(id) = store.apply(&new, now).await.unwrap() else { panic!("applied") };
    assert_eq!(store.apply(&new, now + 1).await.unwrap(), Applied::Already(id), "once per person and vacancy");
    assert_eq!(store.application_to(vacancy, seeker).await.unwrap(), Some(id));
    let made = store.application(id).await.unwrap().unwrap();
    assert_eq!((made.status, made.vacancy_id, made.seeker_id, made.disclose), (Submitted, vacancy, Some(seeker), true));
    assert_eq!(made.vacancy_title, "Auxiliar de almacén");
    assert_eq!(made.company_name, "Textiles Andinos S.A.C.");
    assert_eq!(made.applied_by_counsellor.as_deref(), Some("Juan Mamani"), "marked as made for the person");
    assert_eq!(made.needs_at_interview.len(), 2);
    assert_eq!(made.events.len(), 1);
    assert_eq!((made.events[0].status, made.events[0].side, made.events[0].at), (Submitted, Side::Counsellor, now));

    // Past its closing date, or not published, a vacancy takes none.
    let other = application(vacancy, seeker, counsellor);
    assert_eq!(store.apply(&other, 1_700_086_400).await.unwrap(), Applied::VacancyNotOpen);
    assert_eq!(
        store
            .apply(&senda::server::db::applications::NewApplication { vacancy_id: vacancy + 99, ..other }, now)
            .await
            .unwrap(),
        Applied::VacancyNotOpen
    );

    // Moves happen from the status the mover saw, and each is in the history with its note.
    let seen = Move { from: Submitted, to: Seen, side: Side::Employer, by: employer, note: "", at: now + 10 };
    assert!(store.move_application(id, &seen).await.unwrap());
    assert!(!store.move_application(id, &seen).await.unwrap(), "moved already: nothing happens");
    let interview = Move {
        from: Seen,
        to: Interview,
        side: Side::Employer,
        by: employer,
        note: "Lunes 9:00, con intérprete.",
        at: now + 20,
    };
    assert!(store.move_application(id, &interview).await.unwrap());
    let moved = store.application(id).await.unwrap().unwrap();
    assert_eq!((moved.status, moved.updated_at), (Interview, now + 20));
    assert_eq!(
        moved.events.iter().map(|e| (e.status, e.note.as_str())).collect::<Vec<_>>(),
        [(Submitted, ""), (Seen, ""), (Interview, "Lunes 9:00, con intérprete.")]
    );
    assert_eq!(store.vacancy_applications(vacancy).await.unwrap().iter().map(|a| a.id).collect::<Vec<_>>(), [id]);
    assert_eq!(store.seeker_applications(seeker).await.unwrap()[0].status, Interview);
    assert!(store.vacancy_applications(vacancy + 1).await.unwrap().is_empty());
    assert_eq!(store.application(id + 1).await.unwrap(), None);
}

async fn withdrawing_consent_to_disability_data_takes_it_out_of_applications_too(db: &common::TestDb) {
    use senda::seekers::consent::{ConsentKind::*, RecordedBy};
    use senda::server::db::applications::Applied;
    let store = &db.store;
    let (vacancy, seeker, counsellor, _) =
        application_setting(store.as_ref(), &[Register, ShareWithEmployers, DisabilityData]).await;
    let Applied::Done(id) = store.apply(&application(vacancy, seeker, counsellor), 1_700_000_100).await.unwrap() else {
        panic!("applied")
    };
    assert!(store.application(id).await.unwrap().unwrap().disclose);
    assert!(store.revoke_consent(seeker, DisabilityData, 1_700_000_200).await.unwrap());
    let after = store.application(id).await.unwrap().unwrap();
    assert!(after.needs_at_interview.is_empty() && !after.disclose);

    // Without that consent an application carries none of it, whatever the form said.
    let centre = store.seeker(seeker).await.unwrap().unwrap().centre_id.unwrap();
    let given = given_by(RecordedBy::Counsellor, counsellor, 1_700_000_000);
    let juan = store
        .register_seeker(&new_seeker("Juan Quispe", "12345678", centre), &[Register, ShareWithEmployers], given)
        .await
        .unwrap();
    let Applied::Done(id) = store.apply(&application(vacancy, juan, counsellor), 1_700_000_300).await.unwrap() else {
        panic!("applied")
    };
    let plain = store.application(id).await.unwrap().unwrap();
    assert!(plain.needs_at_interview.is_empty() && !plain.disclose);
}

async fn match_candidates_are_the_newest_open_vacancies_in_the_region_and_the_remote_ones(db: &common::TestDb) {
    let store = &db.store;
    let (centre_id, company_id, _) = vacancy_setting(store.as_ref()).await;
    let base = vacancy_draft(company_id, centre_id);
    let lima = VacancyDraft { region: "lima".into(), ..base.clone() };
    let remote = VacancyDraft { region: "lima".into(), modality: Modality::Remote, ..base.clone() };
    let closing_soon = VacancyDraft { closes_at: 1_700_000_500, ..base.clone() };
    let listed = [(base.clone(), 100), (lima, 200), (remote, 300), (closing_soon, 400), (base.clone(), 500)];
    assert_eq!(store.import_vacancies(&listed).await.unwrap(), 5);
    let draft = store.create_vacancy(&base, None, 600).await.unwrap();

    let found = store.match_candidates("cusco", 1_700_001_000, 10).await.unwrap();
    let titles: Vec<(String, i64)> = found.iter().map(|c| (c.region.clone(), c.published_at)).collect();
    assert_eq!(titles, [("cusco".to_string(), 500), ("cusco".to_string(), 100), ("lima".to_string(), 300)]);
    assert!(found.iter().all(|c| c.id != draft), "only published ones");
    assert_eq!(found[0].company_name, "Textiles Andinos S.A.C.");
    let mut offered = found[0].accommodations.clone();
    offered.sort();
    assert_eq!(offered, ["sign_interpreter_interview", "step_free_access"]);
    assert_eq!(found[0].skills.len(), 2);
    // The limit applies to each scan; before its closing date the soon-closing one counts.
    let found = store.match_candidates("cusco", 1_700_000_000, 1).await.unwrap();
    assert_eq!(found.iter().map(|c| c.published_at).collect::<Vec<_>>(), [500, 300]);
    assert!(store
        .match_candidates("piura", 1_700_001_000, 10)
        .await
        .unwrap()
        .iter()
        .all(|c| c.modality == Modality::Remote));
}

async fn case_notes_and_outcomes_are_kept_signed_newest_first_and_go_with_the_profile(db: &common::TestDb) {
    use senda::casework::{ClosedReason, Employment, Outcome, Placement, WageBand};
    use senda::seekers::consent::ConsentKind::*;
    use senda::server::db::applications::Applied;
    let store = &db.store;
    let (vacancy, seeker, counsellor, _) =
        application_setting(store.as_ref(), &[Register, ShareWithEmployers, CounsellorActs]).await;
    store.add_case_note(seeker, counsellor, "Primera entrevista en el centro.", 1_700_000_100).await.unwrap();
    store.add_case_note(seeker, counsellor, "Practicamos la entrevista.", 1_700_000_200).await.unwrap();
    assert!(matches!(store.add_case_note(seeker, counsellor + 99, "¿Quién?", 1).await, Err(DbError::NotFound)));
    let notes = store.case_notes(seeker).await.unwrap();
    assert_eq!(
        notes.iter().map(|n| (n.body.as_str(), n.at)).collect::<Vec<_>>(),
        [("Practicamos la entrevista.", 1_700_000_200), ("Primera entrevista en el centro.", 1_700_000_100)]
    );
    assert!(notes.iter().all(|n| n.author == "Juan Mamani"));

    let Applied::Done(application) =
        store.apply(&application(vacancy, seeker, counsellor), 1_700_000_300).await.unwrap()
    else {
        panic!("applied")
    };
    store
        .record_outcome(seeker, &Outcome::Closed(ClosedReason::NoContact), None, counsellor, 1_700_000_400)
        .await
        .unwrap();
    let hired = Outcome::Hired(Placement {
        employment: Employment::Formal,
        started_on: "2026-12-15".into(),
        employer: "Textiles Andinos S.A.C.".into(),
        job_title: "Auxiliar de almacén".into(),
        hours: WorkingHours::PartTime,
        wage: WageBand::MinimumTo1500,
    });
    store.record_outcome(seeker, &hired, Some(application), counsellor, 1_700_000_500).await.unwrap();
    let outcomes = store.outcomes(seeker).await.unwrap();
    assert_eq!(outcomes.len(), 2);
    assert_eq!(
        (&outcomes[0].outcome, outcomes[0].application_id, outcomes[0].at),
        (&hired, Some(application), 1_700_000_500)
    );
    assert_eq!(outcomes[0].recorded_by, "Juan Mamani");
    assert_eq!(outcomes[1].outcome, Outcome::Closed(ClosedReason::NoContact));
}

async fn a_deleted_profile_takes_everything_of_the_person_and_leaves_employers_a_nameless_withdrawal(
    db: &common::TestDb,
) {
    use senda::applications::{ApplicationStatus::*, Side};
    use senda::seekers::consent::ConsentKind::*;
    use senda::server::db::applications::{Applied, Move};
    let store = &db.store;
    let (vacancy, seeker, counsellor, employer) =
        application_setting(store.as_ref(), &[Register, ShareWithEmployers, DisabilityData, CounsellorActs]).await;
    let disability = senda::seekers::Disability {
        conadis: None,
        types: vec!["hearing".into()],
        needs_at_interview: vec!["sign_interpreter_interview".into()],
        needs_at_work: vec![],
    };
    assert!(store.save_disability(seeker, &disability, 1_700_000_050).await.unwrap());
    let Applied::Done(id) = store.apply(&application(vacancy, seeker, counsellor), 1_700_000_100).await.unwrap() else {
        panic!("applied")
    };
    let seen =
        Move { from: Submitted, to: Seen, side: Side::Employer, by: employer, note: "Hola Rosa", at: 1_700_000_110 };
    assert!(store.move_application(id, &seen).await.unwrap());
    store.log_sensitive_access(seeker, employer, "application", 1_700_000_120).await.unwrap();
    store.add_case_note(seeker, counsellor, "Vino al centro.", 1_700_000_130).await.unwrap();
    let other = store
        .register_seeker(
            &new_seeker("Juan Mamani", "12345678", store.seeker(seeker).await.unwrap().unwrap().centre_id.unwrap()),
            &[Register],
            given_by(senda::seekers::consent::RecordedBy::Counsellor, counsellor, 1_700_000_000),
        )
        .await
        .unwrap();

    let audit = event(AuditAction::ProfileDeleted, 1_700_000_200);
    assert!(store.delete_seeker(seeker, &audit).await.unwrap());
    assert!(!store.delete_seeker(seeker, &audit).await.unwrap(), "once");
    assert_eq!(store.seeker(seeker).await.unwrap(), None);
    assert!(store.consent_history(seeker).await.unwrap().is_empty());
    assert!(store.sensitive_accesses(seeker).await.unwrap().is_empty());
    assert!(store.case_notes(seeker).await.unwrap().is_empty());
    assert!(store.seeker_applications(seeker).await.unwrap().is_empty());
    let kept = store.application(id).await.unwrap().unwrap();
    assert_eq!((kept.seeker_id, kept.status, kept.message.as_str(), kept.disclose), (None, Withdrawn, "", false));
    assert!(kept.needs_at_interview.is_empty());
    assert_eq!(
        kept.events.iter().map(|e| (e.status, e.note.as_str(), e.at)).collect::<Vec<_>>(),
        [(Submitted, "", 1_700_000_100), (Seen, "", 1_700_000_110), (Withdrawn, "", 1_700_000_200)]
    );
    assert_eq!(store.vacancy_applications(vacancy).await.unwrap().len(), 1, "the employer keeps the row");
    assert!(store.seeker(other).await.unwrap().is_some(), "nobody else's");
    let trail = audit_trail(store.as_ref()).await;
    assert!(trail.iter().any(|(action, ..)| action == "profile_deleted"), "{trail:?}");

    // Deleting an account takes its holder's profile with it.
    let holder = store.create_account(&account("juan@example.pe", seeker_role())).await.unwrap();
    let mut juan = new_seeker("Juan Quispe", "87654321", 0);
    juan.account_id = Some(holder);
    juan.centre_id = None;
    let juan = store
        .register_seeker(&juan, &[Register], given_by(senda::seekers::consent::RecordedBy::Themselves, holder, 1))
        .await
        .unwrap();
    assert!(store.delete_account(holder, &event(AuditAction::AccountDeleted, 1_700_000_300)).await.unwrap());
    assert_eq!(store.seeker(juan).await.unwrap(), None);
}

async fn imported_applications_are_ordinary_submitted_applications(db: &common::TestDb) {
    use senda::applications::ApplicationStatus::Submitted;
    use senda::seekers::consent::ConsentKind::*;
    let store = &db.store;
    let (vacancy, seeker, _, _) = application_setting(store.as_ref(), &[Register, ShareWithEmployers]).await;
    assert_eq!(store.import_applications(&[(vacancy, seeker, 1_700_000_100)]).await.unwrap(), 1);
    let imported = store.seeker_applications(seeker).await.unwrap();
    assert_eq!(imported.len(), 1);
    assert_eq!((imported[0].status, imported[0].created_at, imported[0].events.len()), (Submitted, 1_700_000_100, 1));
    assert_eq!(store.vacancy_applications(vacancy).await.unwrap()[0].seeker_id, Some(seeker));
}

async fn a_profile_made_by_a_counsellor_is_claimed_once_with_its_document_and_a_live_code(db: &common::TestDb) {
    use senda::seekers::consent::{ConsentKind::*, RecordedBy};
    let store = &db.store;
    let (centre, counsellor) = register_setting(store.as_ref()).await;
    let given = given_by(RecordedBy::Counsellor, counsellor, 1_700_000_000);
    let rosa = new_seeker("Rosa Huamán", "45678912", centre);
    let id = store.register_seeker(&rosa, &[Register, CounsellorActs], given).await.unwrap();
    let holder = store.create_account(&account("rosa@example.pe", seeker_role())).await.unwrap();
    let document = rosa.personal.document.clone();
    let now = 1_700_000_100;
    assert_eq!(
        store.claim_profile(holder, &document, "a".repeat(64).as_str(), now).await.unwrap(),
        None,
        "no code yet"
    );
    assert!(store.set_claim(id, &"a".repeat(64), now + 100).await.unwrap());
    assert!(store.set_claim(id, &"b".repeat(64), now + 100).await.unwrap(), "a new code replaces the last");
    assert_eq!(store.claim_profile(holder, &document, &"a".repeat(64), now).await.unwrap(), None, "the old one");
    let other = senda::domain::IdentityDocument::parse(senda::domain::DocumentType::Dni, "12345678").unwrap();
    assert_eq!(store.claim_profile(holder, &other, &"b".repeat(64), now).await.unwrap(), None, "another document");
    assert_eq!(store.claim_profile(holder, &document, &"b".repeat(64), now + 100).await.unwrap(), None, "ran out");
    assert_eq!(store.claim_profile(holder, &document, &"b".repeat(64), now).await.unwrap(), Some(id));
    assert_eq!(store.seeker_of_account(holder).await.unwrap(), Some(id));
    assert_eq!(store.seeker(id).await.unwrap().unwrap().account_id, Some(holder));
    // Spent; and a profile with an account gets no new code.
    let second = store.create_account(&account("otra@example.pe", seeker_role())).await.unwrap();
    assert_eq!(store.claim_profile(second, &document, &"b".repeat(64), now).await.unwrap(), None);
    assert!(!store.set_claim(id, &"c".repeat(64), now + 100).await.unwrap());
    // An account that has a profile claims no other.
    let juan = store.register_seeker(&new_seeker("Juan Mamani", "11223344", centre), &[Register], given).await.unwrap();
    assert!(store.set_claim(juan, &"d".repeat(64), now + 100).await.unwrap());
    let juan_document = store.seeker(juan).await.unwrap().unwrap().personal.document;
    assert!(matches!(
        store.claim_profile(holder, &juan_document, &"d".repeat(64), now).await,
        Err(DbError::Conflict(_))
    ));
    assert_eq!(store.seeker(juan).await.unwrap().unwrap().account_id, None);
}

async fn a_profile_keeps_its_languages_in_the_lists_order_and_replaces_them_whole(db: &common::TestDb) {
    use senda::seekers::consent::{ConsentKind::*, RecordedBy};
    use senda::seekers::{Language::*, LanguageLevel::*, SpokenLanguage};
    let store = &db.store;
    let (centre, counsellor) = register_setting(store.as_ref()).await;
    let given = given_by(RecordedBy::Counsellor, counsellor, 1_700_000_000);
    let id = store.register_seeker(&new_seeker("Rosa Huamán", "45678912", centre), &[Register], given).await.unwrap();
    assert!(store.seeker(id).await.unwrap().unwrap().languages.is_empty());
    let spoken = |language, level| SpokenLanguage { language, level };
    let saved = [spoken(PeruvianSignLanguage, Advanced), spoken(Spanish, Intermediate), spoken(Quechua, Native)];
    assert!(store.save_languages(id, &saved, 1_700_000_100).await.unwrap());
    let profile = store.seeker(id).await.unwrap().unwrap();
    assert_eq!(
        profile.languages,
        [spoken(Spanish, Intermediate), spoken(Quechua, Native), spoken(PeruvianSignLanguage, Advanced)],
        "in the list's order"
    );
    assert_eq!(profile.updated_at, 1_700_000_100);
    assert!(store.save_languages(id, &[spoken(English, Basic)], 1_700_000_200).await.unwrap());
    assert_eq!(store.seeker(id).await.unwrap().unwrap().languages, [spoken(English, Basic)], "replaced whole");
    assert!(!store.save_languages(id + 99, &[spoken(English, Basic)], 1_700_000_200).await.unwrap());
}

async fn a_work_history_lists_current_jobs_first_is_bounded_and_goes_with_the_profile(db: &common::TestDb) {
    use senda::seekers::consent::{ConsentKind::*, RecordedBy};
    use senda::seekers::history::{Certificate, WorkExperience, YearMonth, MAX_ENTRIES};
    let store = &db.store;
    let (centre, counsellor) = register_setting(store.as_ref()).await;
    let given = given_by(RecordedBy::Counsellor, counsellor, 1_700_000_000);
    let id = store.register_seeker(&new_seeker("Rosa Huamán", "45678912", centre), &[Register], given).await.unwrap();
    let other =
        store.register_seeker(&new_seeker("Juan Mamani", "11223344", centre), &[Register], given).await.unwrap();
    let month = |year, month| YearMonth::new(year, month).unwrap();
    let job = |title: &str, started, ended| WorkExperience {
        id: 0,
        job_title: title.into(),
        employer: "Bodega Santa Rosa".into(),
        started,
        ended,
        duties: "Atender\nCobrar".into(),
    };
    let old = store.add_experience(id, &job("Ayudante", month(2015, 1), Some(month(2016, 6))), 1_700_000_100).await;
    let old = old.unwrap().unwrap();
    store.add_experience(id, &job("Cajera", month(2019, 3), Some(month(2023, 6))), 1_700_000_100).await.unwrap();
    store.add_experience(id, &job("Digitadora", month(2024, 2), None), 1_700_000_200).await.unwrap();
    let profile = store.seeker(id).await.unwrap().unwrap();
    let titles: Vec<&str> = profile.experience.iter().map(|job| job.job_title.as_str()).collect();
    assert_eq!(titles, ["Digitadora", "Cajera", "Ayudante"], "the current job first, then the latest ended");
    assert_eq!(profile.experience[0].ended, None);
    assert_eq!(profile.experience[1].duties, "Atender\nCobrar");
    assert_eq!(profile.updated_at, 1_700_000_200);
    assert_eq!(store.add_experience(id + 99, &job("X", month(2020, 1), None), 1).await.unwrap(), None);

    // Another person's entry is not taken out by naming it from this profile.
    assert!(!store.remove_experience(other, old, 1_700_000_300).await.unwrap());
    assert!(store.remove_experience(id, old, 1_700_000_300).await.unwrap());
    assert!(!store.remove_experience(id, old, 1_700_000_300).await.unwrap(), "gone already");
    assert_eq!(store.seeker(id).await.unwrap().unwrap().experience.len(), 2);

    let certificate = |name: &str, issued| Certificate {
        id: 0,
        name: name.into(),
        issuer: "Ministerio de Trabajo".into(),
        issued,
        number: String::new(),
    };
    let first =
        store.add_certificate(id, &certificate("Operaria de limpieza", month(2018, 5)), 2).await.unwrap().unwrap();
    store.add_certificate(id, &certificate("Auxiliar de almacén", month(2022, 11)), 2).await.unwrap();
    let names: Vec<String> =
        store.seeker(id).await.unwrap().unwrap().certificates.into_iter().map(|c| c.name).collect();
    assert_eq!(names, ["Auxiliar de almacén", "Operaria de limpieza"], "the latest first");
    assert!(store.remove_certificate(id, first, 3).await.unwrap());

    // A full list takes no more, and nothing half-way.
    for n in 1..MAX_ENTRIES {
        store.add_certificate(id, &certificate(&format!("Certificado {n}"), month(2020, 1)), 4).await.unwrap().unwrap();
    }
    assert_eq!(store.seeker(id).await.unwrap().unwrap().certificates.len(), MAX_ENTRIES);
    assert!(matches!(
        store.add_certificate(id, &certificate("Uno más", month(2020, 1)), 5).await,
        Err(DbError::Conflict(_))
    ));
    assert_eq!(store.seeker(id).await.unwrap().unwrap().certificates.len(), MAX_ENTRIES);

    // Deleting the profile takes its history with it.
    let audit = event(AuditAction::ProfileDeleted, 1_700_000_400);
    assert!(store.delete_seeker(id, &audit).await.unwrap());
    store.add_experience(other, &job("Vigilante", month(2021, 1), None), 6).await.unwrap();
    assert_eq!(store.seeker(other).await.unwrap().unwrap().experience.len(), 1, "the other's stays");
}

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

async fn a_profile_names_one_uploaded_cv_and_hands_back_the_file_it_replaces_or_drops(db: &common::TestDb) {
    use senda::seekers::consent::{ConsentKind::*, RecordedBy};
    use senda::seekers::cv::CvFile;
    let store = &db.store;
    let (centre, counsellor) = register_setting(store.as_ref()).await;
    let given = given_by(RecordedBy::Counsellor, counsellor, 1_700_000_000);
    let id = store.register_seeker(&new_seeker("Rosa Huamán", "45678912", centre), &[Register], given).await.unwrap();
    let file = |key: &str, at| CvFile { media_key: key.into(), bytes: 1234, uploaded_at: at };
    assert_eq!(store.set_cv_file(id, &file("a.pdf", 1_700_000_100)).await.unwrap(), None);
    let profile = store.seeker(id).await.unwrap().unwrap();
    assert_eq!(profile.cv_file, Some(file("a.pdf", 1_700_000_100)));
    assert_eq!(profile.updated_at, 1_700_000_100);
    assert_eq!(store.set_cv_file(id, &file("b.pdf", 1_700_000_200)).await.unwrap().as_deref(), Some("a.pdf"));
    assert_eq!(store.seeker(id).await.unwrap().unwrap().cv_file.map(|f| f.media_key).as_deref(), Some("b.pdf"));
    assert!(matches!(store.set_cv_file(id + 99, &file("c.pdf", 1)).await, Err(DbError::Conflict(_))));
    assert_eq!(store.remove_cv_file(id, 1_700_000_300).await.unwrap().as_deref(), Some("b.pdf"));
    assert_eq!(store.remove_cv_file(id, 1_700_000_300).await.unwrap(), None);
    assert_eq!(store.seeker(id).await.unwrap().unwrap().cv_file, None);
}
