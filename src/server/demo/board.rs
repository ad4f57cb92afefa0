//! A demo board of as many vacancies as asked for, made from job templates, invented companies
//! and Peru's regions, so a first run (and a benchmark) has a board the size of a real
//! centre's or a whole country's. Deterministic: the same count gives the same board.

use crate::domain::{region, Region, Ruc};
use crate::organisations::NewCompany;
use crate::vacancies::{ContractType, Modality, VacancyDraft, WorkingHours};

/// The invented employers of the generated vacancies: legal name, RUC (valid, owned by no one
/// we know of), sector, region.
const COMPANIES: &[(&str, &str, &str, &str)] = &[
    ("Panificadora Misti S.A.C.", "20610000011", "Alimentos", "arequipa"),
    ("Logística Rímac S.A.", "20610000020", "Logística", "lima-metropolitana"),
    ("Clínica Santa Rosa del Cusco S.A.C.", "20610000038", "Salud", "cusco"),
    ("Agroexportadora Valle Norte S.A.C.", "20610000046", "Agroindustria", "la-libertad"),
    ("Contact Center Andino S.A.C.", "20610000054", "Servicios", "lima-metropolitana"),
    ("Ferretería El Constructor E.I.R.L.", "20610000062", "Comercio", "junin"),
    ("Hotel Plaza Chiclayo S.A.C.", "20610000071", "Turismo", "lambayeque"),
    ("Soluciones Digitales Amazonía S.A.C.", "20610000089", "Tecnología", "loreto"),
];

/// The demo employers, verified so their vacancies can be published.
pub fn companies() -> Vec<NewCompany> {
    COMPANIES
        .iter()
        .map(|(name, ruc, sector, slug)| NewCompany {
            legal_name: name.to_string(),
            ruc: Ruc::parse(ruc).expect("demo RUC is valid"),
            sector: sector.to_string(),
            region: Region::parse(slug).expect("demo data names a known region"),
            verified: true,
        })
        .collect()
}

/// One kind of job, written once in plain Spanish.
struct Template {
    title: &'static str,
    description: &'static str,
    requirements: &'static str,
    easy_read: &'static str,
    skills: &'static [&'static str],
    accommodations: &'static [&'static str],
    modality: Modality,
    hours: WorkingHours,
    /// Monthly salary range in soles; `None`: to be agreed.
    salary: Option<(i64, i64)>,
}

const TEMPLATES: &[Template] = &[
    Template {
        title: "Auxiliar de almacén",
        description:
            "Recibirás, ordenarás y despacharás mercadería.\n- Contar y etiquetar cajas\n- Registrar entradas y salidas",
        requirements: "Secundaria completa. No se necesita experiencia.",
        easy_read: "Trabajas en un almacén. Ordenas cajas. Te enseñamos todo.",
        skills: &["inventarios", "orden"],
        accommodations: &["job_coach", "written_instructions", "step_free_access"],
        modality: Modality::OnSite,
        hours: WorkingHours::FullTime,
        salary: Some((1_130, 1_400)),
    },
    Template {
        title: "Asistente administrativo",
        description: "Apoyarás al área de administración con documentos, archivo y atención de llamadas.",
        requirements: "Técnico o estudios superiores en administración. Manejo de Excel básico.",
        easy_read: "Trabajas en una oficina. Ordenas documentos. Contestas el teléfono.",
        skills: &["Excel", "archivo", "redacción"],
        accommodations: &["screen_reader_software", "adapted_workstation", "accessible_toilet"],
        modality: Modality::Hybrid,
        hours: WorkingHours::FullTime,
        salary: Some((1_500, 1_900)),
    },
    Template {
        title: "Operador de centro de llamadas",
        description: "Atenderás consultas de clientes por teléfono y chat, con guiones y apoyo del supervisor.",
        requirements: "Secundaria completa. Buena comunicación oral o escrita.",
        easy_read: "Respondes preguntas de clientes. Usas el teléfono o el chat.",
        skills: &["atención al cliente", "comunicación"],
        accommodations: &["screen_reader_software", "flexible_schedule", "quiet_workspace"],
        modality: Modality::OnSite,
        hours: WorkingHours::PartTime,
        salary: Some((1_130, 1_300)),
    },
    Template {
        title: "Asesor de atención al cliente por chat",
        description: "Responderás por chat y correo a los clientes, desde tu casa, con el equipo que te prestamos.",
        requirements: "Secundaria completa. Internet en casa. Escribir con claridad.",
        easy_read: "Trabajas desde tu casa. Respondes mensajes de clientes por computadora.",
        skills: &["redacción clara", "atención al cliente"],
        accommodations: &["remote_work", "screen_reader_software", "flexible_schedule", "written_instructions"],
        modality: Modality::Remote,
        hours: WorkingHours::Flexible,
        salary: Some((1_200, 1_500)),
    },
    Template {
        title: "Cajero o cajera de tienda",
        description: "Cobrarás las compras, entregarás comprobantes y cuadrarás la caja al final del turno.",
        requirements: "Secundaria completa. Manejo de dinero.",
        easy_read: "Trabajas en una tienda. Cobras a los clientes. Cuentas el dinero.",
        skills: &["caja", "atención al cliente"],
        accommodations: &["adapted_workstation", "step_free_access", "sign_interpreter_interview"],
        modality: Modality::OnSite,
        hours: WorkingHours::FullTime,
        salary: Some((1_130, 1_250)),
    },
    Template {
        title: "Digitador o digitadora de datos",
        description: "Ingresarás al sistema los datos de formularios y revisarás que estén completos.",
        requirements: "Secundaria completa. Escribir en computadora con rapidez.",
        easy_read: "Escribes datos en la computadora. Revisas que estén bien.",
        skills: &["digitación", "Excel"],
        accommodations: &["screen_reader_software", "remote_work", "quiet_workspace", "flexible_schedule"],
        modality: Modality::Remote,
        hours: WorkingHours::PartTime,
        salary: Some((1_000, 1_200)),
    },
    Template {
        title: "Ayudante de cocina",
        description: "Prepararás ingredientes, lavarás utensilios y mantendrás la cocina limpia y ordenada.",
        requirements: "Ganas de aprender. Carné de sanidad o disposición para tramitarlo.",
        easy_read: "Trabajas en una cocina. Cortas verduras. Lavas ollas. Una persona te acompaña al empezar.",
        skills: &["higiene", "trabajo en equipo"],
        accommodations: &["job_coach", "easy_read_materials", "written_instructions"],
        modality: Modality::OnSite,
        hours: WorkingHours::FullTime,
        salary: Some((1_130, 1_300)),
    },
    Template {
        title: "Panadero o panadera",
        description: "Elaborarás pan y pasteles en el turno de madrugada, siguiendo las recetas de la casa.",
        requirements: "Experiencia de seis meses en panadería, o ganas de aprender.",
        easy_read: "Haces pan. Trabajas de madrugada. Sigues recetas con dibujos.",
        skills: &["panadería", "higiene"],
        accommodations: &["easy_read_materials", "sign_interpreter_work", "written_instructions"],
        modality: Modality::OnSite,
        hours: WorkingHours::FullTime,
        salary: None,
    },
    Template {
        title: "Recepcionista de hotel",
        description: "Recibirás a los huéspedes, harás el registro de entrada y salida y resolverás sus consultas.",
        requirements: "Estudios técnicos en turismo u hotelería. Inglés básico.",
        easy_read: "Trabajas en un hotel. Recibes a las personas. Les das la llave.",
        skills: &["inglés básico", "atención al cliente"],
        accommodations: &["step_free_access", "accessible_toilet", "adapted_workstation"],
        modality: Modality::OnSite,
        hours: WorkingHours::FullTime,
        salary: Some((1_300, 1_600)),
    },
    Template {
        title: "Técnico de soporte informático",
        description: "Instalarás equipos y programas, y ayudarás al personal con problemas de computadoras.",
        requirements: "Técnico en computación e informática. Conocimiento de redes.",
        easy_read: "Arreglas computadoras. Ayudas a las personas con sus programas.",
        skills: &["redes", "Windows", "Linux"],
        accommodations: &["screen_reader_software", "sign_interpreter_interview", "flexible_schedule"],
        modality: Modality::Hybrid,
        hours: WorkingHours::FullTime,
        salary: Some((2_000, 2_800)),
    },
    Template {
        title: "Programador web junior",
        description: "Desarrollarás páginas y servicios web accesibles con el equipo de producto.",
        requirements: "Estudios en desarrollo de software. HTML, CSS y un lenguaje de programación.",
        easy_read: "Haces páginas web. Trabajas desde tu casa con un equipo.",
        skills: &["HTML", "CSS", "JavaScript", "accesibilidad web"],
        accommodations: &["remote_work", "screen_reader_software", "flexible_schedule", "quiet_workspace"],
        modality: Modality::Remote,
        hours: WorkingHours::FullTime,
        salary: Some((2_500, 3_500)),
    },
    Template {
        title: "Auxiliar contable",
        description: "Registrarás facturas, prepararás conciliaciones bancarias y apoyarás el cierre mensual.",
        requirements: "Técnico o bachiller en contabilidad. Excel intermedio.",
        easy_read: "Trabajas con facturas y números. Usas la computadora.",
        skills: &["contabilidad", "Excel", "facturación"],
        accommodations: &["screen_reader_software", "adapted_workstation", "remote_work"],
        modality: Modality::Hybrid,
        hours: WorkingHours::FullTime,
        salary: Some((1_600, 2_200)),
    },
    Template {
        title: "Operario de producción",
        description: "Operarás máquinas de envasado y revisarás la calidad de los productos en la línea.",
        requirements: "Secundaria completa. Disponibilidad para turnos rotativos.",
        easy_read: "Trabajas en una fábrica. Usas una máquina. Revisas los productos.",
        skills: &["control de calidad", "seguridad industrial"],
        accommodations: &["sign_interpreter_work", "written_instructions", "job_coach"],
        modality: Modality::OnSite,
        hours: WorkingHours::FullTime,
        salary: Some((1_200, 1_500)),
    },
    Template {
        title: "Empacador o empacadora",
        description: "Empacarás productos de exportación y armarás cajas según el pedido.",
        requirements: "No se pide experiencia. Te capacitamos.",
        easy_read: "Pones frutas en cajas. Armas cajas. Te enseñamos todo.",
        skills: &["empaque", "orden"],
        accommodations: &["job_coach", "easy_read_materials", "quiet_workspace", "sign_interpreter_interview"],
        modality: Modality::OnSite,
        hours: WorkingHours::PartTime,
        salary: Some((1_025, 1_200)),
    },
    Template {
        title: "Asistente de recursos humanos",
        description: "Apoyarás en la selección de personal, el registro de asistencia y la planilla.",
        requirements: "Estudios en administración o psicología. Reserva con la información.",
        easy_read: "Ayudas a contratar personas. Ordenas sus datos.",
        skills: &["selección de personal", "planillas"],
        accommodations: &["screen_reader_software", "flexible_schedule", "accessible_toilet"],
        modality: Modality::Hybrid,
        hours: WorkingHours::FullTime,
        salary: Some((1_700, 2_300)),
    },
    Template {
        title: "Técnico o técnica en enfermería",
        description: "Apoyarás al equipo de enfermería en la atención de pacientes hospitalizados.",
        requirements: "Título de técnico en enfermería. Colegiatura o trámite en curso.",
        easy_read: "Trabajas en una clínica. Ayudas a cuidar a las personas enfermas.",
        skills: &["primeros auxilios", "atención al paciente"],
        accommodations: &["step_free_access", "accessible_toilet", "sign_interpreter_interview"],
        modality: Modality::OnSite,
        hours: WorkingHours::FullTime,
        salary: Some((1_500, 1_800)),
    },
    Template {
        title: "Diseñador o diseñadora gráfica",
        description: "Crearás piezas para redes sociales y material impreso de la empresa.",
        requirements: "Estudios en diseño gráfico. Portafolio de trabajos.",
        easy_read: "Haces dibujos y carteles en la computadora.",
        skills: &["diseño gráfico", "Illustrator", "fotografía"],
        accommodations: &["remote_work", "flexible_schedule", "sign_interpreter_work"],
        modality: Modality::Remote,
        hours: WorkingHours::PartTime,
        salary: None,
    },
    Template {
        title: "Vendedor o vendedora de ferretería",
        description: "Asesorarás a los clientes en la compra de herramientas y materiales de construcción.",
        requirements: "Secundaria completa. Experiencia en ventas es un plus.",
        easy_read: "Trabajas en una tienda de herramientas. Ayudas a los clientes a elegir.",
        skills: &["ventas", "atención al cliente"],
        accommodations: &["step_free_access", "written_instructions", "adapted_workstation"],
        modality: Modality::OnSite,
        hours: WorkingHours::FullTime,
        salary: Some((1_130, 1_600)),
    },
];

/// A few districts of each region's capital, for places that read like real ones.
fn district(region_slug: &str, n: usize) -> &'static str {
    let districts: &[&str] = match region_slug {
        "lima-metropolitana" => &["Cercado de Lima", "San Juan de Lurigancho", "Ate", "Miraflores", "Los Olivos"],
        "arequipa" => &["Cerro Colorado", "Cayma", "José Luis Bustamante y Rivero"],
        "cusco" => &["Wanchaq", "Santiago", "San Sebastián"],
        "la-libertad" => &["Trujillo", "Víctor Larco Herrera", "La Esperanza"],
        "junin" => &["Huancayo", "El Tambo", "Chilca"],
        "lambayeque" => &["Chiclayo", "José Leonardo Ortiz", "La Victoria"],
        "loreto" => &["Iquitos", "Punchana", "Belén"],
        "piura" => &["Piura", "Castilla", "Veintiséis de Octubre"],
        _ => &[""],
    };
    districts[n % districts.len()]
}

const CONTRACTS: [ContractType; 4] =
    [ContractType::FixedTerm, ContractType::Indefinite, ContractType::FixedTerm, ContractType::Internship];

/// `count` published vacancies of `company_ids` (in [`COMPANIES`]' order) for `centre_id`,
/// each with when it was published: spread over the 45 days before `now`, newest last, and
/// closing 30 to 89 days after publication, at the end of a Lima day.
pub fn vacancies(company_ids: &[i64], centre_id: i64, count: usize, now: i64) -> Vec<(VacancyDraft, i64)> {
    const DAY: i64 = 86_400;
    let span = 45 * DAY;
    (0..count)
        .map(|n| {
            // A fixed scramble of `n`, so neighbours differ in every field.
            let mix = (n as u64).wrapping_mul(2_654_435_761).rotate_left(13) as usize;
            let template = &TEMPLATES[n % TEMPLATES.len()];
            let company = (n / TEMPLATES.len() + mix) % company_ids.len().max(1);
            let region_slug = if mix % 3 == 0 {
                region::ALL[mix % region::ALL.len()].slug()
            } else {
                COMPANIES[company % COMPANIES.len()].3
            };
            let region = Region::parse(region_slug).expect("a known region");
            let published_at = now - span + (span * n as i64) / count.max(1) as i64;
            // Counted in days from today's, and never closing today: which ones are still
            // open depends on the date alone, not on the hour the site started (the page
            // images count them).
            let today = now.div_euclid(DAY);
            let published_day = today - 45 + (45 * n as i64) / count.max(1) as i64;
            let closes_day = published_day + 30 + (mix % 60) as i64;
            let closes_day = if closes_day == today { today + 1 } else { closes_day };
            let closes_at = closes_day * DAY + 5 * 3600;
            let modality = if template.modality == Modality::OnSite && mix % 7 == 0 {
                Modality::Hybrid
            } else {
                template.modality
            };
            let draft = VacancyDraft {
                company_id: company_ids.get(company).copied().unwrap_or_default(),
                centre_id,
                title: template.title.to_string(),
                region: region_slug.to_string(),
                province: region.name().to_string(),
                district: if modality == Modality::Remote {
                    String::new()
                } else {
                    district(region_slug, mix).to_string()
                },
                modality,
                contract: CONTRACTS[mix % CONTRACTS.len()],
                hours: template.hours,
                salary: template.salary.map(|(min, max)| {
                    let raise = (mix % 5) as i64 * 50;
                    (min + raise, max + raise)
                }),
                openings: 1 + (mix % 4) as i64,
                description: template.description.to_string(),
                requirements: template.requirements.to_string(),
                easy_read: template.easy_read.to_string(),
                workplace_access: String::new(),
                interview:
                    "Puedes pedir intérprete de lengua de señas peruana, las preguntas por escrito o más tiempo."
                        .to_string(),
                accommodations: template.accommodations.iter().map(|c| c.to_string()).collect(),
                skills: template.skills.iter().map(|s| s.to_string()).collect(),
                closes_at,
            };
            (draft, published_at)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_vacancies_are_open_depends_on_the_day_not_the_hour() {
        let open = |now: i64| -> Vec<usize> {
            let board = vacancies(&[1, 2, 3], 1, 300, now);
            board.iter().enumerate().filter(|(_, (d, _))| d.closes_at > now).map(|(n, _)| n).collect()
        };
        let day_start = 1_800_000_000 / 86_400 * 86_400;
        let first = open(day_start + 60);
        assert!(first.len() > 100 && first.len() < 300, "some open, some closed: {}", first.len());
        for hour in 1..24 {
            assert_eq!(open(day_start + hour * 3600 + 60), first, "at hour {hour}");
        }
    }

    #[test]
    fn the_board_is_varied_valid_and_the_same_every_time() {
        let board = vacancies(&[1, 2, 3, 4, 5, 6, 7, 8], 1, 300, 1_800_000_000);
        assert_eq!(board, vacancies(&[1, 2, 3, 4, 5, 6, 7, 8], 1, 300, 1_800_000_000));
        assert_eq!(companies().len(), COMPANIES.len());
        let regions: std::collections::HashSet<_> = board.iter().map(|(d, _)| d.region.clone()).collect();
        assert!(regions.len() > 10, "many regions: {}", regions.len());
        let companies: std::collections::HashSet<_> = board.iter().map(|(d, _)| d.company_id).collect();
        assert_eq!(companies.len(), 8);
        for (draft, published_at) in &board {
            assert!(*published_at < draft.closes_at && *published_at <= 1_800_000_000);
            assert!(draft.salary.is_none_or(|(min, max)| min <= max));
            assert!(Region::parse(&draft.region).is_some());
        }
        assert!(board.windows(2).all(|w| w[0].1 <= w[1].1), "oldest first");
    }
}
