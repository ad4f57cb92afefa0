//! Someone else's real records, asked for by id: another company's employer, an unverified
//! company's employer, another centre's counsellor and a job seeker each ask for a draft
//! vacancy (its page, edit form, video form, video and captions, and the server functions
//! behind them), and post the forms that would change it, and get exactly the answer a
//! vacancy that does not exist gets, holding nothing of it and changing nothing.

use super::*;

#[tokio::test]
async fn a_draft_and_its_video_are_not_found_for_anyone_outside_its_company_and_centre() {
    let (app, state, db) = app_with_state().await;
    let p = people(&state).await;
    let id = new_draft(&app, &p).await;
    let (webm, vtt) = (fixture("intro.webm"), fixture("intro.vtt"));
    let transcript = "Hola. Somos Almacenes Andinos y buscamos a alguien para el almacén.";
    let sent = send_video(&app, &p.employer, id, ("intro.webm", &webm), ("intro.vtt", &vtt), transcript, "").await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let version = state.store.sign_video(VideoOwner::Vacancy(id)).await.unwrap().unwrap().version;

    let elsewhere = second_centre(&state).await;
    let other_centre = cookie_for(
        &state,
        "ana@puno.pe",
        RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(elsewhere) },
    )
    .await;
    let pages = |id: i64| {
        [
            format!("/vacante/{id}"),
            format!("/vacantes/editar?id={id}"),
            format!("/vacantes/video?id={id}"),
            format!("/vacante/{id}/lsp?v={version}"),
            format!("/vacante/{id}/lsp.vtt?v={version}"),
        ]
    };
    let asks = |id: i64| {
        let mut asks: Vec<Ask> = pages(id).into_iter().map(Ask::Page).collect();
        for function in ["/api/vacancies/view", "/api/vacancies/video-slot", "/api/vacancies/form-choices"] {
            asks.push(Ask::Function(function, format!("id={id}")));
        }
        // Forms that would change it.
        asks.extend([
            Ask::Post(format!("/vacantes/editar?id={id}"), "title=Otro+t%C3%ADtulo".into()),
            Ask::Post("/vacantes/estado".into(), format!("vacancy={id}&step=enviar")),
            Ask::Post("/vacantes/estado".into(), format!("vacancy={id}&step=publicar")),
            Ask::Post(format!("/vacantes/video?id={id}"), "transcript=Otro".into()),
            Ask::Post("/vacantes/video/quitar".into(), format!("vacancy={id}")),
        ]);
        asks
    };
    // What of the draft could leak: its title, its text, its video's transcript and captions.
    let secrets = ["Auxiliar de almacén", "Ordenarás la mercadería", "Somos Almacenes Andinos", "WEBVTT"];
    let probers = [
        ("another company's employer", &p.other_employer),
        ("an unverified company's employer", &p.unverified_employer),
        ("another centre's counsellor", &other_centre),
        ("a job seeker", &p.seeker),
    ];
    let (real, none) = (asks(id), asks(999_999));
    let mut leaks = Vec::new();
    for (who, cookie) in probers {
        leaks.extend(outsider_leaks(&app, who, cookie, &real, &none, &secrets).await);
    }
    assert!(leaks.is_empty(), "{}", leaks.join("\n"));
    let kept = state.store.vacancy(id).await.unwrap().unwrap();
    assert_eq!((kept.status, kept.draft.title.as_str()), (VacancyStatus::Draft, "Auxiliar de almacén"));
    assert_eq!(
        state.store.sign_video(VideoOwner::Vacancy(id)).await.unwrap().unwrap().version,
        version,
        "the video stays"
    );

    // The same addresses answer its own people, so the test above asks the right ones.
    for path in &pages(id) {
        assert_eq!(page(&app, path, Some(&p.employer)).await.status, StatusCode::OK, "{path}");
    }
    assert_eq!(page(&app, &pages(id)[0], Some(&p.counsellor)).await.status, StatusCode::OK);
    db.cleanup().await;
}
