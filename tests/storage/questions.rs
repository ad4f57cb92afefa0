//! Storage of stands' questions: left at an accepted stand until weeks after its fair, a few
//! waiting at a time per person, read back by the stand and by the person with the company's
//! name, answered once with its message queued in the same transaction, and gone with the
//! asker's account.

use super::fairs::{DAY, NOW};
use super::stands::{ask, published_fair};
use super::*;
use senda::fairs::stands::questions::store::{NewQuestion, QuestionAnswer};
use senda::fairs::stands::store::StandAnswer;
use senda::fairs::stands::StandStatus;

on_both_engines!(
    a_question_is_left_answered_once_and_read_by_its_asker,
    questions_are_taken_only_where_and_while_allowed,
);

/// Questions close this long after the fair, and this many may wait per person.
const CLOSES_AFTER: i64 = 30 * DAY;
const MOST_OPEN: i64 = 2;

/// Leaves `text` at `stand_id` as `by` at `now`: the new question's id, or `None` if refused.
async fn leave(store: &dyn senda::server::db::Store, stand_id: i64, by: i64, text: &str, now: i64) -> Option<i64> {
    let question = NewQuestion { stand_id, by, question: text.into() };
    store.leave_question(&question, now, CLOSES_AFTER, MOST_OPEN).await.unwrap()
}

/// An accepted stand at a fair starting in a day, and a job seeker.
async fn stand_and_seeker(store: &dyn senda::server::db::Store) -> (i64, i64, i64, i64) {
    let (fair_id, _, organiser, company, _) = published_fair(store, DAY).await;
    let id = store.ask_stand(&ask(fair_id, company, organiser, &[]), NOW).await.unwrap().unwrap();
    let accept = StandAnswer { stand_id: id, to: StandStatus::Accepted, reason: "", by: organiser, mail: None };
    assert!(store.answer_stand(&accept, NOW).await.unwrap());
    let seeker = store.create_account(&account("rosa@example.pe", seeker_role())).await.unwrap();
    (fair_id, id, organiser, seeker)
}

async fn a_question_is_left_answered_once_and_read_by_its_asker(db: &common::TestDb) {
    let store = db.store.as_ref();
    let (fair_id, stand, employer, seeker) = stand_and_seeker(store).await;
    let first = leave(store, stand, seeker, "¿Hay turnos de tarde?", NOW).await.expect("left at an accepted stand");
    let second = leave(store, stand, seeker, "¿Dan capacitación?", NOW + 1).await.unwrap();
    assert_eq!(leave(store, stand, seeker, "¿Y uniforme?", NOW + 2).await, None, "two wait already");

    let listed = store.stand_questions(stand).await.unwrap();
    assert_eq!(listed.iter().map(|q| q.id).collect::<Vec<_>>(), [first, second], "oldest first");
    let q = &listed[0];
    assert_eq!(
        (q.company_name.as_str(), q.asker_name.as_str(), q.asker_email.as_str(), q.question.as_str()),
        ("Zeta Textil S.A.C.", "Juan Mamani", "rosa@example.pe", "¿Hay turnos de tarde?")
    );
    assert_eq!((q.asked_at, q.answer.as_str(), q.answered_at), (NOW, "", None));

    // Answered once, its message queued with it; a wrong stand answers nothing.
    let told = OutgoingMail {
        to: "rosa@example.pe".into(),
        subject: "Respuesta".into(),
        body: "…".into(),
        ..Default::default()
    };
    let answer = QuestionAnswer {
        question_id: first,
        stand_id: stand,
        answer: "Sí, de 14:00 a 22:00.",
        by: employer,
        mail: Some(&told),
    };
    assert!(!store.answer_question(&QuestionAnswer { stand_id: stand + 1, ..answer.clone() }, NOW + 60).await.unwrap());
    assert!(store.answer_question(&answer, NOW + 60).await.unwrap());
    assert!(!store.answer_question(&answer, NOW + 61).await.unwrap(), "answered once");
    assert_eq!(store.mail_to("rosa@example.pe").await.unwrap().len(), 1);
    let asked = store.questions_asked(seeker, fair_id).await.unwrap();
    assert_eq!(
        asked.iter().map(|q| (q.id, q.answer.as_str(), q.answered_at)).collect::<Vec<_>>(),
        [(first, "Sí, de 14:00 a 22:00.", Some(NOW + 60)), (second, "", None)]
    );
    assert!(store.questions_asked(seeker, fair_id + 1).await.unwrap().is_empty(), "another fair's");

    // An answer makes room for another question.
    assert!(leave(store, stand, seeker, "¿Y uniforme?", NOW + 120).await.is_some());

    // The asker's account gone, their questions go with it.
    assert!(store.delete_account(seeker, &event(AuditAction::AccountDeleted, NOW + 200)).await.unwrap());
    assert!(store.stand_questions(stand).await.unwrap().is_empty());
}

async fn questions_are_taken_only_where_and_while_allowed(db: &common::TestDb) {
    let store = db.store.as_ref();
    let (fair_id, _, organiser, company, _) = published_fair(store, DAY).await;
    let stand = store.ask_stand(&ask(fair_id, company, organiser, &[]), NOW).await.unwrap().unwrap();
    let seeker = store.create_account(&account("rosa@example.pe", seeker_role())).await.unwrap();
    assert_eq!(leave(store, stand, seeker, "¿Contratan todavía?", NOW).await, None, "a stand only asked for");
    let accept = StandAnswer { stand_id: stand, to: StandStatus::Accepted, reason: "", by: organiser, mail: None };
    assert!(store.answer_stand(&accept, NOW).await.unwrap());
    let ends = NOW + DAY + 8 * 3_600;
    assert!(
        leave(store, stand, seeker, "¿Contratan todavía?", ends + CLOSES_AFTER - 1).await.is_some(),
        "weeks after the fair"
    );
    assert_eq!(leave(store, stand, seeker, "¿Contratan todavía?", ends + CLOSES_AFTER).await, None, "too late");
    assert_eq!(leave(store, stand + 99, seeker, "¿Hola?", NOW).await, None, "no such stand");
    let cancelled = (senda::fairs::FairStatus::Published, senda::fairs::FairStatus::Cancelled);
    assert!(store.move_fair(fair_id, cancelled.0, cancelled.1, NOW).await.unwrap());
    assert_eq!(leave(store, stand, seeker, "¿Contratan todavía?", NOW).await, None, "a cancelled fair");
    assert_eq!(store.stand_questions(stand).await.unwrap().len(), 1);
}
