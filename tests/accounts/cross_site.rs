//! Posts from another site are refused, for forms and server functions alike.

use super::*;

#[tokio::test]
async fn a_cross_site_form_post_is_refused_and_changes_nothing() {
    let (app, db) = app().await;
    for (origin, fetch_site) in [("https://evil.example", None), (ORIGIN, Some("cross-site")), ("null", None)] {
        let mut request = post_form_from("/preferencias", "size=200&return_to=%2F", origin, None);
        if let Some(site) = fetch_site {
            request.headers_mut().insert("sec-fetch-site", site.parse().unwrap());
        }
        let reply = send(&app, request).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{origin} {fetch_site:?}");
        assert!(reply.headers.get(header::SET_COOKIE).is_none());
        assert!(reply.body.contains("<h1>No pudimos aceptar este formulario</h1>"));
    }
    // The same form from our own page goes through.
    let ok = send(&app, post_form("/preferencias", "size=200&return_to=%2F")).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    db.cleanup().await;
}

#[tokio::test]
async fn a_server_function_is_behind_the_same_check() {
    let (app, db) = app().await;
    let request = axum::http::Request::post("/api/organisations/directory")
        .header(header::ORIGIN, "https://evil.example")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, request).await.status, StatusCode::FORBIDDEN);
    db.cleanup().await;
}

#[tokio::test]
async fn a_browser_that_says_nothing_about_where_a_post_comes_from_needs_the_form_token() {
    let (app, state, db) = app_with_state().await;
    seeker(&state, "rosa@example.pe").await;
    let cookie = session_cookie(&sign_in_with(&app, "rosa@example.pe", PASSWORD).await);
    let page = send(&app, signed_in_get("/cuenta/sesiones", &cookie)).await;
    let token = page.body.split(r#"name="csrf" value=""#).nth(1).and_then(|v| v.split('"').next());
    let token = token.expect("the form token in the page's forms").to_string();
    // No Origin, no Sec-Fetch-Site, no Referer: only the token in the form can vouch for it.
    let bare = |form: String| {
        axum::http::Request::post("/cuenta/sesiones/cerrar-otras")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, &cookie)
            .body(Body::from(form))
            .unwrap()
    };
    assert_eq!(send(&app, bare(String::new())).await.status, StatusCode::FORBIDDEN, "no token");
    assert_eq!(send(&app, bare(form_body(&[("csrf", &"0".repeat(64))]))).await.status, StatusCode::FORBIDDEN);
    let other = session_cookie(&sign_in_with(&app, "rosa@example.pe", PASSWORD).await);
    let theirs = send(&app, signed_in_get("/cuenta/sesiones", &other)).await;
    assert!(!theirs.body.contains(&token), "each session has its own token");
    let ok = send(&app, bare(form_body(&[("csrf", &token)]))).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "the form of our own page goes through");
    assert_eq!(ok.headers[header::LOCATION], "/cuenta/sesiones?aviso=sesiones-cerradas");
    db.cleanup().await;
}
