//! What staff change about a person is in the audit log, as changes to accounts are: the
//! consents a counsellor records, the details, languages, work history and disability data
//! they write for the person. What the person changes themselves is no event.

use super::*;

/// The log's `(action, actor, subject, detail)` for changes to people, oldest first.
async fn person_events(state: &AppState) -> Vec<(String, Option<i64>, Option<i64>, String)> {
    audit_log(state).await.into_iter().filter(|event| event.0.starts_with("person_")).collect()
}

#[tokio::test]
async fn a_counsellors_changes_to_a_person_are_audited_and_the_persons_own_are_not() {
    let (app, state, db) = app_with_state().await;
    let store = state.store.as_ref();
    let centre = store.list_centres().await.unwrap()[0].id;
    let grant = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre) };
    let jorge = person(&state, "jorge@centro.pe", grant).await;
    let counsellor = session_cookie_for(&state, &jorge).await;

    // Registered at the centre, with the consents she gave there.
    let reply = send(&app, post_form_from("/personas/nueva", &registration(&[]), ORIGIN, Some(&counsellor))).await;
    let id: i64 = location(&reply).trim_start_matches("/persona/").split('?').next().unwrap().parse().unwrap();
    let events = person_events(&state).await;
    assert_eq!(events.len(), 1, "{events:?}");
    let (action, actor, subject, detail) = &events[0];
    assert_eq!((action.as_str(), *actor, *subject), ("person_consent_recorded", Some(jorge.account_id), None));
    assert!(detail.starts_with(&format!("register {id}: register")) && detail.contains("counsellor_acts"), "{detail}");

    // Acting for her: her languages, a job, her details.
    let languages = format!("/mi-perfil/idiomas?persona={id}");
    send(&app, post_form_from(&languages, "idioma-es=native", ORIGIN, Some(&counsellor))).await;
    let experience = format!("/mi-perfil/experiencia?persona={id}");
    let job = "puesto=Cajera&empleador=Bodega+Rosita&desde=03&desde-anio=2020&hasta=&hasta-anio=";
    let reply = send(&app, post_form_from(&experience, job, ORIGIN, Some(&counsellor))).await;
    assert_eq!(location(&reply), format!("{experience}&aviso=trabajo-anadido"));
    let details = format!("/mi-perfil/datos?persona={id}");
    let reply =
        send(&app, post_form_from(&details, &registration(&[("phone", "984000111")]), ORIGIN, Some(&counsellor))).await;
    assert_eq!(location(&reply), format!("/mi-perfil/idiomas?persona={id}&aviso=datos-guardados"));
    let changed: Vec<(String, String)> = person_events(&state).await.into_iter().skip(1).map(|e| (e.0, e.3)).collect();
    let expected = ["languages", "experience", "details"]
        .map(|what| ("person_details_changed".to_string(), format!("register {id}: {what}")));
    assert_eq!(changed, expected);

    // A person with her own account: her changes are hers; her counsellor's are in the log,
    // about her account.
    let rosa =
        person(&state, "rosa@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    let cookie = session_cookie_for(&state, &rosa).await;
    let mine = registration(&[("centre", &centre.to_string()), ("consent", ""), ("document_number", "70123456")]);
    let mine = format!("{mine}&consent=register&consent=disability_data&consent=counsellor_acts");
    send(&app, post_form_from("/mi-perfil", &mine, ORIGIN, Some(&cookie))).await;
    let hers = store.seeker_of_account(rosa.account_id).await.unwrap().unwrap();
    let before = person_events(&state).await.len();
    let disability = format!("/personas/discapacidad?id={hers}");
    let reply = send(&app, post_form_from(&disability, "types=hearing", ORIGIN, Some(&cookie))).await;
    assert_eq!(location(&reply), "/mi-perfil?aviso=discapacidad-guardada");
    assert_eq!(person_events(&state).await.len(), before, "her own change is no event");
    let reply = send(&app, post_form_from(&disability, "types=visual", ORIGIN, Some(&counsellor))).await;
    assert_eq!(location(&reply), format!("/persona/{hers}?aviso=discapacidad-guardada"));
    let last = person_events(&state).await.pop().unwrap();
    assert_eq!(
        last,
        (
            "person_disability_changed".to_string(),
            Some(jorge.account_id),
            Some(rosa.account_id),
            format!("register {hers}: disability")
        )
    );
    db.cleanup().await;
}
