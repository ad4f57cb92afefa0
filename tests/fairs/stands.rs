//! Stands through the real router: a verified company asks, the organiser answers, the stand
//! has its page and its sign-language introduction; who sees what in each status.

use super::*;

/// A fair published by `jorge`'s centre, `days` days from today; its id.
pub(super) async fn published_fair(app: &axum::Router, centre: i64, jorge: &str, days: i64) -> i64 {
    published_fair_with(app, centre, jorge, days, &[]).await
}

/// The same, with `changes` to its form.
pub(super) async fn published_fair_with(
    app: &axum::Router,
    centre: i64,
    jorge: &str,
    days: i64,
    changes: &[(&'static str, &str)],
) -> i64 {
    let (good, centre_id) = (fair_form(days, changes), centre.to_string());
    let mut form = as_pairs(&good);
    form.push(("centre", &centre_id));
    let id = id_from(location(&post(app, "/ferias/nueva", &form, jorge).await));
    let publish = [("fair", id.to_string()), ("step", "publicar".to_string())];
    post(app, "/ferias/estado", &[("fair", &publish[0].1), ("step", &publish[1].1)], jorge).await;
    id
}

/// A verified demo company with a vacancy open, and that vacancy.
pub(super) async fn company_with_jobs(
    state: &senda::server::state::AppState,
) -> (senda::organisations::Company, senda::vacancies::VacancySummary) {
    let store = state.store.as_ref();
    for company in store.list_companies().await.unwrap().into_iter().filter(|c| c.verified) {
        let published = |v: &senda::vacancies::VacancySummary| {
            v.status == senda::vacancies::VacancyStatus::Published && v.closes_at > now()
        };
        if let Some(vacancy) = store.company_vacancies(company.id).await.unwrap().into_iter().find(published) {
            return (company, vacancy);
        }
    }
    panic!("a demo company with an open vacancy")
}

/// The session of a new employer of `company`.
pub(super) async fn employer(state: &senda::server::state::AppState, email: &str, company: i64) -> String {
    let grant = RoleGrant { role: Role::Employer, company_id: Some(company), centre_id: None };
    session_cookie_for(state, &person(state, email, grant).await).await
}

/// A new company not verified, and the session of its employer.
pub(super) async fn unverified_employer(state: &senda::server::state::AppState) -> (i64, String) {
    let new = senda::organisations::NewCompany {
        legal_name: "Sin Verificar S.A.C.".into(),
        ruc: senda::domain::Ruc::parse("20698765438").unwrap(),
        sector: "Comercio".into(),
        region: senda::domain::Region::parse("cusco").unwrap(),
        verified: false,
    };
    let unverified = state.store.insert_company(&new).await.unwrap();
    (unverified, employer(state, "pedro@sinverificar.pe", unverified).await)
}

/// The people around a stand: a fair of the demo centre `days` days ahead, the accepted stand
/// of a demo company with a vacancy open, and the sessions of its employer (`lucia`), the
/// organiser (`jorge`), a job seeker (`rosa`) and another company's employer (`pedro`).
pub(super) struct AtStand {
    pub app: axum::Router,
    pub state: senda::server::state::AppState,
    pub db: common::TestDb,
    pub fair: i64,
    pub stand: i64,
    pub company: i64,
    pub lucia: String,
    pub jorge: String,
    pub rosa: String,
    pub pedro: String,
}

pub(super) async fn accepted_stand(days: i64) -> AtStand {
    use senda::fairs::stands::store::{StandAnswer, StandAsk};
    use senda::fairs::stands::StandStatus;
    let (app, state, db) = app_with_state().await;
    let (centre, jorge) = organiser(&state).await;
    let (_, _, rosa) = outsiders(&state).await;
    let fair = published_fair(&app, centre, &jorge, days).await;
    let (company, _) = company_with_jobs(&state).await;
    let grant = RoleGrant { role: Role::Employer, company_id: Some(company.id), centre_id: None };
    let asker = person(&state, "lucia@empresa.pe", grant).await;
    let lucia = session_cookie_for(&state, &asker).await;
    let asker = asker.account_id;
    let (_, pedro) = unverified_employer(&state).await;
    let store = state.store.as_ref();
    // Asked and accepted in storage: the journey of asking is the test above.
    let asked = StandAsk {
        fair_id: fair,
        company_id: company.id,
        introduction: "Buscamos operarios de almacén.".into(),
        accommodations: Vec::new(),
        by: asker,
    };
    let stand = store.ask_stand(&asked, now()).await.unwrap().unwrap();
    let answer = StandAnswer { stand_id: stand, to: StandStatus::Accepted, reason: "", by: asker, mail: None };
    assert!(store.answer_stand(&answer, now()).await.unwrap());
    AtStand { app, state, db, fair, stand, company: company.id, lucia, jorge, rosa, pedro }
}

#[tokio::test]
async fn a_verified_company_asks_for_a_stand_and_the_organiser_answers_it() {
    let (app, state, _db) = app_with_state().await;
    let (centre, jorge) = organiser(&state).await;
    let (_, elsewhere, rosa) = outsiders(&state).await;
    let id = published_fair(&app, centre, &jorge, 10).await;
    let (fair_page, ask) = (format!("/feria/{id}"), format!("/ferias/stand?feria={id}"));

    // A demo company with a vacancy open, its employer, and one of a company not verified.
    let store = state.store.as_ref();
    let (company, vacancy) = company_with_jobs(&state).await;
    let lucia = employer(&state, "lucia@empresa.pe", company.id).await;
    let (unverified, pedro) = unverified_employer(&state).await;
    let company_id = company.id.to_string();

    // The form, and every mistake on its field with what was typed kept, nothing stored.
    let form = page(&app, &ask, &lucia).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains(&company.legal_name) && form.body.contains(r#"value="step_free_access""#));
    let reply =
        post(&app, &ask, &[("company", &company_id), ("introduction", " "), ("accommodations", "teleport")], &lucia)
            .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains(r##"href="#introduction""##) && reply.body.contains(r##"href="#accommodations""##));
    let other = (company.id + 1000).to_string();
    let intro = "Buscamos <operarios> de almacén.";
    let tampered = [("company", other.as_str()), ("introduction", intro)];
    assert_eq!(post(&app, &ask, &tampered, &lucia).await.status, StatusCode::FORBIDDEN);
    assert!(page(&app, &ask, &pedro).await.body.contains("Ninguna de tus empresas puede pedir un stand ahora"));
    let unverified_id = unverified.to_string();
    let reply = post(&app, &ask, &[("company", &unverified_id), ("introduction", intro)], &pedro).await;
    assert!(reply.status == StatusCode::UNPROCESSABLE_ENTITY && reply.body.contains("todavía no está verificada"));
    assert_eq!(page(&app, &ask, &jorge).await.status, StatusCode::FORBIDDEN, "counsellors organise, not ask");
    assert!(store.fair_stands(id).await.unwrap().is_empty(), "nothing stored");

    let good = [("company", company_id.as_str()), ("introduction", intro), ("accommodations", "step_free_access")];
    let reply = post(&app, &ask, &good, &lucia).await;
    assert_eq!(location(&reply), format!("{fair_page}?aviso=stand-pedido"));
    assert_eq!(post(&app, &ask, &good, &lucia).await.status, StatusCode::UNPROCESSABLE_ENTITY, "asked once");
    let stand = store.fair_stands(id).await.unwrap()[0].id;
    let stand_page = format!("/stand/{stand}");

    // Waiting: its company and the organisers see it; to everyone else it does not exist.
    assert!(page(&app, &fair_page, &lucia).await.body.contains("Pedido, espera respuesta"));
    let organising = page(&app, &fair_page, &jorge).await.body;
    assert!(organising.contains("Esperan respuesta: 1.") && organising.contains("Buscamos &lt;operarios&gt;"));
    assert!(!page(&app, &fair_page, "").await.body.contains(&stand_page));
    assert!(page(&app, &stand_page, &lucia).await.body.contains("Este stand todavía no es público"));
    for cookie in ["", rosa.as_str(), elsewhere.as_str(), pedro.as_str()] {
        assert_eq!(page(&app, &stand_page, cookie).await.status, StatusCode::NOT_FOUND);
    }

    // Its sign-language introduction, given by its company alone, watched by whoever sees it.
    let fixture = |name: &str| std::fs::read(format!("tests/fixtures/media/{name}")).unwrap();
    let (webm, vtt) = (fixture("intro.webm"), fixture("intro.vtt"));
    let parts = [
        Part::File { name: "video", file_name: "stand.webm", content_type: "video/webm", bytes: &webm },
        Part::File { name: "captions", file_name: "stand.vtt", content_type: "text/vtt", bytes: &vtt },
        Part::Field("transcript", "Hola. Somos una empresa textil."),
    ];
    let upload = format!("/ferias/stand/video?id={stand}");
    assert_eq!(send(&app, post_multipart(&upload, &parts, &pedro)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(send(&app, post_multipart(&upload, &parts, &jorge)).await.status, StatusCode::FORBIDDEN);
    let reply = send(&app, post_multipart(&upload, &parts, &lucia)).await;
    assert_eq!(location(&reply), format!("{stand_page}?aviso=video-guardado"), "{}", reply.body);
    let owner = senda::media::store::VideoOwner::Stand(stand);
    let captions = format!("/stand/{stand}/lsp.vtt?v={}", store.sign_video(owner).await.unwrap().unwrap().version);
    assert!(page(&app, &captions, &jorge).await.body.starts_with("WEBVTT"), "the organisers see it waiting");
    assert_eq!(page(&app, &captions, "").await.status, StatusCode::NOT_FOUND);

    // Declined: a reason is needed; another centre cannot answer; the company is told why.
    let (field, stand_id) = (format!("reason-{stand}"), stand.to_string());
    let decline = [("stand", stand_id.as_str()), ("decision", "rechazar"), (field.as_str(), "")];
    let reply = post(&app, "/ferias/stand/decidir", &decline, &jorge).await;
    assert!(reply.status == StatusCode::UNPROCESSABLE_ENTITY && reply.body.contains(&format!(r##"href="#{field}""##)));
    let decline = [("stand", stand_id.as_str()), ("decision", "rechazar"), (field.as_str(), "El local está completo.")];
    assert_eq!(post(&app, "/ferias/stand/decidir", &decline, &elsewhere).await.status, StatusCode::NOT_FOUND);
    assert_eq!(post(&app, "/ferias/stand/decidir", &decline, &lucia).await.status, StatusCode::NOT_FOUND);
    let reply = post(&app, "/ferias/stand/decidir", &decline, &jorge).await;
    assert_eq!(location(&reply), format!("{fair_page}?aviso=stand-rechazado"));
    assert_eq!(post(&app, "/ferias/stand/decidir", &decline, &jorge).await.status, StatusCode::CONFLICT);
    let told = store.mail_to("lucia@empresa.pe").await.unwrap();
    assert!(told.len() == 1 && told[0].body.contains("El local está completo.") && told[0].body.contains(&fair_page));
    assert!(page(&app, &fair_page, &lucia).await.body.contains("Por qué no se aceptó: El local está completo."));

    // Asked again and accepted: public, with the company's open vacancy; then taken back.
    post(&app, &ask, &good, &lucia).await;
    let accept = [("stand", stand_id.as_str()), ("decision", "aceptar")];
    assert_eq!(
        location(&post(&app, "/ferias/stand/decidir", &accept, &jorge).await),
        format!("{fair_page}?aviso=stand-aceptado")
    );
    assert_eq!(store.mail_to("lucia@empresa.pe").await.unwrap().len(), 2);
    assert!(page(&app, &fair_page, "").await.body.contains(&format!(r#"href="{stand_page}""#)));
    let public = page(&app, &stand_page, "").await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(
        public.body.contains(&format!(r#"href="/vacante/{}?stand={stand}""#, vacancy.id))
            && public.body.contains("Acceso sin escalones")
    );
    assert!(!public.body.contains("Retirar el stand") && public.body.contains("La empresa en lengua de señas peruana"));
    assert!(page(&app, &captions, "").await.body.starts_with("WEBVTT"));
    let withdraw = [("stand", stand_id.as_str())];
    assert_eq!(post(&app, "/ferias/stand/retirar", &withdraw, &pedro).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        location(&post(&app, "/ferias/stand/retirar", &withdraw, &lucia).await),
        format!("{fair_page}?aviso=stand-retirado")
    );
    assert_eq!(page(&app, &stand_page, "").await.status, StatusCode::NOT_FOUND);
    assert_eq!(page(&app, &captions, "").await.status, StatusCode::NOT_FOUND);
}
