//! Vacancies: stored whole, moved along their workflow, closed on their date, reported; the
//! accommodations list and a vacancy's sign-language video.

use super::*;

on_both_engines!(
    the_accommodations_list_comes_in_its_order,
    a_vacancy_is_stored_whole_or_not_at_all,
    a_vacancy_moves_only_from_where_it_is_and_keeps_its_history,
    expired_vacancies_close_by_themselves,
    a_report_waits_for_the_responsible_centre_until_one_of_its_counsellors_looks,
    the_accommodations_list_grows_changes_names_and_retires_entries_without_losing_them,
    a_vacancy_has_one_sign_video_at_a_time_and_hands_back_the_file_it_replaces,
);

/// A centre, a verified company and an employer of it: what every vacancy story starts from.
pub(crate) async fn vacancy_setting(store: &dyn senda::server::db::Store) -> (i64, i64, i64) {
    let centre_id = store.insert_centre(&centre("CEM Cusco")).await.unwrap();
    let company_id = store
        .insert_company(&NewCompany { verified: true, ..company("Textiles Andinos S.A.C.", "20487654320") })
        .await
        .unwrap();
    let employer = RoleGrant { role: Role::Employer, company_id: Some(company_id), centre_id: None };
    let employer_id = store.create_account(&account("rrhh@textiles.pe", employer)).await.unwrap();
    (centre_id, company_id, employer_id)
}

pub(crate) fn vacancy_draft(company_id: i64, centre_id: i64) -> VacancyDraft {
    VacancyDraft {
        company_id,
        centre_id,
        title: "Auxiliar de almacén".into(),
        region: "cusco".into(),
        province: "Cusco".into(),
        district: "Wanchaq".into(),
        modality: Modality::OnSite,
        contract: ContractType::FixedTerm,
        hours: WorkingHours::PartTime,
        salary: Some((1_200, 1_500)),
        openings: 2,
        description: "Ordenar y registrar la mercadería.\n- Recibir pedidos\n- Etiquetar cajas".into(),
        requirements: "Secundaria completa.".into(),
        easy_read: "Trabajo en un almacén. Ordenas cajas.".into(),
        workplace_access: "Rampa en la entrada.".into(),
        interview: "Entrevista en persona; puedes pedir intérprete.".into(),
        accommodations: vec!["step_free_access".into(), "sign_interpreter_interview".into()],
        skills: vec!["Inventarios".into(), "Excel básico".into()],
        closes_at: 1_700_086_400,
    }
}

async fn the_accommodations_list_comes_in_its_order(db: &common::TestDb) {
    let list = db.store.accommodations().await.unwrap();
    assert_eq!(list.len(), 12);
    assert_eq!(list[0].code, "sign_interpreter_interview");
    assert_eq!(list[0].name_es, "Intérprete de lengua de señas en la entrevista");
    assert!(list.iter().any(|a| a.code == "easy_read_materials" && a.name_en == "Easy-read materials"));
}

async fn a_vacancy_is_stored_whole_or_not_at_all(db: &common::TestDb) {
    let store = &db.store;
    let (centre_id, company_id, employer_id) = vacancy_setting(store.as_ref()).await;
    let draft = vacancy_draft(company_id, centre_id);
    let id = store.create_vacancy(&draft, Some(employer_id), 1_700_000_000).await.unwrap();
    let stored = store.vacancy(id).await.unwrap().unwrap();
    assert_eq!(stored.status, VacancyStatus::Draft);
    assert_eq!((stored.company_name.as_str(), stored.centre_name.as_str()), ("Textiles Andinos S.A.C.", "CEM Cusco"));
    let expected = VacancyDraft {
        accommodations: vec!["sign_interpreter_interview".into(), "step_free_access".into()],
        skills: vec!["Excel básico".into(), "Inventarios".into()],
        ..draft.clone()
    };
    assert_eq!(stored.draft, expected, "lists come back in the list's order and sorted");

    let changed = VacancyDraft {
        title: "Auxiliar de almacén (turno tarde)".into(),
        salary: None,
        accommodations: vec!["remote_work".into()],
        skills: vec![],
        ..draft.clone()
    };
    assert!(store.update_vacancy(id, &changed, &[VacancyStatus::Draft], 1_700_000_100).await.unwrap());
    let stored = store.vacancy(id).await.unwrap().unwrap();
    assert_eq!((stored.draft.salary, stored.draft.accommodations.clone()), (None, vec!["remote_work".to_string()]));
    assert_eq!(stored.updated_at, 1_700_000_100);
    assert!(!store.update_vacancy(id + 99, &changed, &[VacancyStatus::Draft], 1_700_000_100).await.unwrap());
    // Two writers: the employer read a draft and saves; meanwhile it was submitted. The
    // write itself refuses, and the submitted text stays as it was submitted.
    let late = VacancyDraft { title: "Cambiado después de enviar".into(), ..changed.clone() };
    let employer_may = [VacancyStatus::Draft, VacancyStatus::Returned];
    assert!(store
        .move_vacancy(id, &[VacancyStatus::Draft], VacancyStatus::Submitted, None, "", 1_700_000_150)
        .await
        .unwrap());
    assert!(!store.update_vacancy(id, &late, &employer_may, 1_700_000_160).await.unwrap());
    assert_eq!(store.vacancy(id).await.unwrap().unwrap().draft.title, "Auxiliar de almacén (turno tarde)");
    assert!(store
        .move_vacancy(id, &[VacancyStatus::Submitted], VacancyStatus::Returned, None, "", 1_700_000_170)
        .await
        .unwrap());

    let unknown = VacancyDraft { accommodations: vec!["teleportation".into()], ..draft.clone() };
    assert!(matches!(
        store.create_vacancy(&unknown, Some(employer_id), 1_700_000_000).await,
        Err(DbError::Conflict(_))
    ));
    let elsewhere = VacancyDraft { centre_id: centre_id + 50, ..draft };
    assert!(matches!(
        store.create_vacancy(&elsewhere, Some(employer_id), 1_700_000_000).await,
        Err(DbError::Conflict(_))
    ));
    assert_eq!(store.company_vacancies(company_id).await.unwrap().len(), 1, "nothing half-stored");
}

async fn a_vacancy_moves_only_from_where_it_is_and_keeps_its_history(db: &common::TestDb) {
    use VacancyStatus::*;
    let store = &db.store;
    let (centre_id, company_id, employer_id) = vacancy_setting(store.as_ref()).await;
    let counsellor = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre_id) };
    let counsellor_id = store.create_account(&account("consejera@cusco.pe", counsellor)).await.unwrap();
    let id = store.create_vacancy(&vacancy_draft(company_id, centre_id), Some(employer_id), 100).await.unwrap();

    assert!(store.move_vacancy(id, &[Draft, Returned], Submitted, Some(employer_id), "", 200).await.unwrap());
    assert_eq!(store.review_queue(centre_id).await.unwrap().iter().map(|v| v.id).collect::<Vec<_>>(), vec![id]);
    assert!(store.review_queue(centre_id + 1).await.unwrap().is_empty(), "only the responsible centre's queue");
    assert_eq!(store.centre_vacancies(centre_id).await.unwrap()[0].status, Submitted);
    assert!(store.centre_vacancies(centre_id + 1).await.unwrap().is_empty());
    assert!(store
        .move_vacancy(id, &[Submitted], Returned, Some(counsellor_id), "Añade el horario.", 300)
        .await
        .unwrap());
    assert_eq!(store.vacancy(id).await.unwrap().unwrap().review_comment, "Añade el horario.");
    assert!(
        !store.move_vacancy(id, &[Submitted], Published, Some(counsellor_id), "", 350).await.unwrap(),
        "not where it was asked to be"
    );
    assert!(store.move_vacancy(id, &[Draft, Returned], Submitted, Some(employer_id), "", 400).await.unwrap());
    assert!(store.move_vacancy(id, &[Submitted], Published, Some(counsellor_id), "", 500).await.unwrap());
    let published = store.vacancy(id).await.unwrap().unwrap();
    assert_eq!(
        (published.status, published.published_at, published.review_comment.as_str()),
        (Published, Some(500), "")
    );
    assert!(store.move_vacancy(id, &[Published], Closed, Some(employer_id), "", 600).await.unwrap());
    assert!(!store.move_vacancy(id + 99, &[Published], Closed, Some(employer_id), "", 600).await.unwrap());

    let history = store.vacancy_history(id).await.unwrap();
    let steps: Vec<_> = history.iter().map(|e| (e.from_status, e.to_status, e.actor_name.clone().unwrap())).collect();
    assert_eq!(
        steps,
        vec![
            (None, Draft, "Juan Mamani".to_string()),
            (Some(Draft), Submitted, "Juan Mamani".into()),
            (Some(Submitted), Returned, "Juan Mamani".into()),
            (Some(Returned), Submitted, "Juan Mamani".into()),
            (Some(Submitted), Published, "Juan Mamani".into()),
            (Some(Published), Closed, "Juan Mamani".into()),
        ]
    );
    assert_eq!(history[2].comment, "Añade el horario.");
    let facts = store.vacancy_facts(id).await.unwrap().unwrap();
    assert_eq!(
        (facts.company_id, facts.centre_id, facts.status, facts.company_verified),
        (company_id, centre_id, Closed, true)
    );
    assert_eq!(store.company_vacancies(company_id).await.unwrap()[0].status, Closed);
}

async fn expired_vacancies_close_by_themselves(db: &common::TestDb) {
    use VacancyStatus::*;
    let store = &db.store;
    let (centre_id, company_id, employer_id) = vacancy_setting(store.as_ref()).await;
    let closing = |at: i64| VacancyDraft { closes_at: at, ..vacancy_draft(company_id, centre_id) };
    let due = store.create_vacancy(&closing(1_000), Some(employer_id), 100).await.unwrap();
    let later = store.create_vacancy(&closing(5_000), Some(employer_id), 100).await.unwrap();
    let draft = store.create_vacancy(&closing(1_000), Some(employer_id), 100).await.unwrap();
    for id in [due, later] {
        assert!(store.move_vacancy(id, &[Draft], Published, Some(employer_id), "", 200).await.unwrap());
    }
    assert_eq!(store.close_expired(999).await.unwrap(), 0, "not before the end of the day");
    assert_eq!(store.close_expired(1_000).await.unwrap(), 1);
    assert_eq!(store.close_expired(1_001).await.unwrap(), 0, "once");
    let status = |id| async move { store.vacancy(id).await.unwrap().unwrap().status };
    assert_eq!((status(due).await, status(later).await, status(draft).await), (Closed, Published, Draft));
    let last = store.vacancy_history(due).await.unwrap().pop().unwrap();
    assert_eq!((last.actor_name, last.from_status, last.to_status), (None, Some(Published), Closed));
}

async fn a_report_waits_for_the_responsible_centre_until_one_of_its_counsellors_looks(db: &common::TestDb) {
    use VacancyStatus::*;
    let store = &db.store;
    let (centre_id, company_id, employer_id) = vacancy_setting(store.as_ref()).await;
    let counsellor = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre_id) };
    let counsellor_id = store.create_account(&account("consejera@cusco.pe", counsellor)).await.unwrap();
    let id = store.create_vacancy(&vacancy_draft(company_id, centre_id), Some(employer_id), 100).await.unwrap();

    // A draft is nobody's to report: the public cannot see it.
    assert!(!store.report_vacancy(id, ReportReason::Scam, "", None, 150).await.unwrap());
    assert!(store.move_vacancy(id, &[Draft], Published, Some(counsellor_id), "", 200).await.unwrap());
    assert!(store.report_vacancy(id, ReportReason::Scam, "Piden pagar un curso.", None, 300).await.unwrap());
    assert!(store.report_vacancy(id, ReportReason::Discrimination, "", Some(employer_id), 400).await.unwrap());
    assert!(!store.report_vacancy(id + 1000, ReportReason::Other, "", None, 400).await.unwrap(), "no such vacancy");

    let open = store.open_reports(centre_id).await.unwrap();
    assert_eq!(
        open.iter().map(|r| r.reason).collect::<Vec<_>>(),
        vec![ReportReason::Scam, ReportReason::Discrimination]
    );
    assert_eq!(open[0].details, "Piden pagar un curso.");
    assert_eq!(open[0].vacancy_title, "Auxiliar de almacén");
    assert!(store.open_reports(centre_id + 1).await.unwrap().is_empty(), "only the responsible centre's");

    assert!(!store.resolve_report(open[0].id, centre_id + 1, counsellor_id, 500).await.unwrap(), "another centre's");
    assert!(store.resolve_report(open[0].id, centre_id, counsellor_id, 500).await.unwrap());
    assert!(!store.resolve_report(open[0].id, centre_id, counsellor_id, 600).await.unwrap(), "once");
    assert_eq!(store.open_reports(centre_id).await.unwrap().len(), 1);

    // The one who filed a report finds it in their data, with when it was looked at.
    let filed = store.reports_by(employer_id).await.unwrap();
    assert_eq!(filed.len(), 1, "only the reports this account filed");
    assert_eq!((filed[0].vacancy_id, filed[0].reason, filed[0].created_at), (id, ReportReason::Discrimination, 400));
    assert_eq!((filed[0].vacancy_title.as_str(), filed[0].resolved_at), ("Auxiliar de almacén", None));
    assert!(store.reports_by(counsellor_id).await.unwrap().is_empty());
}

/// A moment to publish vacancies around: the search's "now".
async fn the_accommodations_list_grows_changes_names_and_retires_entries_without_losing_them(db: &common::TestDb) {
    use senda::vacancies::Accommodation;
    let store = db.store.as_ref();
    let (centre_id, company_id, employer_id) = vacancy_setting(store).await;
    let change = |at| event(AuditAction::AccommodationsChanged, at).by(employer_id);
    let pauses = Accommodation {
        code: "pausas_activas".into(),
        name_es: "Pausas activas".into(),
        name_en: "Active breaks".into(),
    };
    store.add_accommodation(&pauses, &change(10).detail("added: pausas_activas")).await.unwrap();
    assert!(matches!(store.add_accommodation(&pauses, &change(11)).await, Err(DbError::Conflict(_))), "one code, once");
    let offered = store.accommodations().await.unwrap();
    assert_eq!(offered.last(), Some(&pauses), "new entries go at the end");

    let id = store
        .create_vacancy(
            &VacancyDraft { accommodations: vec!["pausas_activas".into()], ..vacancy_draft(company_id, centre_id) },
            Some(employer_id),
            20,
        )
        .await
        .unwrap();
    let renamed = Accommodation { name_es: "Pausas activas cada hora".into(), ..pauses.clone() };
    assert!(store.rename_accommodation(&renamed, &change(30)).await.unwrap());
    assert!(!store
        .rename_accommodation(&Accommodation { code: "nada".into(), ..renamed.clone() }, &change(31))
        .await
        .unwrap());
    assert!(store.retire_accommodation("pausas_activas", true, &change(40)).await.unwrap());
    assert!(!store.accommodations().await.unwrap().iter().any(|a| a.code == "pausas_activas"), "no longer offered");
    assert_eq!(
        store.vacancy(id).await.unwrap().unwrap().draft.accommodations,
        vec!["pausas_activas"],
        "kept where named"
    );
    let listed = store.accommodation_list().await.unwrap();
    let entry = listed.iter().find(|l| l.entry.code == "pausas_activas").unwrap();
    assert_eq!((entry.retired, entry.vacancies, entry.entry.name_es.as_str()), (true, 1, "Pausas activas cada hora"));
    assert_eq!(listed.len(), 13, "retired entries are listed for their keepers");
    assert!(store.retire_accommodation("pausas_activas", false, &change(50)).await.unwrap());
    assert!(store.accommodations().await.unwrap().iter().any(|a| a.code == "pausas_activas"));
    assert!(!store.retire_accommodation("nada", true, &change(60)).await.unwrap());
    let audited = store
        .audit_events(&AuditQuery { action: Some("accommodations_changed".into()), limit: 10, ..AuditQuery::default() })
        .await
        .unwrap();
    assert_eq!(audited.len(), 4, "every change, and only the changes that happened, are audited");
}

pub(crate) fn sign_video(key: &str, by: i64, at: i64) -> senda::media::store::NewSignVideo {
    senda::media::store::NewSignVideo {
        media_key: key.into(),
        kind: senda::media::VideoKind::WebM,
        bytes: 11_840,
        captions: "WEBVTT\n\n00:00.000 --> 00:01.000\nHola.\n".into(),
        transcript: "Hola.".into(),
        uploaded_by: by,
        uploaded_at: at,
    }
}

async fn a_vacancy_has_one_sign_video_at_a_time_and_hands_back_the_file_it_replaces(db: &common::TestDb) {
    use senda::media::store::VideoFile;
    let store = &db.store;
    let (centre_id, company_id, employer_id) = vacancy_setting(store.as_ref()).await;
    let id =
        store.create_vacancy(&vacancy_draft(company_id, centre_id), Some(employer_id), 1_700_000_000).await.unwrap();
    assert_eq!(store.sign_video(VideoOwner::Vacancy(id)).await.unwrap(), None);
    assert_eq!(store.remove_sign_video(VideoOwner::Vacancy(id)).await.unwrap(), None, "nothing to take away");

    assert_eq!(
        store
            .attach_sign_video(VideoOwner::Vacancy(id), &sign_video("first.webm", employer_id, 1_700_000_100))
            .await
            .unwrap(),
        None
    );
    let first = store.sign_video(VideoOwner::Vacancy(id)).await.unwrap().unwrap();
    assert_eq!((first.kind, first.bytes, first.transcript.as_str()), (senda::media::VideoKind::WebM, 11_840, "Hola."));
    assert_eq!(first.uploaded_at, 1_700_000_100);
    assert!(store.sign_video_captions(VideoOwner::Vacancy(id)).await.unwrap().unwrap().starts_with("WEBVTT"));

    let second = senda::media::store::NewSignVideo {
        kind: senda::media::VideoKind::Mp4,
        ..sign_video("second.mp4", employer_id, 1_700_000_200)
    };
    assert_eq!(store.attach_sign_video(VideoOwner::Vacancy(id), &second).await.unwrap().as_deref(), Some("first.webm"));
    let file = store.sign_video_file(VideoOwner::Vacancy(id)).await.unwrap().unwrap();
    assert_eq!(
        file,
        VideoFile { version: file.version, media_key: "second.mp4".into(), kind: senda::media::VideoKind::Mp4 }
    );
    assert_ne!(file.version, first.version, "each upload is a new address");

    // A key already taken, or a vacancy that does not exist: refused, and nothing changes.
    assert!(store
        .attach_sign_video(VideoOwner::Vacancy(id + 99), &sign_video("third.webm", employer_id, 1))
        .await
        .is_err());
    let other =
        store.create_vacancy(&vacancy_draft(company_id, centre_id), Some(employer_id), 1_700_000_000).await.unwrap();
    assert!(matches!(
        store.attach_sign_video(VideoOwner::Vacancy(other), &sign_video("second.mp4", employer_id, 1)).await,
        Err(DbError::Conflict(_))
    ));
    assert_eq!(store.sign_video(VideoOwner::Vacancy(other)).await.unwrap(), None);
    assert_eq!(store.sign_video_file(VideoOwner::Vacancy(id)).await.unwrap().unwrap().media_key, "second.mp4");

    assert_eq!(store.remove_sign_video(VideoOwner::Vacancy(id)).await.unwrap().as_deref(), Some("second.mp4"));
    assert_eq!(store.sign_video(VideoOwner::Vacancy(id)).await.unwrap(), None);
    assert_eq!(store.sign_video_captions(VideoOwner::Vacancy(id)).await.unwrap(), None);
}
