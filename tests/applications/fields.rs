//! What the applicants' server function gives each viewer, field by field: the employer and
//! the vacancy's centre get what they need to contact and assess each applicant — never the
//! identity document, the birth date, the sex or the home address, nor needs the person did not
//! send with this application; anyone else gets nothing.

use super::*;
use common::fields::{allowed, field_names};

/// Every field an employer or the vacancy's centre may be given about applicants.
const APPLICANTS_FIELDS: &[&str] = &[
    "vacancy_id",
    "vacancy_title",
    "names",
    "names[].code",
    "names[].name_es",
    "names[].name_en",
    "records",
    "applicants",
    "applicants[].application_id",
    "applicants[].status",
    "applicants[].applied_at",
    "applicants[].message",
    "applicants[].needs_at_interview",
    "applicants[].applied_by_counsellor",
    "applicants[].history",
    "applicants[].history[].status",
    "applicants[].history[].side",
    "applicants[].history[].note",
    "applicants[].history[].at",
    "applicants[].moves",
    "applicants[].person",
    "applicants[].person.Shared",
    "applicants[].person.Shared.full_name",
    "applicants[].person.Shared.phone",
    "applicants[].person.Shared.email",
    "applicants[].person.Shared.channel",
    "applicants[].person.Shared.region",
    "applicants[].person.Shared.education",
    "applicants[].person.Shared.skills",
    "applicants[].person.Shared.languages",
    "applicants[].person.Shared.languages[].language",
    "applicants[].person.Shared.languages[].level",
    "applicants[].person.Shared.disability_types",
];

/// Every field of a CV an employer reads from the applicants' page (the lists that are empty in
/// this story have no fields of their own to show).
const CV_FIELDS: &[&str] = &[
    "full_name",
    "region",
    "home",
    "phone",
    "email",
    "channel",
    "education",
    "skills",
    "languages",
    "languages[].language",
    "languages[].level",
    "experience",
    "certificates",
    "file",
    "back",
];

async fn applicants_answer(app: &axum::Router, vacancy: i64, cookie: &str) -> Reply {
    let body = format!("vacancy={vacancy}");
    send(app, server_fn_call("/api/applications/applicants", &body, Some(cookie))).await
}

#[tokio::test]
async fn employers_and_the_centre_get_only_the_applicant_fields_they_need_and_others_nothing() {
    use ConsentKind::*;
    let (app, state, db) = app_with_state().await;
    let b = board(&state).await;
    let seeker = |email: &'static str| {
        let state = state.clone();
        async move {
            let grant = RoleGrant { role: Role::Seeker, company_id: None, centre_id: None };
            person(&state, email, grant).await
        }
    };
    // Shares everything and tells the employer the kind of her disability.
    let rosa = seeker("rosa@example.pe").await;
    let rosa_id =
        registered(&state, Some(&rosa), b.centre, "45678912", &[Register, DisabilityData, ShareWithEmployers]).await;
    let languages = [senda::seekers::SpokenLanguage {
        language: senda::seekers::Language::Quechua,
        level: senda::seekers::LanguageLevel::Native,
    }];
    state.store.save_languages(rosa_id, &languages, 1_700_000_200).await.unwrap();
    applies_asking(&state, rosa_id, b.vacancy, &rosa, true).await;
    // Shares the profile, but never agreed to her disability data being processed.
    let lucia = seeker("lucia@example.pe").await;
    let lucia_id = registered(&state, Some(&lucia), b.centre, "45678913", &[Register, ShareWithEmployers]).await;
    applies_asking(&state, lucia_id, b.vacancy, &lucia, false).await;
    // Shared her profile to apply, then took that consent back.
    let elena = seeker("elena@example.pe").await;
    let elena_id =
        registered(&state, Some(&elena), b.centre, "45678914", &[Register, DisabilityData, ShareWithEmployers]).await;
    applies_asking(&state, elena_id, b.vacancy, &elena, true).await;
    assert!(state.store.revoke_consent(elena_id, ShareWithEmployers, senda::server::auth::now()).await.unwrap());

    let counsellor = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(b.centre) };
    let centre = session_cookie_for(&state, &person(&state, "consejera@centro.pe", counsellor).await).await;
    for (who, cookie) in [("employer", &b.employer), ("centre", &centre)] {
        let reply = applicants_answer(&app, b.vacancy, cookie).await;
        assert_eq!(reply.status, StatusCode::OK, "{who}: {}", reply.body);
        let answer: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(field_names(&answer), allowed(APPLICANTS_FIELDS), "{who}: the fields of the answer");
        // Nothing that identifies or locates a person beyond the region, whatever the consents.
        for never in ["45678912", "1994-05-17", "Wanchaq", "Female", "female", "account_id", "seeker_id"] {
            assert!(!reply.body.contains(never), "{who}: {never:?} in {}", reply.body);
        }
        let applicants = answer["applicants"].as_array().unwrap();
        let shared_with_types = |types: serde_json::Value| -> Vec<&serde_json::Value> {
            applicants.iter().filter(|a| a["person"]["Shared"]["disability_types"] == types).collect()
        };
        // Rosa told the kind and consented to its processing: the employer prepares for both.
        let told = shared_with_types(serde_json::json!(["hearing"]));
        assert_eq!(told.len(), 1, "{applicants:?}");
        assert_eq!(told[0]["needs_at_interview"], serde_json::json!(["sign_interpreter_interview"]));
        assert_eq!(told[0]["person"]["Shared"]["region"], "cusco");
        // Lucía never consented to her disability data being processed: not even what she
        // asked for reaches them.
        let untold = shared_with_types(serde_json::json!([]));
        assert_eq!(untold.len(), 1, "{applicants:?}");
        assert_eq!(untold[0]["needs_at_interview"], serde_json::json!([]));
        // Elena no longer shares her profile: her application is there, she is not.
        let hidden: Vec<_> = applicants.iter().filter(|a| a["person"] == "NotShared").collect();
        assert_eq!(hidden.len(), 1, "{applicants:?}");
        assert_eq!(hidden[0]["message"], "Tengo experiencia en almacenes.");

        // The CV from the applicants' page: the region, never where in it the person lives.
        let cv_body = format!("application={}", told[0]["application_id"]);
        let cv = send(&app, server_fn_call("/api/seekers/cv", &cv_body, Some(cookie))).await;
        assert_eq!(cv.status, StatusCode::OK, "{who}: {}", cv.body);
        let cv_answer: serde_json::Value = serde_json::from_str(&cv.body).unwrap();
        assert_eq!(field_names(&cv_answer), allowed(CV_FIELDS), "{who}: the fields of the CV");
        assert_eq!(cv_answer["home"], serde_json::Value::Null, "{who}");
        assert!(!cv.body.contains("Wanchaq") && !cv.body.contains("45678912"), "{who}: {}", cv.body);
    }

    // Another company's employer and the applicants themselves learn nothing, not even that
    // there are applicants.
    let rosa_cookie = session_cookie_for(&state, &rosa).await;
    for (who, cookie) in [("another company", &b.other_employer), ("an applicant", &rosa_cookie)] {
        let reply = applicants_answer(&app, b.vacancy, cookie).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{who}: {}", reply.body);
        assert!(!reply.body.contains("Rosa"), "{who}: {}", reply.body);
    }
    db.cleanup().await;
}

/// Every field of a person's applications as their centre's counsellor reads them.
const SEEKER_APPLICATIONS_FIELDS: &[&str] = &[
    "applications",
    "applications[].id",
    "applications[].vacancy_id",
    "applications[].vacancy_title",
    "applications[].interview_guide",
    "applications[].company_name",
    "applications[].status",
    "applications[].applied_by_counsellor",
    "applications[].created_at",
    "applications[].events",
    "applications[].events[].status",
    "applications[].events[].side",
    "applications[].events[].note",
    "applications[].events[].at",
    "applications[].asked",
    "applications[].asked.needs_at_interview",
    "applications[].asked.disclose",
    "names",
    "names[].code",
    "names[].name_es",
    "names[].name_en",
];

#[tokio::test]
async fn a_persons_applications_reach_only_their_centres_counsellor_and_the_needs_only_with_consent() {
    use ConsentKind::*;
    let (app, state, db) = app_with_state().await;
    let b = board(&state).await;
    let seeker_grant = RoleGrant { role: Role::Seeker, company_id: None, centre_id: None };
    let rosa = person(&state, "rosa@example.pe", seeker_grant.clone()).await;
    // Lets her counsellor act for her and see her disability data.
    let consents = [Register, DisabilityData, ShareWithEmployers, CounsellorActs];
    let rosa_id = registered(&state, Some(&rosa), b.centre, "45678912", &consents).await;
    applies_asking(&state, rosa_id, b.vacancy, &rosa, true).await;
    let lucia = person(&state, "lucia@example.pe", seeker_grant).await;
    let lucia_id = registered(&state, Some(&lucia), b.centre, "45678913", &[Register, ShareWithEmployers]).await;
    applies_asking(&state, lucia_id, b.vacancy, &lucia, false).await;

    let elsewhere = second_centre(&state).await;
    let counsellor = |centre| RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre) };
    let ours = session_cookie_for(&state, &person(&state, "consejera@centro.pe", counsellor(b.centre)).await).await;
    let theirs = session_cookie_for(&state, &person(&state, "ana@puno.pe", counsellor(elsewhere)).await).await;
    let read = |seeker: i64, cookie: String| {
        let app = app.clone();
        async move {
            let body = format!("seeker={seeker}");
            send(&app, server_fn_call("/api/applications/of-seeker", &body, Some(&cookie))).await
        }
    };

    // Her centre's counsellor: the applications, and what she asked for only where she let
    // them see her disability data.
    for (seeker, asked) in [
        (rosa_id, serde_json::json!({"needs_at_interview": ["sign_interpreter_interview"], "disclose": true})),
        (lucia_id, serde_json::Value::Null),
    ] {
        let reply = read(seeker, ours.clone()).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let answer: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
        let mut expected = allowed(SEEKER_APPLICATIONS_FIELDS);
        if asked.is_null() {
            assert_eq!(answer["names"], serde_json::json!([]), "no names of needs it may not see");
            expected.retain(|field| !field.starts_with("names[]") && !field.starts_with("applications[].asked."));
        }
        assert_eq!(field_names(&answer), expected, "seeker {seeker}");
        assert_eq!(answer["applications"][0]["asked"], asked, "seeker {seeker}");
        assert_eq!(answer["applications"][0]["vacancy_title"], "Auxiliar de almacén");
    }
    // Not the person (she reads hers at /mis-postulaciones), not another centre, not the
    // employer she applied to: not found, naming nothing.
    let rosa_cookie = session_cookie_for(&state, &rosa).await;
    for (who, cookie) in [("herself", &rosa_cookie), ("another centre", &theirs), ("the employer", &b.employer)] {
        let reply = read(rosa_id, cookie.clone()).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{who}: {}", reply.body);
        assert!(!reply.body.contains("Auxiliar"), "{who}: {}", reply.body);
    }
    db.cleanup().await;
}
