//! The register through the real router (journey J2's first step): a counsellor registers a
//! person who is with them, with the consents read out; the same document twice is refused
//! without telling anything about the person; and each viewer sees of a profile only what the
//! person's consents allow, with every look at disability data recorded.

mod audited;
mod disability;
mod profile;
mod registering;

use crate::common;
use axum::body::Body;
use axum::http::{header, StatusCode};
use common::web::*;
use senda::accounts::{Role, RoleGrant};
use senda::domain::{ConadisNumber, Region};
use senda::organisations::NewCentre;
use senda::seekers::consent::{ConsentKind, RecordedBy};
use senda::seekers::store::{ConsentGiven, NewSeeker};
use senda::server::state::AppState;

async fn page(app: &axum::Router, path: &str, cookie: Option<&str>) -> Reply {
    let mut request = get(path);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    send(app, request.body(Body::empty()).unwrap()).await
}

fn registration(changes: &[(&str, &str)]) -> String {
    let mut fields: Vec<(String, String)> = [
        ("full_name", "Rosa Huamán Quispe"),
        ("document_type", "dni"),
        ("document_number", "45678912"),
        ("birth_date", "1994-05-17"),
        ("sex", "female"),
        ("region", "cusco"),
        ("province", "Cusco"),
        ("district", "Wanchaq"),
        ("phone", "984123456"),
        ("email", ""),
        ("channel", "whatsapp"),
        ("education", "secondary"),
        ("skills", "atención al cliente"),
        ("consent", "register"),
        ("consent", "counsellor_acts"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (name, value) in changes {
        fields.retain(|(k, _)| k != name);
        if !value.is_empty() {
            fields.push((name.to_string(), value.to_string()));
        }
    }
    serde_urlencoded::to_string(&fields).unwrap()
}

async fn counsellor_of(state: &AppState, email: &str, centre: i64) -> String {
    let grant = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre) };
    session_cookie_for(state, &person(state, email, grant).await).await
}

async fn other_centre(state: &AppState) -> i64 {
    let centre = NewCentre {
        name: "Centro de Empleo Arequipa".into(),
        region: Region::parse("arequipa").unwrap(),
        address: "Calle Mercaderes 100, Arequipa".into(),
        phone: "(054) 21-2121".into(),
        email: "arequipa@example.pe".into(),
    };
    state.store.insert_centre(&centre).await.unwrap()
}
