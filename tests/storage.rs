//! The storage story: the same cases on SQLite always and on PostgreSQL when
//! `TEST_DATABASE_URL` is set.

mod common;

use senda::accounts::{Role, RoleGrant};
use senda::domain::Email;
use senda::domain::{Region, Ruc};
use senda::organisations::{NewCentre, NewCompany};
use senda::server::auth::{NewAccount, NewSession};
use senda::server::db::{DbError, Engine, OpenError};
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
);

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
