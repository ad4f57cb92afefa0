//! Registering for a fair through the real router: a job seeker registers from the fair's
//! page with the accommodations their profile names already ticked — each mistake said on its
//! field, nothing stored — follows each request's answer on their page and by email, and
//! cancels; the organising centre's counsellors alone read who registered and answer; a
//! counsellor registers a person who lets them act for them, and the person is told; the last
//! place is said on the form.

use super::stands::{published_fair, published_fair_with};
use super::*;
use crate::applications::registered;
use senda::seekers::consent::ConsentKind::{CounsellorActs, DisabilityData, Register};

const REGISTER: &str = "/ferias/inscripcion";
const ANSWER: &str = "/ferias/inscritos/responder";

/// A new job seeker's account and session.
async fn seeker(state: &senda::server::state::AppState, email: &str) -> (senda::accounts::Actor, String) {
    let grant = RoleGrant { role: Role::Seeker, company_id: None, centre_id: None };
    let actor = person(state, email, grant).await;
    let cookie = session_cookie_for(state, &actor).await;
    (actor, cookie)
}

#[tokio::test]
async fn a_seeker_registers_with_what_they_need_and_the_organiser_answers_each_request() {
    let (app, state, _db) = app_with_state().await;
    let (centre, jorge) = organiser(&state).await;
    let (_, ines, _) = outsiders(&state).await;
    let fair = published_fair(&app, centre, &jorge, 10).await;
    let (marta, cookie) = seeker(&state, "marta@example.pe").await;
    // Her profile says: an interpreter, and an accessible toilet, at interviews.
    let profile =
        crate::applications::registered(&state, Some(&marta), centre, "45678912", &[Register, DisabilityData]).await;
    let disability = senda::seekers::Disability {
        conadis: None,
        types: vec!["hearing".into()],
        needs_at_interview: vec!["sign_interpreter_interview".into(), "accessible_toilet".into()],
        needs_at_work: vec![],
    };
    state.store.save_disability(profile, &disability, now()).await.unwrap();
    let (fair_page, own_page) = (format!("/feria/{fair}"), format!("{REGISTER}?id={fair}"));

    let signed_out = page(&app, &fair_page, "").await.body;
    assert!(signed_out.contains("Inicia sesión para inscribirte") && signed_out.contains("Lugares libres: 300 de 300"));
    assert!(page(&app, &fair_page, &cookie).await.body.contains(&format!(r#"href="{REGISTER}?id={fair}""#)));
    let form = page(&app, &own_page, &cookie).await.body;
    assert!(checked(&form, "need-lsp_interpreter") && !checked(&form, "need-breaks"), "ticked from the profile");
    assert!(form.contains("Baño accesible</textarea>"), "the rest named in words");
    assert_eq!(page(&app, &own_page, &jorge).await.status, StatusCode::FORBIDDEN);

    // Refused on its field, nothing stored.
    let fair_id = fair.to_string();
    let with = |needs: &[&str], other: &str| {
        let mut form = vec![("fair", fair_id.clone()), ("other", other.to_string())];
        form.extend(needs.iter().map(|n| ("need", n.to_string())));
        form
    };
    let reply = sent(&app, REGISTER, &with(&["breaks", "teleport"], ""), &cookie).await;
    assert!(reply.status == StatusCode::UNPROCESSABLE_ENTITY && reply.body.contains(r##"href="#need""##));
    assert!(checked(&reply.body, "need-breaks"), "what was chosen is kept");
    let reply = sent(&app, REGISTER, &with(&[], &"x".repeat(501)), &cookie).await;
    assert!(reply.status == StatusCode::UNPROCESSABLE_ENTITY && reply.body.contains(r##"href="#other""##));
    assert!(state.store.registration(fair, marta.account_id).await.unwrap().is_none(), "nothing stored");
    assert_eq!(sent(&app, REGISTER, &with(&["breaks"], ""), &jorge).await.status, StatusCode::FORBIDDEN);

    let reply =
        sent(&app, REGISTER, &with(&["lsp_interpreter", "breaks"], "Una silla <cerca> de la puerta"), &cookie).await;
    assert_eq!(location(&reply), format!("{own_page}&aviso=inscripcion-hecha"));
    let own = page(&app, &own_page, &cookie).await.body;
    assert!(own.contains("Estás inscrito o inscrita desde") && own.contains("Una silla &lt;cerca&gt; de la puerta"));
    assert!(own.contains("El organizador responde hasta el"));
    assert!(page(&app, &fair_page, &cookie).await.body.contains("Ver tu inscripción y tus pedidos de ajustes"));

    // The organiser's list: names and requests, never an address; theirs alone.
    let list = format!("/ferias/inscritos?id={fair}");
    assert!(page(&app, &fair_page, &jorge).await.body.contains("(por organizar: 3; atrasados: 0)"));
    let listed = page(&app, &list, &jorge).await;
    assert_eq!(listed.status, StatusCode::OK);
    assert!(listed.body.contains("marta") && listed.body.contains("Ajustes por organizar (3)"));
    assert!(!listed.body.contains("marta@example.pe"));
    assert_eq!(page(&app, &list, &ines).await.status, StatusCode::NOT_FOUND);
    assert_eq!(page(&app, &list, &cookie).await.status, StatusCode::FORBIDDEN);

    // Answered: a choice, and why when it is not possible; by the organisers alone.
    let registration = state.store.registration(fair, marta.account_id).await.unwrap().unwrap().id;
    let (to, why) = (format!("to-{registration}-breaks"), format!("why-{registration}-breaks"));
    let answer = |choice: &str, words: &str| {
        vec![
            ("fair", fair_id.clone()),
            ("registration", registration.to_string()),
            ("need", "breaks".to_string()),
            (to.as_str(), choice.to_string()),
            (why.as_str(), words.to_string()),
        ]
    };
    let reply = sent(&app, ANSWER, &answer("", ""), &jorge).await;
    assert!(
        reply.status == StatusCode::UNPROCESSABLE_ENTITY && reply.body.contains(&format!(r##"href="#{to}-arranged""##))
    );
    let reply = sent(&app, ANSWER, &answer("not_possible", " "), &jorge).await;
    assert!(reply.status == StatusCode::UNPROCESSABLE_ENTITY && reply.body.contains(&format!(r##"href="#{why}""##)));
    assert_eq!(sent(&app, ANSWER, &answer("arranged", ""), &ines).await.status, StatusCode::NOT_FOUND);
    assert!(state.store.mail_to("marta@example.pe").await.unwrap().is_empty(), "nothing sent yet");
    let reply = sent(&app, ANSWER, &answer("not_possible", "La sala no tiene otra salida."), &jorge).await;
    assert_eq!(location(&reply), format!("{list}&aviso=ajuste-respondido"));
    let told = state.store.mail_to("marta@example.pe").await.unwrap();
    assert!(
        told.len() == 1 && told[0].body.contains("La sala no tiene otra salida.") && told[0].body.contains(&own_page)
    );
    let own = page(&app, &own_page, &cookie).await.body;
    assert!(
        own.contains("No es posible. El organizador dice por qué:") && own.contains("La sala no tiene otra salida.")
    );
    assert!(page(&app, &list, &jorge).await.body.contains("Ajustes por organizar (2)"));

    // Cancelled: the place is free again, and there is nothing left to cancel or answer.
    let cancel = [("fair", fair_id.as_str())];
    let reply = post(&app, "/ferias/inscripcion/cancelar", &cancel, &cookie).await;
    assert_eq!(location(&reply), format!("{fair_page}?aviso=inscripcion-cancelada"));
    assert_eq!(state.store.fair(fair).await.unwrap().unwrap().registered, 0);
    assert_eq!(post(&app, "/ferias/inscripcion/cancelar", &cancel, &cookie).await.status, StatusCode::CONFLICT);
    assert_eq!(sent(&app, ANSWER, &answer("arranged", ""), &jorge).await.status, StatusCode::NOT_FOUND);
    // Registering again starts from what was asked last time.
    let again = page(&app, &own_page, &cookie).await.body;
    assert!(checked(&again, "need-lsp_interpreter") && checked(&again, "need-breaks"));
}

#[tokio::test]
async fn the_last_place_goes_once_and_the_form_says_so() {
    let (app, state, _db) = app_with_state().await;
    let (centre, jorge) = organiser(&state).await;
    let fair = published_fair_with(&app, centre, &jorge, 10, &[("capacity", "1")]).await;
    let ((_, marta), (_, luis)) = (seeker(&state, "marta@example.pe").await, seeker(&state, "luis@example.pe").await);
    let form = [("fair", fair.to_string())];
    let reply = sent(&app, REGISTER, &form, &marta).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    // Already registered: the page shows the registration, and nothing changes.
    assert_eq!(location(&sent(&app, REGISTER, &form, &marta).await), format!("{REGISTER}?id={fair}"));
    let reply = sent(&app, REGISTER, &form, &luis).await;
    assert!(
        reply.status == StatusCode::UNPROCESSABLE_ENTITY && reply.body.contains("Ya no quedan lugares en esta feria")
    );
    assert!(page(&app, &format!("{REGISTER}?id={fair}"), &luis)
        .await
        .body
        .contains("Ya no quedan lugares en esta feria."));
    assert!(page(&app, &format!("/feria/{fair}"), &luis).await.body.contains("Lugares libres: 0 de 1"));
    assert_eq!(state.store.fair(fair).await.unwrap().unwrap().registered, 1);
}

#[tokio::test]
async fn a_counsellor_registers_a_person_who_lets_them_act_for_her_and_she_is_told() {
    let (app, state, _db) = app_with_state().await;
    let (centre, jorge) = organiser(&state).await;
    let (_, ines, _) = outsiders(&state).await;
    let fair = published_fair(&app, centre, &jorge, 10).await;
    let (marta, cookie) = seeker(&state, "marta@example.pe").await;
    let acts = registered(&state, Some(&marta), centre, "45678912", &[Register, DisabilityData, CounsellorActs]).await;
    let (luis, _) = seeker(&state, "luis@example.pe").await;
    let keeps_to_himself = registered(&state, Some(&luis), centre, "45678913", &[Register, DisabilityData]).await;
    let no_account = registered(&state, None, centre, "45678914", &[Register, CounsellorActs]).await;
    let for_her = |persona: i64| format!("{REGISTER}?id={fair}&persona={persona}");

    // Her interview needs, as she lets the centre see them: the look is recorded for her.
    let form = page(&app, &for_her(acts), &jorge).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Rosa Huamán Quispe") && checked(&form.body, "need-lsp_interpreter"));
    assert_eq!(state.store.sensitive_accesses(acts).await.unwrap().len(), 1);
    assert_eq!(page(&app, &for_her(keeps_to_himself), &jorge).await.status, StatusCode::NOT_FOUND);
    assert_eq!(page(&app, &for_her(acts), &ines).await.status, StatusCode::NOT_FOUND);
    assert_eq!(page(&app, &for_her(acts), &cookie).await.status, StatusCode::FORBIDDEN);
    assert!(page(&app, &for_her(no_account), &jorge).await.body.contains("todavía no tiene cuenta en Senda"));

    let fair_id = fair.to_string();
    let form = |persona: i64| {
        vec![("fair", fair_id.clone()), ("persona", persona.to_string()), ("need", "lsp_interpreter".to_string())]
    };
    let reply = sent(&app, REGISTER, &form(no_account), &jorge).await;
    assert!(
        reply.status == StatusCode::UNPROCESSABLE_ENTITY && reply.body.contains("todavía no tiene cuenta en Senda")
    );
    assert_eq!(sent(&app, REGISTER, &form(keeps_to_himself), &jorge).await.status, StatusCode::NOT_FOUND);
    assert_eq!(sent(&app, REGISTER, &form(acts), &ines).await.status, StatusCode::NOT_FOUND);
    let reply = sent(&app, REGISTER, &form(acts), &jorge).await;
    assert_eq!(location(&reply), format!("{}&aviso=persona-inscrita", for_her(acts)));
    let told = state.store.mail_to("marta@example.pe").await.unwrap();
    assert!(
        told.len() == 1
            && told[0].body.contains("te inscribió")
            && told[0].body.contains(&format!("{REGISTER}?id={fair}"))
    );
    let own = page(&app, &format!("{REGISTER}?id={fair}"), &cookie).await.body;
    assert!(own.contains("Te inscribió tu consejero o consejera"));
    let list = page(&app, &format!("/ferias/inscritos?id={fair}"), &jorge).await.body;
    assert!(list.contains("por su consejero o consejera"));

    // Her profile, as her counsellor reads it, has the fair with her registration.
    let profile = page(&app, &format!("/persona/{acts}"), &jorge).await.body;
    assert!(
        profile.contains("Ferias de empleo")
            && profile.contains(&for_her(acts).replace('&', "&amp;"))
            && profile.contains("ver su inscripción")
    );

    // Cancelled for her: she is told too.
    let cancel = [("fair", fair_id.as_str()), ("persona", &acts.to_string())];
    let reply = post(&app, "/ferias/inscripcion/cancelar", &cancel, &jorge).await;
    assert_eq!(location(&reply), format!("{}&aviso=inscripcion-de-persona-cancelada", for_her(acts)));
    let told = state.store.mail_to("marta@example.pe").await.unwrap();
    assert!(told.len() == 2 && told.iter().any(|m| m.body.contains("canceló tu inscripción")));
}

/// Whether the check box `id` is ticked in `body`.
fn checked(body: &str, id: &str) -> bool {
    let at = body.find(&format!(r#"id="{id}""#)).unwrap_or_else(|| panic!("no box {id}"));
    let tag = &body[body[..at].rfind('<').unwrap()..];
    tag[..tag.find('>').unwrap()].contains("checked")
}
