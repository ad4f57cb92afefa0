//! Storage of reported chat messages: written only by the other side of the message's
//! conversation, once per person and message (reporting again says why anew and waits for
//! review again), listed for the fair they belong to, those to review first, reviewed only as
//! a report of that fair, and deleted with the chats.

use super::fairs::{DAY, NOW};
use super::slots::accepted_stand;
use super::*;
use senda::fairs::stands::chat::reports::store::NewReport;
use senda::fairs::stands::chat::store::{ChatHandover, NewChatMessage};

on_both_engines!(only_the_other_side_reports_a_message_and_the_fairs_organisers_review_it);

/// An hour into the fair (it opens three days after `NOW`, for eight hours).
const LIVE: i64 = NOW + 3 * DAY + 3_600;
const ENDS: i64 = NOW + 3 * DAY + 8 * 3_600;

async fn only_the_other_side_reports_a_message_and_the_fairs_organisers_review_it(db: &common::TestDb) {
    let store = db.store.as_ref();
    let (stand, fair, rosa, stranger) = accepted_stand(store).await;
    let ana = NewAccount { name: "Ana Flores".into(), ..account("ana@example.pe", seeker_role()) };
    let ana = store.create_account(&ana).await.unwrap();
    let luis = store.create_account(&account("luis@example.pe", seeker_role())).await.unwrap();
    let c = store.open_chat(stand, ana, "Hola", LIVE).await.unwrap().unwrap().conversation_id;
    let taken = ChatHandover { conversation_id: c, stand_id: stand, from: None, to: rosa };
    assert!(store.assign_chat(&taken, LIVE).await.unwrap());
    let written =
        NewChatMessage {
            conversation_id: c, author_id: rosa, from_company: true, body: "Dame tu número", offer: None
        };
    let theirs = store.post_chat_message(&written, LIVE + 1).await.unwrap().unwrap();
    let hers = store.chat_messages(c, 0).await.unwrap()[0].id;
    let report = |message_id, by, reason| NewReport { message_id, by, reason };

    // Each side reports the other's messages; nobody reports their own side's, or a stranger's.
    for (message, by) in [(hers, ana), (theirs, rosa), (theirs, luis), (theirs, stranger), (hers, stranger)] {
        assert!(!store.report_message(&report(message, by, ""), LIVE + 2).await.unwrap(), "{message} by {by}");
    }
    assert!(store.report_message(&report(theirs, ana, "Me pidió mi número"), LIVE + 2).await.unwrap());
    assert!(store.report_message(&report(hers, rosa, ""), LIVE + 3).await.unwrap());
    assert_eq!(store.reported_in(c, ana).await.unwrap(), [theirs]);
    assert_eq!(store.reports_to_review(fair).await.unwrap(), 2);

    // Listed for the fair, to review first; reviewed only as a report of this fair, and once.
    let listed = store.fair_reports(fair).await.unwrap();
    let first = &listed[0];
    assert_eq!(
        (first.body.as_str(), first.author_name.as_str(), first.from_company, first.reporter_name.as_str()),
        ("Dame tu número", "Rosa Quispe", true, "Ana Flores")
    );
    assert_eq!((first.reason.as_str(), first.reported_at, first.reviewed_at), ("Me pidió mi número", LIVE + 2, None));
    assert!(!store.review_report(first.id, fair + 1, rosa, LIVE + 4).await.unwrap(), "another fair's");
    assert!(store.review_report(first.id, fair, rosa, LIVE + 4).await.unwrap());
    assert!(store.review_report(first.id, fair, rosa, LIVE + 5).await.unwrap(), "already reviewed");
    let listed = store.fair_reports(fair).await.unwrap();
    assert_eq!(listed.iter().map(|r| r.reviewed_at).collect::<Vec<_>>(), [None, Some(LIVE + 4)], "to review first");
    assert_eq!(store.reports_to_review(fair).await.unwrap(), 1);

    // Reported again: why anew, and to review again; still one report.
    assert!(store.report_message(&report(theirs, ana, "Insistió"), LIVE + 6).await.unwrap());
    let listed = store.fair_reports(fair).await.unwrap();
    assert_eq!(listed.len(), 2);
    assert!(listed.iter().any(|r| r.reason == "Insistió" && r.reviewed_at.is_none()));

    // Deleted with the chats.
    store.purge_expired(ENDS + 86_401, &Retention { mail: 0, chats: 86_400, applicants: 86_400 }).await.unwrap();
    assert!(store.fair_reports(fair).await.unwrap().is_empty());
}
