//! Passkeys through the router, with a software authenticator (the browser tests use
//! Chromium's virtual one): a passkey is begun only after the password, signs in after the
//! password and alone, and every answer that is not a passkey of this account, for this
//! ceremony, from this site — none, malformed, of another origin, of another session,
//! replayed, another account's — is refused with a message on the button, stores nothing and
//! counts against the account. A site reached at an IP address offers none.

use super::authenticator::Authenticator;
use super::second_factor::{counsellor, hidden, page, password_step, post};
use super::*;

/// The options (JSON) a passkey form carries for the browser.
fn options_on(body: &str) -> serde_json::Value {
    let marker = r#"data-options=""#;
    let start = body.find(marker).expect("a passkey form with its options") + marker.len();
    let raw = body[start..].split('"').next().unwrap();
    serde_json::from_str(&raw.replace("&quot;", "\"").replace("&amp;", "&")).unwrap()
}

async fn begun(app: &axum::Router, cookie: &str) -> (String, serde_json::Value) {
    let fields = [("name", "llave USB"), ("password", PASSWORD)];
    let reply = send(app, post("/cuenta/verificacion/llave", &fields, cookie)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(reply.body.contains(r#"data-passkey="create""#));
    (hidden(&reply.body, "ceremony"), options_on(&reply.body))
}

fn refused_on_the_button(reply: &Reply, says: &str) {
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
    assert!(reply.body.contains(r##"href="#passkey""##), "the error is on the button");
    assert!(reply.body.contains(says), "{says}: {}", reply.body);
}

#[tokio::test]
async fn a_passkey_is_begun_after_the_password_and_every_bad_answer_stores_nothing() {
    let (app, state, db) = app_with_state().await;
    let id = counsellor(&state, "jorge@example.pe").await;
    let cookie = password_step(&app, "jorge@example.pe").await;
    let security = send(&app, page("/cuenta/verificacion", &cookie)).await;
    assert!(security.body.contains("Añadir una llave de acceso"), "staff without one may add a passkey first");

    for (fields, field) in [
        (vec![("name", ""), ("password", PASSWORD)], "name"),
        (vec![("name", &*"x".repeat(61)), ("password", PASSWORD)], "name"),
        (vec![("name", "llave"), ("password", "")], "password"),
        (vec![("name", "llave"), ("password", "no es la clave")], "password"),
    ] {
        let reply = send(&app, post("/cuenta/verificacion/llave", &fields, &cookie)).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{fields:?}");
        assert!(reply.body.contains(&format!(r##"href="#{field}""##)), "{fields:?}: on {field}");
        assert!(!reply.body.contains("data-options"), "{fields:?}: no ceremony without the password");
    }

    let (ceremony, options) = begun(&app, &cookie).await;
    assert_eq!(options["publicKey"]["rp"]["id"], "localhost");
    assert_eq!(options["publicKey"]["authenticatorSelection"]["userVerification"], "required");
    let none = [("ceremony", ceremony.as_str()), ("credential", ""), ("name", "llave USB")];
    refused_on_the_button(
        &send(&app, post("/cuenta/verificacion/llave", &none, &cookie)).await,
        "no envió ninguna llave",
    );
    let honest = Authenticator::new(b"cred").register(&options, ORIGIN);
    let replayed = [("ceremony", ceremony.as_str()), ("credential", honest.as_str()), ("name", "llave USB")];
    refused_on_the_button(
        &send(&app, post("/cuenta/verificacion/llave", &replayed, &cookie)).await,
        "Pasó demasiado tiempo",
    );

    let (ceremony, options) = begun(&app, &cookie).await;
    let foreign = Authenticator::new(b"cred").register(&options, "https://senda.example.com");
    let fields = [("ceremony", ceremony.as_str()), ("credential", foreign.as_str()), ("name", "llave USB")];
    refused_on_the_button(
        &send(&app, post("/cuenta/verificacion/llave", &fields, &cookie)).await,
        "No pudimos comprobar",
    );

    let (ceremony, options) = begun(&app, &cookie).await;
    let malformed = [("ceremony", ceremony.as_str()), ("credential", "{\"id\": 7}"), ("name", "llave USB")];
    refused_on_the_button(
        &send(&app, post("/cuenta/verificacion/llave", &malformed, &cookie)).await,
        "No pudimos comprobar",
    );

    let (ceremony, _) = begun(&app, &cookie).await;
    let elsewhere = password_step(&app, "jorge@example.pe").await;
    let honest = Authenticator::new(b"cred").register(&options, ORIGIN);
    let fields = [("ceremony", ceremony.as_str()), ("credential", honest.as_str()), ("name", "llave USB")];
    let stolen = send(&app, post("/cuenta/verificacion/llave", &fields, &elsewhere)).await;
    refused_on_the_button(&stolen, "Pasó demasiado tiempo");

    assert_eq!(state.store.factors_of(id).await.unwrap(), Default::default(), "nothing stored");
    let failed = audit_log(&state).await.into_iter().filter(|(action, ..)| action == "second_factor_failed").count();
    assert_eq!(failed, 2, "the foreign and the malformed answers count against the account");
    db.cleanup().await;
}

#[tokio::test]
async fn a_passkey_first_sign_in_refuses_what_is_not_a_passkey_of_that_account() {
    let (app, state, db) = app_with_state().await;
    let ana = counsellor(&state, "ana@example.pe").await;
    let handle = state.store.passkey_handle(ana, "6f2a1c3e-8b4d-4e5f-9a7b-0c1d2e3f4a5b").await.unwrap();
    let start = send(&app, post_form("/entrar/llave", "")).await;
    assert_eq!(start.status, StatusCode::OK, "{}", start.body);
    assert_eq!(start.headers.get(header::CACHE_CONTROL).unwrap(), "no-store");
    let begun: serde_json::Value = serde_json::from_str(&start.body).unwrap();
    let ceremony = begun["ceremony"].as_str().unwrap().to_string();
    let options: serde_json::Value = serde_json::from_str(begun["options"].as_str().unwrap()).unwrap();
    assert!(options.get("mediation").is_none(), "asked for by the button, not the address field");

    // A device that knows Ana's handle but holds no key of hers.
    let mut stranger = Authenticator::new(b"not-anas");
    stranger.set_user_handle(uuid_bytes(&handle));
    let someone_elses = stranger.sign_in(&options, ORIGIN);
    let reply =
        send(&app, post_form("/entrar", &form_body(&[("ceremony", &ceremony), ("credential", &someone_elses)]))).await;
    refused_on_the_button(&reply, "No pudimos comprobar");
    assert!(!reply
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|c| c.to_str().unwrap().starts_with("senda_session=")));
    let replayed =
        send(&app, post_form("/entrar", &form_body(&[("ceremony", &ceremony), ("credential", &someone_elses)]))).await;
    refused_on_the_button(&replayed, "Pasó demasiado tiempo");
    let log = audit_log(&state).await;
    assert!(log.iter().any(|(action, _, subject, detail)| action == "sign_in_failed"
        && *subject == Some(ana)
        && detail == "passkey"));
    assert!(
        log.iter().any(|(action, _, subject, _)| action == "second_factor_failed" && *subject == Some(ana)),
        "counted"
    );
    db.cleanup().await;
}

/// The 16 bytes of a UUID written with hyphens: how an account's handle reaches a device.
fn uuid_bytes(text: &str) -> Vec<u8> {
    let hex: String = text.chars().filter(|c| *c != '-').collect();
    (0..16).map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap()).collect()
}

#[tokio::test]
async fn a_site_reached_at_an_ip_address_offers_no_passkeys() {
    let (app, state, db) = app_with_flags(&["--public-origin", "http://127.0.0.1:3000"]).await;
    let actor =
        person(&state, "rosa@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    let cookie = session_cookie_for(&state, &actor).await;
    let security = send(&app, page("/cuenta/verificacion", &cookie)).await;
    assert_eq!(security.status, StatusCode::OK);
    assert!(!security.body.contains(r#"href="/cuenta/verificacion/llave"#), "{}", security.body);
    let sign_in = send(&app, get("/entrar").body(Body::empty()).unwrap()).await;
    assert!(!sign_in.body.contains("data-passkey"), "no passkey-first sign-in");
    let start = send(&app, post_form_from("/entrar/llave", "", "http://127.0.0.1:3000", None)).await;
    assert_eq!(start.status, StatusCode::NOT_FOUND);
    db.cleanup().await;
}

/// Adds a passkey made by `device` for the signed-in `cookie`; the page that answers.
async fn add_passkey(app: &axum::Router, cookie: &str, device: &mut Authenticator) -> Reply {
    let (ceremony, options) = begun(app, cookie).await;
    let made = device.register(&options, ORIGIN);
    let fields = [("ceremony", ceremony.as_str()), ("credential", made.as_str()), ("name", "llave USB")];
    send(app, post("/cuenta/verificacion/llave", &fields, cookie)).await
}

/// The code page's passkey ceremony for `cookie`, and the post of `device`'s answer to it.
async fn answer_on_code_page(app: &axum::Router, cookie: &str, device: &mut Authenticator, origin: &str) -> Reply {
    let page_now = send(app, page("/entrar/codigo?volver=/personas", cookie)).await;
    let (ceremony, options) = (hidden(&page_now.body, "ceremony"), options_on(&page_now.body));
    let answer = device.sign_in(&options, origin);
    let fields = [("ceremony", ceremony.as_str()), ("credential", answer.as_str()), ("return_to", "/personas")];
    send(app, post("/entrar/codigo", &fields, cookie)).await
}

/// A passkey-first sign-in with `device`'s answer.
async fn sign_in_alone(app: &axum::Router, device: &mut Authenticator) -> Reply {
    let start = send(app, post_form("/entrar/llave", "")).await;
    let begun: serde_json::Value = serde_json::from_str(&start.body).unwrap();
    let options: serde_json::Value = serde_json::from_str(begun["options"].as_str().unwrap()).unwrap();
    let answer = device.sign_in(&options, ORIGIN);
    let ceremony = begun["ceremony"].as_str().unwrap();
    send(app, post_form("/entrar", &form_body(&[("ceremony", ceremony), ("credential", &answer)]))).await
}

#[tokio::test]
async fn a_device_s_passkey_signs_in_after_the_password_and_alone_and_no_other_key_does() {
    let (app, state, db) = app_with_state().await;
    let ana = counsellor(&state, "ana@example.pe").await;
    let beto = counsellor(&state, "beto@example.pe").await;
    let mut anas = Authenticator::new(b"ana's phone");
    let mut betos = Authenticator::new(b"beto's key");

    // Added: the first second factor, with recovery codes; the session has passed it.
    let cookie = password_step(&app, "ana@example.pe").await;
    let added = add_passkey(&app, &cookie, &mut anas).await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.body);
    assert_eq!(added.body.matches(r#"<code class="app-code">"#).count(), 10, "recovery codes come with it");
    assert_eq!(state.store.factors_of(ana).await.unwrap().passkeys, 1);
    assert_eq!(send(&app, page("/personas", &cookie)).await.status, StatusCode::OK);
    let beto_cookie = password_step(&app, "beto@example.pe").await;
    assert_eq!(add_passkey(&app, &beto_cookie, &mut betos).await.status, StatusCode::OK);
    let twice = add_passkey(&app, &cookie, &mut anas).await;
    refused_on_the_button(&twice, "No pudimos comprobar");
    let his = add_passkey(&app, &cookie, &mut betos).await;
    refused_on_the_button(&his, "ya está registrada");
    assert_eq!(state.store.factors_of(ana).await.unwrap().passkeys, 1, "neither stored");

    // After the password: her device passes; his key, a foreign origin and a replay do not.
    let cookie = password_step(&app, "ana@example.pe").await;
    let passed = answer_on_code_page(&app, &cookie, &mut anas, ORIGIN).await;
    assert_eq!(location(&passed), "/personas", "{}", passed.body);
    assert_eq!(send(&app, page("/personas", &cookie)).await.status, StatusCode::OK);
    assert!(state.store.passkeys_of(ana).await.unwrap()[0].last_used_at.is_some());
    let cookie = password_step(&app, "ana@example.pe").await;
    refused_on_the_button(&answer_on_code_page(&app, &cookie, &mut betos, ORIGIN).await, "No pudimos comprobar");
    let foreign = answer_on_code_page(&app, &cookie, &mut anas, "https://senda.example.com").await;
    refused_on_the_button(&foreign, "No pudimos comprobar");
    let code_page = send(&app, page("/entrar/codigo", &cookie)).await;
    let old_answer = anas.sign_in(&options_on(&code_page.body), ORIGIN);
    let fresh = send(&app, page("/entrar/codigo", &cookie)).await;
    let replayed = [("ceremony", hidden(&fresh.body, "ceremony")), ("credential", old_answer)];
    let replayed: Vec<(&str, &str)> = replayed.iter().map(|(k, v)| (*k, v.as_str())).collect();
    refused_on_the_button(&send(&app, post("/entrar/codigo", &replayed, &cookie)).await, "No pudimos comprobar");
    assert_eq!(location(&send(&app, page("/personas", &cookie)).await), "/entrar/codigo?volver=/personas");

    // Alone: her passkey names her account and passes both steps; his key with her handle
    // does not sign in as her.
    let alone = sign_in_alone(&app, &mut anas).await;
    assert_eq!(location(&alone), "/cuenta", "{}", alone.body);
    let session = session_cookie(&alone);
    assert_eq!(send(&app, page("/personas", &session)).await.status, StatusCode::OK, "no code owed");
    betos.set_user_handle(anas.user_handle());
    let impostor = sign_in_alone(&app, &mut betos).await;
    refused_on_the_button(&impostor, "No pudimos comprobar");
    assert!(!impostor
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|c| c.to_str().unwrap().starts_with("senda_session=")));

    let log = audit_log(&state).await;
    let passed: Vec<&str> = log
        .iter()
        .filter(|(action, _, subject, _)| action == "second_factor_passed" && *subject == Some(ana))
        .map(|(.., detail)| detail.as_str())
        .collect();
    assert_eq!(passed, ["passkey sign-in", "passkey-first"]);
    assert!(log.iter().any(|(action, _, subject, detail)| action == "second_factor_added"
        && *subject == Some(beto)
        && detail == "passkey: llave USB"));
    db.cleanup().await;
}
