//! Storage of stands: a request read back as the company sent it, answered once (the answer's
//! message queued with it, or nothing), asked again on the same row after a refusal, taken back
//! — and nothing of it once the fair is over, for a company not verified, or at a fair nobody
//! sees, each checked by the write itself.

use super::fairs::{fair, DAY, NOW};
use super::*;
use senda::fairs::stands::store::{StandAnswer, StandAsk};
use senda::fairs::stands::StandStatus;
use senda::fairs::FairStatus;

on_both_engines!(
    a_stand_is_asked_answered_and_asked_again,
    nothing_about_stands_changes_where_the_fair_is_closed,
    a_stand_keeps_its_own_video_beside_its_fairs,
);

/// A published fair starting in `starts_in` seconds, of a new centre, and its organiser; and two
/// companies, the first verified.
pub(crate) async fn published_fair(store: &dyn senda::server::db::Store, starts_in: i64) -> (i64, i64, i64, i64, i64) {
    let centre = store.insert_centre(&super::centre("CEM Cusco")).await.unwrap();
    let author = store.create_account(&account("organiza@example.pe", seeker_role())).await.unwrap();
    let id = store.create_fair(&fair(centre, starts_in), author, NOW - 30 * DAY).await.unwrap();
    assert!(store.move_fair(id, FairStatus::Draft, FairStatus::Published, NOW - 30 * DAY).await.unwrap());
    let verified = NewCompany { verified: true, ..company("Zeta Textil S.A.C.", "20556677884") };
    let verified = store.insert_company(&verified).await.unwrap();
    let unverified = store.insert_company(&company("Alfa Servicios S.A.C.", "20100987652")).await.unwrap();
    (id, centre, author, verified, unverified)
}

pub(crate) fn ask(fair_id: i64, company_id: i64, by: i64, accommodations: &[&str]) -> StandAsk {
    StandAsk {
        fair_id,
        company_id,
        introduction: "Buscamos operarios de almacén.\nTrabajo con horario flexible.".into(),
        accommodations: accommodations.iter().map(|c| c.to_string()).collect(),
        by,
    }
}

fn mail(to: &str, subject: &str) -> OutgoingMail {
    OutgoingMail { to: to.into(), subject: subject.into(), body: "…".into(), ..Default::default() }
}

async fn a_stand_is_asked_answered_and_asked_again(db: &common::TestDb) {
    let store = db.store.as_ref();
    let (fair_id, _, organiser, company_id, unverified) = published_fair(store, 10 * DAY).await;
    let employer = store.create_account(&account("rrhh@zeta.pe", seeker_role())).await.unwrap();
    // Codes are kept in the list's order, whatever order they came in.
    let asked = ask(fair_id, company_id, employer, &["flexible_schedule", "sign_interpreter_interview"]);
    let id = store.ask_stand(&asked, NOW).await.unwrap().expect("a verified company asks at a published fair");
    let stand = store.stand(id).await.unwrap().unwrap();
    assert_eq!((stand.fair_id, stand.company_id, stand.status), (fair_id, company_id, StandStatus::Asked));
    assert_eq!(
        (stand.company_name.as_str(), stand.sector.as_str(), stand.region.as_str()),
        ("Zeta Textil S.A.C.", "Comercio", "piura")
    );
    assert_eq!(stand.introduction, asked.introduction);
    assert_eq!(stand.accommodations, ["sign_interpreter_interview", "flexible_schedule"]);
    assert_eq!(stand.asker, Some(("Juan Mamani".to_string(), "rrhh@zeta.pe".to_string())));
    assert_eq!((stand.asked_at, stand.decided_at, stand.decline_reason.as_str()), (NOW, None, ""));

    // One request in force per company; an unverified company asks nothing.
    assert_eq!(store.ask_stand(&ask(fair_id, company_id, employer, &[]), NOW + 1).await.unwrap(), None);
    assert_eq!(store.ask_stand(&ask(fair_id, unverified, employer, &[]), NOW).await.unwrap(), None);
    assert_eq!(store.stand(id).await.unwrap().unwrap().accommodations.len(), 2, "the refused ask changed nothing");

    // Declined with its reason, the message queued with it; answered once only.
    let told = mail("rrhh@zeta.pe", "Tu pedido de stand no fue aceptado");
    let decline = StandAnswer {
        stand_id: id,
        to: StandStatus::Declined,
        reason: "El local está completo.",
        by: organiser,
        mail: Some(&told),
    };
    assert!(store.answer_stand(&decline, NOW + 60).await.unwrap());
    let accept = StandAnswer { stand_id: id, to: StandStatus::Accepted, reason: "", by: organiser, mail: Some(&told) };
    assert!(!store.answer_stand(&accept, NOW + 61).await.unwrap(), "a request is answered once");
    assert_eq!(store.mail_to("rrhh@zeta.pe").await.unwrap().len(), 1, "one message, for the answer that was written");
    let stand = store.stand(id).await.unwrap().unwrap();
    assert_eq!(
        (stand.status, stand.decline_reason.as_str(), stand.decided_at),
        (StandStatus::Declined, "El local está completo.", Some(NOW + 60))
    );

    // Asked again: the same row, waiting again, with what it says now.
    let again = ask(fair_id, company_id, employer, &["step_free_access"]);
    assert_eq!(store.ask_stand(&again, NOW + 120).await.unwrap(), Some(id));
    let stand = store.stand(id).await.unwrap().unwrap();
    assert_eq!((stand.status, stand.decline_reason.as_str(), stand.decided_at), (StandStatus::Asked, "", None));
    assert_eq!((stand.accommodations, stand.asked_at), (vec!["step_free_access".to_string()], NOW + 120));

    // Accepted without a message (the asker's account could be gone), then taken back once.
    let accept = StandAnswer { mail: None, ..accept };
    assert!(store.answer_stand(&accept, NOW + 180).await.unwrap());
    assert_eq!(store.mail_to("rrhh@zeta.pe").await.unwrap().len(), 1);
    assert_eq!(store.stand(id).await.unwrap().unwrap().status, StandStatus::Accepted);
    assert!(store.withdraw_stand(id, NOW + 240).await.unwrap());
    assert!(!store.withdraw_stand(id, NOW + 241).await.unwrap(), "taken back once");
    assert_eq!(store.stand(id).await.unwrap().unwrap().status, StandStatus::Withdrawn);

    // The fair's list: every stand, by company name.
    let other = NewCompany { verified: true, ..company("Andes Foods S.A.C.", "20601234565") };
    let other = store.insert_company(&other).await.unwrap();
    let second = store.ask_stand(&ask(fair_id, other, employer, &[]), NOW).await.unwrap().unwrap();
    let listed: Vec<(i64, StandStatus)> =
        store.fair_stands(fair_id).await.unwrap().into_iter().map(|s| (s.id, s.status)).collect();
    assert_eq!(listed, vec![(second, StandStatus::Asked), (id, StandStatus::Withdrawn)]);
    assert!(store.stand(9_999).await.unwrap().is_none());
    assert!(store.fair_stands(9_999).await.unwrap().is_empty());
}

async fn nothing_about_stands_changes_where_the_fair_is_closed(db: &common::TestDb) {
    let store = db.store.as_ref();
    let (fair_id, centre, organiser, company, _) = published_fair(store, DAY).await;
    let employer = store.create_account(&account("rrhh@zeta.pe", seeker_role())).await.unwrap();
    let id = store.ask_stand(&ask(fair_id, company, employer, &[]), NOW).await.unwrap().unwrap();
    let over = NOW + DAY + 8 * 3600;
    let answer = StandAnswer { stand_id: id, to: StandStatus::Accepted, reason: "", by: organiser, mail: None };
    assert!(!store.answer_stand(&answer, over).await.unwrap(), "answered after the fair is over");
    assert!(!store.withdraw_stand(id, over).await.unwrap(), "taken back after the fair is over");
    assert!(store.withdraw_stand(id, NOW).await.unwrap());
    assert_eq!(store.ask_stand(&ask(fair_id, company, employer, &[]), over).await.unwrap(), None);

    // A draft takes no stands; nor does a cancelled fair.
    let draft = store.create_fair(&fair(centre, 10 * DAY), organiser, NOW).await.unwrap();
    assert_eq!(store.ask_stand(&ask(draft, company, employer, &[]), NOW).await.unwrap(), None);
    assert!(store.move_fair(fair_id, FairStatus::Published, FairStatus::Cancelled, NOW).await.unwrap());
    assert_eq!(store.ask_stand(&ask(fair_id, company, employer, &[]), NOW).await.unwrap(), None);
    assert_eq!(store.stand(id).await.unwrap().unwrap().status, StandStatus::Withdrawn);
}

async fn a_stand_keeps_its_own_video_beside_its_fairs(db: &common::TestDb) {
    let store = db.store.as_ref();
    let (fair_id, _, organiser, company, _) = published_fair(store, DAY).await;
    let id = store.ask_stand(&ask(fair_id, company, organiser, &[]), NOW).await.unwrap().unwrap();
    let (as_stand, as_fair) = (VideoOwner::Stand(id), VideoOwner::Fair(fair_id));
    assert_eq!(store.attach_sign_video(as_stand, &sign_video("stand.webm", organiser, NOW)).await.unwrap(), None);
    assert_eq!(store.attach_sign_video(as_fair, &sign_video("fair.webm", organiser, NOW)).await.unwrap(), None);
    assert_eq!(store.sign_video_file(as_stand).await.unwrap().unwrap().media_key, "stand.webm");
    let replaced = store.attach_sign_video(as_stand, &sign_video("stand-2.webm", organiser, NOW + 1)).await.unwrap();
    assert_eq!(replaced.as_deref(), Some("stand.webm"), "replacing hands back the stand's old file");
    assert_eq!(store.remove_sign_video(as_stand).await.unwrap().as_deref(), Some("stand-2.webm"));
    assert_eq!(store.sign_video_file(as_fair).await.unwrap().unwrap().media_key, "fair.webm", "the fair's stays");
    assert!(matches!(
        store.attach_sign_video(VideoOwner::Stand(id + 99), &sign_video("none.webm", organiser, NOW)).await,
        Err(DbError::NotFound)
    ));
}
