//! Fairs through the real router (journey J4's start): a centre's counsellor drafts a fair —
//! every mistake said on its field, nothing stored — publishes it, changes it, cancels it;
//! everyone finds it on the list and the home page, reads it, gets its event data and its
//! calendar file; nobody but the organising centre sees a draft or moves a fair. Stands, their
//! shifts and the questions left at them, and people registering, in the files beside.

mod chat;
mod chat_events;
mod chat_offers;
mod chat_reports;
mod outcomes;
mod questions;
mod registrations;
mod shifts;
mod slots;
mod stands;

use crate::common;
use axum::http::{header, StatusCode};
use common::web::*;
use common::web::{page_as as page, post_as as post};
use senda::accounts::{Role, RoleGrant};
use senda::domain::lima_time::lima_date;
use senda::server::auth::now;

/// A whole fair form, in person in Cusco, `days` days from today; `changes` replace fields.
fn fair_form(days: i64, changes: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    let day = lima_date(now() + days * 86_400);
    let registration = lima_date(now() + (days - 1) * 86_400);
    let mut form: Vec<(&'static str, String)> = vec![
        ("title", "Feria de empleo inclusivo <Cusco>".into()),
        ("description", "Diez empresas que contratan.\n- Ventas\n- Almacén".into()),
        ("easy_read", "Ven a conocer empresas. Trae tu DNI.".into()),
        ("mode", "in_person".into()),
        ("starts_on", day.clone()),
        ("starts_time", "09:00".into()),
        ("ends_on", day),
        ("ends_time", "17:00".into()),
        ("registration_closes_on", registration),
        ("capacity", "300".into()),
        ("venue_name", "Coliseo Casa de la Juventud".into()),
        ("venue_address", "Av. Grau 123".into()),
        ("venue_region", "cusco".into()),
        ("venue_access", "step_free".into()),
        ("venue_access", "lsp_on_site".into()),
        ("transport", "Buses 12 y 40.".into()),
    ];
    for (name, value) in changes {
        form.retain(|(k, _)| k != name);
        form.push((name, value.to_string()));
    }
    form
}

fn as_pairs<'a>(form: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    form.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// The demo centre, and the session of a counsellor of it.
async fn organiser(state: &senda::server::state::AppState) -> (i64, String) {
    let centre = state.store.list_centres().await.unwrap()[0].id;
    let grant = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre) };
    let counsellor = person(state, "jorge@centro.pe", grant).await;
    (centre, session_cookie_for(state, &counsellor).await)
}

/// A second centre, the session of a counsellor of it, and a job seeker's session: people who
/// are not the fair's organisers.
async fn outsiders(state: &senda::server::state::AppState) -> (i64, String, String) {
    let puno = second_centre(state).await;
    let ines =
        person(state, "ines@puno.pe", RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(puno) });
    let elsewhere = session_cookie_for(state, &ines.await).await;
    let rosa = person(state, "rosa@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None });
    (puno, elsewhere, session_cookie_for(state, &rosa.await).await)
}

/// The centre has no fair but the demo's two.
async fn only_the_demo_fair(state: &senda::server::state::AppState, centre: i64) -> bool {
    let fairs = state.store.centre_fairs(centre, now()).await.unwrap();
    let demo = ["Feria virtual de empleo inclusivo", "Feria presencial de empleo inclusivo — Lima"];
    fairs.iter().all(|fair| demo.contains(&fair.title.as_str()))
}

/// Posts `form` to `path` as whoever `cookie` is.
async fn sent(app: &axum::Router, path: &str, form: &[(&str, String)], cookie: &str) -> Reply {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    post(app, path, &pairs, cookie).await
}

fn id_from(location: &str) -> i64 {
    location.trim_start_matches("/feria/").split('?').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn a_counsellor_drafts_publishes_changes_and_cancels_a_fair_that_everyone_then_finds() {
    let (app, state, _db) = app_with_state().await;
    let (centre, jorge) = organiser(&state).await;
    let (puno, elsewhere, rosa) = outsiders(&state).await;

    // Mistakes come back on their fields with everything typed, and nothing is stored.
    let wrong = fair_form(10, &[("ends_time", "08:00"), ("venue_name", ""), ("capacity", "cero")]);
    let centre_id = centre.to_string();
    let mut form = as_pairs(&wrong);
    form.push(("centre", &centre_id));
    let reply = post(&app, "/ferias/nueva", &form, &jorge).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    for (field, message) in [
        ("ends_on", "El cierre de la feria tiene que ser después de su inicio"),
        ("venue_name", "Escribe el nombre del local"),
        ("capacity", "Escribe un número"),
    ] {
        assert!(reply.body.contains(&format!(r##"href="#{field}""##)), "{field}");
        assert!(reply.body.contains(message), "{message}");
    }
    assert!(reply.body.contains("Feria de empleo inclusivo &lt;Cusco&gt;"), "what was typed stays");
    assert!(only_the_demo_fair(&state, centre).await, "nothing stored");

    // A fair for another centre, or by someone who organises none, is refused.
    let puno_id = puno.to_string();
    let good = fair_form(10, &[]);
    let mut for_puno = as_pairs(&good);
    for_puno.push(("centre", &puno_id));
    assert_eq!(post(&app, "/ferias/nueva", &for_puno, &jorge).await.status, StatusCode::FORBIDDEN);
    assert_eq!(post(&app, "/ferias/nueva", &form, &rosa).await.status, StatusCode::FORBIDDEN);

    let mut form = as_pairs(&good);
    form.push(("centre", &centre_id));
    let reply = post(&app, "/ferias/nueva", &form, &jorge).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(location(&reply).ends_with("?aviso=feria-guardada"), "{}", location(&reply));
    let id = id_from(location(&reply));
    let fair_page = format!("/feria/{id}");
    let calendar = format!("/feria/{id}/calendario.ics");

    // A draft: its organisers see it with the button to publish; nobody else knows it exists.
    let draft = page(&app, &fair_page, &jorge).await;
    assert_eq!(draft.status, StatusCode::OK);
    assert!(draft.body.contains("Borrador") && draft.body.contains("Publicar la feria"));
    assert!(!draft.body.contains("application/ld+json"), "no event data for a draft");
    for cookie in [rosa.as_str(), elsewhere.as_str(), ""] {
        assert_eq!(page(&app, &fair_page, cookie).await.status, StatusCode::NOT_FOUND);
        assert_eq!(page(&app, &calendar, cookie).await.status, StatusCode::NOT_FOUND);
    }
    let publish = [("fair", id.to_string()), ("step", "publicar".to_string())];
    let publish: Vec<(&str, &str)> = publish.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(post(&app, "/ferias/estado", &publish, &elsewhere).await.status, StatusCode::NOT_FOUND);
    assert!(!page(&app, "/ferias", "").await.body.contains("Feria de empleo inclusivo"));

    // Published: on the list, on the home page, with its event data and calendar file.
    let reply = post(&app, "/ferias/estado", &publish, &jorge).await;
    assert_eq!(location(&reply), format!("{fair_page}?aviso=feria-publicada"));
    assert_eq!(post(&app, "/ferias/estado", &publish, &jorge).await.status, StatusCode::CONFLICT);
    let listed = page(&app, "/ferias", "").await.body;
    assert!(
        listed.contains(&format!(r#"href="{fair_page}""#))
            && listed.contains("Feria de empleo inclusivo &lt;Cusco&gt;")
    );
    assert!(page(&app, "/", "").await.body.contains(&format!(r#"href="{fair_page}""#)));
    let public = page(&app, &fair_page, "").await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(public.body.contains("Acceso sin escalones: sí") && public.body.contains("Baños accesibles: no indicado"));
    assert!(public.body.contains("de 09:00 a 17:00 (hora de Lima)") && public.body.contains("Buses 12 y 40."));
    assert!(!public.body.contains("Publicar la feria") && !public.body.contains("Cancelar la feria"));
    let data = event_data(&public.body);
    assert_eq!(data["@type"], "Event");
    assert_eq!(data["name"], "Feria de empleo inclusivo <Cusco>");
    assert_eq!(data["eventAttendanceMode"], "https://schema.org/OfflineEventAttendanceMode");
    assert_eq!(data["eventStatus"], "https://schema.org/EventScheduled");
    assert!(data["startDate"].as_str().unwrap().ends_with("T09:00:00-05:00"), "{}", data["startDate"]);
    assert_eq!(data["location"]["address"]["addressRegion"], "Cusco");
    assert!(!public.body.contains("\"name\":\"Feria de empleo inclusivo <Cusco>"), "nothing typed ends the script");
    let file = page(&app, &calendar, "").await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.headers[header::CONTENT_TYPE], "text/calendar; charset=utf-8");
    assert!(file.headers[header::CONTENT_DISPOSITION].to_str().unwrap().contains(&format!("feria-{id}.ics")));
    assert!(file.body.contains("\r\nDTSTART:") && file.body.contains("T140000Z\r\n"), "09:00 in Lima is 14:00 UTC");
    assert!(file.body.contains("\r\nSTATUS:CONFIRMED\r\n") && file.body.contains(&format!("/feria/{id}")));

    // Someone else's fair is not theirs to move or change.
    let cancel = [("fair", id.to_string()), ("step", "cancelar".to_string())];
    let cancel: Vec<(&str, &str)> = cancel.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(post(&app, "/ferias/estado", &cancel, &elsewhere).await.status, StatusCode::FORBIDDEN);
    assert_eq!(post(&app, "/ferias/estado", &cancel, &rosa).await.status, StatusCode::FORBIDDEN);
    let edit = format!("/ferias/editar?id={id}");
    assert_eq!(post(&app, &edit, &as_pairs(&good), &elsewhere).await.status, StatusCode::NOT_FOUND);
    assert_eq!(page(&app, &edit, &elsewhere).await.status, StatusCode::NOT_FOUND);

    // Changed to online: the venue goes, and the page says where to take part.
    let form = page(&app, &edit, &jorge).await.body;
    assert!(input_tag(&form, "venue_name").contains("Coliseo Casa de la Juventud"), "the form starts from the fair");
    let online = fair_form(10, &[("mode", "virtual"), ("venue_name", ""), ("venue_region", "")]);
    let reply = post(&app, &edit, &as_pairs(&online), &jorge).await;
    assert_eq!(location(&reply), format!("{fair_page}?aviso=feria-guardada"));
    let public = page(&app, &fair_page, "").await.body;
    assert!(public.contains("La feria es en línea") && !public.contains("Coliseo"));
    assert_eq!(event_data(&public)["eventAttendanceMode"], "https://schema.org/OnlineEventAttendanceMode");

    // Cancelled: still found, saying so, in its data and its calendar file; no longer changed.
    let reply = post(&app, "/ferias/estado", &cancel, &jorge).await;
    assert_eq!(location(&reply), format!("{fair_page}?aviso=feria-cancelada"));
    let public = page(&app, &fair_page, "").await.body;
    assert!(public.contains("Esta feria se canceló"));
    assert_eq!(event_data(&public)["eventStatus"], "https://schema.org/EventCancelled");
    let file = page(&app, &calendar, "").await.body;
    assert!(file.contains("\r\nSTATUS:CANCELLED\r\n") && file.contains("\r\nSEQUENCE:3\r\n"), "{file}");
    let reply = post(&app, &edit, &as_pairs(&online), &jorge).await;
    assert_eq!(location(&reply), format!("{fair_page}?aviso=feria-estado"));
    assert_eq!(page(&app, &edit, &jorge).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_fair_must_start_ahead_and_registration_close_before_it_ends() {
    let (app, state, _db) = app_with_state().await;
    let (centre, jorge) = organiser(&state).await;
    let centre_id = centre.to_string();
    let yesterday = lima_date(now() - 86_400);
    let late = lima_date(now() + 12 * 86_400);
    for (changes, field, message) in [
        (
            vec![
                ("starts_on", yesterday.as_str()),
                ("ends_on", yesterday.as_str()),
                ("registration_closes_on", yesterday.as_str()),
            ],
            "starts_on",
            "El inicio de la feria ya pasó",
        ),
        (vec![("registration_closes_on", late.as_str())], "registration_closes_on", "no puede ser después de la feria"),
        (vec![("starts_time", "25:00")], "starts_time", "Escribe una hora de 00:00 a 23:59"),
        (vec![("mode", "")], "mode-virtual", "Elige cómo se participa"),
        (vec![("venue_access", "helipuerto")], "venue_access", "Elige la accesibilidad del local de la lista"),
    ] {
        let form = fair_form(10, &changes);
        let mut form = as_pairs(&form);
        form.push(("centre", &centre_id));
        let reply = post(&app, "/ferias/nueva", &form, &jorge).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        assert!(reply.body.contains(&format!(r##"href="#{field}""##)) && reply.body.contains(message), "{field}");
    }
    assert!(only_the_demo_fair(&state, centre).await, "nothing stored");
}

/// The page's schema.org data, parsed.
fn event_data(body: &str) -> serde_json::Value {
    let start = body.find(r#"<script type="application/ld+json">"#).expect("event data") + 35;
    let end = start + body[start..].find("</script>").unwrap();
    serde_json::from_str(&body[start..end]).unwrap()
}

#[tokio::test]
async fn an_organiser_gives_a_fair_its_sign_language_video_which_only_those_who_may_see_the_fair_watch() {
    let (app, state, db) = app_with_state().await;
    let (centre, jorge) = organiser(&state).await;
    let (_, elsewhere, rosa) = outsiders(&state).await;
    let centre_id = centre.to_string();
    let good = fair_form(10, &[]);
    let mut form = as_pairs(&good);
    form.push(("centre", &centre_id));
    let id = id_from(location(&post(&app, "/ferias/nueva", &form, &jorge).await));
    let fair_page = format!("/feria/{id}");

    let slot = page(&app, &format!("/ferias/video?id={id}"), &jorge).await;
    assert_eq!(slot.status, StatusCode::OK);
    assert!(slot.body.contains(r#"enctype="multipart/form-data""#) && slot.body.contains("Feria de empleo inclusivo"));
    assert_eq!(page(&app, &format!("/ferias/video?id={id}"), &elsewhere).await.status, StatusCode::NOT_FOUND);

    let fixture = |name: &str| std::fs::read(format!("tests/fixtures/media/{name}")).unwrap();
    let (webm, vtt) = (fixture("intro.webm"), fixture("intro.vtt"));
    let parts = [
        Part::File { name: "video", file_name: "feria.webm", content_type: "video/webm", bytes: &webm },
        Part::File { name: "captions", file_name: "feria.vtt", content_type: "text/vtt", bytes: &vtt },
        Part::Field("transcript", "Hola. Te invitamos a la feria."),
    ];
    let upload = format!("/ferias/video?id={id}");
    assert_eq!(send(&app, post_multipart(&upload, &parts, &elsewhere)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(send(&app, post_multipart(&upload, &parts, &rosa)).await.status, StatusCode::FORBIDDEN);
    let reply = send(&app, post_multipart(&upload, &parts, &jorge)).await;
    assert_eq!(location(&reply), format!("{fair_page}?aviso=video-guardado"), "{}", reply.body);
    let version = state.store.sign_video(senda::media::store::VideoOwner::Fair(id)).await.unwrap().unwrap().version;
    let (video, captions) = (format!("/feria/{id}/lsp?v={version}"), format!("/feria/{id}/lsp.vtt?v={version}"));

    // A draft's video is its organisers' alone.
    assert_eq!(page(&app, &video, &jorge).await.status, StatusCode::OK);
    for cookie in [rosa.as_str(), elsewhere.as_str(), ""] {
        assert_eq!(page(&app, &video, cookie).await.status, StatusCode::NOT_FOUND);
        assert_eq!(page(&app, &captions, cookie).await.status, StatusCode::NOT_FOUND);
    }
    let publish = [("fair", id.to_string()), ("step", "publicar".to_string())];
    let publish: Vec<(&str, &str)> = publish.iter().map(|(k, v)| (*k, v.as_str())).collect();
    post(&app, "/ferias/estado", &publish, &jorge).await;
    let shown = page(&app, &fair_page, "").await.body;
    assert!(shown.contains(&format!(r#"src="{video}" type="video/webm""#)), "{shown}");
    assert!(shown.contains("La feria en lengua de señas peruana (LSP)") && shown.contains("Te invitamos a la feria."));
    assert_eq!(page(&app, &video, "").await.raw, webm);
    assert!(page(&app, &captions, "").await.body.starts_with("WEBVTT"));

    // Taken away: by its organisers only, and the file goes with it.
    let remove = [("fair", id.to_string())];
    let remove: Vec<(&str, &str)> = remove.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(post(&app, "/ferias/video/quitar", &remove, &elsewhere).await.status, StatusCode::NOT_FOUND);
    let reply = post(&app, "/ferias/video/quitar", &remove, &jorge).await;
    assert_eq!(location(&reply), format!("{fair_page}?aviso=video-quitado"));
    assert_eq!(page(&app, &video, "").await.status, StatusCode::NOT_FOUND);
    let kept = std::fs::read_dir(uploads_dir(&db).join("videos")).unwrap().count();
    assert_eq!(kept, 0, "no file stays behind");
}
