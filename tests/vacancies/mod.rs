//! Journey J3 through the real router, as browsers without JavaScript drive it: an employer
//! drafts and submits, a counsellor returns it with a comment, the employer fixes it, the
//! counsellor publishes, anyone reads it, the employer closes it. Every refusal is checked
//! on the server against the stored vacancy.

mod probing;
mod reading;
mod videos;
mod workflow;

use crate::common;
use axum::body::Body;
use axum::http::{header, StatusCode};
use common::web::*;
use senda::accounts::{Role, RoleGrant};
use senda::domain::lima_time::lima_date;
use senda::domain::{Region, Ruc};
use senda::media::store::VideoOwner;
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

/// The id of the vacancy a redirect leads to.
fn vacancy_id(reply: &Reply) -> i64 {
    let path =
        location(reply).strip_prefix("/vacante/").unwrap_or_else(|| panic!("not a vacancy: {}", location(reply)));
    path.split('?').next().unwrap().parse().unwrap()
}

/// The `<h1>` of a page, as text.
fn heading(body: &str) -> &str {
    let start = body.find("<h1").and_then(|i| body[i..].find('>').map(|j| i + j + 1)).expect("an h1");
    &body[start..start + body[start..].find("</h1>").unwrap()]
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
