//! Saved searches and their alerts through the real router: a job seeker keeps a search from
//! the results, a day later is told by email of what was published since that matches (and of
//! nothing else), and stops the alert from the message's link — signed out, or through a mail
//! program's own one-click button from another site.

use crate::common;
use axum::body::Body;
use axum::http::{header, StatusCode};
use common::web::*;
use senda::accounts::{Role, RoleGrant};
use senda::alerts::sender::send_due_alerts;
use senda::alerts::ALERT_PERIOD_SECS as DAY;
use senda::domain::{Region, Ruc};
use senda::organisations::NewCompany;
use senda::server::state::AppState;
use senda::vacancies::{ContractType, Modality, VacancyDraft, VacancyStatus, WorkingHours};

async fn page(app: &axum::Router, path: &str, cookie: Option<&str>) -> Reply {
    let mut request = get(path);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    send(app, request.body(Body::empty()).unwrap()).await
}

/// Publishes, at `at`, a vacancy titled `title` in `region`.
async fn publish(state: &AppState, title: &str, region: &str, at: i64) -> i64 {
    let store = state.store.as_ref();
    let company = match store.list_companies().await.unwrap().first() {
        Some(company) => company.id,
        None => store
            .insert_company(&NewCompany {
                legal_name: "Almacenes Andinos S.A.C.".into(),
                ruc: Ruc::parse("20556677884").unwrap(),
                sector: "Logística".into(),
                region: Region::parse("cusco").unwrap(),
                verified: true,
            })
            .await
            .unwrap(),
    };
    let draft = VacancyDraft {
        company_id: company,
        centre_id: store.list_centres().await.unwrap()[0].id,
        title: title.into(),
        region: region.into(),
        province: String::new(),
        district: String::new(),
        modality: Modality::OnSite,
        contract: ContractType::FixedTerm,
        hours: WorkingHours::FullTime,
        salary: None,
        openings: 1,
        description: "Ordenar y registrar la mercadería del almacén.".into(),
        requirements: String::new(),
        easy_read: String::new(),
        workplace_access: String::new(),
        interview: String::new(),
        accommodations: vec![],
        skills: vec![],
        closes_at: at + 60 * DAY,
    };
    let id = store.create_vacancy(&draft, None, at).await.unwrap();
    store.move_vacancy(id, &[VacancyStatus::Draft], VacancyStatus::Published, None, "", at).await.unwrap();
    id
}

#[tokio::test]
async fn a_saved_search_tells_once_a_day_what_is_new_and_stops_from_its_message() {
    let (app, state, db) = app_with_state().await;
    let seeker = RoleGrant { role: Role::Seeker, company_id: None, centre_id: None };
    let rosa_account = person(&state, "rosa@example.pe", seeker.clone()).await;
    let rosa = session_cookie_for(&state, &rosa_account).await;
    let kept = || async { state.store.saved_searches(rosa_account.account_id).await.unwrap() };
    let search = "/empleos?q=almacen&region=cusco&pagina=1";

    // Signed out, the results offer to sign in first; signed in, a button that keeps it.
    let anonymous = page(&app, search, None).await.body;
    assert!(anonymous.contains("Entra a tu cuenta para guardar esta búsqueda"), "{anonymous}");
    let shown = page(&app, search, Some(&rosa)).await.body;
    assert!(shown.contains(r#"name="consulta" value="q=almacen&amp;region=cusco""#), "{shown}");
    let save = "accion=guardar&consulta=q%3Dalmacen%26region%3Dcusco";
    let reply = send(&app, post_form_from("/mis-busquedas", save, ORIGIN, Some(&rosa))).await;
    assert_eq!(location(&reply), "/mis-busquedas?aviso=busqueda-guardada");
    let reply = send(&app, post_form_from("/mis-busquedas", save, ORIGIN, Some(&rosa))).await;
    assert_eq!(location(&reply), "/mis-busquedas?aviso=busqueda-ya-guardada", "kept once");
    let mine = page(&app, "/mis-busquedas", Some(&rosa)).await.body;
    assert!(mine.contains("«almacen» · Cusco") && mine.contains("rosa@example.pe"), "{mine}");

    // A day on: what was published since and matches, and nothing else.
    let saved_at = kept().await[0].told_until;
    let new = publish(&state, "Auxiliar de almacén", "cusco", saved_at + 60).await;
    publish(&state, "Almacenero en Lima", "lima-metropolitana", saved_at + 60).await;
    let origin = "https://senda.example";
    assert_eq!(send_due_alerts(state.store.as_ref(), origin, saved_at + 120).await.unwrap(), 0, "not a day yet");
    let tomorrow = saved_at + DAY + 60;
    assert_eq!(send_due_alerts(state.store.as_ref(), origin, tomorrow).await.unwrap(), 1);
    let mail = state.store.mail_to("rosa@example.pe").await.unwrap().pop().unwrap();
    assert_eq!(mail.subject, "Vacantes nuevas para «almacen» · Cusco: 1 vacante");
    assert!(mail.body.contains("- Auxiliar de almacén — "), "{}", mail.body);
    assert!(mail.body.contains(&format!(", Cusco (Presencial)\n  {origin}/vacante/{new}")), "{}", mail.body);
    assert!(!mail.body.contains("Lima"), "{}", mail.body);
    assert!(mail.body.contains(&format!("{origin}/empleos?q=almacen&region=cusco")));
    let stop = mail.unsubscribe_url.clone().unwrap();
    assert!(stop.starts_with(&format!("{origin}/avisos/dejar?t=")) && mail.body.contains(&stop));
    assert_eq!(send_due_alerts(state.store.as_ref(), origin, tomorrow + 60).await.unwrap(), 0, "once a day");
    assert_eq!(send_due_alerts(state.store.as_ref(), origin, tomorrow + DAY).await.unwrap(), 0, "nothing new, no mail");

    // The message's link, signed out: it asks; the button stops it.
    let stop_path = stop.trim_start_matches(origin);
    let asked = page(&app, stop_path, None).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(asked.body.contains("¿Dejar de recibir los avisos de la búsqueda «almacen» · Cusco?"), "{}", asked.body);
    let token = stop_path.split("t=").nth(1).unwrap();
    let reply = send(&app, post_form_from("/avisos/dejar", &format!("t={token}"), ORIGIN, None)).await;
    assert_eq!(location(&reply), "/avisos/dejar?aviso=aviso-detenido");
    assert!(page(&app, "/mis-busquedas", Some(&rosa)).await.body.contains("Todavía no guardaste ninguna búsqueda"));
    assert!(page(&app, stop_path, None).await.body.contains("Ya no recibirás estos avisos"), "the link says so after");

    // A mail program's one-click button, posting from its own servers.
    send(&app, post_form_from("/mis-busquedas", save, ORIGIN, Some(&rosa))).await;
    let token = kept().await[0].unsubscribe_token.clone();
    let one_click =
        post_form_from(&format!("/avisos/dejar?t={token}"), "List-Unsubscribe=One-Click", "https://mail.example", None);
    let reply = send(&app, one_click).await;
    assert_eq!(reply.status, StatusCode::OK, "no redirect for a mail program");
    assert!(page(&app, "/mis-busquedas", Some(&rosa)).await.body.contains("Todavía no guardaste ninguna búsqueda"));

    // Someone else cannot delete hers; a post from another site that is not an alert's is refused.
    send(&app, post_form_from("/mis-busquedas", save, ORIGIN, Some(&rosa))).await;
    let juan = session_cookie_for(&state, &person(&state, "juan@example.pe", seeker).await).await;
    let id = kept().await[0].id;
    send(&app, post_form_from("/mis-busquedas", &format!("accion=borrar&id={id}"), ORIGIN, Some(&juan))).await;
    assert!(page(&app, "/mis-busquedas", Some(&rosa)).await.body.contains("«almacen» · Cusco"));
    let forged =
        post_form_from("/mis-busquedas", &format!("accion=borrar&id={id}"), "https://evil.example", Some(&rosa));
    assert_eq!(send(&app, forged).await.status, StatusCode::FORBIDDEN);
    let reply =
        send(&app, post_form_from("/mis-busquedas", &format!("accion=borrar&id={id}"), ORIGIN, Some(&rosa))).await;
    assert_eq!(location(&reply), "/mis-busquedas?aviso=busqueda-borrada");
    db.cleanup().await;
}
