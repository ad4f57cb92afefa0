//! The real router, asked the way a browser without JavaScript asks: pages, forms, cookies,
//! status codes and failures.

use crate::common;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::logs::Captured;
use common::web::*;

#[tokio::test]
async fn the_home_page_is_complete_html_in_spanish_with_the_demo_directory() {
    let (app, db) = app().await;
    let reply = send(&app, get("/").body(Body::empty()).unwrap()).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        reply.body.contains(r#"<html lang="es-PE" class="app-text-100 app-theme-device""#),
        "{}",
        &reply.body[..300]
    );
    assert!(reply.body.contains("<title>Inicio — Senda</title>"));
    assert!(reply.body.contains("Centro de Empleo Lima Metropolitana"), "server-rendered, not left to a script");
    assert!(reply.body.contains("Textiles Andinos S.A.C."));
    assert!(reply.body.contains(r##"href="#content""##) && reply.body.contains(r#"<main id="content""#));
    assert_eq!(reply.body.matches("<h1").count(), 1);
    assert!(reply.headers.contains_key("x-request-id"), "every response carries its request id");
    let csp = reply.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    let nonce = csp.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).expect("a nonce in the policy");
    assert!(reply.body.contains(&format!(r#"nonce="{nonce}""#)), "the inline script carries the same nonce");
    assert!(
        !csp.contains("unsafe-inline") && csp.contains("object-src 'none'") && csp.contains("frame-ancestors 'none'")
    );
    assert_eq!(reply.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(reply.headers[header::REFERRER_POLICY], "same-origin");
    assert!(!reply.headers.contains_key(header::STRICT_TRANSPORT_SECURITY), "no HSTS over plain http");
    db.cleanup().await;
}

#[tokio::test]
async fn accept_language_picks_english_and_the_cookie_overrides_it() {
    let (app, db) = app().await;
    let english =
        send(&app, get("/").header(header::ACCEPT_LANGUAGE, "en-US,en;q=0.9").body(Body::empty()).unwrap()).await;
    assert!(english.body.contains(r#"<html lang="en""#));
    assert!(english.body.contains("<title>Home — Senda</title>"));
    let spanish = send(
        &app,
        get("/")
            .header(header::ACCEPT_LANGUAGE, "en-US,en;q=0.9")
            .header(header::COOKIE, "senda_lang=es")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(spanish.body.contains(r#"<html lang="es-PE""#));
    db.cleanup().await;
}

#[tokio::test]
async fn an_unknown_address_is_a_404_page() {
    let (app, db) = app().await;
    let reply = send(&app, get("/no/existe").body(Body::empty()).unwrap()).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(reply.body.contains("No encontramos esta página"));
    assert!(reply.body.contains("<title>Página no encontrada — Senda</title>"));
    db.cleanup().await;
}

#[tokio::test]
async fn the_preferences_form_sets_the_cookie_and_returns_to_the_page() {
    let (app, db) = app().await;
    let reply = send(
        &app,
        post_form("/preferencias", "return_to=%2Fvacantes%3Fregion%3Dcusco&size=150&theme=dark&font=1&speech=1"),
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.headers[header::LOCATION], "/vacantes?region=cusco");
    let cookie = reply.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("senda_prefs=v1:size=150&theme=dark&font=1&motion=0&speech=1&easy=0;"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax") && cookie.contains("Path=/"));

    // The next page is rendered in those preferences by the server.
    let value = cookie.split(';').next().unwrap();
    let page = send(&app, get("/").header(header::COOKIE, value).body(Body::empty()).unwrap()).await;
    assert!(page.body.contains(r#"class="app-text-150 app-theme-dark app-font-readable""#));
    assert!(input_tag(&page.body, "theme-dark").contains("checked"), "the form shows what is in force");
    assert!(!input_tag(&page.body, "theme-device").contains("checked"));
    db.cleanup().await;
}

#[tokio::test]
async fn forms_never_redirect_off_the_site() {
    let (app, db) = app().await;
    for target in ["https%3A%2F%2Fevil.example%2F", "%2F%2Fevil.example", "%2F%5Cevil.example"] {
        let reply = send(&app, post_form("/preferencias", &format!("return_to={target}&size=100"))).await;
        assert_eq!(reply.headers[header::LOCATION], "/", "{target}");
        let reply = send(&app, post_form("/idioma", &format!("return_to={target}&lang=en"))).await;
        assert_eq!(reply.headers[header::LOCATION], "/", "{target}");
    }
    db.cleanup().await;
}

#[tokio::test]
async fn the_language_switch_sets_the_cookie() {
    let (app, db) = app().await;
    let reply = send(&app, post_form("/idioma", "lang=en&return_to=%2F")).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(reply.headers[header::SET_COOKIE].to_str().unwrap().starts_with("senda_lang=en;"));
    let unknown = send(&app, post_form("/idioma", "lang=xx&return_to=%2F")).await;
    assert!(unknown.headers[header::SET_COOKIE].to_str().unwrap().starts_with("senda_lang=es;"));
    db.cleanup().await;
}

#[tokio::test]
async fn garbage_cookies_mean_defaults_never_an_error() {
    let (app, db) = app().await;
    for cookie in
        ["senda_prefs=%%%; senda_lang=\u{7f}", "senda_prefs=v1:size=1e9&theme=../../etc", ";;;==;", "senda_prefs"]
    {
        let Ok(request) = get("/").header(header::COOKIE, cookie).body(Body::empty()) else { continue };
        let reply = send(&app, request).await;
        assert_eq!(reply.status, StatusCode::OK, "{cookie:?}");
        assert!(reply.body.contains(r#"class="app-text-100 app-theme-device""#), "{cookie:?}");
    }
    db.cleanup().await;
}

#[tokio::test]
async fn a_server_function_answers_json_to_scripts() {
    let (app, db) = app().await;
    let request = Request::post("/api/organisations/directory")
        .header(header::ACCEPT, "application/json")
        .header(header::ORIGIN, ORIGIN)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::empty())
        .unwrap();
    let reply = send(&app, request).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let json: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(json["centres"][0]["name"], "Centro de Empleo Lima Metropolitana");
    db.cleanup().await;
}

#[tokio::test]
async fn a_lost_database_gives_a_500_page_and_a_failing_health_check() {
    let (app, db) = app().await;
    assert_eq!(send(&app, get("/healthz").body(Body::empty()).unwrap()).await.status, StatusCode::OK);
    db.store.close().await;
    let health = send(&app, get("/healthz").body(Body::empty()).unwrap()).await;
    assert_eq!(health.status, StatusCode::SERVICE_UNAVAILABLE);
    let page = send(&app, get("/").body(Body::empty()).unwrap()).await;
    assert_eq!(page.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(page.body.contains("Lo sentimos, algo falló en Senda"));
    assert!(page.body.contains("<title>Error del servidor — Senda</title>"));
    assert!(!page.body.to_lowercase().contains("sqlx") && !page.body.contains("closed"), "no internals shown");
    db.cleanup().await;
}

/// The response head of `GET path` over a connection of its own, as a browser fetches a page
/// and, at the same moment on another connection, its stylesheet and icon.
async fn head_of(address: std::net::SocketAddr, path: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nHost: {address}\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    let answer = String::from_utf8_lossy(&answer).to_ascii_lowercase();
    answer.split("\r\n\r\n").next().unwrap().to_string()
}

/// Found by the browser tests: Leptos's own static-file handler gave an icon the headers a
/// page being rendered at the same moment had set — taking the page's script policy with it,
/// so that page ran no script. Static files are served without the app, so each response keeps
/// its own headers however many arrive at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_and_static_files_served_at_once_keep_their_own_headers() {
    let (app, db) = app().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let server = tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let tasks: Vec<_> = (0..8)
        .map(|task| {
            tokio::spawn(async move {
                let mut wrong = Vec::new();
                for _ in 0..40 {
                    let path = if task % 2 == 0 { "/vacante/1" } else { "/favicon.svg" };
                    let head = head_of(address, path).await;
                    assert!(head.starts_with("http/1.1 200"), "{path}: {head}");
                    let has_nonce =
                        head.lines().any(|l| l.starts_with("content-security-policy:") && l.contains("'nonce-"));
                    if has_nonce != (path == "/vacante/1") {
                        wrong.push(format!("{path}: {head}"));
                    }
                }
                wrong
            })
        })
        .collect();
    let mut wrong = Vec::new();
    for task in tasks {
        wrong.extend(task.await.unwrap());
    }
    server.abort();
    assert!(wrong.is_empty(), "{} responses with another's headers, e.g.\n{}", wrong.len(), wrong[0]);
    db.cleanup().await;
}

#[tokio::test]
async fn a_form_sent_back_with_mistakes_answers_422_with_the_error_summary_first() {
    let (app, db) = app().await;
    let reply = send(&app, post_form("/entrar", "email=no-es-un-correo&password=")).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("<title>Error: Entrar — Senda</title>"), "the title says there is an error");
    let main = &reply.body[reply.body.find(r#"<main id="content""#).expect("the page's main")..];
    let summary = main.find("app-error-summary").expect("an error summary");
    let heading = main.find("<h1").expect("the heading");
    let field = main.find(r#"id="email""#).expect("the first field");
    assert!(summary < heading && summary < field, "the summary comes first, before the heading and every field");
    assert!(main.contains(r#"value="no-es-un-correo""#), "what was typed is kept");
    db.cleanup().await;
}

#[tokio::test]
async fn a_forbidden_form_post_is_refused_in_the_language_of_the_person() {
    let (app, state, db) = app_with_state().await;
    let seeker = person(
        &state,
        "ines@example.pe",
        senda::accounts::RoleGrant { role: senda::accounts::Role::Seeker, company_id: None, centre_id: None },
    )
    .await;
    let cookie = format!("{}; senda_lang=en", session_cookie_for(&state, &seeker).await);
    let reply =
        send(&app, post_form_from("/cuentas/roles", "account=1&action=dar&role=admin", ORIGIN, Some(&cookie))).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(reply.body.contains(r#"<html lang="en""#), "{}", reply.body);
    db.cleanup().await;
}

/// Walking through ids to find others' records gets "not found", which says nothing — and
/// leaves a security event in the log, a few per account, so an operator can see it happen.
#[tokio::test]
async fn a_signed_in_person_asking_for_records_that_are_not_theirs_is_logged() {
    let (app, state, db) = app_with_state().await;
    let lines = Captured::default();
    let _logging = lines.while_alive(tracing::Level::WARN);
    let grant = senda::accounts::RoleGrant { role: senda::accounts::Role::Seeker, company_id: None, centre_id: None };
    let prober = person(&state, "curiosa@example.pe", grant).await;
    let cookie = session_cookie_for(&state, &prober).await;
    for id in 987_650..987_660 {
        let reply =
            send(&app, get(&format!("/persona/{id}")).header(header::COOKIE, &cookie).body(Body::empty()).unwrap())
                .await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
    }
    // A visitor's "not found" is nobody's probing.
    send(&app, get("/persona/987661").body(Body::empty()).unwrap()).await;

    let log = lines.text();
    let probes: Vec<_> = log.lines().filter(|l| l.contains("senda::probing") && l.contains("/persona/98765")).collect();
    assert!(!probes.is_empty(), "the probing is in the log:\n{log}");
    assert!(probes.len() <= 5, "a few lines per account, not one per request:\n{log}");
    assert!(probes.iter().all(|l| l.contains(&format!("account_id={}", prober.account_id))), "{log}");
    assert!(!log.contains("/persona/987661"), "visitors are not logged:\n{log}");
    db.cleanup().await;
}
