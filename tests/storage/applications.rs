//! Applications, matches, casework and deleting a profile.

use super::*;

on_both_engines!(
    an_application_goes_once_to_an_open_vacancy_with_consent_and_moves_only_from_where_it_is,
    withdrawing_consent_to_disability_data_takes_it_out_of_applications_too,
    match_candidates_are_the_newest_open_vacancies_in_the_region_and_the_remote_ones,
    case_notes_and_outcomes_are_kept_signed_newest_first_and_go_with_the_profile,
    a_deleted_profile_takes_everything_of_the_person_and_leaves_employers_a_nameless_withdrawal,
    imported_applications_are_ordinary_submitted_applications,
);

pub(crate) async fn application_setting(
    store: &dyn senda::server::db::Store,
    consents: &[senda::seekers::consent::ConsentKind],
) -> (i64, i64, i64, i64) {
    use senda::seekers::consent::RecordedBy;
    let (centre_id, company_id, employer_id) = vacancy_setting(store).await;
    let counsellor = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre_id) };
    let counsellor_id = store.create_account(&account("consejera@cusco.pe", counsellor)).await.unwrap();
    let vacancy = store.create_vacancy(&vacancy_draft(company_id, centre_id), Some(employer_id), 100).await.unwrap();
    assert!(store
        .move_vacancy(vacancy, &[VacancyStatus::Draft], VacancyStatus::Published, Some(counsellor_id), "", 200)
        .await
        .unwrap());
    let given = given_by(RecordedBy::Counsellor, counsellor_id, 1_700_000_000);
    let seeker =
        store.register_seeker(&new_seeker("Rosa Huamán", "45678912", centre_id), consents, given).await.unwrap();
    (vacancy, seeker, counsellor_id, employer_id)
}

pub(crate) fn application(vacancy_id: i64, seeker_id: i64, by: i64) -> senda::applications::store::NewApplication {
    senda::applications::store::NewApplication {
        vacancy_id,
        seeker_id,
        message: "Me interesa: trabajé dos años en un almacén.".into(),
        needs_at_interview: vec!["sign_interpreter_interview".into(), "written_instructions".into()],
        disclose: true,
        side: senda::applications::Side::Counsellor,
        by,
        stand_id: None,
    }
}

async fn an_application_goes_once_to_an_open_vacancy_with_consent_and_moves_only_from_where_it_is(db: &common::TestDb) {
    use senda::applications::store::{Applied, Move};
    use senda::applications::{ApplicationStatus::*, Side};
    use senda::seekers::consent::{ConsentKind::*, RecordedBy};
    let store = &db.store;
    let (vacancy, seeker, counsellor, employer) =
        application_setting(store.as_ref(), &[Register, CounsellorActs, DisabilityData]).await;
    let now = 1_700_000_100;
    let new = application(vacancy, seeker, counsellor);
    assert_eq!(store.apply(&new, now).await.unwrap(), Applied::NotShared, "no consent to share the profile");
    assert!(store.seeker_applications(seeker).await.unwrap().is_empty());

    store.give_consent(seeker, ShareWithEmployers, given_by(RecordedBy::Counsellor, counsellor, now)).await.unwrap();
    let Applied::Done(id) = store.apply(&new, now).await.unwrap() else { panic!("applied") };
    assert_eq!(store.apply(&new, now + 1).await.unwrap(), Applied::Already(id), "once per person and vacancy");
    assert_eq!(store.application_to(vacancy, seeker).await.unwrap(), Some(id));
    let made = store.application(id).await.unwrap().unwrap();
    assert_eq!((made.status, made.vacancy_id, made.seeker_id, made.disclose), (Submitted, vacancy, Some(seeker), true));
    assert_eq!(made.vacancy_title, "Auxiliar de almacén");
    assert_eq!(made.company_name, "Textiles Andinos S.A.C.");
    assert_eq!(made.applied_by_counsellor.as_deref(), Some("Juan Mamani"), "marked as made for the person");
    assert_eq!(made.needs_at_interview.len(), 2);
    assert_eq!(made.events.len(), 1);
    assert_eq!((made.events[0].status, made.events[0].side, made.events[0].at), (Submitted, Side::Counsellor, now));

    // Past its closing date, or not published, a vacancy takes none.
    let other = application(vacancy, seeker, counsellor);
    assert_eq!(store.apply(&other, 1_700_086_400).await.unwrap(), Applied::VacancyNotOpen);
    assert_eq!(
        store
            .apply(&senda::applications::store::NewApplication { vacancy_id: vacancy + 99, ..other }, now)
            .await
            .unwrap(),
        Applied::VacancyNotOpen
    );

    // Moves happen from the status the mover saw, and each is in the history with its note.
    let seen = Move { from: Submitted, to: Seen, side: Side::Employer, by: employer, note: "", at: now + 10 };
    assert!(store.move_application(id, &seen).await.unwrap());
    assert!(!store.move_application(id, &seen).await.unwrap(), "moved already: nothing happens");
    let interview = Move {
        from: Seen,
        to: Interview,
        side: Side::Employer,
        by: employer,
        note: "Lunes 9:00, con intérprete.",
        at: now + 20,
    };
    assert!(store.move_application(id, &interview).await.unwrap());
    let moved = store.application(id).await.unwrap().unwrap();
    assert_eq!((moved.status, moved.updated_at), (Interview, now + 20));
    assert_eq!(
        moved.events.iter().map(|e| (e.status, e.note.as_str())).collect::<Vec<_>>(),
        [(Submitted, ""), (Seen, ""), (Interview, "Lunes 9:00, con intérprete.")]
    );
    assert_eq!(store.vacancy_applications(vacancy).await.unwrap().iter().map(|a| a.id).collect::<Vec<_>>(), [id]);
    assert_eq!(store.seeker_applications(seeker).await.unwrap()[0].status, Interview);
    assert!(store.vacancy_applications(vacancy + 1).await.unwrap().is_empty());
    assert_eq!(store.application(id + 1).await.unwrap(), None);
}

async fn withdrawing_consent_to_disability_data_takes_it_out_of_applications_too(db: &common::TestDb) {
    use senda::applications::store::Applied;
    use senda::seekers::consent::{ConsentKind::*, RecordedBy};
    let store = &db.store;
    let (vacancy, seeker, counsellor, _) =
        application_setting(store.as_ref(), &[Register, ShareWithEmployers, DisabilityData]).await;
    let Applied::Done(id) = store.apply(&application(vacancy, seeker, counsellor), 1_700_000_100).await.unwrap() else {
        panic!("applied")
    };
    assert!(store.application(id).await.unwrap().unwrap().disclose);
    assert!(store.revoke_consent(seeker, DisabilityData, 1_700_000_200).await.unwrap());
    let after = store.application(id).await.unwrap().unwrap();
    assert!(after.needs_at_interview.is_empty() && !after.disclose);

    // Without that consent an application carries none of it, whatever the form said.
    let centre = store.seeker(seeker).await.unwrap().unwrap().centre_id.unwrap();
    let given = given_by(RecordedBy::Counsellor, counsellor, 1_700_000_000);
    let juan = store
        .register_seeker(&new_seeker("Juan Quispe", "12345678", centre), &[Register, ShareWithEmployers], given)
        .await
        .unwrap();
    let Applied::Done(id) = store.apply(&application(vacancy, juan, counsellor), 1_700_000_300).await.unwrap() else {
        panic!("applied")
    };
    let plain = store.application(id).await.unwrap().unwrap();
    assert!(plain.needs_at_interview.is_empty() && !plain.disclose);
}

async fn match_candidates_are_the_newest_open_vacancies_in_the_region_and_the_remote_ones(db: &common::TestDb) {
    let store = &db.store;
    let (centre_id, company_id, _) = vacancy_setting(store.as_ref()).await;
    let base = vacancy_draft(company_id, centre_id);
    let lima = VacancyDraft { region: "lima".into(), ..base.clone() };
    let remote = VacancyDraft { region: "lima".into(), modality: Modality::Remote, ..base.clone() };
    let closing_soon = VacancyDraft { closes_at: 1_700_000_500, ..base.clone() };
    let listed = [(base.clone(), 100), (lima, 200), (remote, 300), (closing_soon, 400), (base.clone(), 500)];
    assert_eq!(store.import_vacancies(&listed).await.unwrap(), 5);
    let draft = store.create_vacancy(&base, None, 600).await.unwrap();

    let found = store.match_candidates("cusco", 1_700_001_000, 10).await.unwrap();
    let titles: Vec<(String, i64)> = found.iter().map(|c| (c.region.clone(), c.published_at)).collect();
    assert_eq!(titles, [("cusco".to_string(), 500), ("cusco".to_string(), 100), ("lima".to_string(), 300)]);
    assert!(found.iter().all(|c| c.id != draft), "only published ones");
    assert_eq!(found[0].company_name, "Textiles Andinos S.A.C.");
    let mut offered = found[0].accommodations.clone();
    offered.sort();
    assert_eq!(offered, ["sign_interpreter_interview", "step_free_access"]);
    assert_eq!(found[0].skills.len(), 2);
    // The limit applies to each scan; before its closing date the soon-closing one counts.
    let found = store.match_candidates("cusco", 1_700_000_000, 1).await.unwrap();
    assert_eq!(found.iter().map(|c| c.published_at).collect::<Vec<_>>(), [500, 300]);
    assert!(store
        .match_candidates("piura", 1_700_001_000, 10)
        .await
        .unwrap()
        .iter()
        .all(|c| c.modality == Modality::Remote));
}

async fn case_notes_and_outcomes_are_kept_signed_newest_first_and_go_with_the_profile(db: &common::TestDb) {
    use senda::applications::store::Applied;
    use senda::casework::{ClosedReason, Employment, Outcome, Placement, WageBand};
    use senda::seekers::consent::ConsentKind::*;
    let store = &db.store;
    let (vacancy, seeker, counsellor, _) =
        application_setting(store.as_ref(), &[Register, ShareWithEmployers, CounsellorActs]).await;
    store.add_case_note(seeker, counsellor, "Primera entrevista en el centro.", 1_700_000_100).await.unwrap();
    store.add_case_note(seeker, counsellor, "Practicamos la entrevista.", 1_700_000_200).await.unwrap();
    assert!(matches!(store.add_case_note(seeker, counsellor + 99, "¿Quién?", 1).await, Err(DbError::NotFound)));
    let notes = store.case_notes(seeker).await.unwrap();
    assert_eq!(
        notes.iter().map(|n| (n.body.as_str(), n.at)).collect::<Vec<_>>(),
        [("Practicamos la entrevista.", 1_700_000_200), ("Primera entrevista en el centro.", 1_700_000_100)]
    );
    assert!(notes.iter().all(|n| n.author == "Juan Mamani"));

    let Applied::Done(application) =
        store.apply(&application(vacancy, seeker, counsellor), 1_700_000_300).await.unwrap()
    else {
        panic!("applied")
    };
    store
        .record_outcome(seeker, &Outcome::Closed(ClosedReason::NoContact), None, counsellor, 1_700_000_400)
        .await
        .unwrap();
    let hired = Outcome::Hired(Placement {
        employment: Employment::Formal,
        started_on: "2026-12-15".into(),
        employer: "Textiles Andinos S.A.C.".into(),
        job_title: "Auxiliar de almacén".into(),
        hours: WorkingHours::PartTime,
        wage: WageBand::MinimumTo1500,
    });
    store.record_outcome(seeker, &hired, Some(application), counsellor, 1_700_000_500).await.unwrap();
    let outcomes = store.outcomes(seeker).await.unwrap();
    assert_eq!(outcomes.len(), 2);
    assert_eq!(
        (&outcomes[0].outcome, outcomes[0].application_id, outcomes[0].at),
        (&hired, Some(application), 1_700_000_500)
    );
    assert_eq!(outcomes[0].recorded_by, "Juan Mamani");
    assert_eq!(outcomes[1].outcome, Outcome::Closed(ClosedReason::NoContact));
}

async fn a_deleted_profile_takes_everything_of_the_person_and_leaves_employers_a_nameless_withdrawal(
    db: &common::TestDb,
) {
    use senda::applications::store::{Applied, Move};
    use senda::applications::{ApplicationStatus::*, Side};
    use senda::seekers::consent::ConsentKind::*;
    let store = &db.store;
    let (vacancy, seeker, counsellor, employer) =
        application_setting(store.as_ref(), &[Register, ShareWithEmployers, DisabilityData, CounsellorActs]).await;
    let disability = senda::seekers::Disability {
        conadis: None,
        types: vec!["hearing".into()],
        needs_at_interview: vec!["sign_interpreter_interview".into()],
        needs_at_work: vec![],
    };
    assert!(store.save_disability(seeker, &disability, 1_700_000_050).await.unwrap());
    let Applied::Done(id) = store.apply(&application(vacancy, seeker, counsellor), 1_700_000_100).await.unwrap() else {
        panic!("applied")
    };
    let seen =
        Move { from: Submitted, to: Seen, side: Side::Employer, by: employer, note: "Hola Rosa", at: 1_700_000_110 };
    assert!(store.move_application(id, &seen).await.unwrap());
    store.log_sensitive_access(seeker, employer, "application", 1_700_000_120).await.unwrap();
    store.add_case_note(seeker, counsellor, "Vino al centro.", 1_700_000_130).await.unwrap();
    let other = store
        .register_seeker(
            &new_seeker("Juan Mamani", "12345678", store.seeker(seeker).await.unwrap().unwrap().centre_id.unwrap()),
            &[Register],
            given_by(senda::seekers::consent::RecordedBy::Counsellor, counsellor, 1_700_000_000),
        )
        .await
        .unwrap();

    let audit = event(AuditAction::ProfileDeleted, 1_700_000_200);
    assert!(store.delete_seeker(seeker, &audit).await.unwrap());
    assert!(!store.delete_seeker(seeker, &audit).await.unwrap(), "once");
    assert_eq!(store.seeker(seeker).await.unwrap(), None);
    assert!(store.consent_history(seeker).await.unwrap().is_empty());
    assert!(store.sensitive_accesses(seeker).await.unwrap().is_empty());
    assert!(store.case_notes(seeker).await.unwrap().is_empty());
    assert!(store.seeker_applications(seeker).await.unwrap().is_empty());
    let kept = store.application(id).await.unwrap().unwrap();
    assert_eq!((kept.seeker_id, kept.status, kept.message.as_str(), kept.disclose), (None, Withdrawn, "", false));
    assert!(kept.needs_at_interview.is_empty());
    assert_eq!(
        kept.events.iter().map(|e| (e.status, e.note.as_str(), e.at)).collect::<Vec<_>>(),
        [(Submitted, "", 1_700_000_100), (Seen, "", 1_700_000_110), (Withdrawn, "", 1_700_000_200)]
    );
    assert_eq!(store.vacancy_applications(vacancy).await.unwrap().len(), 1, "the employer keeps the row");
    assert!(store.seeker(other).await.unwrap().is_some(), "nobody else's");
    let trail = audit_trail(store.as_ref()).await;
    assert!(trail.iter().any(|(action, ..)| action == "profile_deleted"), "{trail:?}");

    // Deleting an account takes its holder's profile with it.
    let holder = store.create_account(&account("juan@example.pe", seeker_role())).await.unwrap();
    let mut juan = new_seeker("Juan Quispe", "87654321", 0);
    juan.account_id = Some(holder);
    juan.centre_id = None;
    let juan = store
        .register_seeker(&juan, &[Register], given_by(senda::seekers::consent::RecordedBy::Themselves, holder, 1))
        .await
        .unwrap();
    assert!(store.delete_account(holder, &event(AuditAction::AccountDeleted, 1_700_000_300)).await.unwrap());
    assert_eq!(store.seeker(juan).await.unwrap(), None);
}

async fn imported_applications_are_ordinary_submitted_applications(db: &common::TestDb) {
    use senda::applications::ApplicationStatus::Submitted;
    use senda::seekers::consent::ConsentKind::*;
    let store = &db.store;
    let (vacancy, seeker, _, _) = application_setting(store.as_ref(), &[Register, ShareWithEmployers]).await;
    assert_eq!(store.import_applications(&[(vacancy, seeker, 1_700_000_100)]).await.unwrap(), 1);
    let imported = store.seeker_applications(seeker).await.unwrap();
    assert_eq!(imported.len(), 1);
    assert_eq!((imported[0].status, imported[0].created_at, imported[0].events.len()), (Submitted, 1_700_000_100, 1));
    assert_eq!(store.vacancy_applications(vacancy).await.unwrap()[0].seeker_id, Some(seeker));
}
