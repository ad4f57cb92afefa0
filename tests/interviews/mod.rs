//! Interview templates through the real router, without JavaScript: a counsellor builds one
//! for her centre section by section; wording that asks about a diagnosis, a change made from
//! a version since changed and a full template are refused on the field with what was typed
//! kept; an employer of a verified company reads it, copies it into the company and adapts the
//! copy; once an interview used it, a change makes a new version and the old one stays
//! readable. Who may read and write each library, walked with real records.

mod records;

use crate::common;
use axum::http::StatusCode;
use common::web::*;
use common::web::{page_as as page, post_as as post};
use senda::accounts::{Role, RoleGrant};
use senda::domain::{Region, Ruc};
use senda::organisations::NewCompany;

struct People {
    counsellor: String,
    employer: String,
    other_employer: String,
    seeker: String,
    centre: i64,
    company: i64,
}

async fn people(state: &senda::server::state::AppState) -> People {
    let store = state.store.as_ref();
    let centre = store.list_centres().await.unwrap()[0].id;
    let company = |name: &str, ruc: &str| NewCompany {
        legal_name: name.into(),
        ruc: Ruc::parse(ruc).unwrap(),
        sector: "Comercio".into(),
        region: Region::parse("cusco").unwrap(),
        verified: true,
    };
    let ours = store.insert_company(&company("Tiendas Andinas S.A.C.", "20556677884")).await.unwrap();
    let theirs = store.insert_company(&company("Otra Empresa S.A.C.", "20100987652")).await.unwrap();
    let grant = |role, centre_id, company_id| RoleGrant { role, centre_id, company_id };
    let counsellor = person(state, "consejera@cusco.pe", grant(Role::Counsellor, Some(centre), None)).await;
    let employer = person(state, "rrhh@tiendas.pe", grant(Role::Employer, None, Some(ours))).await;
    let other = person(state, "rrhh@otra.pe", grant(Role::Employer, None, Some(theirs))).await;
    let seeker = person(state, "rosa@example.pe", grant(Role::Seeker, None, None)).await;
    People {
        counsellor: session_cookie_for(state, &counsellor).await,
        employer: session_cookie_for(state, &employer).await,
        other_employer: session_cookie_for(state, &other).await,
        seeker: session_cookie_for(state, &seeker).await,
        centre,
        company: ours,
    }
}

/// The template a redirect opened, from its address.
fn opened(reply: &Reply) -> i64 {
    let at = location(reply);
    let id = at.split("id=").nth(1).and_then(|rest| rest.split('&').next()).unwrap_or_else(|| panic!("{at}"));
    id.parse().unwrap()
}

fn question_form<'a>(id: &'a str, version: &'a str, question: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("id", id),
        ("version", version),
        ("seccion", "1"),
        ("question", question),
        ("easy_read", "Un cliente no entiende. ¿Qué haces?"),
        ("good_answer", "Busca otra forma de explicar."),
        ("level_1", "No da ejemplo"),
        ("level_2", "Un ejemplo vago"),
        ("level_3", "Un ejemplo claro"),
        ("level_4", "Varios ejemplos claros"),
        ("adjustment", "extra_time"),
        ("adjustment", "demonstration"),
    ]
}

#[tokio::test]
async fn a_counsellor_builds_a_template_and_an_employer_copies_it_to_adapt() {
    let (app, state, db) = app_with_state().await;
    let p = people(&state).await;

    // The library, and a new template in the counsellor's centre: nothing typed is lost.
    let library = page(&app, "/entrevistas", &p.counsellor).await;
    assert_eq!(library.status, StatusCode::OK);
    assert!(library.body.contains("Crear una plantilla"));
    let form = page(&app, "/entrevistas/nueva", &p.counsellor).await.body;
    assert!(form.contains(&format!(r#"value="centre-{}""#, p.centre)), "her centre's library, the only one");
    let empty = post(
        &app,
        "/entrevistas/nueva",
        &[("library", &format!("centre-{}", p.centre)), ("name", ""), ("skills", "caja")],
        &p.counsellor,
    )
    .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.body.contains("Escribe el nombre de la plantilla") && empty.body.contains(r#"value="caja""#));
    let library_code = format!("centre-{}", p.centre);
    let made = post(
        &app,
        "/entrevistas/nueva",
        &[("library", &library_code), ("name", "Atención al cliente"), ("skills", "atención al cliente, caja")],
        &p.counsellor,
    )
    .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let id = opened(&made);
    assert_eq!(location(&made), format!("/entrevistas/plantilla?id={id}&aviso=plantilla-creada"));
    let key = id.to_string();

    // Two sections, then a question: one asking about a diagnosis is refused on its field.
    for title in ["Atención al detalle", "Trabajo en equipo"] {
        let added = post(
            &app,
            "/entrevistas/plantilla/seccion",
            &[("id", &key), ("version", "1"), ("title", title)],
            &p.counsellor,
        )
        .await;
        assert_eq!(location(&added), format!("/entrevistas/plantilla?id={id}&aviso=plantilla-guardada"));
    }
    let asked = post(
        &app,
        "/entrevistas/plantilla/pregunta",
        &question_form(&key, "1", "¿Cuál es su diagnóstico?"),
        &p.counsellor,
    )
    .await;
    assert_eq!(asked.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(asked.body.contains("su diagnóstico") && asked.body.contains("Busca otra forma de explicar."));
    let mut tampered = question_form(&key, "1", "¿Cómo revisas un pedido?");
    tampered.push(("adjustment", "mind_reading"));
    assert!(post(&app, "/entrevistas/plantilla/pregunta", &tampered, &p.counsellor)
        .await
        .body
        .contains("Elige los ajustes de la lista"));
    let question = "¿Cómo revisas que un pedido esté completo?";
    let saved = post(&app, "/entrevistas/plantilla/pregunta", &question_form(&key, "1", question), &p.counsellor).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let shown = page(&app, &format!("/entrevistas/plantilla?id={id}"), &p.counsellor).await.body;
    assert!(shown.contains(question) && shown.contains("Más tiempo") && shown.contains("Nivel 4"));
    assert!(shown.contains("Trabajo en equipo") && shown.contains("atención al cliente, caja"));
    assert!(!shown.contains("diagnóstico"), "nothing of the refused question");

    // A form made from a version that is no longer current changes nothing, keeping the typing.
    let stale = post(
        &app,
        "/entrevistas/plantilla/seccion",
        &[("id", &key), ("version", "7"), ("title", "Otra")],
        &p.counsellor,
    )
    .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(stale.body.contains("ahora va por la versión 1") && stale.body.contains(r#"value="Otra""#));
    let gone = post(
        &app,
        "/entrevistas/plantilla/seccion",
        &[("id", &key), ("version", "1"), ("seccion", "9"), ("title", "X")],
        &p.counsellor,
    )
    .await;
    assert_eq!(gone.status, StatusCode::CONFLICT);

    // The employer reads it (a centre's library is shared) but does not write it; a job seeker
    // reads no template.
    assert_eq!(page(&app, &format!("/entrevistas/plantilla?id={id}"), &p.employer).await.status, StatusCode::OK);
    let refused =
        post(&app, "/entrevistas/plantilla/seccion", &[("id", &key), ("version", "1"), ("title", "Mía")], &p.employer)
            .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(page(&app, &format!("/entrevistas/plantilla?id={id}"), &p.seeker).await.status, StatusCode::FORBIDDEN);
    let by_seeker = post(&app, "/entrevistas/nueva", &[("library", "national"), ("name", "X")], &p.seeker).await;
    assert_eq!(by_seeker.status, StatusCode::FORBIDDEN);
    let national = post(&app, "/entrevistas/nueva", &[("library", "national"), ("name", "X")], &p.counsellor).await;
    assert_eq!(national.status, StatusCode::FORBIDDEN, "the national library is the admins'");

    // Copy and adapt: into the company, saying where it came from; the original stays.
    let into = format!("company-{}", p.company);
    let copied =
        post(&app, "/entrevistas/plantilla/copiar", &[("id", &key), ("version", "1"), ("into", &into)], &p.employer)
            .await;
    assert_eq!(copied.status, StatusCode::SEE_OTHER, "{}", copied.body);
    let copy = opened(&copied);
    let copy_key = copy.to_string();
    let copy_page = page(&app, &format!("/entrevistas/plantilla?id={copy}"), &p.employer).await.body;
    assert!(copy_page.contains("Copiada de «Atención al cliente»") && copy_page.contains(question));
    let renamed = post(
        &app,
        "/entrevistas/plantilla/seccion",
        &[("id", &copy_key), ("version", "1"), ("seccion", "1"), ("title", "Revisar pedidos")],
        &p.employer,
    )
    .await;
    assert_eq!(renamed.status, StatusCode::SEE_OTHER);
    assert!(page(&app, &format!("/entrevistas/plantilla?id={id}"), &p.counsellor)
        .await
        .body
        .contains("Atención al detalle"));
    // A company's templates stay with it.
    for cookie in [&p.other_employer, &p.counsellor] {
        assert_eq!(
            page(&app, &format!("/entrevistas/plantilla?id={copy}"), cookie).await.status,
            StatusCode::NOT_FOUND
        );
        let tried = post(
            &app,
            "/entrevistas/plantilla/seccion",
            &[("id", &copy_key), ("version", "1"), ("title", "X")],
            cookie,
        )
        .await;
        assert_eq!(tried.status, StatusCode::NOT_FOUND);
    }
    let out = format!("centre-{}", p.centre);
    let leaving = post(
        &app,
        "/entrevistas/plantilla/copiar",
        &[("id", &copy_key), ("version", "1"), ("into", &out)],
        &p.employer,
    )
    .await;
    assert_eq!(leaving.status, StatusCode::FORBIDDEN);
    let other_library = page(&app, "/entrevistas", &p.other_employer).await.body;
    assert!(other_library.contains("Atención al detalle") || other_library.contains("Atención al cliente"));
    assert!(!other_library.contains("Tiendas Andinas"), "another company's shelf is not shown");
    db.cleanup().await;
}

#[tokio::test]
async fn once_an_interview_used_a_version_a_change_makes_the_next_and_the_old_stays_readable() {
    use senda::applications::store::Applied;
    let (app, state, db) = app_with_state().await;
    let p = people(&state).await;
    let store = state.store.as_ref();
    // A demo company with an open vacancy, and an employer of it.
    let mut open = None;
    for company in store.list_companies().await.unwrap().into_iter().filter(|c| c.verified) {
        let vacancies = store.company_vacancies(company.id).await.unwrap();
        let published = |v: &&senda::vacancies::VacancySummary| {
            v.status == senda::vacancies::VacancyStatus::Published && v.closes_at > senda::server::auth::now()
        };
        if let Some(vacancy) = vacancies.iter().find(published) {
            open = Some((company.id, vacancy.id));
            break;
        }
    }
    let (company, vacancy) = open.expect("a demo company with an open vacancy");
    let grant = RoleGrant { role: Role::Employer, company_id: Some(company), centre_id: None };
    let lucia = person(&state, "lucia@demo.pe", grant).await;
    let employer = session_cookie_for(&state, &lucia).await;
    let made = post(
        &app,
        "/entrevistas/nueva",
        &[("library", &format!("company-{company}")), ("name", "Almacén"), ("skills", "almacén")],
        &employer,
    )
    .await;
    let id = opened(&made);
    let key = id.to_string();
    post(&app, "/entrevistas/plantilla/seccion", &[("id", &key), ("version", "1"), ("title", "Orden")], &employer)
        .await;

    // An application to the vacancy, interviewed with the template.
    let seeker = crate::applications::registered(
        &state,
        None,
        p.centre,
        "45678912",
        &[senda::seekers::consent::ConsentKind::Register, senda::seekers::consent::ConsentKind::ShareWithEmployers],
    )
    .await;
    let application = senda::applications::store::NewApplication {
        vacancy_id: vacancy,
        seeker_id: seeker,
        message: String::new(),
        needs_at_interview: vec![],
        disclose: false,
        side: senda::applications::Side::Counsellor,
        by: lucia.account_id,
        stand_id: None,
    };
    let Applied::Done(application) = store.apply(&application, 1).await.unwrap() else { panic!("applied") };
    assert!(store.attach_template(vacancy, Some(id), lucia.account_id, 1).await.unwrap());
    store.open_record(application, lucia.account_id, 2).await.unwrap().expect("opened");

    let changed =
        post(&app, "/entrevistas/plantilla/seccion", &[("id", &key), ("version", "1"), ("title", "Nueva")], &employer)
            .await;
    assert_eq!(location(&changed), format!("/entrevistas/plantilla?id={id}&aviso=plantilla-nueva-version"));
    let current = page(&app, &format!("/entrevistas/plantilla?id={id}"), &employer).await.body;
    assert!(current.contains("versión 2") && current.contains(">Nueva<") && current.contains("Versiones"), "{current}");
    let old = page(&app, &format!("/entrevistas/plantilla?id={id}&version=1"), &employer).await.body;
    assert!(old.contains("Esta es una versión anterior; la vigente es la 2.") && !old.contains(">Nueva<"));
    assert!(!old.contains("Cambiar el título"), "an old version is read, not changed");
    let in_place =
        post(&app, "/entrevistas/plantilla/seccion", &[("id", &key), ("version", "1"), ("title", "Vieja")], &employer)
            .await;
    assert_eq!(in_place.status, StatusCode::CONFLICT, "version 1 is not edited in place");
    db.cleanup().await;
}

/// A template of the national library with a section of one question.
pub(crate) async fn national_template(state: &senda::server::state::AppState, admin: i64) -> i64 {
    use senda::interviews::store::{Change, NewTemplate};
    use senda::interviews::{Adjustment, Library, QuestionDraft};
    let store = state.store.as_ref();
    let skills = ["atención al cliente".to_string()];
    let new = NewTemplate { library: Library::National, name: "Atención al cliente", skills: &skills, by: admin };
    let id = store.create_template(&new, 1).await.unwrap();
    let draft = QuestionDraft {
        question: "¿Cómo atiendes a un cliente molesto?".into(),
        easy_read: "Un cliente está molesto. ¿Qué haces?".into(),
        good_answer: "Escucha y propone una solución.".into(),
        levels: ["No responde", "Responde en general", "Da un ejemplo", "Da varios ejemplos"].map(String::from),
        adjustments: vec![Adjustment::ExtraTime],
    };
    for change in
        [Change::AddSection { title: "Trato con clientes" }, Change::AddQuestion { section: 1, draft: &draft }]
    {
        store.change_template(id, 1, &change, admin, 2).await.unwrap();
    }
    id
}
