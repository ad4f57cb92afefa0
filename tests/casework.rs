//! Casework through the real router: the centre's counsellor keeps dated notes on a person's
//! case and records the outcome (a job, from the application that led to it, or the case
//! closed with a reason); the person reads both; nobody else sees or writes any of it.

use crate::common;
use axum::http::StatusCode;
use common::fields::{allowed, field_names};
use common::web::*;
use common::web::{page_as as page, post_as as post};
use senda::accounts::{Role, RoleGrant};
use senda::casework::{Employment, Outcome, WageBand};
use senda::domain::{DocumentType, IdentityDocument, Region};
use senda::seekers::consent::{ConsentKind, RecordedBy};
use senda::seekers::store::{ConsentGiven, NewSeeker};

#[tokio::test]
async fn the_centres_counsellor_keeps_notes_and_records_the_outcome_the_person_reads_them_and_nobody_else() {
    let (app, state, db) = app_with_state().await;
    let store = state.store.as_ref();
    let centre = store.list_centres().await.unwrap()[0].id;
    let counsellor_grant = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre) };
    let counsellor = person(&state, "jorge@centro.pe", counsellor_grant).await;
    let jorge = session_cookie_for(&state, &counsellor).await;
    let rosa_account =
        person(&state, "rosa@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    let rosa = session_cookie_for(&state, &rosa_account).await;
    let other = session_cookie_for(
        &state,
        &person(&state, "otra@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await,
    )
    .await;
    let seeker = NewSeeker {
        personal: senda::seekers::PersonalDetails {
            full_name: "Rosa Huamán Quispe".into(),
            document: IdentityDocument::parse(DocumentType::Dni, "45678912").unwrap(),
            birth_date: "1994-05-17".into(),
            sex: senda::seekers::Sex::Female,
            region: Region::parse("cusco").unwrap(),
            province: String::new(),
            district: String::new(),
            phone: "984123456".into(),
            email: String::new(),
            channel: senda::seekers::ContactChannel::PhoneCall,
        },
        account_id: Some(rosa_account.account_id),
        centre_id: Some(centre),
        education: None,
        skills: Vec::new(),
    };
    let given = ConsentGiven { by: RecordedBy::Counsellor, recorder_id: counsellor.account_id, at: 1_700_000_000 };
    let id = store.register_seeker(&seeker, &[ConsentKind::Register], given).await.unwrap();
    let profile_path = format!("/persona/{id}");

    // A note: empty is said on its field; then kept, signed, and shown to Rosa too.
    let reply = post(&app, &profile_path, &[("case_note", "  ")], &jorge).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("Escribe la nota") && reply.body.contains(r##"href="#case_note""##));
    let reply = post(&app, &profile_path, &[("case_note", "Vino al centro. <b>Busca</b> medio tiempo.")], &jorge).await;
    assert_eq!(location(&reply), format!("{profile_path}?aviso=nota-guardada#casework-h"));
    let mine = page(&app, "/mi-perfil", &rosa).await.body;
    assert!(
        mine.contains("Vino al centro. &lt;b&gt;Busca&lt;/b&gt; medio tiempo.") && mine.contains("jorge"),
        "{mine}"
    );
    assert!(!mine.contains("Guardar la nota"), "the person reads them; the counsellor writes them");
    assert_eq!(post(&app, &profile_path, &[("case_note", "Hola")], &other).await.status, StatusCode::NOT_FOUND);
    assert_eq!(post(&app, &profile_path, &[("case_note", "Hola")], &rosa).await.status, StatusCode::NOT_FOUND);
    assert_eq!(store.case_notes(id).await.unwrap().len(), 1);

    // The outcome: what is missing is said on each field, with everything typed kept.
    let outcome = format!("/personas/resultado?id={id}");
    assert_eq!(page(&app, &outcome, &other).await.status, StatusCode::NOT_FOUND);
    let form = page(&app, &outcome, &jorge).await.body;
    assert!(form.contains("Resultado de Rosa Huamán Quispe"), "{form}");
    let partial = [("kind", "hired"), ("employer", "Textiles Andinos S.A.C."), ("started_on", "2026-13-40")];
    let reply = post(&app, &outcome, &partial, &jorge).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    for said in ["Elige si el empleo es formal o informal", "Escribe la fecha de inicio", "Escribe el puesto"] {
        assert!(reply.body.contains(said), "{said}");
    }
    assert!(input_tag(&reply.body, "employer").contains("Textiles Andinos S.A.C."));
    assert!(store.outcomes(id).await.unwrap().is_empty());
    let whole = [
        ("kind", "hired"),
        ("employment", "formal"),
        ("started_on", "2026-12-15"),
        ("employer", "Textiles Andinos S.A.C."),
        ("job_title", "Auxiliar de almacén"),
        ("hours", "part_time"),
        ("wage", "minimum_to_1500"),
        ("reason", ""),
    ];
    assert_eq!(post(&app, &outcome, &whole, &other).await.status, StatusCode::NOT_FOUND);
    let reply = post(&app, &outcome, &whole, &jorge).await;
    assert_eq!(location(&reply), format!("{profile_path}?aviso=resultado-guardado#casework-h"));
    let recorded = store.outcomes(id).await.unwrap();
    let Outcome::Hired(placement) = &recorded[0].outcome else { panic!("hired") };
    assert_eq!((placement.employment, placement.wage), (Employment::Formal, WageBand::MinimumTo1500));
    let mine = page(&app, "/mi-perfil", &rosa).await.body;
    assert!(mine.contains("Contratada como «Auxiliar de almacén» en Textiles Andinos S.A.C.: empleo Formal"));
    // An application that is not the person's cannot be named.
    let stray = format!("/personas/resultado?id={id}&postulacion=999999");
    assert_eq!(page(&app, &stray, &jorge).await.status, StatusCode::NOT_FOUND);

    // The case file's server function, field by field: the person and their centre's
    // counsellor get the same fields; another centre's counsellor, an employer and another
    // person get a not-found that names nobody.
    let elsewhere = second_centre(&state).await;
    let grant = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(elsewhere) };
    let puno = session_cookie_for(&state, &person(&state, "ana@puno.pe", grant).await).await;
    let company = store
        .insert_company(&senda::organisations::NewCompany {
            legal_name: "Almacenes Andinos S.A.C.".into(),
            ruc: senda::domain::Ruc::parse("20556677884").unwrap(),
            sector: "Logística".into(),
            region: Region::parse("cusco").unwrap(),
            verified: true,
        })
        .await
        .unwrap();
    let employer_grant = RoleGrant { role: Role::Employer, company_id: Some(company), centre_id: None };
    let employer = session_cookie_for(&state, &person(&state, "carmen@andinos.pe", employer_grant).await).await;
    let case_file = |cookie: String| {
        let app = app.clone();
        async move { send(&app, server_fn_call("/api/casework/case-file", &format!("seeker={id}"), Some(&cookie))).await }
    };
    for (who, cookie, counsels) in [("the person", &rosa, false), ("her counsellor", &jorge, true)] {
        let reply = case_file(cookie.clone()).await;
        assert_eq!(reply.status, StatusCode::OK, "{who}: {}", reply.body);
        let answer: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(field_names(&answer), allowed(CASE_FILE_FIELDS), "{who}: the fields of the case file");
        assert_eq!(answer["counsels"], counsels, "{who}");
    }
    for (who, cookie) in [("another centre", &puno), ("an employer", &employer), ("another person", &other)] {
        let reply = case_file(cookie.clone()).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{who}: {}", reply.body);
        assert!(!reply.body.contains("Rosa") && !reply.body.contains("Vino al centro"), "{who}: {}", reply.body);
    }
    db.cleanup().await;
}

/// Every field of a case file, for the person and for their centre's counsellor.
const CASE_FILE_FIELDS: &[&str] = &[
    "outcomes",
    "outcomes[].outcome",
    "outcomes[].outcome.Hired",
    "outcomes[].outcome.Hired.employment",
    "outcomes[].outcome.Hired.started_on",
    "outcomes[].outcome.Hired.employer",
    "outcomes[].outcome.Hired.job_title",
    "outcomes[].outcome.Hired.hours",
    "outcomes[].outcome.Hired.wage",
    "outcomes[].application_id",
    "outcomes[].recorded_by",
    "outcomes[].at",
    "notes",
    "notes[].author",
    "notes[].body",
    "notes[].at",
    "counsels",
];
