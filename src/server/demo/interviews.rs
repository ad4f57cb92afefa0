//! The demo's interview templates: three in the national library (customer service, warehouse
//! operative, office assistant), written by a national team member who cannot sign in; the
//! warehouse one guides the interviews of the demo's warehouse vacancy, and the first person the
//! company called to interview there has a filled record.

use super::fairs::demo_person;
use crate::applications::ApplicationStatus;
use crate::domain::{Role, RoleGrant};
use crate::interviews::store::{Change, NewTemplate, RecordSave, StoredAnswer};
use crate::interviews::{Adjustment, Library, QuestionDraft};
use crate::server::db::prelude::*;

/// A question: plain, easy read, what a good answer shows, the four levels, what to offer.
type Question = (&'static str, &'static str, &'static str, [&'static str; 4], &'static [Adjustment]);
/// A template: its name, the skills it fits, and its sections with their questions.
type Template = (&'static str, &'static [&'static str], &'static [(&'static str, &'static [Question])]);

use Adjustment::*;

const TEMPLATES: [Template; 3] = [
    (
        "Atención al cliente",
        &["atención al cliente", "redacción clara"],
        &[
            (
                "Trato con clientes",
                &[
                    (
                        "Cuéntanos de una vez que ayudaste a alguien que no encontraba lo que buscaba.",
                        "Una persona no encuentra algo. ¿Cómo la ayudaste?",
                        "Escucha qué necesita la persona, pregunta, y la lleva a una solución.",
                        [
                            "No cuenta un caso",
                            "Cuenta un caso, sin decir qué hizo",
                            "Cuenta qué hizo para ayudar",
                            "Cuenta qué hizo y cómo supo que la persona quedó bien",
                        ],
                        &[ExtraTime, WrittenQuestions, LspInterpreter],
                    ),
                    (
                        "Un cliente está molesto porque su pedido llegó tarde. ¿Qué le dices?",
                        "Un cliente está molesto. ¿Qué le dices?",
                        "Mantiene la calma, reconoce el problema y propone qué hacer.",
                        [
                            "No sabe qué responder",
                            "Se disculpa sin proponer nada",
                            "Se disculpa y propone una solución",
                            "Propone una solución y cómo avisar al cliente",
                        ],
                        &[ExtraTime, Demonstration],
                    ),
                ],
            ),
            (
                "Comunicación escrita",
                &[(
                    "Responde por escrito a un cliente que pregunta por el horario de atención.",
                    "Escribe una respuesta corta a un cliente.",
                    "Un mensaje claro, amable y con el dato pedido.",
                    [
                        "No responde la pregunta",
                        "Responde con el dato, sin saludo",
                        "Responde claro y amable",
                        "Responde claro, amable y ofrece más ayuda",
                    ],
                    &[ExtraTime, Demonstration, SupportPerson],
                )],
            ),
        ],
    ),
    (
        "Operario u operaria de almacén",
        &["inventarios", "orden", "trabajo en equipo"],
        &[
            (
                "Orden y atención al detalle",
                &[
                    (
                        "Te muestran un estante desordenado. ¿Cómo lo ordenarías?",
                        "Mira este estante. ¿Cómo lo ordenas?",
                        "Agrupa por tipo o código, deja a mano lo que más sale y revisa al terminar.",
                        [
                            "No propone un orden",
                            "Ordena sin un criterio claro",
                            "Ordena con un criterio que explica",
                            "Ordena con criterio y revisa que esté bien",
                        ],
                        &[Demonstration, ExtraTime, WrittenQuestions],
                    ),
                    (
                        "¿Cómo te aseguras de que contaste bien las cajas que llegaron?",
                        "¿Cómo sabes que contaste bien las cajas?",
                        "Cuenta dos veces o compara con la guía de remisión, y avisa si algo no cuadra.",
                        [
                            "No revisa",
                            "Revisa a veces",
                            "Revisa con la guía",
                            "Revisa con la guía y avisa las diferencias",
                        ],
                        &[Demonstration, LspInterpreter],
                    ),
                ],
            ),
            (
                "Trabajo en equipo",
                &[(
                    "Un compañero no sabe dónde va un producto. ¿Qué haces?",
                    "Un compañero no sabe algo. ¿Qué haces?",
                    "Le explica o le muestra, sin dejar su propia tarea sin avisar.",
                    [
                        "No lo ayuda",
                        "Le dice que pregunte a otro",
                        "Le muestra dónde va",
                        "Le muestra y le enseña cómo encontrarlo la próxima vez",
                    ],
                    &[Breaks, SupportPerson, LspInterpreter],
                )],
            ),
        ],
    ),
    (
        "Asistente de oficina",
        &["ofimática", "archivo", "redacción clara"],
        &[
            (
                "Organización",
                &[(
                    "Tienes tres pedidos urgentes a la vez. ¿Cómo decides por cuál empezar?",
                    "Tienes tres tareas. ¿Cuál haces primero?",
                    "Pregunta plazos, ordena por prioridad y avisa si no llega a todo.",
                    [
                        "No sabe cómo decidir",
                        "Hace la primera que llegó",
                        "Ordena por plazo",
                        "Ordena por plazo y avisa a quien espera",
                    ],
                    &[ExtraTime, WrittenQuestions],
                )],
            ),
            (
                "Herramientas de oficina",
                &[(
                    "Muéstranos cómo guardarías un documento para que otra persona lo encuentre.",
                    "Guarda un documento. Otra persona lo tiene que encontrar.",
                    "Un nombre claro, la carpeta correcta, y avisa dónde quedó.",
                    [
                        "No lo guarda",
                        "Lo guarda sin nombre claro",
                        "Lo guarda con nombre claro en su carpeta",
                        "Además avisa a la otra persona dónde está",
                    ],
                    &[Demonstration, ExtraTime, Breaks],
                )],
            ),
        ],
    ),
];

/// Loads the templates; `warehouse` (the warehouse vacancy) follows the second, and its first
/// applicant called to interview has a record kept by `interviewer`.
pub async fn seed_interviews(store: &dyn Store, warehouse: i64, interviewer: i64, now: i64) -> DbResult<()> {
    let admin = RoleGrant { role: Role::Admin, company_id: None, centre_id: None };
    let team =
        store.create_account(&demo_person("plantillas@example.pe", "Equipo nacional de empleo", admin, now)).await?;
    let mut ids = Vec::new();
    for (name, skills, sections) in TEMPLATES {
        let skills: Vec<String> = skills.iter().map(|s| s.to_string()).collect();
        let new = NewTemplate { library: Library::National, name, skills: &skills, by: team };
        let id = store.create_template(&new, now).await?;
        for (n, (title, questions)) in (1..).zip(sections.iter()) {
            store.change_template(id, 1, &Change::AddSection { title }, team, now).await?;
            for (question, easy_read, good_answer, levels, adjustments) in questions.iter() {
                let draft = QuestionDraft {
                    question: question.to_string(),
                    easy_read: easy_read.to_string(),
                    good_answer: good_answer.to_string(),
                    levels: levels.map(String::from),
                    adjustments: adjustments.to_vec(),
                };
                store.change_template(id, 1, &Change::AddQuestion { section: n, draft: &draft }, team, now).await?;
            }
        }
        ids.push(id);
    }
    store.attach_template(warehouse, Some(ids[1]), interviewer, now).await?;
    let called = store
        .vacancy_applications(warehouse)
        .await?
        .into_iter()
        .find(|a| a.events.iter().any(|e| e.status == ApplicationStatus::Interview));
    let Some(application) = called else { return Ok(()) };
    let Some(record) = store.open_record(application.id, interviewer, now).await? else { return Ok(()) };
    let Some(version) = store.template(ids[1], None).await? else { return Ok(()) };
    let notes = [
        (3, "Agrupó por código y explicó por qué."),
        (4, "Comparó con la guía y dijo a quién avisaría."),
        (3, "Le mostró dónde va, con calma."),
    ];
    let answers: Vec<StoredAnswer> = version
        .sections
        .iter()
        .flat_map(|s| &s.questions)
        .zip(notes)
        .map(|(q, (score, note))| StoredAnswer { question_id: q.id, score: Some(score), note: note.into() })
        .collect();
    let save = RecordSave {
        record_id: record,
        answers: &answers,
        adjustments: Some(&[Demonstration, ExtraTime]),
        summary: Some("Ordenado y atento. Mostró las tareas en lugar de explicarlas, como pidió. Recomendado."),
    };
    store.save_record(&save, now).await?;
    Ok(())
}
