//! Sessions end on the server, whatever the browser does: after the idle time and at the
//! absolute limit, shorter for staff (who read caseloads) than for job seekers — checked by
//! ageing the session rows, not by waiting.

use super::*;

const MINUTE: i64 = 60;

/// Whether `cookie` still signs its holder in: their account page names them.
async fn signed_in_as(app: &axum::Router, cookie: &str, email: &str) -> bool {
    let reply = send(app, signed_in_get("/cuenta", cookie)).await;
    reply.status == StatusCode::OK && reply.body.contains(email)
}

/// Moves `account`'s sessions `secs` into the past: their last use (`idle`) or their start
/// and end (`absolute`).
async fn age(db: &common::TestDb, account: i64, column: &str, secs: i64) {
    let set = match column {
        "idle" => format!("last_seen_at = last_seen_at - {secs}"),
        _ => format!("created_at = created_at - {secs}, expires_at = expires_at - {secs}"),
    };
    db.execute(&format!("UPDATE sessions SET {set} WHERE account_id = {account}")).await.unwrap();
}

async fn sessions_of(state: &AppState, account: i64) -> usize {
    state.store.sessions_of(account).await.unwrap().len()
}

#[tokio::test]
async fn idle_and_absolute_limits_end_sessions_on_the_server_shorter_for_staff() {
    let (app, state, db) = app_with_state().await;
    let centre = state.store.list_centres().await.unwrap()[0].id;
    let grant = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre) };
    let staff = person(&state, "jorge@centro.pe", grant).await;
    let seeker =
        person(&state, "rosa@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    // The defaults: staff 30 minutes idle and 12 hours in all; job seekers 120 minutes and 24 hours.
    for (who, idle, max) in [(&staff, 30 * MINUTE, 12 * 60 * MINUTE), (&seeker, 120 * MINUTE, 24 * 60 * MINUTE)] {
        let email = who.email.as_str();
        // Idle: a minute short of the limit it still works (and counts as use); past it, it ends.
        let cookie = session_cookie_for(&state, who).await;
        age(&db, who.account_id, "idle", idle - MINUTE).await;
        assert!(signed_in_as(&app, &cookie, email).await, "{email}: a minute before the idle limit");
        age(&db, who.account_id, "idle", idle - MINUTE).await;
        assert!(signed_in_as(&app, &cookie, email).await, "{email}: using it restarted the idle time");
        age(&db, who.account_id, "idle", idle + 1).await;
        assert!(!signed_in_as(&app, &cookie, email).await, "{email}: idle past the limit");
        assert_eq!(sessions_of(&state, who.account_id).await, 0, "{email}: the row is gone, not only ignored");

        // Absolute: used all along, it still ends when its time is up.
        let cookie = session_cookie_for(&state, who).await;
        age(&db, who.account_id, "absolute", max - MINUTE).await;
        assert!(signed_in_as(&app, &cookie, email).await, "{email}: a minute before the absolute limit");
        age(&db, who.account_id, "absolute", MINUTE + 1).await;
        assert!(!signed_in_as(&app, &cookie, email).await, "{email}: past the absolute limit, however active");
        assert_eq!(sessions_of(&state, who.account_id).await, 0);
    }

    // The same quiet hour ends a counsellor's session and not a job seeker's.
    let (staff_cookie, seeker_cookie) =
        (session_cookie_for(&state, &staff).await, session_cookie_for(&state, &seeker).await);
    age(&db, staff.account_id, "idle", 60 * MINUTE).await;
    age(&db, seeker.account_id, "idle", 60 * MINUTE).await;
    assert!(!signed_in_as(&app, &staff_cookie, staff.email.as_str()).await);
    assert!(signed_in_as(&app, &seeker_cookie, seeker.email.as_str()).await);
    db.cleanup().await;
}
