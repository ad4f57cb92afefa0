//! Applications through the real router: a job seeker applies with the accommodations they
//! need, the employer sees of them only what their consents allow and moves them along, the
//! person reads each change in plain words and may withdraw; a counsellor applies for a person
//! only when the person lets them act for them; another company's employer learns nothing.

mod common;

use axum::body::Body;
use axum::http::{header, StatusCode};
use common::web::*;
use senda::accounts::{Actor, Role, RoleGrant};
use senda::applications::ApplicationStatus;
use senda::domain::{Region, Ruc};
use senda::organisations::NewCompany;
use senda::seekers::consent::{ConsentKind, RecordedBy};
use senda::seekers::store::{ConsentGiven, NewSeeker};
use senda::server::state::AppState;
use senda::vacancies::{ContractType, Modality, VacancyDraft, VacancyStatus, WorkingHours};

async fn page(app: &axum::Router, path: &str, cookie: &str) -> Reply {
    send(app, get(path).header(header::COOKIE, cookie).body(Body::empty()).unwrap()).await
}

async fn post(app: &axum::Router, path: &str, form: &[(&str, &str)], cookie: &str) -> Reply {
    send(app, post_form_from(path, &serde_urlencoded::to_string(form).unwrap(), ORIGIN, Some(cookie))).await
}

fn location(reply: &Reply) -> &str {
    reply.headers.get(header::LOCATION).and_then(|l| l.to_str().ok()).unwrap_or("")
}

struct Board {
    centre: i64,
    vacancy: i64,
    closed_vacancy: i64,
    employer: String,
    other_employer: String,
}

/// Two verified companies with an employer each, and a published vacancy of the first (plus
/// one whose closing date has passed).
async fn board(state: &AppState) -> Board {
    let store = state.store.as_ref();
    let company = |name: &str, ruc: &str| NewCompany {
        legal_name: name.into(),
        ruc: Ruc::parse(ruc).unwrap(),
        sector: "Logística".into(),
        region: Region::parse("cusco").unwrap(),
        verified: true,
    };
    let ours = store.insert_company(&company("Almacenes Andinos S.A.C.", "20556677884")).await.unwrap();
    let theirs = store.insert_company(&company("Otra Empresa S.A.C.", "20100987652")).await.unwrap();
    let centre = store.list_centres().await.unwrap()[0].id;
    let employer = |company_id| RoleGrant { role: Role::Employer, company_id: Some(company_id), centre_id: None };
    let now = senda::server::auth::now();
    let draft = |closes_at| VacancyDraft {
        company_id: ours,
        centre_id: centre,
        title: "Auxiliar de almacén".into(),
        region: "cusco".into(),
        province: "Cusco".into(),
        district: "Wanchaq".into(),
        modality: Modality::OnSite,
        contract: ContractType::FixedTerm,
        hours: WorkingHours::PartTime,
        salary: Some((1_200, 1_500)),
        openings: 2,
        description: "Ordenar y registrar la mercadería.".into(),
        requirements: "Secundaria completa.".into(),
        easy_read: "Trabajo en un almacén.".into(),
        workplace_access: "Rampa en la entrada.".into(),
        interview: "Entrevista en persona.".into(),
        accommodations: vec!["sign_interpreter_interview".into()],
        skills: vec!["Inventarios".into()],
        closes_at,
    };
    let mut ids = Vec::new();
    for closes_at in [now + 30 * 86_400, now + 60] {
        let id = store.create_vacancy(&draft(closes_at), None, now - 100).await.unwrap();
        store.move_vacancy(id, &[VacancyStatus::Draft], VacancyStatus::Published, None, "", now - 50).await.unwrap();
        ids.push(id);
    }
    // The second one's date passes: as if the job that closes vacancies had not run yet.
    sqlx_set_closes(state, ids[1], now - 1).await;
    Board {
        centre,
        vacancy: ids[0],
        closed_vacancy: ids[1],
        employer: session_cookie_for(state, &person(state, "carmen@andinos.pe", employer(ours)).await).await,
        other_employer: session_cookie_for(state, &person(state, "otro@otra.pe", employer(theirs)).await).await,
    }
}

async fn sqlx_set_closes(state: &AppState, id: i64, closes_at: i64) {
    let vacancy = state.store.vacancy(id).await.unwrap().unwrap();
    let draft = VacancyDraft { closes_at, ..vacancy.draft };
    assert!(state.store.update_vacancy(id, &draft, closes_at).await.unwrap());
}

/// A person in the register, followed by `centre`, with `consents`; with an account when
/// `account` is given. Their disability data says hearing, and an interpreter at interviews.
async fn registered(
    state: &AppState,
    account: Option<&Actor>,
    centre: i64,
    dni: &str,
    consents: &[ConsentKind],
) -> i64 {
    use senda::domain::{DocumentType, IdentityDocument};
    let store = state.store.as_ref();
    let personal = senda::seekers::PersonalDetails {
        full_name: "Rosa Huamán Quispe".into(),
        document: IdentityDocument::parse(DocumentType::Dni, dni).unwrap(),
        birth_date: "1994-05-17".into(),
        sex: senda::seekers::Sex::Female,
        region: Region::parse("cusco").unwrap(),
        province: "Cusco".into(),
        district: "Wanchaq".into(),
        phone: "984123456".into(),
        email: "rosa@example.pe".into(),
        channel: senda::seekers::ContactChannel::WhatsApp,
    };
    let seeker = NewSeeker {
        personal,
        account_id: account.map(|a| a.account_id),
        centre_id: Some(centre),
        education: None,
        skills: vec!["Inventarios".into()],
    };
    let by = account.map_or(RecordedBy::Counsellor, |_| RecordedBy::Themselves);
    let given = ConsentGiven { by, recorder_id: account.map_or(1, |a| a.account_id), at: 1_700_000_000 };
    let id = store.register_seeker(&seeker, consents, given).await.unwrap();
    let disability = senda::seekers::Disability {
        conadis: None,
        types: vec!["hearing".into()],
        needs_at_interview: vec!["sign_interpreter_interview".into()],
        needs_at_work: vec![],
    };
    store.save_disability(id, &disability, 1_700_000_100).await.unwrap();
    id
}

#[tokio::test]
async fn a_seeker_applies_the_employer_sees_what_consent_allows_and_moves_it_and_the_seeker_reads_each_step() {
    use ConsentKind::*;
    let (app, state, db) = app_with_state().await;
    let b = board(&state).await;
    let rosa =
        person(&state, "rosa@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    let seeker = registered(&state, Some(&rosa), b.centre, "45678912", &[Register, DisabilityData]).await;
    let cookie = session_cookie_for(&state, &rosa).await;
    let apply = format!("/postular?vacante={}", b.vacancy);

    let vacancy_page = page(&app, &format!("/vacante/{}", b.vacancy), &cookie).await.body;
    assert!(vacancy_page.contains(&format!(r#"href="{apply}""#)), "the vacancy page leads to the form");
    let form = page(&app, &apply, &cookie).await.body;
    assert!(form.contains(&format!(r#"<form method="post" action="{apply}""#)), "{form}");
    assert!(input_tag(&form, "interview-sign_interpreter_interview").contains("checked"), "prefilled from the profile");
    assert!(form.contains("(la empresa lo ofrece)"));
    assert!(input_tag(&form, "share-si").contains(r#"type="checkbox""#), "the share consent is asked for");

    // Without the consent to share the profile, nothing is sent and what was typed stays.
    let message = "Trabajé dos años en un almacén. <b>Gracias</b>";
    let fields = [("message", message), ("interview", "sign_interpreter_interview")];
    let reply = post(&app, &apply, &fields, &cookie).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("marca que das permiso para compartir el perfil"));
    assert!(reply.body.contains("Trabajé dos años en un almacén. &lt;b&gt;Gracias&lt;/b&gt;"));
    assert!(state.store.seeker_applications(seeker).await.unwrap().is_empty());
    // A tampered accommodation is refused on its field.
    let reply = post(&app, &apply, &[("share", "si"), ("interview", "teleportation")], &cookie).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(state.store.seeker_applications(seeker).await.unwrap().is_empty());

    let with_share = [fields[0], fields[1], ("share", "si")];
    let reply = post(&app, &apply, &with_share, &cookie).await;
    assert_eq!(location(&reply), "/mis-postulaciones?aviso=postulacion-enviada", "{}", reply.body);
    assert!(state.store.consents_in_force(seeker).await.unwrap().has(ShareWithEmployers), "given with the form");
    let reply = post(&app, &apply, &with_share, &cookie).await;
    assert_eq!(location(&reply), "/mis-postulaciones?aviso=ya-postulaste", "never twice");
    assert_eq!(state.store.seeker_applications(seeker).await.unwrap().len(), 1);
    let again = page(&app, &apply, &cookie).await.body;
    assert!(again.contains("Ya se postuló a esta vacante") && !again.contains(r#"name="message""#));
    let mine = page(&app, "/mis-postulaciones", &cookie).await.body;
    assert!(mine.contains("Auxiliar de almacén") && mine.contains("Estado: Enviada"), "{mine}");

    // Another company's employer: not found, page and move alike.
    let id = state.store.seeker_applications(seeker).await.unwrap()[0].id;
    let applicants = format!("/postulantes?vacante={}", b.vacancy);
    assert_eq!(page(&app, &applicants, &b.other_employer).await.status, StatusCode::NOT_FOUND);
    let id_text = id.to_string();
    let probe = [("id", id_text.as_str()), ("from", "submitted"), ("to", "interview")];
    assert_eq!(post(&app, &applicants, &probe, &b.other_employer).await.status, StatusCode::NOT_FOUND);
    assert_eq!(post(&app, &applicants, &probe, &cookie).await.status, StatusCode::NOT_FOUND);
    assert_eq!(state.store.application(id).await.unwrap().unwrap().status, ApplicationStatus::Submitted);

    // The employer: the profile and the interpreter needed, not the kind of disability (not
    // disclosed), the message as text; and the look is recorded for Rosa.
    let lsp = senda::seekers::SpokenLanguage {
        language: senda::seekers::Language::PeruvianSignLanguage,
        level: senda::seekers::LanguageLevel::Native,
    };
    assert!(state.store.save_languages(seeker, &[lsp], 1_700_000_200).await.unwrap());
    let seen = page(&app, &applicants, &b.employer).await.body;
    assert!(seen.contains("Rosa Huamán Quispe") && seen.contains("984123456"), "{seen}");
    assert!(seen.contains("Lengua de señas peruana (LSP) (lengua materna)"), "the employer can prepare");
    assert!(seen.contains("Intérprete de lengua de señas en la entrevista"));
    assert!(!seen.contains("Auditiva"), "the kind of disability stays with Rosa");
    assert!(seen.contains("&lt;b&gt;Gracias&lt;/b&gt;"));
    let looks = state.store.sensitive_accesses(seeker).await.unwrap();
    assert_eq!((looks.len(), looks[0].purpose.as_str(), looks[0].viewer_name.as_str()), (1, "application", "carmen"));

    // Moves: only forward from where it is; a stale form changes nothing; the note reaches Rosa.
    let note = format!("note-{id}");
    let to_interview = [probe[0], probe[1], probe[2], (note.as_str(), "Lunes 9:00, con intérprete.")];
    let reply = post(&app, &applicants, &to_interview, &b.employer).await;
    assert_eq!(location(&reply), format!("{applicants}&aviso=postulacion-estado"));
    let reply = post(&app, &applicants, &to_interview, &b.employer).await;
    assert_eq!(location(&reply), format!("{applicants}&aviso=postulacion-cambio"), "saw an old status");
    let backwards = [probe[0], ("from", "interview"), ("to", "submitted")];
    assert_eq!(post(&app, &applicants, &backwards, &b.employer).await.status, StatusCode::FORBIDDEN);
    let long = "x".repeat(1001);
    let too_long = [probe[0], ("from", "interview"), ("to", "offer"), (note.as_str(), long.as_str())];
    let reply = post(&app, &applicants, &too_long, &b.employer).await;
    assert!(reply.body.contains(&format!(r##"href="#{note}""##)), "said on the note");
    assert_eq!(state.store.application(id).await.unwrap().unwrap().status, ApplicationStatus::Interview);
    let mine = page(&app, "/mis-postulaciones", &cookie).await.body;
    assert!(mine.contains("Estado: Entrevista") && mine.contains("La empresa quiere una entrevista"));
    assert!(mine.contains("Lunes 9:00, con intérprete."));

    // Rosa withdraws; then it is final for everyone.
    let reply = post(&app, "/postulaciones/retirar", &[("id", &id_text)], &cookie).await;
    assert_eq!(location(&reply), "/mis-postulaciones?aviso=postulacion-retirada");
    assert_eq!(state.store.application(id).await.unwrap().unwrap().status, ApplicationStatus::Withdrawn);
    let reply = post(&app, "/postulaciones/retirar", &[("id", &id_text)], &cookie).await;
    assert_eq!(location(&reply), "/mis-postulaciones?aviso=postulacion-cambio");
    let employer_view = page(&app, &applicants, &b.employer).await.body;
    assert!(employer_view.contains("Estado: Retirada") && !employer_view.contains("Guardar estado"));
    // Someone else cannot withdraw hers.
    assert_eq!(
        post(&app, "/postulaciones/retirar", &[("id", &id_text)], &b.employer).await.status,
        StatusCode::NOT_FOUND
    );

    // A vacancy past its closing date takes no more.
    let closed = page(&app, &format!("/postular?vacante={}", b.closed_vacancy), &cookie).await.body;
    assert!(closed.contains("Esta vacante ya no recibe postulaciones") && !closed.contains(r#"name="message""#));
    let reply = post(&app, &format!("/postular?vacante={}", b.closed_vacancy), &with_share, &cookie).await;
    assert_eq!(location(&reply), format!("/postular?vacante={}", b.closed_vacancy));
    assert_eq!(state.store.seeker_applications(seeker).await.unwrap().len(), 1);
    db.cleanup().await;
}

#[tokio::test]
async fn a_counsellor_applies_for_a_person_only_when_the_person_lets_them_act_for_them() {
    use ConsentKind::*;
    let (app, state, db) = app_with_state().await;
    let b = board(&state).await;
    let grant = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(b.centre) };
    let counsellor = session_cookie_for(&state, &person(&state, "jorge@centro.pe", grant).await).await;
    let without = registered(&state, None, b.centre, "45678912", &[Register, ShareWithEmployers]).await;
    let with = registered(&state, None, b.centre, "12345678", &[Register, CounsellorActs, DisabilityData]).await;

    let refused = format!("/postular?vacante={}&persona={without}", b.vacancy);
    assert_eq!(page(&app, &refused, &counsellor).await.status, StatusCode::NOT_FOUND);
    assert_eq!(post(&app, &refused, &[("share", "si")], &counsellor).await.status, StatusCode::NOT_FOUND);
    let profile = page(&app, &format!("/persona/{without}"), &counsellor).await.body;
    assert!(profile.contains("no dio permiso para que su consejero o consejera actúe por ella"));

    let apply = format!("/postular?vacante={}&persona={with}", b.vacancy);
    let form = page(&app, &apply, &counsellor).await.body;
    assert!(form.contains("Postulas en nombre de Rosa Huamán Quispe"), "{form}");
    let fields = [("share", "si"), ("interview", "sign_interpreter_interview"), ("message", "")];
    let reply = post(&app, &apply, &fields, &counsellor).await;
    assert_eq!(location(&reply), format!("/persona/{with}?aviso=postulacion-enviada"), "{}", reply.body);
    let made = &state.store.seeker_applications(with).await.unwrap()[0];
    assert_eq!(made.applied_by_counsellor.as_deref(), Some("jorge"));
    let history = state.store.consent_history(with).await.unwrap();
    let share = history.iter().find(|c| c.kind == ShareWithEmployers).unwrap();
    assert_eq!(share.recorded_by, RecordedBy::Counsellor, "recorded as given to the counsellor");

    // Marked as made for the person, to the person's page and to the employer.
    let profile = page(&app, &format!("/persona/{with}"), &counsellor).await.body;
    assert!(profile.contains("Auxiliar de almacén") && profile.contains("Postulación enviada por jorge"));
    let employer_view = page(&app, &format!("/postulantes?vacante={}", b.vacancy), &b.employer).await.body;
    assert!(employer_view.contains("Postulación enviada por jorge, de su centro de empleo, en nombre de la persona"));
    let reply = post(&app, "/postulaciones/retirar", &[("id", &made.id.to_string())], &counsellor).await;
    assert_eq!(location(&reply), format!("/persona/{with}?aviso=postulacion-retirada"));
    db.cleanup().await;
}

#[tokio::test]
async fn a_person_downloads_everything_kept_about_them_and_deleting_the_profile_leaves_employers_a_nameless_withdrawal()
{
    use ConsentKind::*;
    let (app, state, db) = app_with_state().await;
    let b = board(&state).await;
    let rosa =
        person(&state, "rosa@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    const PASSWORD: &str = "cuidado con el perro azul";
    let hash = state.passwords.hash(PASSWORD).await.unwrap();
    state.store.set_password_hash(rosa.account_id, &hash).await.unwrap();
    let seeker =
        registered(&state, Some(&rosa), b.centre, "45678912", &[Register, DisabilityData, CounsellorActs]).await;
    let cookie = session_cookie_for(&state, &rosa).await;
    let counsellor_grant = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(b.centre) };
    let counsellor = session_cookie_for(&state, &person(&state, "jorge@centro.pe", counsellor_grant).await).await;
    let apply = format!("/postular?vacante={}", b.vacancy);
    let fields = [
        ("message", "Trabajé dos años en un almacén."),
        ("interview", "sign_interpreter_interview"),
        ("disclose", "si"),
        ("share", "si"),
    ];
    assert_eq!(location(&post(&app, &apply, &fields, &cookie).await), "/mis-postulaciones?aviso=postulacion-enviada");
    let application = state.store.seeker_applications(seeker).await.unwrap()[0].id;
    let applicants = format!("/postulantes?vacante={}", b.vacancy);
    let note = format!("note-{application}");
    let moved = [("id", application.to_string()), ("from", "submitted".into()), ("to", "interview".into())];
    let mut moved: Vec<(&str, &str)> = moved.iter().map(|(k, v)| (*k, v.as_str())).collect();
    moved.push((note.as_str(), "Rosa, la esperamos el lunes."));
    assert_eq!(post(&app, &applicants, &moved, &b.employer).await.status, StatusCode::SEE_OTHER);
    let profile = format!("/persona/{seeker}");
    assert_eq!(
        post(&app, &profile, &[("case_note", "Busca medio tiempo.")], &counsellor).await.status,
        StatusCode::SEE_OTHER
    );

    assert_eq!(page(&app, &applicants, &b.employer).await.status, StatusCode::OK);
    assert_eq!(page(&app, &profile, &counsellor).await.status, StatusCode::OK);

    // The download: the account's data and the register's, times as ISO 8601 like the rest.
    let reply = post(&app, "/cuenta/mis-datos", &[], &cookie).await;
    assert_eq!(reply.status, StatusCode::OK);
    let data: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    let register = &data["register"];
    assert_eq!(register["profile"]["personal"]["full_name"], "Rosa Huamán Quispe");
    assert_eq!(register["profile"]["disability"]["types"][0], "hearing");
    let consents: Vec<&str> =
        register["consents"].as_array().unwrap().iter().map(|c| c["kind"].as_str().unwrap()).collect();
    assert!(consents.contains(&"Register") && consents.contains(&"ShareWithEmployers"), "{consents:?}");
    assert!(register["accesses"].as_array().unwrap().len() >= 2, "the employer's and the counsellor's looks");
    assert_eq!(register["applications"][0]["message"], "Trabajé dos años en un almacén.");
    assert_eq!(register["applications"][0]["events"][1]["note"], "Rosa, la esperamos el lunes.");
    assert_eq!(register["case_notes"][0]["body"], "Busca medio tiempo.");
    let given_at = register["consents"][0]["given_at"].as_str().unwrap();
    assert!(given_at.starts_with("2023-11-14T") && given_at.ends_with('Z'), "{given_at}");
    assert!(data["account"]["created_at"].is_string());
    // Someone without a profile gets their account's data and no register part.
    let reply = post(&app, "/cuenta/mis-datos", &[], &b.employer).await;
    let theirs: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    assert!(theirs.get("register").is_none() && theirs["account"]["email"] == "carmen@andinos.pe");

    // Deleting: the counsellor has no way to; the person must tick and give their password.
    assert_eq!(post(&app, "/mi-perfil/borrar", &[("confirm", "si")], &counsellor).await.status, StatusCode::SEE_OTHER);
    assert!(state.store.seeker(seeker).await.unwrap().is_some(), "the counsellor has no profile: nothing happened");
    let form = page(&app, "/mi-perfil/borrar", &cookie).await.body;
    assert!(form.contains(r#"action="/mi-perfil/borrar""#) && form.contains("Entiendo que mi perfil se borra"));
    let reply = post(&app, "/mi-perfil/borrar", &[("password", PASSWORD)], &cookie).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains(r##"href="#confirm-si""##) && !reply.body.contains(PASSWORD), "said on the box");
    let reply = post(&app, "/mi-perfil/borrar", &[("confirm", "si"), ("password", "otra cosa")], &cookie).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains(r#"checked"#), "the tick is kept");
    assert!(state.store.seeker(seeker).await.unwrap().is_some(), "nothing deleted half-way");
    let reply = post(&app, "/mi-perfil/borrar", &[("confirm", "si"), ("password", PASSWORD)], &cookie).await;
    assert_eq!(location(&reply), "/mi-perfil?aviso=perfil-borrado");

    // Gone: the profile and all that was only hers; the employer keeps a nameless withdrawal.
    assert!(state.store.seeker(seeker).await.unwrap().is_none());
    assert!(state.store.seeker_of_account(rosa.account_id).await.unwrap().is_none());
    assert!(state.store.sensitive_accesses(seeker).await.unwrap().is_empty());
    assert!(state.store.case_notes(seeker).await.unwrap().is_empty());
    assert!(state.store.consent_history(seeker).await.unwrap().is_empty());
    let kept = state.store.application(application).await.unwrap().unwrap();
    assert_eq!((kept.seeker_id, kept.status, kept.message.as_str()), (None, ApplicationStatus::Withdrawn, ""));
    assert!(kept.needs_at_interview.is_empty() && !kept.disclose);
    assert!(kept.events.iter().all(|e| e.note.is_empty()), "{:?}", kept.events);
    let employer_view = page(&app, &applicants, &b.employer).await.body;
    assert!(!employer_view.contains("Rosa") && !employer_view.contains("984123456"), "{employer_view}");
    assert!(employer_view.contains("Estado: Retirada"));
    let mine = page(&app, "/mi-perfil?aviso=perfil-borrado", &cookie).await.body;
    assert!(mine.contains("Borramos tu perfil") && mine.contains(r#"name="full_name""#), "she may start again");
    let reply = post(&app, "/cuenta/mis-datos", &[], &cookie).await;
    let after: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    assert!(after.get("register").is_none());
    db.cleanup().await;
}

#[tokio::test]
async fn the_cv_reaches_the_person_their_centre_and_employers_they_applied_to_while_consent_stands() {
    use senda::seekers::history::{WorkExperience, YearMonth};
    use ConsentKind::*;
    let (app, state, db) = app_with_state().await;
    let b = board(&state).await;
    let rosa =
        person(&state, "rosa@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    let seeker =
        registered(&state, Some(&rosa), b.centre, "45678912", &[Register, DisabilityData, ShareWithEmployers]).await;
    let job = WorkExperience {
        id: 0,
        job_title: "Almacenera".into(),
        employer: "Distribuidora Sur".into(),
        started: YearMonth::new(2019, 4).unwrap(),
        ended: YearMonth::new(2023, 8),
        duties: "Recibir y despachar pedidos.".into(),
    };
    state.store.add_experience(seeker, &job, 1_700_000_200).await.unwrap();
    let cookie = session_cookie_for(&state, &rosa).await;

    // Her own: the history, how to reach her; never her document, birth date or disability.
    let own = page(&app, "/cv", &cookie).await;
    assert_eq!(own.status, StatusCode::OK);
    for shown in ["Rosa Huamán Quispe", "Almacenera", "abril de 2019 – agosto de 2023", "984123456", "Inventarios"] {
        assert!(own.body.contains(shown), "{shown}: {}", own.body);
    }
    for hidden in ["45678912", "1994-05-17", "Auditiva", "Intérprete"] {
        assert!(!own.body.contains(hidden), "{hidden} is not for a CV");
    }
    assert!(page(&app, "/mi-perfil", &cookie).await.body.contains(r#"href="/cv""#), "her profile leads to it");

    // The employer she applied to, from the applicants list; another company's, nothing.
    let id = applies_herself(&state, seeker, b.vacancy, &rosa).await;
    let cv = format!("/cv?postulacion={id}");
    let applicants = page(&app, &format!("/postulantes?vacante={}", b.vacancy), &b.employer).await.body;
    assert!(applicants.contains(&format!(r#"href="{cv}""#)), "{applicants}");
    let read = page(&app, &cv, &b.employer).await;
    assert!(read.status == StatusCode::OK && read.body.contains("Almacenera"));
    assert!(!read.body.contains("Auditiva") && !read.body.contains("45678912"));
    assert_eq!(page(&app, &cv, &b.other_employer).await.status, StatusCode::NOT_FOUND);
    assert_eq!(page(&app, &format!("/cv?persona={seeker}"), &b.employer).await.status, StatusCode::NOT_FOUND);

    // Her centre's counsellor; and when she withdraws consent to share, the employer loses it.
    let counsellor = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(b.centre) };
    let jorge = session_cookie_for(&state, &person(&state, "jorge@centro.pe", counsellor).await).await;
    assert_eq!(page(&app, &format!("/cv?persona={seeker}"), &jorge).await.status, StatusCode::OK);
    state.store.revoke_consent(seeker, ShareWithEmployers, senda::server::auth::now()).await.unwrap();
    assert_eq!(page(&app, &cv, &b.employer).await.status, StatusCode::NOT_FOUND);
    db.cleanup().await;
}

/// Person `seeker` (of account `who`) applies to `vacancy` with nothing more; the application.
async fn applies_herself(state: &AppState, seeker: i64, vacancy: i64, who: &Actor) -> i64 {
    let application = senda::applications::store::NewApplication {
        vacancy_id: vacancy,
        seeker_id: seeker,
        message: String::new(),
        needs_at_interview: vec![],
        disclose: false,
        side: senda::applications::Side::Applicant,
        by: who.account_id,
    };
    state.store.apply(&application, senda::server::auth::now()).await.unwrap();
    state.store.seeker_applications(seeker).await.unwrap()[0].id
}

/// The files the media store keeps, by name.
fn kept_files(db: &common::TestDb) -> Vec<String> {
    let dir = uploads_dir(db).join("videos");
    std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn an_uploaded_cv_must_be_a_pdf_reaches_the_cvs_readers_and_goes_with_the_profile() {
    use ConsentKind::*;
    let (app, state, db) = app_with_state().await;
    let b = board(&state).await;
    let rosa =
        person(&state, "rosa@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    let hash = state.passwords.hash("cuidado con el perro azul").await.unwrap();
    state.store.set_password_hash(rosa.account_id, &hash).await.unwrap();
    let seeker = registered(&state, Some(&rosa), b.centre, "45678912", &[Register, ShareWithEmployers]).await;
    let cookie = session_cookie_for(&state, &rosa).await;
    let file =
        |bytes: &'static [u8]| Part::File { name: "cv", file_name: "cv.pdf", content_type: "application/pdf", bytes };

    // Named .pdf, said to be a PDF, but not one: refused on the field, nothing kept.
    let reply = send(&app, post_multipart("/mi-perfil/cv-pdf", &[file(b"GIF89a not a pdf")], &cookie)).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body.contains("Ese archivo no es un PDF") && reply.body.contains(r##"href="#cv""##),
        "{}",
        reply.body
    );
    let mut large = b"%PDF-1.7\n".to_vec();
    large.resize(5 * 1024 * 1024 + 1, b' ');
    let large = Box::leak(large.into_boxed_slice());
    let reply = send(&app, post_multipart("/mi-perfil/cv-pdf", &[file(large)], &cookie)).await;
    assert!(reply.body.contains("El archivo pesa más de 5.0 MB"), "{}", reply.body);
    assert!(state.store.seeker(seeker).await.unwrap().unwrap().cv_file.is_none());
    assert!(kept_files(&db).is_empty());

    // A PDF is kept; she and the employer she applied to download it; another company cannot.
    let pdf: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
    let reply = send(&app, post_multipart("/mi-perfil/cv-pdf", &[file(pdf)], &cookie)).await;
    assert_eq!(location(&reply), "/mi-perfil/cv-pdf?aviso=cv-guardado");
    let own = page(&app, "/cv.pdf", &cookie).await;
    assert_eq!((own.status, own.raw.as_slice()), (StatusCode::OK, pdf));
    assert_eq!(own.headers[header::CONTENT_TYPE], "application/pdf");
    assert!(own.headers[header::CONTENT_DISPOSITION].to_str().unwrap().starts_with("attachment"));
    assert!(page(&app, "/cv", &cookie).await.body.contains(r#"href="/cv.pdf""#));
    let id = applies_herself(&state, seeker, b.vacancy, &rosa).await;
    let theirs = format!("/cv.pdf?postulacion={id}");
    assert_eq!(page(&app, &theirs, &b.employer).await.raw, pdf);
    assert_eq!(page(&app, &theirs, &b.other_employer).await.status, StatusCode::NOT_FOUND);
    assert_eq!(page(&app, &format!("/cv.pdf?persona={seeker}"), &b.employer).await.status, StatusCode::NOT_FOUND);

    // A new one replaces it (the old file goes); taking it out leaves none.
    let newer: &[u8] = b"%PDF-1.7\n% la version nueva\n%%EOF\n";
    send(&app, post_multipart("/mi-perfil/cv-pdf", &[file(newer)], &cookie)).await;
    assert_eq!(page(&app, "/cv.pdf", &cookie).await.raw, newer);
    assert_eq!(kept_files(&db).len(), 1, "the replaced file is deleted");
    let reply = send(&app, post_form_from("/mi-perfil/cv-pdf/quitar", "", ORIGIN, Some(&cookie))).await;
    assert_eq!(location(&reply), "/mi-perfil/cv-pdf?aviso=cv-quitado");
    assert_eq!(page(&app, "/cv.pdf", &cookie).await.status, StatusCode::NOT_FOUND);
    assert!(kept_files(&db).is_empty());

    // Deleting the profile deletes the file too.
    send(&app, post_multipart("/mi-perfil/cv-pdf", &[file(pdf)], &cookie)).await;
    assert_eq!(kept_files(&db).len(), 1);
    let reply =
        post(&app, "/mi-perfil/borrar", &[("confirm", "si"), ("password", "cuidado con el perro azul")], &cookie).await;
    assert_eq!(location(&reply), "/mi-perfil?aviso=perfil-borrado", "{}", reply.body);
    assert!(kept_files(&db).is_empty(), "the file went with the profile");
    db.cleanup().await;
}
