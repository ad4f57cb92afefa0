//! Storage of stands' shifts: added for the company's own representatives within the fair's
//! hours and never twice at once for one person, read back soonest first with their names,
//! taken away — and none of it once the stand or the fair is closed, each checked by the
//! write itself.

use super::fairs::{DAY, NOW};
use super::stands::{ask, published_fair};
use super::*;
use senda::fairs::stands::shifts::store::NewShift;
use senda::fairs::stands::store::StandAnswer;
use senda::fairs::stands::StandStatus;

on_both_engines!(shifts_are_kept_within_the_fair_for_the_companys_people, no_shift_changes_where_the_stand_is_closed,);

const HOUR: i64 = 3_600;

async fn representative(store: &dyn senda::server::db::Store, email: &str, name: &str, company: i64) -> i64 {
    let role = RoleGrant { role: Role::Employer, company_id: Some(company), centre_id: None };
    store.create_account(&NewAccount { name: name.into(), ..account(email, role) }).await.unwrap()
}

fn shift(stand_id: i64, account_id: i64, starts_at: i64, ends_at: i64) -> NewShift {
    NewShift { stand_id, account_id, starts_at, ends_at, by: account_id }
}

async fn shifts_are_kept_within_the_fair_for_the_companys_people(db: &common::TestDb) {
    let store = db.store.as_ref();
    let (fair_id, _, organiser, company, other_company) = published_fair(store, DAY).await;
    let opens = NOW + DAY;
    let closes = opens + 8 * HOUR;
    let rosa = representative(store, "rosa@zeta.pe", "Rosa Quispe", company).await;
    let ana = representative(store, "ana@zeta.pe", "Ana Flores", company).await;
    let stranger = representative(store, "otro@alfa.pe", "Otro", other_company).await;
    let id = store.ask_stand(&ask(fair_id, company, rosa, &[]), NOW).await.unwrap().unwrap();
    let people: Vec<_> = store.representatives(company).await.unwrap().into_iter().map(|r| r.name).collect();
    assert_eq!(people, ["Ana Flores", "Rosa Quispe"], "the company's people, by name");

    let morning = store.add_shift(&shift(id, rosa, opens, opens + 4 * HOUR), NOW).await.unwrap();
    assert!(morning.is_some(), "a waiting stand is staffed ahead");
    let answer = StandAnswer { stand_id: id, to: StandStatus::Accepted, reason: "", by: organiser, mail: None };
    assert!(store.answer_stand(&answer, NOW).await.unwrap());
    let afternoon = store.add_shift(&shift(id, ana, opens + 4 * HOUR, closes), NOW).await.unwrap().unwrap();
    // The same hours for someone else; right after the first for the same person.
    assert!(store.add_shift(&shift(id, ana, opens, opens + HOUR), NOW).await.unwrap().is_some());
    assert!(store.add_shift(&shift(id, rosa, opens + 4 * HOUR, opens + 5 * HOUR), NOW).await.unwrap().is_some());

    for (refused, why) in [
        (shift(id, rosa, opens + HOUR, opens + 2 * HOUR), "the same person twice at once"),
        (shift(id, stranger, opens, opens + HOUR), "someone of another company"),
        (shift(id, organiser, opens, opens + HOUR), "someone of no company"),
        (shift(id, rosa, opens - HOUR, opens + HOUR), "before the fair opens"),
        (shift(id, rosa, closes - HOUR, closes + HOUR), "after it closes"),
        (shift(id, rosa, opens + 6 * HOUR, opens + 5 * HOUR), "ending before it starts"),
        (shift(id + 99, rosa, opens, opens + HOUR), "at no stand"),
    ] {
        assert_eq!(store.add_shift(&refused, NOW).await.unwrap(), None, "{why}");
    }
    assert_eq!(
        store.add_shift(&shift(id, rosa, opens + 6 * HOUR, opens + 7 * HOUR), opens + 7 * HOUR).await.unwrap(),
        None,
        "over already"
    );

    let listed: Vec<(String, i64, i64)> =
        store.stand_shifts(id).await.unwrap().into_iter().map(|s| (s.name, s.starts_at, s.ends_at)).collect();
    assert_eq!(
        listed,
        vec![
            ("Ana Flores".to_string(), opens, opens + HOUR),
            ("Rosa Quispe".to_string(), opens, opens + 4 * HOUR),
            ("Ana Flores".to_string(), opens + 4 * HOUR, closes),
            ("Rosa Quispe".to_string(), opens + 4 * HOUR, opens + 5 * HOUR),
        ],
        "soonest first, then by name"
    );

    assert!(store.remove_shift(afternoon, id, NOW).await.unwrap());
    assert!(!store.remove_shift(afternoon, id, NOW).await.unwrap(), "taken away once");
    assert!(!store.remove_shift(morning.unwrap(), id + 1, NOW).await.unwrap(), "only from its own stand");
    assert_eq!(store.stand_shifts(id).await.unwrap().len(), 3);
}

async fn no_shift_changes_where_the_stand_is_closed(db: &common::TestDb) {
    let store = db.store.as_ref();
    let (fair_id, _, _, company, _) = published_fair(store, DAY).await;
    let opens = NOW + DAY;
    let rosa = representative(store, "rosa@zeta.pe", "Rosa Quispe", company).await;
    let id = store.ask_stand(&ask(fair_id, company, rosa, &[]), NOW).await.unwrap().unwrap();
    let kept = store.add_shift(&shift(id, rosa, opens, opens + HOUR), NOW).await.unwrap().unwrap();
    let over = opens + 8 * HOUR;
    assert!(!store.remove_shift(kept, id, over).await.unwrap(), "after the fair");
    assert!(store.withdraw_stand(id, NOW).await.unwrap());
    assert_eq!(store.add_shift(&shift(id, rosa, opens + HOUR, opens + 2 * HOUR), NOW).await.unwrap(), None);
    assert!(!store.remove_shift(kept, id, NOW).await.unwrap(), "at a stand taken back");
    assert_eq!(store.stand_shifts(id).await.unwrap().len(), 1);
}
