//! Finding and reading vacancies: the search form, the easy-read summary, the accommodations list.

use super::*;

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
