//! Storage of fairs: a fair read back as it was written, its venue kept only while it has one,
//! each change counted for calendars, and moves and changes that only happen from where the
//! fair stands and while it is not over — checked by the write itself.

use super::*;
use senda::fairs::rules::Phase;
use senda::fairs::{FairDraft, FairMode, FairStatus, Venue, VenueAccess};
use senda::media::store::VideoOwner;

on_both_engines!(
    a_fair_is_read_back_as_written_and_each_change_counted,
    a_fair_moves_only_from_where_it_stands,
    a_fair_and_a_vacancy_of_the_same_number_keep_their_own_videos,
);

pub(crate) const NOW: i64 = 1_800_000_000;
pub(crate) const DAY: i64 = 86_400;

pub(crate) fn fair(centre_id: i64, starts_in: i64) -> FairDraft {
    FairDraft {
        centre_id,
        title: "Feria de empleo inclusivo".into(),
        description: "Empresas que contratan.\n- Ventas\n- Almacén".into(),
        easy_read: "Ven a conocer empresas.".into(),
        mode: FairMode::InPerson,
        starts_at: NOW + starts_in,
        ends_at: NOW + starts_in + 8 * 3600,
        registration_closes_at: NOW + starts_in - DAY,
        capacity: 300,
        venue: Some(Venue {
            name: "Coliseo Casa de la Juventud".into(),
            address: "Av. Grau 123".into(),
            region: "cusco".into(),
            access: vec![VenueAccess::StepFree, VenueAccess::LspOnSite],
            transport: "Buses 12 y 40; entrada sin escalones por la puerta 2.".into(),
        }),
    }
}

async fn a_fair_is_read_back_as_written_and_each_change_counted(db: &common::TestDb) {
    let store = &db.store;
    let centre = store.insert_centre(&super::centre("CEM Cusco")).await.unwrap();
    let author = store.create_account(&account("ana@example.pe", seeker_role())).await.unwrap();
    let draft = fair(centre, 10 * DAY);
    let id = store.create_fair(&draft, author, NOW).await.unwrap();
    let stored = store.fair(id).await.unwrap().unwrap();
    assert_eq!(stored.draft, draft);
    assert_eq!((stored.status, stored.centre_name.as_str(), stored.revision), (FairStatus::Draft, "CEM Cusco", 0));
    let facts = store.fair_facts(id).await.unwrap().unwrap();
    assert_eq!((facts.centre_id, facts.status, facts.starts_at), (centre, FairStatus::Draft, draft.starts_at));

    // Online now: the venue goes, all of it.
    let online = FairDraft { mode: FairMode::Virtual, venue: None, capacity: 1000, ..draft.clone() };
    assert!(store.update_fair(id, &online, NOW + 60).await.unwrap());
    let stored = store.fair(id).await.unwrap().unwrap();
    assert_eq!((stored.draft.clone(), stored.revision), (online.clone(), 1));
    assert!(store.update_fair(id, &draft, NOW + 120).await.unwrap());
    assert_eq!(store.fair(id).await.unwrap().unwrap().draft, draft, "the venue comes back whole");

    // The centre is the fair's own: a draft naming another one changes nothing.
    let other = store.insert_centre(&super::centre("CEM Lima")).await.unwrap();
    assert!(!store.update_fair(id, &FairDraft { centre_id: other, ..draft.clone() }, NOW).await.unwrap());
    assert!(store.fair(9_999).await.unwrap().is_none() && store.fair_facts(9_999).await.unwrap().is_none());
    let listed = store.centre_fairs(centre, NOW).await.unwrap();
    assert_eq!(listed.iter().map(|f| (f.id, f.phase)).collect::<Vec<_>>(), vec![(id, Phase::Draft)]);
    assert_eq!(listed[0].region, "cusco");
    assert!(store.centre_fairs(other, NOW).await.unwrap().is_empty());
    assert!(store.fairs_ahead(NOW, 10).await.unwrap().is_empty(), "a draft is nobody else's");
}

async fn a_fair_moves_only_from_where_it_stands(db: &common::TestDb) {
    let store = &db.store;
    let centre = store.insert_centre(&super::centre("CEM Cusco")).await.unwrap();
    let author = store.create_account(&account("ana@example.pe", seeker_role())).await.unwrap();
    let soon = store.create_fair(&fair(centre, 2 * DAY), author, NOW).await.unwrap();
    let later = store.create_fair(&fair(centre, 20 * DAY), author, NOW).await.unwrap();
    let started = store.create_fair(&fair(centre, -3600), author, NOW - 2 * DAY).await.unwrap();
    use FairStatus::*;

    assert!(store.move_fair(later, Draft, Published, NOW).await.unwrap());
    assert!(store.move_fair(soon, Draft, Published, NOW).await.unwrap());
    assert!(!store.move_fair(soon, Draft, Published, NOW).await.unwrap(), "published once");
    assert!(!store.move_fair(started, Draft, Published, NOW).await.unwrap(), "never published once started");
    assert_eq!(store.fair(soon).await.unwrap().unwrap().revision, 1);
    let ahead = store.fairs_ahead(NOW, 10).await.unwrap();
    assert_eq!(
        ahead.iter().map(|f| (f.id, f.phase)).collect::<Vec<_>>(),
        vec![(soon, Phase::Upcoming), (later, Phase::Upcoming)]
    );
    assert_eq!(store.fairs_ahead(NOW, 1).await.unwrap().len(), 1, "the limit holds");
    let running = NOW + 2 * DAY + 60;
    assert_eq!(store.fairs_ahead(running, 10).await.unwrap()[0].phase, Phase::Running);

    assert!(store.move_fair(later, Published, Cancelled, NOW).await.unwrap());
    assert!(!store.update_fair(later, &fair(centre, 20 * DAY), NOW).await.unwrap(), "a cancelled fair stays as it was");
    let ahead = store.fairs_ahead(NOW, 10).await.unwrap();
    assert_eq!(
        ahead.iter().map(|f| (f.id, f.phase)).collect::<Vec<_>>(),
        vec![(soon, Phase::Upcoming), (later, Phase::Cancelled)]
    );

    // Over: no change and no move, and it is past.
    let over = NOW + 3 * DAY;
    assert!(!store.update_fair(soon, &fair(centre, 2 * DAY), over).await.unwrap());
    assert!(!store.move_fair(soon, Published, Cancelled, over).await.unwrap());
    let past = store.fairs_past(over, 10).await.unwrap();
    assert_eq!(past.iter().map(|f| (f.id, f.phase)).collect::<Vec<_>>(), vec![(soon, Phase::Finished)]);
    assert!(store.fairs_past(NOW, 10).await.unwrap().is_empty());
    // A draft changes while it waits, even after its start date passed.
    assert!(store.update_fair(started, &fair(centre, DAY), NOW).await.unwrap());
}

async fn a_fair_and_a_vacancy_of_the_same_number_keep_their_own_videos(db: &common::TestDb) {
    let store = &db.store;
    let (centre_id, company_id, employer_id) = vacancy_setting(store.as_ref()).await;
    let vacancy_id = store.create_vacancy(&vacancy_draft(company_id, centre_id), Some(employer_id), NOW).await.unwrap();
    let fair_id = store.create_fair(&fair(centre_id, 10 * DAY), employer_id, NOW).await.unwrap();
    assert_eq!(vacancy_id, fair_id, "a fresh database numbers both from one");
    let (as_fair, as_vacancy) = (VideoOwner::Fair(fair_id), VideoOwner::Vacancy(vacancy_id));

    assert_eq!(store.attach_sign_video(as_fair, &sign_video("fair.webm", employer_id, NOW)).await.unwrap(), None);
    assert_eq!(store.sign_video(as_vacancy).await.unwrap(), None, "the fair's video is the fair's");
    assert_eq!(store.attach_sign_video(as_vacancy, &sign_video("job.webm", employer_id, NOW)).await.unwrap(), None);
    assert_eq!(store.sign_video_file(as_fair).await.unwrap().unwrap().media_key, "fair.webm");
    assert_eq!(store.sign_video_file(as_vacancy).await.unwrap().unwrap().media_key, "job.webm");
    assert_eq!(
        store.attach_sign_video(as_fair, &sign_video("fair-2.webm", employer_id, NOW + 1)).await.unwrap().as_deref(),
        Some("fair.webm"),
        "replacing hands back the fair's old file, not the vacancy's"
    );
    assert_eq!(store.remove_sign_video(as_fair).await.unwrap().as_deref(), Some("fair-2.webm"));
    assert_eq!(store.sign_video(as_fair).await.unwrap(), None);
    assert_eq!(store.sign_video_file(as_vacancy).await.unwrap().unwrap().media_key, "job.webm", "the other stays");
    assert!(matches!(
        store.attach_sign_video(VideoOwner::Fair(fair_id + 99), &sign_video("none.webm", employer_id, NOW)).await,
        Err(DbError::NotFound)
    ));
}
