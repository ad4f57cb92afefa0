//! Demo records for an empty database, so a first run shows a working board. Realistic but
//! invented: the RUC has a valid check digit and belongs to no company we know of.

pub mod board;
pub mod fairs;
pub mod interviews;
pub mod past_fair;

use crate::domain::{Region, Ruc};
use crate::organisations::{NewCentre, NewCompany};
use crate::server::db::prelude::*;
use crate::vacancies::{ContractType, Modality, VacancyDraft, VacancyStatus, WorkingHours};

fn region(slug: &str) -> Region {
    Region::parse(slug).expect("demo data names a known region")
}

fn centres() -> Vec<NewCentre> {
    vec![NewCentre {
        name: "Centro de Empleo Lima Metropolitana".into(),
        region: region("lima-metropolitana"),
        address: "Av. Salaverry 655, Jesús María, Lima".into(),
        phone: "(01) 630-6000".into(),
        email: "centrodeempleo.lima@example.pe".into(),
    }]
}

fn companies() -> Vec<NewCompany> {
    vec![NewCompany {
        legal_name: "Textiles Andinos S.A.C.".into(),
        ruc: Ruc::parse("20601234565").expect("demo RUC is valid"),
        sector: "Industria textil".into(),
        region: region("arequipa"),
        verified: true,
    }]
}

/// Published vacancies of the demo company, each offering accommodations, as a seeker
/// would find them: one on site, one remote, one part-time with a job coach.
fn vacancies(company_id: i64, centre_id: i64, now: i64) -> Vec<VacancyDraft> {
    let base = VacancyDraft {
        company_id,
        centre_id,
        title: String::new(),
        region: "arequipa".into(),
        province: "Arequipa".into(),
        district: "Cerro Colorado".into(),
        modality: Modality::OnSite,
        contract: ContractType::FixedTerm,
        hours: WorkingHours::FullTime,
        salary: None,
        openings: 1,
        description: String::new(),
        requirements: String::new(),
        easy_read: String::new(),
        workplace_access: String::new(),
        interview: String::new(),
        accommodations: Vec::new(),
        skills: Vec::new(),
        // Sixty days ahead, at the end of a Lima day.
        closes_at: (now + 60 * 86_400) / 86_400 * 86_400 + 5 * 3600,
    };
    let codes = |codes: &[&str]| codes.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    vec![
        VacancyDraft {
            title: "Operario o operaria de control de calidad textil".into(),
            salary: Some((1_300, 1_600)),
            openings: 3,
            description: "Revisarás prendas terminadas en la planta de Cerro Colorado antes de su despacho.\n\n\
                          - Revisar costuras, tallas y etiquetas\n- Separar las prendas con fallas\n\
                          - Anotar lo revisado en una tablet"
                .into(),
            requirements: "Secundaria completa. No se necesita experiencia: te capacitamos durante dos semanas.".into(),
            easy_read: "Trabajas en una fábrica de ropa. Miras si la ropa está bien hecha. \
                        Separas la ropa con fallas. Te enseñamos todo."
                .into(),
            workplace_access: "Planta en un solo piso, con rampa en la entrada y baño accesible. Buena luz \
                               en todas las mesas de trabajo."
                .into(),
            interview: "Presencial, en la planta. Dura media hora. Puedes pedir intérprete de lengua de \
                        señas peruana o las preguntas por escrito."
                .into(),
            accommodations: codes(&[
                "sign_interpreter_interview",
                "step_free_access",
                "accessible_toilet",
                "written_instructions",
            ]),
            skills: codes(&["atención al detalle", "trabajo en equipo"]),
            ..base.clone()
        },
        VacancyDraft {
            title: "Asistente de atención al cliente por chat".into(),
            modality: Modality::Remote,
            contract: ContractType::Indefinite,
            salary: Some((1_400, 1_400)),
            district: String::new(),
            description: "Responderás por chat y correo las consultas de las tiendas que compran nuestras telas."
                .into(),
            requirements: "Secundaria completa. Manejo básico de computadora. Conexión a internet en casa.".into(),
            easy_read: "Trabajas desde tu casa. Respondes mensajes de clientes por computadora. \
                        La empresa te da el programa."
                .into(),
            interview: "Por videollamada con subtítulos, o por chat si lo prefieres.".into(),
            accommodations: codes(&["remote_work", "screen_reader_software", "flexible_schedule"]),
            skills: codes(&["redacción clara", "atención al cliente"]),
            ..base.clone()
        },
        VacancyDraft {
            title: "Ayudante de almacén con empleo con apoyo".into(),
            hours: WorkingHours::PartTime,
            salary: None,
            openings: 2,
            description: "Ordenarás rollos de tela y cajas en el almacén, de lunes a viernes por la mañana.".into(),
            requirements: "Ganas de aprender. No se pide experiencia.".into(),
            easy_read: "Trabajas en un almacén. Ordenas cajas. Trabajas cuatro horas en la mañana. \
                        Una persona te acompaña al empezar."
                .into(),
            workplace_access: "Espacio tranquilo, con instrucciones con dibujos en cada estante.".into(),
            accommodations: codes(&["job_coach", "quiet_workspace", "easy_read_materials"]),
            ..base
        },
    ]
}

/// Loads the demo records if the database holds no organisations yet.
pub async fn seed(store: &dyn Store) -> DbResult<bool> {
    if !store.seed_if_empty(&centres(), &companies()).await? {
        return Ok(false);
    }
    let (centres, companies) = (store.list_centres().await?, store.list_companies().await?);
    let (Some(centre), Some(company)) = (centres.first(), companies.first()) else { return Ok(true) };
    let now = crate::server::auth::now();
    let mut published = Vec::new();
    for draft in vacancies(company.id, centre.id, now) {
        let id = store.create_vacancy(&draft, None, now).await?;
        store.move_vacancy(id, &[VacancyStatus::Draft], VacancyStatus::Published, None, "", now).await?;
        published.push(id);
    }
    // The vacancies first: people applied to them from the past fair's stand.
    let people = fairs::seed_fair(store, centre.id, company.id, now).await?;
    past_fair::seed_past_fair(store, centre.id, company.id, people, now).await?;
    // Then the templates: the warehouse vacancy's interviews (the last one) follow one.
    if let Some(&warehouse) = published.last() {
        interviews::seed_interviews(store, warehouse, people.1, now).await?;
    }
    Ok(true)
}

/// Adds the generated demo board: its companies and `count` published vacancies for the first
/// centre, imported a few thousand per transaction. Returns how many vacancies it added.
pub async fn seed_board(store: &dyn Store, count: usize) -> DbResult<u64> {
    let Some(centre) = store.list_centres().await?.into_iter().next() else { return Ok(0) };
    if count == 0 {
        return Ok(0);
    }
    let mut company_ids = Vec::new();
    for company in board::companies() {
        company_ids.push(store.insert_company(&company).await?);
    }
    let mut added = 0;
    for chunk in board::vacancies(&company_ids, centre.id, count, crate::server::auth::now()).chunks(2_000) {
        added += store.import_vacancies(chunk).await?;
    }
    store.refresh_statistics().await?;
    Ok(added)
}
