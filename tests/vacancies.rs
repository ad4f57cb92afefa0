//! Journey J3 through the real router, as browsers without JavaScript drive it: an employer
//! drafts and submits, a counsellor returns it with a comment, the employer fixes it, the
//! counsellor publishes, anyone reads it, the employer closes it. Every refusal is checked
//! on the server against the stored vacancy.

mod common;

use axum::body::Body;
use axum::http::{header, StatusCode};
use common::web::*;
use senda::accounts::{Role, RoleGrant};
use senda::domain::lima_time::lima_date;
use senda::domain::{Region, Ruc};
use senda::organisations::NewCompany;
use senda::server::auth::now;
use senda::server::state::AppState;
use senda::vacancies::VacancyStatus;

struct People {
    centre: i64,
    company: i64,
    unverified_company: i64,
    employer: String,
    other_employer: String,
    unverified_employer: String,
    counsellor: String,
    seeker: String,
}

async fn cookie_for(state: &AppState, email: &str, role: RoleGrant) -> String {
    session_cookie_for(state, &person(state, email, role).await).await
}

async fn people(state: &AppState) -> People {
    let store = state.store.as_ref();
    let new_company = |name: &str, ruc: &str, verified: bool| NewCompany {
        legal_name: name.into(),
        ruc: Ruc::parse(ruc).unwrap(),
        sector: "Logística".into(),
        region: Region::parse("cusco").unwrap(),
        verified,
    };
    let company = store.insert_company(&new_company("Almacenes Andinos S.A.C.", "20556677884", true)).await.unwrap();
    let other = store.insert_company(&new_company("Otra Empresa S.A.C.", "20100987652", true)).await.unwrap();
    let unverified = store.insert_company(&new_company("Nueva Empresa S.A.C.", "20601122333", false)).await.unwrap();
    let centre = store.list_centres().await.unwrap()[0].id;
    let employer = |company_id| RoleGrant { role: Role::Employer, company_id: Some(company_id), centre_id: None };
    People {
        centre,
        company,
        unverified_company: unverified,
        employer: cookie_for(state, "carmen@andinos.pe", employer(company)).await,
        other_employer: cookie_for(state, "otro@otra.pe", employer(other)).await,
        unverified_employer: cookie_for(state, "nadia@nueva.pe", employer(unverified)).await,
        counsellor: cookie_for(
            state,
            "consejera@centro.pe",
            RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre) },
        )
        .await,
        seeker: cookie_for(
            state,
            "rosa@example.pe",
            RoleGrant { role: Role::Seeker, company_id: None, centre_id: None },
        )
        .await,
    }
}

/// A complete vacancy form for `company`, with `changes` replacing or adding fields.
fn vacancy_form(company: i64, centre: i64, changes: &[(&str, &str)]) -> String {
    let closes_on = lima_date(now() + 30 * 86_400);
    let mut fields: Vec<(String, String)> = [
        ("company", company.to_string()),
        ("centre", centre.to_string()),
        ("title", "Auxiliar de almacén".into()),
        ("region", "cusco".into()),
        ("province", "Cusco".into()),
        ("district", "Wanchaq".into()),
        ("modality", "on_site".into()),
        ("contract", "fixed_term".into()),
        ("hours", "full_time".into()),
        ("salary_min", "1200".into()),
        ("salary_max", "1500".into()),
        ("openings", "2".into()),
        ("description", "Ordenarás la mercadería.\n\n- Recibir pedidos\n- Etiquetar cajas".into()),
        ("requirements", "Secundaria completa.".into()),
        ("easy_read", "Trabajo en un almacén. Ordenas cajas.".into()),
        ("skills", "orden, trabajo en equipo".into()),
        ("workplace_access", "Entrada sin escalones.".into()),
        ("interview", "Presencial, con intérprete si lo pides.".into()),
        ("closes_on", closes_on),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    fields.push(("accommodations".into(), "sign_interpreter_interview".into()));
    fields.push(("accommodations".into(), "step_free_access".into()));
    for (name, value) in changes {
        fields.retain(|(k, _)| k != name);
        fields.push((name.to_string(), value.to_string()));
    }
    serde_urlencoded::to_string(&fields).unwrap()
}

async fn page(app: &axum::Router, path: &str, cookie: Option<&str>) -> Reply {
    let mut request = get(path);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    send(app, request.body(Body::empty()).unwrap()).await
}

async fn step(app: &axum::Router, cookie: &str, id: i64, step: &str, comment: &str) -> Reply {
    let form =
        serde_urlencoded::to_string([("vacancy", id.to_string().as_str()), ("step", step), ("comment", comment)])
            .unwrap();
    send(app, post_form_from("/vacantes/estado", &form, ORIGIN, Some(cookie))).await
}

fn location(reply: &Reply) -> &str {
    reply.headers.get(header::LOCATION).and_then(|l| l.to_str().ok()).unwrap_or("")
}

/// The id of the vacancy a redirect leads to.
fn vacancy_id(reply: &Reply) -> i64 {
    let path =
        location(reply).strip_prefix("/vacante/").unwrap_or_else(|| panic!("not a vacancy: {}", location(reply)));
    path.split('?').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn a_vacancy_goes_from_an_employers_draft_to_seekers_and_back_off() {
    let (app, state, db) = app_with_state().await;
    let p = people(&state).await;
    let new = |cookie: &str, form: String| post_form_from("/vacantes/nueva", &form, ORIGIN, Some(cookie));

    // The form offers the employer's own company and the maintained accommodations list.
    let form_page = page(&app, "/vacantes/nueva", Some(&p.employer)).await;
    assert_eq!(form_page.status, StatusCode::OK);
    assert!(form_page.body.contains("Almacenes Andinos S.A.C.") && !form_page.body.contains("Otra Empresa"));
    assert!(form_page.body.contains("Intérprete de lengua de señas en la entrevista"));

    // Drafted and saved; not public yet.
    let saved = send(&app, new(&p.employer, vacancy_form(p.company, p.centre, &[]))).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert!(location(&saved).ends_with("?aviso=vacante-guardada"));
    let id = vacancy_id(&saved);
    let path = format!("/vacante/{id}");
    for cookie in [None, Some(p.seeker.as_str()), Some(p.other_employer.as_str())] {
        assert_eq!(page(&app, &path, cookie).await.status, StatusCode::NOT_FOUND, "a draft is not public");
    }
    let own = page(&app, &path, Some(&p.employer)).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(own.body.contains("Enviar a revisión") && !own.body.contains(">Publicar<"));

    // Submitted; only the centre's counsellor publishes or returns.
    assert_eq!(step(&app, &p.employer, id, "publicar", "").await.status, StatusCode::FORBIDDEN);
    assert_eq!(step(&app, &p.employer, id, "enviar", "").await.status, StatusCode::SEE_OTHER);
    assert_eq!(step(&app, &p.other_employer, id, "cerrar", "").await.status, StatusCode::FORBIDDEN);
    assert_eq!(step(&app, &p.seeker, id, "publicar", "").await.status, StatusCode::FORBIDDEN);
    let edit = send(
        &app,
        post_form_from(
            &format!("/vacantes/editar?id={id}"),
            &vacancy_form(p.company, p.centre, &[]),
            ORIGIN,
            Some(&p.employer),
        ),
    )
    .await;
    assert!(location(&edit).ends_with("?aviso=vacante-estado"), "no edits while it is being reviewed");

    // Returned without a comment: refused on the field. With one: the employer reads it.
    let bare = step(&app, &p.counsellor, id, "devolver", "  ").await;
    assert_eq!(bare.status, StatusCode::CONFLICT);
    assert!(bare.body.contains("Escribe qué debe cambiar el empleador"), "{}", bare.body);
    let returned = step(&app, &p.counsellor, id, "devolver", "Indica el horario, por favor.").await;
    assert_eq!(returned.status, StatusCode::SEE_OTHER);
    assert!(page(&app, &path, Some(&p.employer)).await.body.contains("Indica el horario, por favor."));

    // Fixed, submitted again, published: now anyone can read it.
    let fixed = vacancy_form(p.company, p.centre, &[("requirements", "Secundaria completa.\nHorario: 8:00 a 17:00.")]);
    let edit =
        send(&app, post_form_from(&format!("/vacantes/editar?id={id}"), &fixed, ORIGIN, Some(&p.employer))).await;
    assert_eq!(edit.status, StatusCode::SEE_OTHER, "{}", edit.body);
    assert_eq!(step(&app, &p.employer, id, "enviar", "").await.status, StatusCode::SEE_OTHER);
    let published = step(&app, &p.counsellor, id, "publicar", "").await;
    assert!(location(&published).ends_with("?aviso=vacante-publicada"));
    let public = page(&app, &path, None).await;
    assert_eq!(public.status, StatusCode::OK);
    for text in
        ["Auxiliar de almacén", "Horario: 8:00 a 17:00.", "Acceso sin escalones", "De S/ 1,200 a S/ 1,500 al mes"]
    {
        assert!(public.body.contains(text), "the public page says {text}");
    }
    assert!(public.body.contains(r#""@type":"JobPosting""#), "schema.org JobPosting for search engines");
    assert!(!public.body.contains("Gestión de la vacante"), "the workflow is for its managers only");
    assert!(!public.body.contains("Indica el horario"), "the review comment is not public");
    let link = format!("href=\"/vacante/{id}\"");
    assert!(page(&app, "/empleos?q=auxiliar+almacen", None).await.body.contains(&link), "seekers find it");

    // Closed early by the employer: still readable, saying so; the history has every step.
    assert_eq!(step(&app, &p.employer, id, "cerrar", "").await.status, StatusCode::SEE_OTHER);
    assert!(page(&app, &path, None).await.body.contains("Esta vacante está cerrada"));
    assert!(!page(&app, "/empleos?q=auxiliar+almacen", None).await.body.contains(&link), "closed: not found");
    let history = state.store.vacancy_history(id).await.unwrap();
    let statuses: Vec<_> = history.iter().map(|e| e.to_status).collect();
    use VacancyStatus::*;
    assert_eq!(statuses, vec![Draft, Submitted, Returned, Submitted, Published, Closed]);
    db.cleanup().await;
}

#[tokio::test]
async fn a_failed_form_keeps_everything_typed_and_stores_nothing() {
    let (app, state, db) = app_with_state().await;
    let p = people(&state).await;
    let script = "</textarea><script>alert(1)</script> Ordenarás";
    let form = vacancy_form(p.company, p.centre, &[("title", ""), ("description", script), ("salary_max", "900")]);
    let reply = send(&app, post_form_from("/vacantes/nueva", &form, ORIGIN, Some(&p.employer))).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("Escribe el nombre del puesto"));
    assert!(reply.body.contains("El sueldo máximo no puede ser menor que el mínimo"));
    // Kept, as text: not even a closing tag typed into the box ends it.
    let kept = "&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt; Ordenarás";
    assert!(reply.body.contains(kept), "typed text kept, as text");
    assert!(!reply.body.contains("<script>alert(1)"));
    assert!(input_tag(&reply.body, "district").contains(r#"value="Wanchaq""#));
    assert!(input_tag(&reply.body, "accommodations-step_free_access").contains("checked"), "choices kept");
    assert!(!input_tag(&reply.body, "accommodations-quiet_workspace").contains("checked"));
    assert!(state.store.company_vacancies(p.company).await.unwrap().is_empty(), "nothing half-stored");
    db.cleanup().await;
}

#[tokio::test]
async fn nobody_writes_for_someone_elses_company_and_unverified_companies_cannot_submit() {
    let (app, state, db) = app_with_state().await;
    let p = people(&state).await;
    // A tampered company field is refused, not saved under the other company.
    let forged = vacancy_form(p.company, p.centre, &[]);
    let reply = send(&app, post_form_from("/vacantes/nueva", &forged, ORIGIN, Some(&p.other_employer))).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(state.store.company_vacancies(p.company).await.unwrap().is_empty());
    // Seekers may not write vacancies at all.
    assert_eq!(page(&app, "/vacantes/nueva", Some(&p.seeker)).await.status, StatusCode::FORBIDDEN);

    // An unverified company drafts, but cannot send it on until a centre verifies it.
    let form = vacancy_form(p.unverified_company, p.centre, &[]);
    let saved = send(&app, post_form_from("/vacantes/nueva", &form, ORIGIN, Some(&p.unverified_employer))).await;
    let id = vacancy_id(&saved);
    let refused = step(&app, &p.unverified_employer, id, "enviar", "").await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.body.contains("todavía no está verificada"));

    // A counsellor posts on a company's behalf, straight to publication.
    let markup = "Limpieza de oficinas. <img src=x onerror=alert(1)>";
    let title = "Operario de limpieza </title><i>x</i>";
    let form = vacancy_form(p.company, p.centre, &[("title", title), ("description", markup)]);
    let saved = send(&app, post_form_from("/vacantes/nueva", &form, ORIGIN, Some(&p.counsellor))).await;
    let id = vacancy_id(&saved);
    assert_eq!(step(&app, &p.counsellor, id, "publicar", "").await.status, StatusCode::SEE_OTHER);
    let public = page(&app, &format!("/vacante/{id}"), None).await;
    assert!(public.body.contains("&lt;img src=x onerror=alert(1)"), "typed markup is shown as text");
    assert!(!public.body.contains("<img src=x"));
    let bad: Vec<String> = public
        .body
        .match_indices("<i>x</i>")
        .map(|(at, _)| public.body[..at].chars().rev().take(60).collect::<String>())
        .collect();
    assert!(bad.is_empty(), "not in the title either: {bad:?}");
    let mine = page(&app, "/mis-vacantes", Some(&p.employer)).await;
    assert!(mine.body.contains("Operario de limpieza") && mine.body.contains("Publicada"));
    db.cleanup().await;
}

#[tokio::test]
async fn ads_asking_for_money_or_medical_reports_are_refused_and_exclusionary_wording_is_pointed_out() {
    let (app, state, db) = app_with_state().await;
    let p = people(&state).await;
    let asks = vacancy_form(p.company, p.centre, &[("requirements", "Adjuntar certificado médico y CV.")]);
    let refused = send(&app, post_form_from("/vacantes/nueva", &asks, ORIGIN, Some(&p.employer))).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Senda no publica esto: «certificado médico»"), "said on the field");
    assert!(refused.body.contains("Adjuntar certificado médico y CV."), "what was typed is kept");
    assert!(state.store.company_vacancies(p.company).await.unwrap().is_empty(), "nothing stored");

    let unfair = vacancy_form(p.company, p.centre, &[("requirements", "Buena presencia. Menor de 30 años.")]);
    let saved = send(&app, post_form_from("/vacantes/nueva", &unfair, ORIGIN, Some(&p.employer))).await;
    let id = vacancy_id(&saved);
    let own = page(&app, &format!("/vacante/{id}"), Some(&p.employer)).await;
    assert!(own.body.contains("Revisión de lenguaje inclusivo"));
    assert!(own.body.contains("«Buena presencia»") && own.body.contains("«Menor de 30 años»"));
    // Still the poster's choice: it can be submitted, and the counsellor sees the same notes.
    assert_eq!(step(&app, &p.employer, id, "enviar", "").await.status, StatusCode::SEE_OTHER);
    assert!(page(&app, &format!("/vacante/{id}"), Some(&p.counsellor)).await.body.contains("«Buena presencia»"));
    assert_eq!(step(&app, &p.counsellor, id, "publicar", "").await.status, StatusCode::SEE_OTHER);
    assert!(!page(&app, &format!("/vacante/{id}"), None).await.body.contains("Revisión de lenguaje inclusivo"));
    db.cleanup().await;
}

#[tokio::test]
async fn anyone_reports_a_published_vacancy_and_the_centres_counsellor_reviews_the_report() {
    let (app, state, db) = app_with_state().await;
    let p = people(&state).await;
    let saved = send(
        &app,
        post_form_from("/vacantes/nueva", &vacancy_form(p.company, p.centre, &[]), ORIGIN, Some(&p.counsellor)),
    )
    .await;
    let id = vacancy_id(&saved);
    let path = format!("/vacante/{id}");
    let report = |form: String| post_form_from("/vacantes/reportar", &form, ORIGIN, None);
    // Not public yet: nothing to report.
    let early = send(&app, report(format!("vacancy={id}&reason=scam"))).await;
    assert_eq!(early.status, StatusCode::NOT_FOUND);
    assert_eq!(step(&app, &p.counsellor, id, "publicar", "").await.status, StatusCode::SEE_OTHER);
    assert!(page(&app, &path, None).await.body.contains("Reportar esta vacante"));

    // Without a reason: the vacancy's page again, the report open, what was typed kept.
    let bare = send(&app, report(format!("vacancy={id}&reason=&details=Piden+dinero"))).await;
    assert_eq!(bare.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bare.body.contains("Elige qué pasa con la vacante") && bare.body.contains("Piden dinero</textarea>"));
    let details = bare
        .body
        .split("<details")
        .find(|rest| rest.contains("app-report\""))
        .and_then(|rest| rest.split('>').next())
        .unwrap_or("");
    assert!(details.contains("open"), "the report form is open: <details{details}>");

    let sent = send(&app, report(format!("vacancy={id}&reason=scam&details=Piden+pagar+un+curso"))).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    assert!(location(&sent).ends_with("?aviso=vacante-reportada"));

    // The centre's counsellor sees it and marks it reviewed; an employer cannot.
    let mine = page(&app, "/mis-vacantes", Some(&p.counsellor)).await;
    assert!(mine.body.contains("Piden pagar un curso") && mine.body.contains("Pide dinero o parece una estafa"));
    let report_id = state.store.open_reports(p.centre).await.unwrap()[0].id;
    let resolve = |cookie: &str| {
        post_form_from("/vacantes/reportes/revisado", &format!("report={report_id}"), ORIGIN, Some(cookie))
    };
    assert_eq!(send(&app, resolve(&p.employer)).await.status, StatusCode::FORBIDDEN);
    let done = send(&app, resolve(&p.counsellor)).await;
    assert!(location(&done).ends_with("?aviso=reporte-revisado"));
    assert!(state.store.open_reports(p.centre).await.unwrap().is_empty());
    db.cleanup().await;
}

/// The `<h1>` of a page, as text.
fn heading(body: &str) -> &str {
    let start = body.find("<h1").and_then(|i| body[i..].find('>').map(|j| i + j + 1)).expect("an h1");
    &body[start..start + body[start..].find("</h1>").unwrap()]
}

#[tokio::test]
async fn job_seekers_search_with_a_plain_get_form_whose_address_is_the_search() {
    let (app, state, db) = app_with_state().await;
    let all = page(&app, "/empleos", None).await;
    assert_eq!(all.status, StatusCode::OK);
    assert_eq!(heading(&all.body), "3 vacantes");
    assert!(all.body.contains("<title>3 vacantes · Buscar empleo — Senda</title>"), "the count is in the title too");
    for title in ["Operario o operaria de control de calidad textil", "Ayudante de almacén con empleo con apoyo"] {
        assert!(all.body.contains(title), "{title}");
    }
    assert!(all.body.contains(r#"<form id="busqueda" method="get" action="/empleos""#));
    assert!(all.body.contains(r#"name="q" form="busqueda""#), "the words above the results go with the form");
    assert!(
        all.body.contains("Ajustes que ofrece:</strong> Preparador laboral o empleo con apoyo"),
        "accommodations in words"
    );

    let words = page(&app, "/empleos?q=ALMACEN", None).await;
    assert_eq!(heading(&words.body), "1 vacante para «ALMACEN»");
    assert!(words.body.contains(r#"value="ALMACEN""#), "the field keeps the words");
    let coach = page(&app, "/empleos?ajuste=job_coach&ajuste=quiet_workspace&modalidad=on_site", None).await;
    assert_eq!(heading(&coach.body), "1 vacante");
    assert!(coach.body.contains(r#"value="job_coach" checked"#), "the boxes keep what was ticked");
    let english = send(
        &app,
        get("/empleos?modalidad=remote").header(header::COOKIE, "senda_lang=en").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(heading(&english.body), "1 vacancy");

    // Nothing found: advice that fits the search, never a bare "no results".
    let none = page(&app, "/empleos?q=astronauta&ajuste=job_coach", None).await;
    assert_eq!(heading(&none.body), "0 vacantes para «astronauta»");
    assert!(none.body.contains("Ninguna vacante coincide con tu búsqueda"));
    assert!(none.body.contains("Marca menos ajustes") && none.body.contains("Revisa cómo están escritas"));
    assert!(!none.body.contains("Elige «Cualquier región»"), "only advice that applies");

    // Bad input: a message on the field, the search still answers, nothing breaks.
    let bad = page(&app, "/empleos?sueldo=mucho&region=atlantida&pagina=-4&dias=3&ajuste=teleport", None).await;
    assert_eq!(bad.status, StatusCode::OK);
    assert!(bad.body.contains("Escribe el sueldo mínimo solo con números"));
    assert!(bad.body.contains(r#"value="mucho""#), "what was typed stays");
    assert!(bad.body.contains("<title>Error: 3 vacantes"));
    assert_eq!(heading(&bad.body), "3 vacantes", "what cannot be understood narrows nothing");
    let script = page(&app, "/empleos?q=%3C%2Ftitle%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E", None).await;
    assert!(!script.body.contains("<script>alert(1)"), "typed markup stays text");

    // A board of more than a page: pages link to each other, the current one marked.
    senda::server::demo::seed_board(state.store.as_ref(), 45).await.unwrap();
    let first = page(&app, "/empleos?orden=recientes", None).await;
    let total: u32 = heading(&first.body).split(' ').next().unwrap().parse().unwrap();
    assert!(total > 20, "more than a page: {total}");
    assert!(first.body.contains(r#"href="/empleos?orden=recientes" aria-current="page""#), "{}", first.body);
    assert!(first.body.contains(r#"href="/empleos?orden=recientes&amp;pagina=2""#));
    assert!(first.body.len() < 60_000, "a page of results weighs {} bytes", first.body.len());
    let second = page(&app, "/empleos?orden=recientes&pagina=2", None).await;
    assert!(second.body.contains(r#"<ol start="21" class="app-results">"#));
    assert!(second.body.contains(r#"rel="prev""#));

    // The island's question: how many the changed filters would find, in a sentence.
    let count = send(&app, get("/empleos/cuantas?ajuste=job_coach&region=arequipa").body(Body::empty()).unwrap()).await;
    assert_eq!(count.status, StatusCode::OK);
    assert!(count.body.ends_with("con lo que elegiste. Pulsa «Aplicar filtros» para verlas."), "{}", count.body);
    let none = send(&app, get("/empleos/cuantas?q=astronauta").body(Body::empty()).unwrap()).await;
    assert_eq!(none.body, "Ninguna vacante con lo que elegiste: prueba a quitar algún filtro.");
    db.cleanup().await;
}

#[tokio::test]
async fn the_easy_read_summary_comes_first_unless_the_person_chose_otherwise() {
    let (app, db) = app().await;
    let position = |body: &str, id: &str| body.find(&format!(r#"id="{id}""#)).unwrap_or_else(|| panic!("{id}"));
    let first = page(&app, "/vacante/1", None).await.body;
    assert!(position(&first, "easy-read-h") < position(&first, "job-h"), "first by default");
    let cookie = "senda_prefs=v1:size=100&theme=device&font=0&motion=0&speech=1&easy=0";
    let later = page(&app, "/vacante/1", Some(cookie)).await.body;
    assert!(position(&later, "job-h") < position(&later, "easy-read-h"), "after the description when asked");
    assert!(later.contains(r#"name="easy" value="1""#) && !later.contains(r#"name="easy" value="1" checked"#));
    db.cleanup().await;
}

#[tokio::test]
async fn an_admin_keeps_the_accommodations_list_and_a_bad_name_comes_back_on_its_field() {
    let (app, state, db) = app_with_state().await;
    let admin =
        cookie_for(&state, "admin@senda.pe", RoleGrant { role: Role::Admin, company_id: None, centre_id: None }).await;
    let post = |form: &str| post_form_from("/ajustes", form, ORIGIN, Some(&admin));
    let added = send(&app, post("action=anadir&name_es=Pausas+activas&name_en=Active+breaks")).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let listed = page(&app, "/ajustes", Some(&admin)).await;
    assert!(listed.body.contains("Pausas activas") && listed.body.contains("Active breaks"));
    let offered = page(&app, "/empleos", None).await;
    assert!(offered.body.contains(r#"value="pausas_activas""#), "offered to seekers' filters at once");

    let taken = send(&app, post("action=anadir&name_es=PAUSAS+ACTÍVAS&name_en=")).await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        taken.body.contains("Ya hay un ajuste con ese nombre") && taken.body.contains("Escribe el nombre en inglés")
    );
    assert!(taken.body.contains(r#"value="PAUSAS ACTÍVAS""#), "what was typed stays");

    let editing = page(&app, "/ajustes?cambiar=pausas_activas", Some(&admin)).await;
    assert!(editing.body.contains("Cambiar los nombres de «Pausas activas»"));
    let renamed =
        send(&app, post("action=renombrar&code=pausas_activas&name_es=Pausas+cada+hora&name_en=Hourly+breaks")).await;
    assert_eq!(renamed.status, StatusCode::SEE_OTHER);
    let retired = send(&app, post("action=retirar&code=pausas_activas")).await;
    assert_eq!(retired.status, StatusCode::SEE_OTHER);
    assert!(!page(&app, "/empleos", None).await.body.contains(r#"value="pausas_activas""#), "retired: not offered");
    assert_eq!(send(&app, post("action=retirar&code=no_such_entry")).await.status, StatusCode::NOT_FOUND);
    let seeker =
        cookie_for(&state, "ana@correo.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    assert_eq!(
        send(&app, post_form_from("/ajustes", "action=retirar&code=job_coach", ORIGIN, Some(&seeker))).await.status,
        StatusCode::FORBIDDEN
    );
    db.cleanup().await;
}

/// A fixture of tests/fixtures/media.
fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/media/{name}")).unwrap()
}

/// The files kept in the test app's uploads folder.
fn kept_videos(db: &common::TestDb) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(uploads_dir(db).join("videos"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

/// The video form of vacancy `id`, posted with these files and transcript.
async fn send_video(
    app: &axum::Router,
    cookie: &str,
    id: i64,
    video: (&str, &[u8]),
    captions: (&str, &[u8]),
    transcript: &str,
    pending: &str,
) -> Reply {
    let parts = [
        Part::Field("pending_video", pending),
        Part::File { name: "video", file_name: video.0, content_type: "application/octet-stream", bytes: video.1 },
        Part::File { name: "captions", file_name: captions.0, content_type: "text/vtt", bytes: captions.1 },
        Part::Field("transcript", transcript),
    ];
    send(app, post_multipart(&format!("/vacantes/video?id={id}"), &parts, cookie)).await
}

async fn new_draft(app: &axum::Router, p: &People) -> i64 {
    let form = vacancy_form(p.company, p.centre, &[]);
    vacancy_id(&send(app, post_form_from("/vacantes/nueva", &form, ORIGIN, Some(&p.employer))).await)
}

#[tokio::test]
async fn a_sign_language_video_is_attached_served_in_byte_ranges_and_shown_with_its_captions() {
    let (app, state, db) = app_with_state().await;
    let p = people(&state).await;
    let id = new_draft(&app, &p).await;
    let form = page(&app, &format!("/vacantes/video?id={id}"), Some(&p.employer)).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains(r#"enctype="multipart/form-data""#), "a real form that works without JavaScript");
    assert!(form.body.contains(r#"type="file""#) && form.body.contains("200 MB"), "{}", form.body);

    let (webm, vtt, transcript) = (fixture("intro.webm"), fixture("intro.vtt"), "Hola. Somos Textiles del Sur.");
    let reply = send_video(&app, &p.employer, id, ("intro.webm", &webm), ("intro.vtt", &vtt), transcript, "").await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(location(&reply), format!("/vacante/{id}?aviso=video-guardado"));
    assert_eq!(kept_videos(&db).len(), 1);

    let shown = page(&app, &format!("/vacante/{id}"), Some(&p.employer)).await.body;
    let version = state.store.vacancy_video(id).await.unwrap().unwrap().version;
    assert!(shown.contains(&format!(r#"src="/vacante/{id}/lsp?v={version}" type="video/webm""#)), "{shown}");
    assert!(shown.contains(&format!(r#"<track kind="captions" src="/vacante/{id}/lsp.vtt?v={version}" srclang="es""#)));
    assert!(shown.contains("controls") && !shown.contains("autoplay"), "controls, never autoplay");
    assert!(shown.contains("Leer la transcripción del video") && shown.contains(transcript));

    // Byte ranges, as a phone fetches a video; never compressed.
    let range = get(&format!("/vacante/{id}/lsp?v={version}"))
        .header(header::COOKIE, &p.employer)
        .header(header::RANGE, "bytes=0-99")
        .header(header::ACCEPT_ENCODING, "gzip, br")
        .body(Body::empty())
        .unwrap();
    let reply = send(&app, range).await;
    assert_eq!(reply.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(reply.headers[header::CONTENT_RANGE], format!("bytes 0-99/{}", webm.len()).as_str());
    assert_eq!(reply.headers[header::CONTENT_TYPE], "video/webm");
    assert!(reply.headers.get(header::CONTENT_ENCODING).is_none());
    assert_eq!(reply.raw, webm[..100]);
    let captions = page(&app, &format!("/vacante/{id}/lsp.vtt?v={version}"), Some(&p.employer)).await;
    assert_eq!(captions.headers[header::CONTENT_TYPE], "text/vtt; charset=utf-8");
    assert!(captions.body.starts_with("WEBVTT"));
    // A draft's video is for its employers and counsellors only.
    assert_eq!(page(&app, &format!("/vacante/{id}/lsp"), None).await.status, StatusCode::NOT_FOUND);
    assert_eq!(page(&app, &format!("/vacante/{id}/lsp.vtt"), Some(&p.seeker)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(page(&app, &format!("/vacante/{id}/lsp"), Some(&p.counsellor)).await.status, StatusCode::OK);

    // Another upload replaces it, file and all; then it is taken away.
    let mp4 = fixture("intro.mp4");
    let reply = send_video(&app, &p.counsellor, id, ("intro.mp4", &mp4), ("intro.vtt", &vtt), transcript, "").await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let videos = kept_videos(&db);
    assert!(videos.len() == 1 && videos[0].ends_with(".mp4"), "{videos:?}");
    let removed = serde_urlencoded::to_string([("vacancy", id.to_string())]).unwrap();
    let reply = send(&app, post_form_from("/vacantes/video/quitar", &removed, ORIGIN, Some(&p.employer))).await;
    assert_eq!(location(&reply), format!("/vacante/{id}?aviso=video-quitado"));
    assert!(kept_videos(&db).is_empty());
    assert!(!page(&app, &format!("/vacante/{id}"), Some(&p.employer)).await.body.contains("<video"));

    // Only whoever may change the vacancy's text may change its video.
    let reply =
        send_video(&app, &p.other_employer, id, ("intro.webm", &webm), ("intro.vtt", &vtt), transcript, "").await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(state.store.vacancy_video(id).await.unwrap().is_none());
    db.cleanup().await;
}

#[tokio::test]
async fn forged_videos_and_broken_captions_are_refused_on_their_fields_and_a_good_video_waits_for_the_second_try() {
    let (app, state, db) = app_with_state().await;
    let p = people(&state).await;
    let id = new_draft(&app, &p).await;
    let (webm, vtt) = (fixture("intro.webm"), fixture("intro.vtt"));
    let transcript = "</textarea><b>Hola</b>";
    let refused = [
        (("forged-page.mp4", fixture("forged-page.mp4")), ("intro.vtt", vtt.clone()), "no es un video WebM ni MP4"),
        (("forged-image.webm", fixture("forged-image.webm")), ("intro.vtt", vtt.clone()), "no es un video WebM ni MP4"),
        (("quicktime.mov", fixture("quicktime.mov")), ("intro.vtt", vtt.clone()), "no es un video WebM ni MP4"),
        (("", Vec::new()), ("intro.vtt", vtt.clone()), "Elige el archivo del video"),
    ];
    for ((video_name, video), (captions_name, captions), message) in &refused {
        let reply =
            send_video(&app, &p.employer, id, (video_name, video), (captions_name, captions), transcript, "").await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{video_name}");
        assert!(reply.body.contains(message), "{video_name}: {message}");
        assert!(reply.body.contains("&lt;/textarea&gt;&lt;b&gt;Hola&lt;/b&gt;"), "the transcript is kept, as text");
        assert!(!reply.body.contains(r#"name="pending_video""#), "nothing to keep");
    }
    assert!(kept_videos(&db).is_empty() && state.store.vacancy_video(id).await.unwrap().is_none());

    // Good video, broken captions: the captions are named, the video waits on the server.
    let broken = [
        ("captions.srt.vtt", "no empieza con WEBVTT"),
        ("backwards.vtt", "En la línea 3 de los subtítulos, el subtítulo termina antes de empezar"),
        ("intro.webm", "no es un texto WebVTT"),
    ];
    for (captions_name, message) in broken {
        let reply =
            send_video(&app, &p.employer, id, ("intro.webm", &webm), (captions_name, &fixture(captions_name)), "", "")
                .await;
        assert!(reply.body.contains(message), "{captions_name}: {message}");
        assert!(reply.body.contains("Escribe la transcripción del video"));
    }
    let reply = send_video(
        &app,
        &p.employer,
        id,
        ("mi video.webm", &webm),
        ("backwards.vtt", &fixture("backwards.vtt")),
        "x",
        "",
    )
    .await;
    assert!(reply.body.contains("Ya tenemos tu video «mi video.webm» (12 KB)"), "{}", reply.body);
    let token = input_tag(&reply.body, "pending_video").split("value=\"").nth(1).unwrap().split('"').next().unwrap();
    assert!(
        kept_videos(&db).is_empty() && state.store.vacancy_video(id).await.unwrap().is_none(),
        "nothing stored yet"
    );

    // Someone else's token names nothing; this person's, with the captions fixed, finishes it.
    let reply = send_video(&app, &p.counsellor, id, ("", &[]), ("intro.vtt", &vtt), "Hola.", token).await;
    assert!(reply.body.contains("Elige el archivo del video"), "a kept video is its uploader's");
    let reply = send_video(&app, &p.employer, id, ("", &[]), ("intro.vtt", &vtt), "Hola.", token).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let stored = state.store.vacancy_video(id).await.unwrap().unwrap();
    assert_eq!((stored.bytes, stored.transcript.as_str()), (webm.len() as i64, "Hola."));
    assert_eq!(kept_videos(&db).len(), 1);
    db.cleanup().await;
}

#[tokio::test]
async fn a_video_over_the_configured_size_is_refused_and_nothing_stays_behind() {
    let (app, state, db) = app_with_flags(&["--video-max-mb", "1"]).await;
    let p = people(&state).await;
    let id = new_draft(&app, &p).await;
    let mut big = fixture("intro.webm");
    big.resize(1024 * 1024 + 1, 0);
    let reply =
        send_video(&app, &p.employer, id, ("largo.webm", &big), ("intro.vtt", &fixture("intro.vtt")), "Hola.", "")
            .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("El video pesa más de 1.0 MB"), "{}", reply.body);
    assert!(kept_videos(&db).is_empty());
    let scratch: Vec<_> = std::fs::read_dir(uploads_dir(&db).join("incoming")).unwrap().collect();
    assert!(scratch.is_empty(), "no scratch file left: {scratch:?}");
    db.cleanup().await;
}
