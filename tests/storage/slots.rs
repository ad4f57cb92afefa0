//! Storage of interview slots: published in blocks for the company's own people within the
//! fair's hours, never clashing with the interviewer's other slots or their rest; booked by
//! registered people, never twice — not even when many book the same slots at once — and never
//! one person in two at once; moved and cancelled, the freed slot bookable at once; withdrawn
//! by the company, telling the person; gone with the person's registration. A booking's reminders wait for their time and are
//! withdrawn with it.

use super::fairs::{DAY, NOW};
use super::stands::{ask, published_fair};
use super::*;
use senda::fairs::registrations::store::{NewRegistration, Registering};
use senda::fairs::stands::slots::booking_store::NewBooking;
use senda::fairs::stands::slots::rules::{block, BookingRefusal, Span};
use senda::fairs::stands::slots::store::NewSlots;
use senda::fairs::stands::slots::SlotMode;
use senda::fairs::stands::store::StandAnswer;
use senda::fairs::stands::StandStatus;

on_both_engines!(
    slots_are_published_for_the_companys_people_and_never_clash,
    a_slot_is_booked_once_moved_and_cancelled_with_its_messages,
    many_booking_the_same_slots_at_once_get_each_slot_once,
    one_person_booking_clashing_slots_at_once_gets_one,
    cancelling_a_registration_cancels_its_interviews,
);

const HOUR: i64 = 3_600;
const MIN: i64 = 60;

/// An accepted stand of a verified company at a fair starting in a day; the stand, the fair,
/// the company's interviewer and another company's employer.
pub(crate) async fn accepted_stand(store: &dyn senda::server::db::Store) -> (i64, i64, i64, i64) {
    let (fair_id, _, organiser, company, other_company) = published_fair(store, 3 * DAY).await;
    let role = |company| RoleGrant { role: Role::Employer, company_id: Some(company), centre_id: None };
    let rosa = NewAccount { name: "Rosa Quispe".into(), ..account("rosa@zeta.pe", role(company)) };
    let rosa = store.create_account(&rosa).await.unwrap();
    let stranger = store.create_account(&account("otro@alfa.pe", role(other_company))).await.unwrap();
    let stand = store.ask_stand(&ask(fair_id, company, rosa, &[]), NOW).await.unwrap().unwrap();
    let answer = StandAnswer { stand_id: stand, to: StandStatus::Accepted, reason: "", by: organiser, mail: None };
    assert!(store.answer_stand(&answer, NOW).await.unwrap());
    (stand, fair_id, rosa, stranger)
}

pub(crate) fn slots(stand_id: i64, interviewer_id: i64, from: i64, until: i64, length: i64, buffer: i64) -> NewSlots {
    NewSlots {
        stand_id,
        interviewer_id,
        spans: block(from, until, length, buffer),
        mode: SlotMode::Video,
        by: interviewer_id,
    }
}

/// A job seeker registered for the fair.
pub(crate) async fn registered(store: &dyn senda::server::db::Store, fair_id: i64, email: &str) -> i64 {
    let account_id = store.create_account(&account(email, seeker_role())).await.unwrap();
    let registration = NewRegistration { fair_id, account_id, by: account_id, needs: Vec::new(), mail: None };
    assert!(matches!(store.register(&registration, NOW).await.unwrap(), Registering::Registered(_)));
    account_id
}

pub(crate) fn booking(slot_id: i64, account_id: i64) -> NewBooking {
    NewBooking {
        slot_id,
        account_id,
        room_url: format!("https://salas.test/{slot_id}-{account_id}"),
        phone: String::new(),
        share_needs: false,
        replaces: None,
    }
}

/// A confirmation now and a reminder an hour before `starts_at`, in the booking's thread.
fn messages(to: &str, starts_at: i64) -> impl Fn(i64) -> Vec<OutgoingMail> + Send + Sync {
    let to = to.to_string();
    move |id| {
        let thread = Some(senda::fairs::stands::slots::booking_thread(id));
        let mail =
            OutgoingMail { to: to.clone(), subject: format!("Reserva {id}"), body: "…".into(), ..Default::default() };
        vec![
            OutgoingMail { thread: thread.clone(), ..mail.clone() },
            OutgoingMail { thread, send_at: Some(starts_at - HOUR), subject: "Recordatorio".into(), ..mail },
        ]
    }
}

async fn slots_are_published_for_the_companys_people_and_never_clash(db: &common::TestDb) {
    let store = db.store.as_ref();
    let (stand, _, rosa, stranger) = accepted_stand(store).await;
    let opens = NOW + 3 * DAY;
    let ids = store.publish_slots(&slots(stand, rosa, opens, opens + HOUR, 20 * MIN, 10 * MIN), NOW).await.unwrap();
    assert_eq!(ids.map(|ids| ids.len()), Some(2), "20 minutes and 10 of rest: two fit in an hour");
    let read = store.stand_slots(stand).await.unwrap();
    let times: Vec<_> = read.iter().map(|s| (s.starts_at - opens, s.ends_at - opens, s.buffer_minutes)).collect();
    assert_eq!(times, [(0, 20 * MIN, 10), (30 * MIN, 50 * MIN, 10)]);
    assert!(read
        .iter()
        .all(|s| s.interviewer_name == "Rosa Quispe" && s.mode == SlotMode::Video && s.booking.is_none()));
    let spans = store.interviewer_spans(rosa).await.unwrap();
    assert_eq!(spans[1], Span { starts_at: opens + 30 * MIN, ends_at: opens + 50 * MIN, buffer: 10 * MIN });

    for (refused, why) in [
        (slots(stand, rosa, opens + 55 * MIN, opens + 75 * MIN, 20 * MIN, 0), "within the last slot's rest"),
        (slots(stand, stranger, opens + 2 * HOUR, opens + 3 * HOUR, 30 * MIN, 0), "someone of another company"),
        (slots(stand, rosa, opens - HOUR, opens, 30 * MIN, 0), "before the fair opens"),
        (slots(stand, rosa, opens + 7 * HOUR, opens + 9 * HOUR, 30 * MIN, 0), "after it closes"),
        (slots(stand + 99, rosa, opens + 2 * HOUR, opens + 3 * HOUR, 30 * MIN, 0), "at no stand"),
        (slots(stand, rosa, opens + 2 * HOUR, opens + 2 * HOUR, 30 * MIN, 0), "no slot at all"),
    ] {
        assert_eq!(store.publish_slots(&refused, NOW).await.unwrap(), None, "{why}");
    }
    assert_eq!(store.stand_slots(stand).await.unwrap().len(), 2, "nothing of the refused blocks stays");
    let right_after = slots(stand, rosa, opens + 60 * MIN, opens + 80 * MIN, 20 * MIN, 0);
    assert!(store.publish_slots(&right_after, NOW).await.unwrap().is_some(), "once the rest is over");
    assert_eq!(store.publish_slots(&right_after, opens + 61 * MIN).await.unwrap(), None, "in the past");

    // Withdrawn: gone from the stand, and withdrawn only once.
    let first = read[0].id;
    let tell = |_: &senda::fairs::stands::slots::store::StoredBooking| -> OutgoingMail { unreachable!("no booking") };
    assert!(store.withdraw_slot(first, stand, NOW, &tell).await.unwrap());
    assert!(!store.withdraw_slot(first, stand, NOW, &tell).await.unwrap());
    assert!(!store.withdraw_slot(read[1].id, stand + 1, NOW, &tell).await.unwrap(), "another stand's");
    assert!(store.slot(first).await.unwrap().is_none());
    assert_eq!(store.stand_slots(stand).await.unwrap().len(), 2);
}

async fn a_slot_is_booked_once_moved_and_cancelled_with_its_messages(db: &common::TestDb) {
    let store = db.store.as_ref();
    let (stand, fair_id, rosa, _) = accepted_stand(store).await;
    let opens = NOW + 3 * DAY;
    let ids =
        store.publish_slots(&slots(stand, rosa, opens, opens + 2 * HOUR, 30 * MIN, 0), NOW).await.unwrap().unwrap();
    let (ana, luis) =
        (registered(store, fair_id, "ana@example.pe").await, registered(store, fair_id, "luis@example.pe").await);
    let stranger = store.create_account(&account("nadie@example.pe", seeker_role())).await.unwrap();

    let mail = messages("ana@example.pe", opens);
    let booked = store.book_slot(&NewBooking { share_needs: true, ..booking(ids[0], ana) }, NOW, &mail).await.unwrap();
    let first = booked.expect("free");
    let luis_mail = messages("luis@example.pe", opens);
    assert_eq!(store.book_slot(&booking(ids[0], luis), NOW, &luis_mail).await.unwrap(), Err(BookingRefusal::Taken));
    assert_eq!(
        store.book_slot(&booking(ids[1], stranger), NOW, &luis_mail).await.unwrap(),
        Err(BookingRefusal::NotRegistered)
    );
    assert_eq!(
        store.book_slot(&booking(ids[1], luis), opens + 31 * MIN, &luis_mail).await.unwrap(),
        Err(BookingRefusal::Unavailable),
        "started"
    );
    assert_eq!(
        store.book_slot(&booking(ids[0] + 999, luis), NOW, &luis_mail).await.unwrap(),
        Err(BookingRefusal::Unavailable)
    );
    assert!(store.mail_to("luis@example.pe").await.unwrap().is_empty(), "no messages for refused bookings");

    let slot = store.slot(ids[0]).await.unwrap().unwrap();
    let held = slot.booking.expect("booked");
    assert_eq!((held.id, held.account_id, held.share_needs), (first, ana, true));
    assert_eq!(held.room_url, format!("https://salas.test/{}-{ana}", ids[0]));

    // The confirmation is due now, the reminder waits for its time.
    assert_eq!(store.mail_to("ana@example.pe").await.unwrap().len(), 2);
    let due = store.claim_mail(NOW + 1, 300).await.unwrap().expect("the confirmation");
    assert_eq!(due.subject, format!("Reserva {first}"));
    assert!(store.claim_mail(NOW + 2, 300).await.unwrap().is_none(), "the reminder is not due yet");

    // Moving: the new slot booked, the old one freed for someone else at once, its reminder
    // withdrawn — and a move to a slot someone has changes nothing.
    let luis_booked = store.book_slot(&booking(ids[2], luis), NOW, &luis_mail).await.unwrap().expect("free");
    let to_taken = NewBooking { replaces: Some(first), ..booking(ids[2], ana) };
    assert_eq!(store.book_slot(&to_taken, NOW, &mail).await.unwrap(), Err(BookingRefusal::Taken));
    assert_eq!(store.slot(ids[0]).await.unwrap().unwrap().booking.map(|b| b.id), Some(first), "still hers");
    let moving = NewBooking { replaces: Some(first), ..booking(ids[1], ana) };
    let moved = store.book_slot(&moving, NOW + 10, &mail).await.unwrap().expect("free");
    assert!(store.slot(ids[0]).await.unwrap().unwrap().booking.is_none());
    let subjects: Vec<_> = store.mail_to("ana@example.pe").await.unwrap().into_iter().map(|m| m.subject).collect();
    assert_eq!(subjects, [format!("Reserva {first}"), format!("Reserva {moved}"), "Recordatorio".into()]);
    let eva = registered(store, fair_id, "eva@example.pe").await;
    let eva_mail = messages("eva@example.pe", opens);
    assert!(store.book_slot(&booking(ids[0], eva), NOW + 20, &eva_mail).await.unwrap().is_ok(), "freed at once");
    let mine: Vec<_> =
        store.bookings_of(ana).await.unwrap().into_iter().map(|b| (b.id, b.slot_id, b.stand_id)).collect();
    assert_eq!(mine, [(moved, ids[1], stand)]);

    // Cancelled: the slot free at once, the reminder withdrawn; once only; not after it starts.
    assert!(store.cancel_booking(moved, ana, NOW + 30).await.unwrap());
    assert!(!store.cancel_booking(moved, ana, NOW + 31).await.unwrap());
    assert!(store.slot(ids[1]).await.unwrap().unwrap().booking.is_none());
    assert_eq!(store.mail_to("ana@example.pe").await.unwrap().len(), 1, "only the confirmation already taken");
    assert!(!store.cancel_booking(luis_booked, ana, NOW).await.unwrap(), "someone else's");
    assert!(!store.cancel_booking(luis_booked, luis, opens + 61 * MIN).await.unwrap(), "started");

    // The company withdraws Luis's slot: his booking goes, he is told, his reminder withdrawn.
    let tell = |b: &senda::fairs::stands::slots::store::StoredBooking| OutgoingMail {
        to: b.email.clone(),
        subject: "Cancelada por la empresa".into(),
        body: "…".into(),
        ..Default::default()
    };
    assert!(store.withdraw_slot(ids[2], stand, NOW + 40, &tell).await.unwrap());
    let luis_subjects: Vec<_> =
        store.mail_to("luis@example.pe").await.unwrap().into_iter().map(|m| m.subject).collect();
    assert_eq!(luis_subjects, ["Cancelada por la empresa"], "his unsent confirmation and reminder withdrawn");
    assert!(store.bookings_of(luis).await.unwrap().is_empty());
}

async fn many_booking_the_same_slots_at_once_get_each_slot_once(db: &common::TestDb) {
    let (stand, fair_id, rosa, _) = accepted_stand(db.store.as_ref()).await;
    let opens = NOW + 3 * DAY;
    let published = db.store.publish_slots(&slots(stand, rosa, opens, opens + 3 * 30 * MIN, 30 * MIN, 0), NOW).await;
    let ids = published.unwrap().unwrap();
    let mut people = Vec::new();
    for n in 0..30 {
        people.push(registered(db.store.as_ref(), fair_id, &format!("persona{n}@example.pe")).await);
    }
    let mut attempts = tokio::task::JoinSet::new();
    for (n, account_id) in people.into_iter().enumerate() {
        let (store, slot_id) = (db.store.clone(), ids[n % ids.len()]);
        attempts.spawn(async move {
            let mail = messages(&format!("persona{n}@example.pe"), opens);
            store.book_slot(&booking(slot_id, account_id), NOW, &mail).await.unwrap()
        });
    }
    let outcomes = attempts.join_all().await;
    assert_eq!(outcomes.iter().filter(|o| o.is_ok()).count(), 3, "{outcomes:?}");
    assert!(outcomes.iter().all(|o| matches!(o, Ok(_) | Err(BookingRefusal::Taken))), "{outcomes:?}");
    let held = db.store.stand_slots(stand).await.unwrap();
    assert!(held.iter().all(|s| s.booking.is_some()));
}

async fn one_person_booking_clashing_slots_at_once_gets_one(db: &common::TestDb) {
    let store = db.store.as_ref();
    let (stand, fair_id, rosa, _) = accepted_stand(store).await;
    let opens = NOW + 3 * DAY;
    // Four interviewers with slots at the same hour: one person tries them all at once.
    let mut ids =
        vec![store.publish_slots(&slots(stand, rosa, opens, opens + HOUR, HOUR, 0), NOW).await.unwrap().unwrap()[0]];
    let company = store.stand(stand).await.unwrap().unwrap().company_id;
    for n in 0..3 {
        let role = RoleGrant { role: Role::Employer, company_id: Some(company), centre_id: None };
        let other = store.create_account(&account(&format!("rrhh{n}@zeta.pe"), role)).await.unwrap();
        let block = slots(stand, other, opens + 15 * MIN, opens + 45 * MIN, 30 * MIN, 0);
        ids.push(store.publish_slots(&block, NOW).await.unwrap().unwrap()[0]);
    }
    let ana = registered(store, fair_id, "ana@example.pe").await;
    let mut attempts = tokio::task::JoinSet::new();
    for slot_id in ids {
        let store = db.store.clone();
        attempts.spawn(async move {
            let mail = messages("ana@example.pe", opens);
            store.book_slot(&booking(slot_id, ana), NOW, &mail).await.unwrap()
        });
    }
    let outcomes = attempts.join_all().await;
    assert_eq!(outcomes.iter().filter(|o| o.is_ok()).count(), 1, "{outcomes:?}");
    assert!(outcomes.iter().all(|o| matches!(o, Ok(_) | Err(BookingRefusal::Clashes))), "{outcomes:?}");
    assert_eq!(store.bookings_of(ana).await.unwrap().len(), 1);
}

async fn cancelling_a_registration_cancels_its_interviews(db: &common::TestDb) {
    let store = db.store.as_ref();
    let (stand, fair_id, rosa, _) = accepted_stand(store).await;
    let opens = NOW + 3 * DAY;
    let ids = store.publish_slots(&slots(stand, rosa, opens, opens + HOUR, 30 * MIN, 0), NOW).await.unwrap().unwrap();
    let ana = registered(store, fair_id, "ana@example.pe").await;
    let mail = messages("ana@example.pe", opens);
    store.book_slot(&booking(ids[0], ana), NOW, &mail).await.unwrap().expect("free");

    assert!(store.cancel_registration(fair_id, ana, None, NOW + 10).await.unwrap());
    assert!(store.bookings_of(ana).await.unwrap().is_empty());
    assert!(store.slot(ids[0]).await.unwrap().unwrap().booking.is_none(), "free for someone else");
    assert!(
        store.mail_to("ana@example.pe").await.unwrap().is_empty(),
        "the unsent confirmation and reminder withdrawn"
    );
    let luis = registered(store, fair_id, "luis@example.pe").await;
    let luis_mail = messages("luis@example.pe", opens);
    assert!(store.book_slot(&booking(ids[0], luis), NOW + 20, &luis_mail).await.unwrap().is_ok());
}
