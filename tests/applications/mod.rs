//! Applications through the real router: a job seeker applies with the accommodations they
//! need, the employer sees of them only what their consents allow and moves them along, the
//! person reads each change in plain words and may withdraw; a counsellor applies for a person
//! only when the person lets them act for them; another company's employer learns nothing.

mod access_ends;
mod answers;
mod applying;
mod cv;
mod fields;
mod probing;

use crate::common;
use axum::http::{header, StatusCode};
use common::web::*;
use common::web::{page_as as page, post_as as post};
use senda::accounts::{Actor, Role, RoleGrant};
use senda::applications::ApplicationStatus;
use senda::domain::{Region, Ruc};
use senda::organisations::NewCompany;
use senda::seekers::consent::{ConsentKind, RecordedBy};
use senda::seekers::store::{ConsentGiven, NewSeeker};
use senda::server::state::AppState;
use senda::vacancies::{ContractType, Modality, ReportReason, VacancyDraft, VacancyStatus, WorkingHours};

pub(crate) struct Board {
    pub(crate) centre: i64,
    pub(crate) vacancy: i64,
    closed_vacancy: i64,
    pub(crate) employer: String,
    pub(crate) employer_id: i64,
    pub(crate) other_employer: String,
}

/// Two verified companies with an employer each, and a published vacancy of the first (plus
/// one whose closing date has passed).
pub(crate) async fn board(state: &AppState) -> Board {
    let store = state.store.as_ref();
    let company = |name: &str, ruc: &str| NewCompany {
        legal_name: name.into(),
        ruc: Ruc::parse(ruc).unwrap(),
        sector: "Logística".into(),
        region: Region::parse("cusco").unwrap(),
        verified: true,
    };
    let ours = store.insert_company(&company("Almacenes Andinos S.A.C.", "20556677884")).await.unwrap();
    let theirs = store.insert_company(&company("Otra Empresa S.A.C.", "20100987652")).await.unwrap();
    let centre = store.list_centres().await.unwrap()[0].id;
    let employer = |company_id| RoleGrant { role: Role::Employer, company_id: Some(company_id), centre_id: None };
    let now = senda::server::auth::now();
    let draft = |closes_at| VacancyDraft {
        company_id: ours,
        centre_id: centre,
        title: "Auxiliar de almacén".into(),
        region: "cusco".into(),
        province: "Cusco".into(),
        district: "Wanchaq".into(),
        modality: Modality::OnSite,
        contract: ContractType::FixedTerm,
        hours: WorkingHours::PartTime,
        salary: Some((1_200, 1_500)),
        openings: 2,
        description: "Ordenar y registrar la mercadería.".into(),
        requirements: "Secundaria completa.".into(),
        easy_read: "Trabajo en un almacén.".into(),
        workplace_access: "Rampa en la entrada.".into(),
        interview: "Entrevista en persona.".into(),
        accommodations: vec!["sign_interpreter_interview".into()],
        skills: vec!["Inventarios".into()],
        closes_at,
    };
    let mut ids = Vec::new();
    for closes_at in [now + 30 * 86_400, now + 60] {
        let id = store.create_vacancy(&draft(closes_at), None, now - 100).await.unwrap();
        store.move_vacancy(id, &[VacancyStatus::Draft], VacancyStatus::Published, None, "", now - 50).await.unwrap();
        ids.push(id);
    }
    // The second one's date passes: as if the job that closes vacancies had not run yet.
    sqlx_set_closes(state, ids[1], now - 1).await;
    let carmen = person(state, "carmen@andinos.pe", employer(ours)).await;
    Board {
        centre,
        vacancy: ids[0],
        closed_vacancy: ids[1],
        employer: session_cookie_for(state, &carmen).await,
        employer_id: carmen.account_id,
        other_employer: session_cookie_for(state, &person(state, "otro@otra.pe", employer(theirs)).await).await,
    }
}

async fn sqlx_set_closes(state: &AppState, id: i64, closes_at: i64) {
    let vacancy = state.store.vacancy(id).await.unwrap().unwrap();
    let draft = VacancyDraft { closes_at, ..vacancy.draft };
    assert!(state.store.update_vacancy(id, &draft, &[VacancyStatus::Published], closes_at).await.unwrap());
}

/// A person in the register, followed by `centre`, with `consents`; with an account when
/// `account` is given. Their disability data says hearing, and an interpreter at interviews.
pub(crate) async fn registered(
    state: &AppState,
    account: Option<&Actor>,
    centre: i64,
    dni: &str,
    consents: &[ConsentKind],
) -> i64 {
    use senda::domain::{DocumentType, IdentityDocument};
    let store = state.store.as_ref();
    let personal = senda::seekers::PersonalDetails {
        full_name: "Rosa Huamán Quispe".into(),
        document: IdentityDocument::parse(DocumentType::Dni, dni).unwrap(),
        birth_date: "1994-05-17".into(),
        sex: senda::seekers::Sex::Female,
        region: Region::parse("cusco").unwrap(),
        province: "Cusco".into(),
        district: "Wanchaq".into(),
        phone: "984123456".into(),
        email: "rosa@example.pe".into(),
        channel: senda::seekers::ContactChannel::WhatsApp,
    };
    let seeker = NewSeeker {
        personal,
        account_id: account.map(|a| a.account_id),
        centre_id: Some(centre),
        education: None,
        skills: vec!["Inventarios".into()],
    };
    let by = account.map_or(RecordedBy::Counsellor, |_| RecordedBy::Themselves);
    let given = ConsentGiven { by, recorder_id: account.map_or(1, |a| a.account_id), at: 1_700_000_000 };
    let id = store.register_seeker(&seeker, consents, given).await.unwrap();
    let disability = senda::seekers::Disability {
        conadis: None,
        types: vec!["hearing".into()],
        needs_at_interview: vec!["sign_interpreter_interview".into()],
        needs_at_work: vec![],
    };
    store.save_disability(id, &disability, 1_700_000_100).await.unwrap();
    id
}

/// Person `seeker` (of account `who`) applies to `vacancy` with nothing more; the application.
async fn applies_herself(state: &AppState, seeker: i64, vacancy: i64, who: &Actor) -> i64 {
    let application = senda::applications::store::NewApplication {
        vacancy_id: vacancy,
        seeker_id: seeker,
        message: String::new(),
        needs_at_interview: vec![],
        disclose: false,
        side: senda::applications::Side::Applicant,
        by: who.account_id,
        stand_id: None,
    };
    state.store.apply(&application, senda::server::auth::now()).await.unwrap();
    state.store.seeker_applications(seeker).await.unwrap()[0].id
}

/// The files the media store keeps, by name.
fn kept_files(db: &common::TestDb) -> Vec<String> {
    let dir = uploads_dir(db).join("videos");
    std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default()
}

/// Person `seeker` applies to `vacancy` asking for an interpreter, saying (or not) the kind of
/// their disability; the application's id.
pub(crate) async fn applies_asking(state: &AppState, seeker: i64, vacancy: i64, who: &Actor, disclose: bool) -> i64 {
    let application = senda::applications::store::NewApplication {
        vacancy_id: vacancy,
        seeker_id: seeker,
        message: "Tengo experiencia en almacenes.".into(),
        needs_at_interview: vec!["sign_interpreter_interview".into()],
        disclose,
        side: senda::applications::Side::Applicant,
        by: who.account_id,
        stand_id: None,
    };
    match state.store.apply(&application, senda::server::auth::now()).await.unwrap() {
        senda::applications::store::Applied::Done(id) => id,
        other => panic!("not applied: {other:?}"),
    }
}
