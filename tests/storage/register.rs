//! The register of job seekers: consent, documents, the caseload, disability data and its
//! looks, claim codes, languages, the work history and the uploaded CV.

use super::*;

on_both_engines!(
    a_person_enters_the_register_only_with_consent_and_once_per_document,
    a_counsellor_finds_people_of_their_centre_by_name_or_document_a_page_at_a_time,
    disability_data_is_kept_only_while_its_consent_stands,
    a_consent_given_on_the_persons_behalf_waits_for_them_unless_they_signed_it,
    looks_at_disability_data_are_recorded_for_the_person_to_read,
    a_profile_made_by_a_counsellor_is_claimed_once_with_its_document_and_a_live_code,
    a_profile_keeps_its_languages_in_the_lists_order_and_replaces_them_whole,
    a_work_history_lists_current_jobs_first_is_bounded_and_goes_with_the_profile,
    a_profile_names_one_uploaded_cv_and_hands_back_the_file_it_replaces_or_drops,
);

pub(crate) fn personal(name: &str, dni: &str) -> senda::seekers::PersonalDetails {
    use senda::domain::{DocumentType, IdentityDocument};
    senda::seekers::PersonalDetails {
        full_name: name.into(),
        document: IdentityDocument::parse(DocumentType::Dni, dni).unwrap(),
        birth_date: "1994-05-17".into(),
        sex: senda::seekers::Sex::Female,
        region: Region::parse("cusco").unwrap(),
        province: "Cusco".into(),
        district: "Wanchaq".into(),
        phone: "984 123 456".into(),
        email: "rosa@example.pe".into(),
        channel: senda::seekers::ContactChannel::WhatsApp,
    }
}

pub(crate) fn new_seeker(name: &str, dni: &str, centre_id: i64) -> senda::seekers::store::NewSeeker {
    senda::seekers::store::NewSeeker {
        personal: personal(name, dni),
        account_id: None,
        centre_id: Some(centre_id),
        education: Some(senda::seekers::Education::Secondary),
        skills: vec!["Atención al cliente".into(), "Excel básico".into()],
    }
}

pub(crate) fn given_by(
    by: senda::seekers::consent::RecordedBy,
    recorder_id: i64,
    at: i64,
) -> senda::seekers::store::ConsentGiven {
    senda::seekers::store::ConsentGiven { by, recorder_id, at }
}

/// A centre with a counsellor, for the register's stories.
pub(crate) async fn register_setting(store: &dyn senda::server::db::Store) -> (i64, i64) {
    let centre = store.insert_centre(&centre("CEM Cusco")).await.unwrap();
    let counsellor = store
        .create_account(&account(
            "consejera@cusco.pe",
            RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre) },
        ))
        .await
        .unwrap();
    (centre, counsellor)
}

async fn a_person_enters_the_register_only_with_consent_and_once_per_document(db: &common::TestDb) {
    use senda::seekers::consent::{ConsentKind::*, RecordedBy};
    let store = &db.store;
    let (centre, counsellor) = register_setting(store.as_ref()).await;
    let given = given_by(RecordedBy::Counsellor, counsellor, 1_700_000_000);
    let rosa = new_seeker("Rosa Huamán Quispe", "45678912", centre);
    assert!(matches!(store.register_seeker(&rosa, &[DisabilityData], given).await, Err(DbError::Conflict(_))));
    assert_eq!(store.seeker_with_document(&rosa.personal.document).await.unwrap(), None, "nothing stored without it");

    let id = store.register_seeker(&rosa, &[Register, CounsellorActs], given).await.unwrap();
    let stored = store.seeker(id).await.unwrap().unwrap();
    assert_eq!(stored.personal, rosa.personal);
    assert_eq!((stored.centre_id, stored.account_id, stored.education), (Some(centre), None, rosa.education));
    assert_eq!(stored.skills, vec!["Atención al cliente".to_string(), "Excel básico".to_string()]);
    assert_eq!(stored.disability, None);

    // The same DNI typed another way is the same person: refused, and only that much is told.
    let again = new_seeker("Otra Persona", "4567-8912", centre);
    assert!(matches!(store.register_seeker(&again, &[Register], given).await, Err(DbError::Conflict(_))));
    let found = store.seeker_with_document(&again.personal.document).await.unwrap().unwrap();
    assert_eq!((found.id, found.centre_id), (id, Some(centre)));

    let consents = store.consents_in_force(id).await.unwrap();
    assert_eq!(consents.kinds(), &[Register, CounsellorActs]);
    let history = store.consent_history(id).await.unwrap();
    assert!(history.iter().all(|c| c.recorded_by == RecordedBy::Counsellor && c.confirmed_at.is_none()));
    assert_eq!(history[0].recorder_name.as_deref(), Some("Juan Mamani"));
    assert_eq!(history[0].text_version, Register.version());
    assert_eq!(store.confirm_consents(id, 1_700_000_500).await.unwrap(), 2, "confirmed by the person later");
    assert!(store.consent_history(id).await.unwrap().iter().all(|c| c.confirmed_at == Some(1_700_000_500)));

    // A person's own details change; another's document cannot be taken.
    let other =
        store.register_seeker(&new_seeker("Juan Mamani", "12345678", centre), &[Register], given).await.unwrap();
    let moved =
        senda::seekers::PersonalDetails { district: "Santiago".into(), ..personal("Rosa Huamán Quispe", "45678912") };
    let details = |personal| senda::seekers::handlers::fields::Details {
        personal,
        education: Some(senda::seekers::Education::Technical),
        skills: vec!["cocina".into(), "Excel".into()],
    };
    assert!(store.update_details(id, &details(moved), 1_700_000_600).await.unwrap());
    let changed = store.seeker(id).await.unwrap().unwrap();
    assert_eq!(changed.personal.district, "Santiago");
    assert_eq!(changed.education, Some(senda::seekers::Education::Technical));
    let mut skills = changed.skills.clone();
    skills.sort();
    assert_eq!(skills, vec!["Excel".to_string(), "cocina".to_string()], "the skills replaced");
    let taken = personal("Juan Mamani", "45678912");
    assert!(matches!(store.update_details(other, &details(taken), 1_700_000_700).await, Err(DbError::Conflict(_))));
    assert_eq!(store.seeker(other).await.unwrap().unwrap().skills.len(), 2, "nothing stored half-way");
    assert!(!store.update_details(other + 100, &details(personal("Nadie", "11111111")), 1_700_000_800).await.unwrap());
    assert_eq!(store.seeker(other).await.unwrap().unwrap().personal.document.number(), "12345678");
}

async fn a_counsellor_finds_people_of_their_centre_by_name_or_document_a_page_at_a_time(db: &common::TestDb) {
    use senda::seekers::consent::{ConsentKind::*, RecordedBy};
    use senda::seekers::CaseloadFilter::*;
    let store = &db.store;
    let (centre, counsellor) = register_setting(store.as_ref()).await;
    let elsewhere = store.insert_centre(&self::centre("CEM Puno")).await.unwrap();
    let given = given_by(RecordedBy::Counsellor, counsellor, 1_700_000_000);
    let names = ["Rosa Huamán Quispe", "Juan Mamani", "Rosalía Condori", "Ñusta Rosas", "María Huaman"];
    let mut ids = Vec::new();
    for (n, name) in names.iter().enumerate() {
        let seeker = new_seeker(name, &format!("4000000{n}"), centre);
        ids.push(store.register_seeker(&seeker, &[Register], given).await.unwrap());
    }
    store.register_seeker(&new_seeker("Rosa Otra", "50000000", elsewhere), &[Register], given).await.unwrap();
    let find = |filter, offset, limit| {
        let store = store.clone();
        async move {
            let (people, total) = store.centre_seekers(centre, &filter, offset, limit).await.unwrap();
            (people.into_iter().map(|p| p.full_name).collect::<Vec<_>>(), total)
        }
    };
    let everyone = find(Everyone, 0, 25).await;
    assert_eq!(everyone.1, 5, "only this centre's");
    assert_eq!(everyone.0.first().map(String::as_str), Some("María Huaman"), "newest first");
    // A word matches the start of any word of the name, accents and case aside.
    let rosa = find(Name(vec!["rosa".into()]), 0, 25).await;
    assert_eq!(rosa, (vec!["Ñusta Rosas".into(), "Rosalía Condori".into(), "Rosa Huamán Quispe".into()], 3));
    let huaman = find(Name(vec!["huaman".into()]), 0, 25).await;
    assert_eq!(huaman.1, 2);
    assert_eq!(find(Name(vec!["rosa".into(), "huaman".into()]), 0, 25).await.0, vec!["Rosa Huamán Quispe"]);
    assert_eq!(find(Name(vec!["usta".into()]), 0, 25).await.1, 0, "not the middle of a word");
    assert_eq!(find(Name(vec!["nusta".into()]), 0, 25).await.1, 1);
    assert_eq!(find(Document("40000001".into()), 0, 25).await.0, vec!["Juan Mamani"]);
    assert_eq!(find(Document("50000000".into()), 0, 25).await.1, 0, "another centre's person is not found");
    // Pages: the count is of everyone found, the page holds its part.
    let second = find(Everyone, 2, 2).await;
    assert_eq!((second.0.len(), second.1), (2, 5));
    assert_eq!(second.0, vec!["Rosalía Condori", "Juan Mamani"]);
    // A renamed person is found by the new name.
    let renamed = personal("Juana Mamani Ccori", "40000001");
    let renamed = senda::seekers::handlers::fields::Details { personal: renamed, education: None, skills: Vec::new() };
    assert!(store.update_details(ids[1], &renamed, 1_700_000_100).await.unwrap());
    assert_eq!(find(Name(vec!["ccori".into()]), 0, 25).await.0, vec!["Juana Mamani Ccori"]);
}

async fn disability_data_is_kept_only_while_its_consent_stands(db: &common::TestDb) {
    use senda::seekers::consent::{ConsentKind::*, RecordedBy};
    let store = &db.store;
    let (centre, counsellor) = register_setting(store.as_ref()).await;
    let given = given_by(RecordedBy::Counsellor, counsellor, 1_700_000_000);
    let id = store.register_seeker(&new_seeker("Rosa Huamán", "45678912", centre), &[Register], given).await.unwrap();
    let disability = senda::seekers::Disability {
        conadis: senda::domain::ConadisNumber::parse("0012345"),
        types: vec!["hearing".into(), "visual".into()],
        needs_at_interview: vec!["sign_interpreter_interview".into()],
        needs_at_work: vec!["written_instructions".into(), "sign_interpreter_work".into()],
    };
    assert!(!store.save_disability(id, &disability, 1_700_000_100).await.unwrap(), "no consent, nothing kept");
    assert_eq!(store.seeker(id).await.unwrap().unwrap().disability, None);

    assert!(store.give_consent(id, DisabilityData, given).await.unwrap());
    assert!(!store.give_consent(id, DisabilityData, given).await.unwrap(), "once in force");
    assert!(store.save_disability(id, &disability, 1_700_000_200).await.unwrap());
    let kept = store.seeker(id).await.unwrap().unwrap().disability.unwrap();
    assert_eq!(kept.types, vec!["visual".to_string(), "hearing".to_string()], "in the list's order");
    assert_eq!(kept.conadis.unwrap().as_str(), "0012345");
    assert_eq!(kept.needs_at_interview, vec!["sign_interpreter_interview".to_string()]);
    assert_eq!(kept.needs_at_work.len(), 2);

    // Revoked: gone at once, and the history says when.
    assert!(store.revoke_consent(id, DisabilityData, 1_700_000_300).await.unwrap());
    assert!(!store.revoke_consent(id, DisabilityData, 1_700_000_301).await.unwrap());
    assert_eq!(store.seeker(id).await.unwrap().unwrap().disability, None);
    assert!(!store.consents_in_force(id).await.unwrap().has(DisabilityData));
    assert!(!store.save_disability(id, &disability, 1_700_000_400).await.unwrap());
    let history = store.consent_history(id).await.unwrap();
    let revoked: Vec<_> = history.iter().filter(|c| c.kind == DisabilityData).collect();
    assert_eq!((revoked.len(), revoked[0].revoked_at), (1, Some(1_700_000_300)));

    // Given again later: a new record beside the old one.
    assert!(store
        .give_consent(id, DisabilityData, given_by(RecordedBy::Themselves, counsellor, 1_700_000_500))
        .await
        .unwrap());
    assert_eq!(store.consent_history(id).await.unwrap().iter().filter(|c| c.kind == DisabilityData).count(), 2);
    // An unknown type or accommodation is refused whole.
    let unknown = senda::seekers::Disability { types: vec!["telepathic".into()], ..disability.clone() };
    assert!(store.save_disability(id, &unknown, 1_700_000_600).await.is_err());
    assert_eq!(store.seeker(id).await.unwrap().unwrap().disability, None, "nothing half-stored");
}

async fn a_consent_given_on_the_persons_behalf_waits_for_them_unless_they_signed_it(db: &common::TestDb) {
    use senda::seekers::consent::{ConsentKind::*, RecordedBy};
    let store = &db.store;
    let (centre, counsellor) = register_setting(store.as_ref()).await;
    let at_centre = given_by(RecordedBy::Counsellor, counsellor, 1_700_000_000);
    let register = |name: &'static str, dni: &'static str| {
        let store = store.clone();
        async move {
            store.register_seeker(&new_seeker(name, dni, centre), &[Register, DisabilityData], at_centre).await.unwrap()
        }
    };
    let rosa = register("Rosa Huamán", "45678912").await;
    let disability = senda::seekers::Disability {
        conadis: None,
        types: vec!["hearing".into()],
        needs_at_interview: vec![],
        needs_at_work: vec![],
    };
    assert!(store.save_disability(rosa, &disability, 1_700_000_050).await.unwrap());

    // The counsellor's word: recorded, waiting, not in force.
    let on_behalf = given_by(RecordedBy::OnBehalf, counsellor, 1_700_000_100);
    assert!(store.give_consent(rosa, ShareWithEmployers, on_behalf).await.unwrap());
    assert!(!store.give_consent(rosa, ShareWithEmployers, on_behalf).await.unwrap(), "one waits already");
    assert!(!store.consents_in_force(rosa).await.unwrap().has(ShareWithEmployers));
    let waiting = store.consent_history(rosa).await.unwrap();
    let share = waiting.iter().find(|c| c.kind == ShareWithEmployers).unwrap();
    assert!(share.awaits_person() && share.recorded_by == RecordedBy::OnBehalf, "{share:?}");
    // The person confirms what their centre recorded: now it holds, and says it was confirmed.
    assert_eq!(store.confirm_consents(rosa, 1_700_000_200).await.unwrap(), 3);
    assert!(store.consents_in_force(rosa).await.unwrap().has(ShareWithEmployers));
    let share = store.consent_history(rosa).await.unwrap().into_iter().find(|c| c.kind == ShareWithEmployers).unwrap();
    assert!(!share.awaits_person() && share.confirmed_at == Some(1_700_000_200));

    // Giving it herself confirms the one waiting, in one record.
    let lucia = register("Lucía Condori", "45678913").await;
    assert!(store.give_consent(lucia, ShareWithEmployers, on_behalf).await.unwrap());
    let herself = given_by(RecordedBy::Themselves, counsellor, 1_700_000_300);
    assert!(store.give_consent(lucia, ShareWithEmployers, herself).await.unwrap());
    assert!(store.consents_in_force(lucia).await.unwrap().has(ShareWithEmployers));
    let history = store.consent_history(lucia).await.unwrap();
    let shares: Vec<_> = history.iter().filter(|c| c.kind == ShareWithEmployers).collect();
    assert_eq!((shares.len(), shares[0].confirmed_at), (1, Some(1_700_000_300)));

    // The signed sheet brought later makes the waiting one stand at once.
    let elena = register("Elena Quispe", "45678914").await;
    assert!(store.give_consent(elena, ShareWithEmployers, on_behalf).await.unwrap());
    assert!(store.give_consent(elena, ShareWithEmployers, at_centre).await.unwrap());
    assert!(store.consents_in_force(elena).await.unwrap().has(ShareWithEmployers));
    let share = store.consent_history(elena).await.unwrap().into_iter().find(|c| c.kind == ShareWithEmployers).unwrap();
    assert_eq!((share.recorded_by, share.confirmed_at), (RecordedBy::Counsellor, None));

    // Disability data asked for on someone's behalf does not let anyone store it.
    let juan =
        store.register_seeker(&new_seeker("Juan Mamani", "45678915", centre), &[Register], at_centre).await.unwrap();
    assert!(store.give_consent(juan, DisabilityData, on_behalf).await.unwrap());
    assert!(!store.save_disability(juan, &disability, 1_700_000_400).await.unwrap(), "waiting: nothing kept");
    assert_eq!(store.seeker(juan).await.unwrap().unwrap().disability, None);
}

async fn looks_at_disability_data_are_recorded_for_the_person_to_read(db: &common::TestDb) {
    use senda::seekers::consent::{ConsentKind::*, RecordedBy};
    let store = &db.store;
    let (centre, counsellor) = register_setting(store.as_ref()).await;
    let given = given_by(RecordedBy::Counsellor, counsellor, 1_700_000_000);
    let id = store
        .register_seeker(&new_seeker("Rosa Huamán", "45678912", centre), &[Register, DisabilityData], given)
        .await
        .unwrap();
    store.log_sensitive_access(id, counsellor, "profile", 1_700_000_100).await.unwrap();
    store.log_sensitive_access(id, counsellor, "application", 1_700_000_200).await.unwrap();
    let seen = store.sensitive_accesses(id).await.unwrap();
    assert_eq!(
        seen.iter().map(|a| (a.purpose.as_str(), a.at)).collect::<Vec<_>>(),
        [("application", 1_700_000_200), ("profile", 1_700_000_100)]
    );
    assert!(seen.iter().all(|a| a.viewer_name == "Juan Mamani"));
    // The record outlives the viewer's account.
    assert!(store
        .delete_account(counsellor, &event(AuditAction::AccountDeleted, 1_700_000_300).by(counsellor).about(counsellor))
        .await
        .unwrap());
    assert_eq!(store.sensitive_accesses(id).await.unwrap()[0].viewer_name, "Juan Mamani");
}

/// A published vacancy (closing at 1_700_086_400), its centre's counsellor, and a person that
/// centre follows, registered with `consents`.
async fn a_profile_made_by_a_counsellor_is_claimed_once_with_its_document_and_a_live_code(db: &common::TestDb) {
    use senda::seekers::consent::{ConsentKind::*, RecordedBy};
    let store = &db.store;
    let (centre, counsellor) = register_setting(store.as_ref()).await;
    let given = given_by(RecordedBy::Counsellor, counsellor, 1_700_000_000);
    let rosa = new_seeker("Rosa Huamán", "45678912", centre);
    let id = store.register_seeker(&rosa, &[Register, CounsellorActs], given).await.unwrap();
    let holder = store.create_account(&account("rosa@example.pe", seeker_role())).await.unwrap();
    let document = rosa.personal.document.clone();
    let now = 1_700_000_100;
    assert_eq!(
        store.claim_profile(holder, &document, "a".repeat(64).as_str(), now).await.unwrap(),
        None,
        "no code yet"
    );
    assert!(store.set_claim(id, &"a".repeat(64), now + 100).await.unwrap());
    assert!(store.set_claim(id, &"b".repeat(64), now + 100).await.unwrap(), "a new code replaces the last");
    assert_eq!(store.claim_profile(holder, &document, &"a".repeat(64), now).await.unwrap(), None, "the old one");
    let other = senda::domain::IdentityDocument::parse(senda::domain::DocumentType::Dni, "12345678").unwrap();
    assert_eq!(store.claim_profile(holder, &other, &"b".repeat(64), now).await.unwrap(), None, "another document");
    assert_eq!(store.claim_profile(holder, &document, &"b".repeat(64), now + 100).await.unwrap(), None, "ran out");
    assert_eq!(store.claim_profile(holder, &document, &"b".repeat(64), now).await.unwrap(), Some(id));
    assert_eq!(store.seeker_of_account(holder).await.unwrap(), Some(id));
    assert_eq!(store.seeker(id).await.unwrap().unwrap().account_id, Some(holder));
    // Spent; and a profile with an account gets no new code.
    let second = store.create_account(&account("otra@example.pe", seeker_role())).await.unwrap();
    assert_eq!(store.claim_profile(second, &document, &"b".repeat(64), now).await.unwrap(), None);
    assert!(!store.set_claim(id, &"c".repeat(64), now + 100).await.unwrap());
    // An account that has a profile claims no other.
    let juan = store.register_seeker(&new_seeker("Juan Mamani", "11223344", centre), &[Register], given).await.unwrap();
    assert!(store.set_claim(juan, &"d".repeat(64), now + 100).await.unwrap());
    let juan_document = store.seeker(juan).await.unwrap().unwrap().personal.document;
    assert!(matches!(
        store.claim_profile(holder, &juan_document, &"d".repeat(64), now).await,
        Err(DbError::Conflict(_))
    ));
    assert_eq!(store.seeker(juan).await.unwrap().unwrap().account_id, None);
}

async fn a_profile_keeps_its_languages_in_the_lists_order_and_replaces_them_whole(db: &common::TestDb) {
    use senda::seekers::consent::{ConsentKind::*, RecordedBy};
    use senda::seekers::{Language::*, LanguageLevel::*, SpokenLanguage};
    let store = &db.store;
    let (centre, counsellor) = register_setting(store.as_ref()).await;
    let given = given_by(RecordedBy::Counsellor, counsellor, 1_700_000_000);
    let id = store.register_seeker(&new_seeker("Rosa Huamán", "45678912", centre), &[Register], given).await.unwrap();
    assert!(store.seeker(id).await.unwrap().unwrap().languages.is_empty());
    let spoken = |language, level| SpokenLanguage { language, level };
    let saved = [spoken(PeruvianSignLanguage, Advanced), spoken(Spanish, Intermediate), spoken(Quechua, Native)];
    assert!(store.save_languages(id, &saved, 1_700_000_100).await.unwrap());
    let profile = store.seeker(id).await.unwrap().unwrap();
    assert_eq!(
        profile.languages,
        [spoken(Spanish, Intermediate), spoken(Quechua, Native), spoken(PeruvianSignLanguage, Advanced)],
        "in the list's order"
    );
    assert_eq!(profile.updated_at, 1_700_000_100);
    assert!(store.save_languages(id, &[spoken(English, Basic)], 1_700_000_200).await.unwrap());
    assert_eq!(store.seeker(id).await.unwrap().unwrap().languages, [spoken(English, Basic)], "replaced whole");
    assert!(!store.save_languages(id + 99, &[spoken(English, Basic)], 1_700_000_200).await.unwrap());
}

async fn a_work_history_lists_current_jobs_first_is_bounded_and_goes_with_the_profile(db: &common::TestDb) {
    use senda::seekers::consent::{ConsentKind::*, RecordedBy};
    use senda::seekers::history::{Certificate, WorkExperience, YearMonth, MAX_ENTRIES};
    let store = &db.store;
    let (centre, counsellor) = register_setting(store.as_ref()).await;
    let given = given_by(RecordedBy::Counsellor, counsellor, 1_700_000_000);
    let id = store.register_seeker(&new_seeker("Rosa Huamán", "45678912", centre), &[Register], given).await.unwrap();
    let other =
        store.register_seeker(&new_seeker("Juan Mamani", "11223344", centre), &[Register], given).await.unwrap();
    let month = |year, month| YearMonth::new(year, month).unwrap();
    let job = |title: &str, started, ended| WorkExperience {
        id: 0,
        job_title: title.into(),
        employer: "Bodega Santa Rosa".into(),
        started,
        ended,
        duties: "Atender\nCobrar".into(),
    };
    let old = store.add_experience(id, &job("Ayudante", month(2015, 1), Some(month(2016, 6))), 1_700_000_100).await;
    let old = old.unwrap().unwrap();
    store.add_experience(id, &job("Cajera", month(2019, 3), Some(month(2023, 6))), 1_700_000_100).await.unwrap();
    store.add_experience(id, &job("Digitadora", month(2024, 2), None), 1_700_000_200).await.unwrap();
    let profile = store.seeker(id).await.unwrap().unwrap();
    let titles: Vec<&str> = profile.experience.iter().map(|job| job.job_title.as_str()).collect();
    assert_eq!(titles, ["Digitadora", "Cajera", "Ayudante"], "the current job first, then the latest ended");
    assert_eq!(profile.experience[0].ended, None);
    assert_eq!(profile.experience[1].duties, "Atender\nCobrar");
    assert_eq!(profile.updated_at, 1_700_000_200);
    assert_eq!(store.add_experience(id + 99, &job("X", month(2020, 1), None), 1).await.unwrap(), None);

    // Another person's entry is not taken out by naming it from this profile.
    assert!(!store.remove_experience(other, old, 1_700_000_300).await.unwrap());
    assert!(store.remove_experience(id, old, 1_700_000_300).await.unwrap());
    assert!(!store.remove_experience(id, old, 1_700_000_300).await.unwrap(), "gone already");
    assert_eq!(store.seeker(id).await.unwrap().unwrap().experience.len(), 2);

    let certificate = |name: &str, issued| Certificate {
        id: 0,
        name: name.into(),
        issuer: "Ministerio de Trabajo".into(),
        issued,
        number: String::new(),
    };
    let first =
        store.add_certificate(id, &certificate("Operaria de limpieza", month(2018, 5)), 2).await.unwrap().unwrap();
    store.add_certificate(id, &certificate("Auxiliar de almacén", month(2022, 11)), 2).await.unwrap();
    let names: Vec<String> =
        store.seeker(id).await.unwrap().unwrap().certificates.into_iter().map(|c| c.name).collect();
    assert_eq!(names, ["Auxiliar de almacén", "Operaria de limpieza"], "the latest first");
    assert!(store.remove_certificate(id, first, 3).await.unwrap());

    // A full list takes no more, and nothing half-way.
    for n in 1..MAX_ENTRIES {
        store.add_certificate(id, &certificate(&format!("Certificado {n}"), month(2020, 1)), 4).await.unwrap().unwrap();
    }
    assert_eq!(store.seeker(id).await.unwrap().unwrap().certificates.len(), MAX_ENTRIES);
    assert!(matches!(
        store.add_certificate(id, &certificate("Uno más", month(2020, 1)), 5).await,
        Err(DbError::Conflict(_))
    ));
    assert_eq!(store.seeker(id).await.unwrap().unwrap().certificates.len(), MAX_ENTRIES);

    // Deleting the profile takes its history with it.
    let audit = event(AuditAction::ProfileDeleted, 1_700_000_400);
    assert!(store.delete_seeker(id, &audit).await.unwrap());
    store.add_experience(other, &job("Vigilante", month(2021, 1), None), 6).await.unwrap();
    assert_eq!(store.seeker(other).await.unwrap().unwrap().experience.len(), 1, "the other's stays");
}

async fn a_profile_names_one_uploaded_cv_and_hands_back_the_file_it_replaces_or_drops(db: &common::TestDb) {
    use senda::seekers::consent::{ConsentKind::*, RecordedBy};
    use senda::seekers::cv::CvFile;
    let store = &db.store;
    let (centre, counsellor) = register_setting(store.as_ref()).await;
    let given = given_by(RecordedBy::Counsellor, counsellor, 1_700_000_000);
    let id = store.register_seeker(&new_seeker("Rosa Huamán", "45678912", centre), &[Register], given).await.unwrap();
    let file = |key: &str, at| CvFile { media_key: key.into(), bytes: 1234, uploaded_at: at };
    assert_eq!(store.set_cv_file(id, &file("a.pdf", 1_700_000_100)).await.unwrap(), None);
    let profile = store.seeker(id).await.unwrap().unwrap();
    assert_eq!(profile.cv_file, Some(file("a.pdf", 1_700_000_100)));
    assert_eq!(profile.updated_at, 1_700_000_100);
    assert_eq!(store.set_cv_file(id, &file("b.pdf", 1_700_000_200)).await.unwrap().as_deref(), Some("a.pdf"));
    assert_eq!(store.seeker(id).await.unwrap().unwrap().cv_file.map(|f| f.media_key).as_deref(), Some("b.pdf"));
    assert!(matches!(store.set_cv_file(id + 99, &file("c.pdf", 1)).await, Err(DbError::Conflict(_))));
    assert_eq!(store.remove_cv_file(id, 1_700_000_300).await.unwrap().as_deref(), Some("b.pdf"));
    assert_eq!(store.remove_cv_file(id, 1_700_000_300).await.unwrap(), None);
    assert_eq!(store.seeker(id).await.unwrap().unwrap().cv_file, None);
}
