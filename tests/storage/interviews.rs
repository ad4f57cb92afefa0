//! Storage of interview templates and records: a template is edited in place until an
//! interview uses it, then in a new version while the record keeps the old one; a copy says
//! where it came from and changes apart; a library's list holds what its reader may read; a
//! record's answers are saved for its own version's questions only, whole or not at all, and go
//! with the person and with the applicant-retention rule.

use super::*;
use senda::applications::store::Applied;
use senda::interviews::store::{Change, Changed, Libraries, NewTemplate, RecordSave, StoredAnswer, StoredTemplate};
use senda::interviews::{Adjustment, Library, QuestionDraft, MAX_SECTIONS};
use senda::seekers::consent::ConsentKind::*;

on_both_engines!(
    a_template_is_edited_in_place_until_an_interview_uses_it_and_then_in_a_new_version,
    a_copy_says_where_it_came_from_changes_apart_and_lists_only_for_its_readers,
    a_record_keeps_answers_to_its_own_versions_questions_and_goes_with_the_person,
);

const AT: i64 = 1_700_000_000;

fn question(text: &str, adjustments: &[Adjustment]) -> QuestionDraft {
    QuestionDraft {
        question: text.into(),
        easy_read: format!("{text} (fácil)"),
        good_answer: "Da un ejemplo concreto.".into(),
        levels: ["No da ejemplo", "Un ejemplo vago", "Un ejemplo claro", "Varios ejemplos claros"].map(String::from),
        adjustments: adjustments.to_vec(),
    }
}

/// Applies `change` to the template's version `seen`, expecting it kept.
async fn change(store: &dyn senda::server::db::Store, id: i64, seen: i64, change: Change<'_>, by: i64) -> Changed {
    store.change_template(id, seen, &change, by, AT + 10).await.unwrap().expect("the template exists")
}

/// A template with two sections, two questions in the first and one in the second.
async fn two_sections(store: &dyn senda::server::db::Store, library: Library, by: i64) -> i64 {
    let skills = ["atención al cliente".to_string(), "caja".to_string()];
    let new = NewTemplate { library, name: "Atención al cliente", skills: &skills, by };
    let id = store.create_template(&new, AT).await.unwrap();
    let saved = Changed::Saved { version: 1, new_version: false };
    assert_eq!(change(store, id, 1, Change::AddSection { title: "Trato con clientes" }, by).await, saved);
    assert_eq!(change(store, id, 1, Change::AddSection { title: "Trabajo en equipo" }, by).await, saved);
    let first =
        question("¿Cómo atiendes a un cliente molesto?", &[Adjustment::ExtraTime, Adjustment::WrittenQuestions]);
    let second = question("¿Cómo cuentas el dinero de la caja?", &[Adjustment::Demonstration]);
    let third = question("Cuéntanos de un trabajo en grupo.", &[]);
    for (section, draft) in [(1, &first), (1, &second), (2, &third)] {
        assert_eq!(change(store, id, 1, Change::AddQuestion { section, draft }, by).await, saved);
    }
    id
}

fn questions(template: &StoredTemplate) -> Vec<(i64, i64, &str)> {
    template
        .sections
        .iter()
        .flat_map(|s| s.questions.iter().map(move |q| (s.position, q.position, q.draft.question.as_str())))
        .collect()
}

/// An application to a vacancy of a verified company, and who is involved.
async fn applied(store: &dyn senda::server::db::Store) -> (i64, i64, i64, i64, i64) {
    let (vacancy, seeker, counsellor, employer) =
        application_setting(store, &[Register, ShareWithEmployers, DisabilityData, CounsellorActs]).await;
    let Applied::Done(application) = store.apply(&application(vacancy, seeker, counsellor), AT).await.unwrap() else {
        panic!("applied")
    };
    let company = store.vacancy(vacancy).await.unwrap().unwrap().draft.company_id;
    (vacancy, application, seeker, employer, company)
}

async fn a_template_is_edited_in_place_until_an_interview_uses_it_and_then_in_a_new_version(db: &common::TestDb) {
    let store = db.store.as_ref();
    let (vacancy, application, _, employer, company) = applied(store).await;
    let id = two_sections(store, Library::Company(company), employer).await;

    let first = store.template(id, None).await.unwrap().expect("the current version");
    assert_eq!((first.version, first.current, first.in_use), (1, 1, false));
    assert_eq!((first.library, first.library_name.as_str()), (Library::Company(company), "Textiles Andinos S.A.C."));
    assert_eq!(first.skills, ["atención al cliente", "caja"]);
    assert_eq!(first.copied_from, None);
    assert_eq!(
        questions(&first),
        [
            (1, 1, "¿Cómo atiendes a un cliente molesto?"),
            (1, 2, "¿Cómo cuentas el dinero de la caja?"),
            (2, 1, "Cuéntanos de un trabajo en grupo.")
        ]
    );
    let q = &first.sections[0].questions[0].draft;
    assert_eq!(q.adjustments, [Adjustment::ExtraTime, Adjustment::WrittenQuestions], "in the list's order");
    assert_eq!((q.levels[0].as_str(), q.levels[3].as_str()), ("No da ejemplo", "Varios ejemplos claros"));
    assert_eq!(first.sections[1].title, "Trabajo en equipo");

    // Not in use: changes stay in version 1, addressed by place.
    let edited = question("¿Cómo atiendes a un cliente que no te entiende?", &[Adjustment::LspInterpreter]);
    let in_place = Changed::Saved { version: 1, new_version: false };
    let edit = Change::EditQuestion { section: 1, question: 1, draft: &edited };
    assert_eq!(change(store, id, 1, edit, employer).await, in_place);
    assert_eq!(change(store, id, 1, Change::RemoveQuestion { section: 1, question: 2 }, employer).await, in_place);
    let missing = Change::EditQuestion { section: 2, question: 5, draft: &edited };
    assert_eq!(change(store, id, 1, missing, employer).await, Changed::NotThere);
    assert_eq!(change(store, id, 1, Change::RemoveSection { section: 3 }, employer).await, Changed::NotThere);
    assert_eq!(
        store.change_template(id + 100, 1, &Change::RemoveSection { section: 1 }, employer, AT).await.unwrap(),
        None
    );
    let now = store.template(id, None).await.unwrap().unwrap();
    assert_eq!(now.version, 1);
    assert_eq!(
        questions(&now),
        [(1, 1, "¿Cómo atiendes a un cliente que no te entiende?"), (2, 1, "Cuéntanos de un trabajo en grupo.")]
    );
    assert_eq!(now.sections[0].questions[0].draft.adjustments, [Adjustment::LspInterpreter]);

    // An interview uses it: the record keeps version 1 and the next change makes version 2.
    assert!(store.attach_template(vacancy, Some(id), employer, AT).await.unwrap());
    assert_eq!(store.vacancy_template(vacancy).await.unwrap(), Some(id));
    let record = store.open_record(application, employer, AT + 20).await.unwrap().expect("opened");
    assert_eq!(store.open_record(application, employer, AT + 30).await.unwrap(), Some(record), "the same one");
    let kept = store.interview_record(application).await.unwrap().unwrap();
    assert_eq!(kept.version_id, now.version_id);
    assert!(store.template(id, None).await.unwrap().unwrap().in_use);

    let skills = ["atención al cliente".to_string()];
    let head = Change::Head { name: "Atención al público", skills: &skills };
    assert_eq!(change(store, id, 1, head, employer).await, Changed::Saved { version: 2, new_version: true });
    assert_eq!(
        change(store, id, 1, Change::AddSection { title: "Otra" }, employer).await,
        Changed::Stale { current: 2 },
        "version 1 is not edited in place once used"
    );
    assert_eq!(
        change(store, id, 2, Change::RemoveSection { section: 1 }, employer).await,
        Changed::Saved { version: 2, new_version: false },
        "version 2 is not in use yet"
    );
    let second = store.template(id, None).await.unwrap().unwrap();
    assert_eq!((second.version, second.current, second.name.as_str()), (2, 2, "Atención al público"));
    assert_eq!(second.skills, ["atención al cliente"]);
    assert_eq!(questions(&second), [(1, 1, "Cuéntanos de un trabajo en grupo.")]);
    let old = store.template_version(kept.version_id).await.unwrap().unwrap();
    assert_eq!((old.version, old.current, old.name.as_str()), (1, 2, "Atención al cliente"));
    assert_eq!(questions(&old), questions(&now), "the interview keeps the questions it was held with");
    assert_eq!(store.template(id, Some(1)).await.unwrap().unwrap().version_id, kept.version_id);
    assert_eq!(store.template(id, Some(3)).await.unwrap(), None);

    // A template has at most so many sections; a full one takes no more, and nothing changes.
    for n in 1..MAX_SECTIONS {
        let saved = change(store, id, 2, Change::AddSection { title: &format!("Sección {n}") }, employer).await;
        assert!(matches!(saved, Changed::Saved { .. }), "{n}");
    }
    assert_eq!(change(store, id, 2, Change::AddSection { title: "Una más" }, employer).await, Changed::Full);
    assert_eq!(store.template(id, None).await.unwrap().unwrap().sections.len(), MAX_SECTIONS);

    // Taken off the vacancy, a record already opened stays.
    assert!(store.attach_template(vacancy, None, employer, AT).await.unwrap());
    assert_eq!(store.vacancy_template(vacancy).await.unwrap(), None);
    assert!(!store.attach_template(vacancy, Some(id + 100), employer, AT).await.unwrap(), "no such template");
    assert!(store.interview_record(application).await.unwrap().is_some());
}

async fn a_copy_says_where_it_came_from_changes_apart_and_lists_only_for_its_readers(db: &common::TestDb) {
    let store = db.store.as_ref();
    let (vacancy, _, counsellor, employer, company) = applied(store).await;
    let admin = store.create_account(&account("admin@senda.pe", admin_role())).await.unwrap();
    let national = two_sections(store, Library::National, admin).await;
    let source = store.template(national, None).await.unwrap().unwrap();

    let copy = store.copy_template(source.version_id, Library::Company(company), employer, AT + 50).await.unwrap();
    let copy = copy.expect("copied");
    assert_eq!(store.copy_template(source.version_id + 100, Library::National, admin, AT).await.unwrap(), None);
    let copied = store.template(copy, None).await.unwrap().unwrap();
    assert_eq!(
        (copied.version, copied.library, copied.name.as_str()),
        (1, Library::Company(company), "Atención al cliente")
    );
    assert_eq!(questions(&copied), questions(&source));
    assert_eq!(copied.sections[0].questions[0].draft, source.sections[0].questions[0].draft, "adjustments too");
    assert_eq!(copied.skills, source.skills);
    let origin = copied.copied_from.clone().expect("says where it came from");
    assert_eq!(
        (origin.template_id, origin.library, origin.library_name.as_str(), origin.version, origin.name.as_str()),
        (national, Library::National, "", 1, "Atención al cliente")
    );

    // The copy changes apart from the original.
    let edit = Change::RenameSection { section: 1, title: "Clientes en tienda" };
    assert_eq!(change(store, copy, 1, edit, employer).await, Changed::Saved { version: 1, new_version: false });
    assert_eq!(store.template(national, None).await.unwrap().unwrap().sections[0].title, "Trato con clientes");

    // A centre's template, then the lists: the shared libraries for everyone working here, a
    // company's only for its own.
    let centre_id = store.vacancy(vacancy).await.unwrap().unwrap().draft.centre_id;
    let centre_template = two_sections(store, Library::Centre(centre_id), counsellor).await;
    let names = |list: Vec<senda::interviews::store::TemplateSummary>| {
        list.into_iter().map(|t| (t.id, t.library, t.sections, t.questions, t.copied_from)).collect::<Vec<_>>()
    };
    let shared = Libraries { shared: true, companies: vec![] };
    assert_eq!(
        names(store.templates(&shared).await.unwrap()),
        [(national, Library::National, 2, 3, None), (centre_template, Library::Centre(centre_id), 2, 3, None)]
    );
    let theirs = Libraries { shared: true, companies: vec![company] };
    let listed = store.templates(&theirs).await.unwrap();
    assert_eq!(listed.len(), 3);
    assert_eq!(
        (listed[2].id, listed[2].copied_from.as_deref(), listed[2].library_name.as_str()),
        (copy, Some("Atención al cliente"), "Textiles Andinos S.A.C.")
    );
    assert_eq!(listed[0].skills, ["atención al cliente", "caja"]);
    let other = Libraries { shared: false, companies: vec![company + 1] };
    assert!(store.templates(&other).await.unwrap().is_empty());
    assert!(store.templates(&Libraries::default()).await.unwrap().is_empty());
}

async fn a_record_keeps_answers_to_its_own_versions_questions_and_goes_with_the_person(db: &common::TestDb) {
    use senda::applications::store::Move;
    use senda::applications::{ApplicationStatus::*, Side};
    let store = db.store.as_ref();
    let (vacancy, first_application, seeker, employer, company) = applied(store).await;
    let id = two_sections(store, Library::Company(company), employer).await;
    let other = two_sections(store, Library::Company(company), employer).await;
    let template = store.template(id, None).await.unwrap().unwrap();
    let elsewhere = store.template(other, None).await.unwrap().unwrap().sections[0].questions[0].id;
    assert_eq!(
        store.open_record(first_application, employer, AT).await.unwrap(),
        None,
        "no template on the vacancy yet"
    );
    assert!(store.attach_template(vacancy, Some(id), employer, AT).await.unwrap());
    let record = store.open_record(first_application, employer, AT).await.unwrap().unwrap();

    let [first, second] = [0, 1].map(|n| template.sections[0].questions[n].id);
    let answer = |question_id, score, note: &str| StoredAnswer { question_id, score, note: note.into() };
    let section = [answer(first, Some(3), "Explicó con calma."), answer(second, None, "Pidió mostrarlo.")];
    let given = [Adjustment::Demonstration, Adjustment::ExtraTime];
    let save = RecordSave { record_id: record, answers: &section, adjustments: Some(&given), summary: None };
    assert!(store.save_record(&save, AT + 100).await.unwrap());
    let summary = RecordSave { record_id: record, answers: &[], adjustments: None, summary: Some("Buena candidata.") };
    assert!(store.save_record(&summary, AT + 110).await.unwrap());
    // One answer to a question of another template: nothing of the save is kept.
    let mixed = [answer(first, Some(4), "Cambiado"), answer(elsewhere, Some(1), "No es de aquí")];
    let refused = RecordSave { record_id: record, answers: &mixed, adjustments: Some(&[]), summary: Some("") };
    assert!(!store.save_record(&refused, AT + 120).await.unwrap());
    assert!(!store.save_record(&RecordSave { record_id: record + 100, ..save.clone() }, AT).await.unwrap());

    let kept = store.interview_record(first_application).await.unwrap().unwrap();
    assert_eq!(
        (kept.id, kept.summary.as_str(), kept.opened_at, kept.updated_at),
        (record, "Buena candidata.", AT, AT + 110)
    );
    assert_eq!(kept.adjustments, [Adjustment::ExtraTime, Adjustment::Demonstration], "in the list's order");
    let mut answers: Vec<_> = kept.answers.iter().map(|a| (a.question_id, a.score, a.note.as_str())).collect();
    answers.sort();
    assert_eq!(answers, [(first, Some(3), "Explicó con calma."), (second, None, "Pidió mostrarlo.")]);

    // The candidate asks to read it once; the company is told once.
    let told = OutgoingMail {
        to: "rrhh@textiles.pe".into(),
        subject: "Pidió leer".into(),
        body: "…".into(),
        ..Default::default()
    };
    assert!(store.ask_to_read_record(record, std::slice::from_ref(&told), AT + 200).await.unwrap());
    assert!(!store.ask_to_read_record(record, std::slice::from_ref(&told), AT + 300).await.unwrap());
    assert_eq!(store.interview_record(first_application).await.unwrap().unwrap().asked_at, Some(AT + 200));
    assert_eq!(store.mail_to("rrhh@textiles.pe").await.unwrap().len(), 1);

    // Kept while the employer still reads the applicant, then gone.
    let kept_for = 90 * 86_400;
    let retention = Retention { mail: kept_for, chats: kept_for, applicants: kept_for };
    let decided = Move { from: Submitted, to: NotSelected, side: Side::Employer, by: employer, note: "", at: AT + 400 };
    assert!(store.move_application(first_application, &decided).await.unwrap());
    store.purge_expired(AT + 400 + kept_for - 1, &retention).await.unwrap();
    assert!(store.interview_record(first_application).await.unwrap().is_some(), "still read");
    store.purge_expired(AT + 400 + kept_for + 1, &retention).await.unwrap();
    assert_eq!(store.interview_record(first_application).await.unwrap(), None, "gone with the applicant's retention");

    // A second application's record goes when the person leaves the register.
    let centre = store.vacancy(vacancy).await.unwrap().unwrap().draft.centre_id;
    let vacancy_two = store.create_vacancy(&vacancy_draft(company, centre), Some(employer), AT).await.unwrap();
    assert!(store
        .move_vacancy(vacancy_two, &[VacancyStatus::Draft], VacancyStatus::Published, None, "", AT)
        .await
        .unwrap());
    let Applied::Done(again) = store.apply(&application(vacancy_two, seeker, employer), AT).await.unwrap() else {
        panic!("applied")
    };
    assert!(store.attach_template(vacancy_two, Some(id), employer, AT).await.unwrap());
    assert!(store.open_record(again, employer, AT).await.unwrap().is_some());
    assert!(store.delete_seeker(seeker, &event(AuditAction::ProfileDeleted, AT + 500)).await.unwrap());
    assert_eq!(store.interview_record(again).await.unwrap(), None);
    assert_eq!(store.open_record(again, employer, AT + 600).await.unwrap(), None, "nobody to interview");
}
