//! The database itself and the organisations in it: a new database, demo records, migrations,
//! a schema from a newer build, a closed store.

use super::*;

on_both_engines!(
    a_new_database_is_empty_and_answers,
    demo_records_load_once_into_an_empty_database,
    organisations_come_back_as_stored_in_name_order,
    a_second_company_with_the_same_ruc_is_a_conflict,
    migrating_twice_changes_nothing,
    a_schema_from_a_newer_build_is_refused,
    a_closed_store_fails_instead_of_hanging,
);

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

    // A virtual fair running from now, the company's stand at it with someone on duty and
    // interviews to book.
    let now = senda::server::auth::now();
    let fairs = store.fairs_ahead(now, 10).await.unwrap();
    assert_eq!(fairs.len(), 1);
    assert_eq!(fairs[0].phase, senda::fairs::rules::Phase::Running);
    let stands = store.fair_stands(fairs[0].id).await.unwrap();
    assert_eq!(stands.len(), 1);
    assert_eq!(
        (stands[0].company_id, stands[0].status),
        (companies[0].id, senda::fairs::stands::StandStatus::Accepted)
    );
    let on_duty = store.stand_shifts(stands[0].id).await.unwrap();
    assert!(on_duty.len() == 1 && on_duty[0].starts_at <= now && on_duty[0].ends_at > now, "{on_duty:?}");
    let slots = store.stand_slots(stands[0].id).await.unwrap();
    assert!(slots.len() == 6 && slots.iter().all(|slot| slot.starts_at > now && slot.booking.is_none()), "{slots:?}");
    // Its people are there for the demo to show, and nobody can sign in as them.
    let passwords = senda::server::auth::password::Passwords::new(1024, 1, 1, 1).unwrap();
    for email in ["rosa.quispe@example.pe", "carlos.huaman@example.pe"] {
        let credentials = store.credentials(email).await.unwrap().expect(email);
        for guess in ["", "demo: no password", "demo"] {
            assert!(!passwords.verify(guess, Some(&credentials.password_hash)).await.unwrap().matches);
        }
    }
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
    assert!(matches!(err, DbError::Conflict(Rule::CompanyRuc)), "{err:?}");
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

/// A test that fails never reaches `cleanup`: its database goes all the same as it unwinds,
/// so failing runs leave no databases (and no files) behind.
#[tokio::test]
async fn a_test_database_goes_even_when_its_test_never_cleans_up() {
    let db = common::sqlite().await;
    let folder = std::path::PathBuf::from(db.url.trim_start_matches("sqlite://"))
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .to_path_buf();
    assert!(folder.exists());
    drop(db);
    assert!(!folder.exists(), "{}", folder.display());

    let Some(db) = common::postgres().await else {
        return common::postgres_skipped("a_test_database_goes_even_when_its_test_never_cleans_up");
    };
    let name = db.postgres_name().unwrap().to_string();
    drop(db);
    let admin = std::env::var("TEST_DATABASE_URL").unwrap();
    let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM pg_database WHERE datname = $1")
        .bind(&name)
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(left, 0, "{name} is still there");
}
