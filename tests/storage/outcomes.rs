//! Storage read for a fair's outcomes: each person once, with what they did there — registered,
//! marked at the door or seen at a chat or an interview, chatted, booked, interviewed, applied
//! from a stand while it counted and moved on from there — and what the register says of them
//! (their disability only under their consent to statistics); a stand's alone; the fair's
//! conversations and interviews; an interview the person did not come to; a visit kept when
//! the chats are deleted.

use super::fairs::{DAY, NOW};
use super::register::{given_by, new_seeker, personal};
use super::slots::{accepted_stand, booking, slots};
use super::*;
use senda::applications::store::{Move, NewApplication};
use senda::applications::{ApplicationStatus, Side};
use senda::fairs::outcomes::rules::{DisabilityGroup, Person};
use senda::fairs::outcomes::store::StoredActivity;
use senda::fairs::outcomes::Measure;
use senda::fairs::registrations::store::{NewRegistration, Registering};
use senda::seekers::consent::{ConsentKind, RecordedBy};
use senda::seekers::{Disability, Sex};

on_both_engines!(a_fairs_outcomes_count_each_person_once_with_what_the_register_lets_be_counted);

const OPENS: i64 = NOW + 3 * DAY;
const LIVE: i64 = OPENS + 3_600;
/// The first interview (from the fair's opening, half an hour) is over; the second not.
const LATER: i64 = OPENS + 45 * 60;
const ENDS: i64 = OPENS + 8 * 3_600;

/// How many of `people` did `measure`.
fn did(people: &[Person], measure: Measure) -> usize {
    people.iter().filter(|p| p.did.contains(&measure)).count()
}

async fn a_fairs_outcomes_count_each_person_once_with_what_the_register_lets_be_counted(db: &common::TestDb) {
    use ConsentKind::*;
    let store = db.store.as_ref();
    let (stand, fair, rosa, _) = accepted_stand(store).await;
    let found = store.stand(stand).await.unwrap().unwrap();
    let (company, centre) = (found.company_id, found.fair.centre_id);

    // Twelve registered people with profiles: ten counted in statistics (one with two
    // disability types), two not; eleven women in Cusco, one man in Lima.
    let mut people = Vec::new();
    for i in 0..12 {
        let account = store.create_account(&account(&format!("p{i}@example.pe"), seeker_role())).await.unwrap();
        let dni = format!("{:08}", 40_000_000 + i);
        let mut details = personal(&format!("Persona {i}"), &dni);
        if i == 11 {
            details.sex = Sex::Male;
            details.region = senda::domain::Region::parse("lima-metropolitana").unwrap();
        }
        let seeker = senda::seekers::store::NewSeeker {
            personal: details,
            account_id: Some(account),
            ..new_seeker("", &dni, centre)
        };
        let consents: &[ConsentKind] = if i < 10 {
            &[Register, DisabilityData, ShareWithEmployers, Statistics]
        } else {
            &[Register, DisabilityData, ShareWithEmployers]
        };
        let seeker_id =
            store.register_seeker(&seeker, consents, given_by(RecordedBy::Counsellor, rosa, NOW)).await.unwrap();
        let types: &[&str] = match i {
            9 => &["visual", "hearing"],
            10 => &["physical"],
            _ => &["visual"],
        };
        let disability = Disability {
            conadis: None,
            types: types.iter().map(|t| t.to_string()).collect(),
            needs_at_interview: vec![],
            needs_at_work: vec![],
        };
        assert!(store.save_disability(seeker_id, &disability, NOW).await.unwrap());
        let registration =
            NewRegistration { fair_id: fair, account_id: account, by: account, needs: vec![], mail: None };
        assert!(matches!(store.register(&registration, NOW).await.unwrap(), Registering::Registered(_)));
        people.push((account, seeker_id));
    }
    let registrations = store.fair_registrations(fair).await.unwrap();
    let registration_of = |account: i64| registrations.iter().find(|r| r.account_id == account).unwrap().id;

    // At the door: two marked, one marked and unmarked; only this fair's registrations.
    for (i, came) in [(0, true), (1, true), (2, true), (2, false)] {
        assert!(store.mark_attendance(fair, registration_of(people[i].0), came, rosa, LIVE).await.unwrap());
    }
    assert!(!store.mark_attendance(fair + 1, registration_of(people[0].0), true, rosa, LIVE).await.unwrap());
    let marked = store.fair_registrations(fair).await.unwrap();
    assert_eq!(marked.iter().find(|r| r.account_id == people[0].0).unwrap().attended_at, Some(LIVE));
    assert_eq!(marked.iter().find(|r| r.account_id == people[2].0).unwrap().attended_at, None);

    // A chat: one registered person, and someone with no profile who came by.
    let passer_by = store.create_account(&account("paso@example.pe", seeker_role())).await.unwrap();
    for who in [people[3].0, passer_by] {
        store.open_chat(stand, who, "Hola", LIVE).await.unwrap().unwrap();
    }

    // Interviews: one held by LATER, one still ahead.
    let ids = store.publish_slots(&slots(stand, rosa, OPENS, OPENS + 3_600, 30 * 60, 0), NOW).await.unwrap().unwrap();
    let none = |_: i64| Vec::<OutgoingMail>::new();
    for (slot, who) in [(ids[0], people[4].0), (ids[1], people[5].0)] {
        store.book_slot(&booking(slot, who), NOW, &none).await.unwrap().expect("free");
    }

    // Applications: from the stand while the fair runs (counted, then moved on to a hire),
    // and from the stand before the fair began (an ordinary application).
    let draft = VacancyDraft { closes_at: NOW + 30 * DAY, ..super::vacancies::vacancy_draft(company, centre) };
    let vacancy = store.create_vacancy(&draft, Some(rosa), NOW).await.unwrap();
    assert!(store
        .move_vacancy(vacancy, &[VacancyStatus::Draft], VacancyStatus::Published, None, "", NOW)
        .await
        .unwrap());
    let apply = |seeker, at| {
        let new = NewApplication { stand_id: Some(stand), ..super::applications::application(vacancy, seeker, rosa) };
        async move { store.apply(&new, at).await.unwrap() }
    };
    let senda::applications::store::Applied::Done(counted) = apply(people[6].1, LIVE).await else { panic!("applied") };
    assert!(matches!(apply(people[7].1, NOW).await, senda::applications::store::Applied::Done(_)));
    use ApplicationStatus as S;
    for (from, to) in [(S::Submitted, S::Interview), (S::Interview, S::Offer), (S::Offer, S::Hired)] {
        let step = Move { from, to, side: Side::Employer, by: rosa, note: "", at: LIVE + 60 };
        assert!(store.move_application(counted, &step).await.unwrap());
    }

    let everyone = store.fair_people(fair, None, LATER).await.unwrap();
    assert_eq!(everyone.len(), 13, "each person once");
    let counts: Vec<(Measure, usize)> = Measure::ALL.iter().map(|m| (*m, did(&everyone, *m))).collect();
    use Measure::*;
    assert_eq!(
        counts,
        [
            (Registered, 12),
            // Two marked, two seen at the chat, one at her interview.
            (Attended, 5),
            (Chatted, 2),
            (Booked, 2),
            (Interviewed, 1),
            (Applied, 1),
            (CalledToInterview, 1),
            (Offered, 1),
            (Hired, 1),
        ]
    );
    let groups: Vec<DisabilityGroup> = everyone.iter().map(Person::disability_group).collect();
    let of = |g: DisabilityGroup| groups.iter().filter(|x| **x == g).count();
    assert_eq!(of(DisabilityGroup::Type("visual".into())), 9);
    assert_eq!(of(DisabilityGroup::Type("multiple".into())), 1);
    assert_eq!(of(DisabilityGroup::WithoutConsent), 2, "without consent to statistics");
    assert_eq!(of(DisabilityGroup::NotRecorded), 1, "the passer-by, with no profile");
    assert_eq!(everyone.iter().filter(|p| p.sex == Some(Sex::Female)).count(), 11);
    assert_eq!(everyone.iter().filter(|p| p.region.as_deref() == Some("lima-metropolitana")).count(), 1);
    assert_eq!(everyone.iter().filter(|p| p.sex.is_none() && p.region.is_none()).count(), 1, "the passer-by");

    // The stand's own: its visitors, not the fair's registrations or door.
    let visitors = store.fair_people(fair, Some(stand), LATER).await.unwrap();
    assert_eq!(visitors.len(), 5);
    assert_eq!((did(&visitors, Registered), did(&visitors, Chatted), did(&visitors, Hired)), (0, 2, 1));
    assert!(store.fair_people(fair, Some(stand + 1_000), LATER).await.unwrap().is_empty());
    assert!(store.fair_people(fair + 1, None, LATER).await.unwrap().is_empty());

    let activity = StoredActivity { conversations: 2, slots_published: 2, slots_booked: 2, slots_held: 1 };
    assert_eq!(store.fair_activity(fair, None, LATER).await.unwrap(), activity);
    assert_eq!(store.fair_activity(fair, Some(stand), LATER).await.unwrap(), activity);

    // The interviewer says she did not come: booked, not interviewed, nor seen at the fair.
    assert!(!store.mark_no_show(ids[1], stand, true, LATER).await.unwrap(), "not over");
    assert!(!store.mark_no_show(ids[0], stand + 1_000, true, LATER).await.unwrap(), "another stand's");
    assert!(store.mark_no_show(ids[0], stand, true, LATER).await.unwrap());
    let said = store.fair_people(fair, None, LATER).await.unwrap();
    assert_eq!((did(&said, Interviewed), did(&said, Booked), did(&said, Attended)), (0, 2, 4));
    assert_eq!(store.fair_activity(fair, None, LATER).await.unwrap().slots_held, 0);
    assert!(store.mark_no_show(ids[0], stand, false, LATER).await.unwrap());

    // The chats go some time after the fair; that they talked stays counted.
    store.purge_expired(ENDS + 2 * DAY, &Retention { mail: 0, chats: DAY, applicants: DAY }).await.unwrap();
    let after = store.fair_people(fair, None, ENDS + 2 * DAY).await.unwrap();
    assert_eq!((did(&after, Chatted), did(&after, Interviewed)), (2, 2));
    assert_eq!(store.fair_activity(fair, None, ENDS + 2 * DAY).await.unwrap().conversations, 2);
}
