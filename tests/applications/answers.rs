//! Every server function's answer, for each kind of reader it answers, holds exactly the fields
//! written down for that reader below: a field added to an answer's type later fails this test
//! until someone decides who may see it. The story: a company's published vacancy, a person of
//! the centre who let her counsellor act for her and see her disability data and who applied to
//! it asking for an interpreter, keeps a search and has a CV; a draft of the same company; her
//! counsellor, the vacancy's employer and an admin; a fair of the centre where the company has a
//! stand she asked a question at, chatted at (reporting a message) and booked an interview at
//! (sharing what she asked for), and for which she registered asking for an interpreter. Lists
//! that are empty in this story have no fields of their own to list. The answers whose readers
//! differ by consent are pinned in their own tests (`ELSEWHERE`).

use super::*;
use common::fields::{allowed, field_names};
use senda::seekers::consent::ConsentKind::*;

#[macro_use]
mod parts;
mod allowed;
mod fairs;
mod interviews;

use allowed::{Reader, ANSWERS, ELSEWHERE};
use fairs::FAIR_ANSWERS;
use interviews::INTERVIEW_ANSWERS;
use Reader::*;

struct Story {
    vacancy: i64,
    fair: i64,
    stand: i64,
    slot: i64,
    chat: i64,
    template: i64,
    application: i64,
    draft: i64,
    seeker: i64,
    email: String,
    token: String,
    cookies: Vec<(&'static str, String)>,
}

impl Story {
    fn body(&self, template: &str) -> String {
        template
            .replace("{vacancy}", &self.vacancy.to_string())
            .replace("{draft}", &self.draft.to_string())
            .replace("{fair}", &self.fair.to_string())
            .replace("{stand}", &self.stand.to_string())
            .replace("{slot}", &self.slot.to_string())
            .replace("{chat}", &self.chat.to_string())
            .replace("{template}", &self.template.to_string())
            .replace("{application}", &self.application.to_string())
            .replace("{seeker}", &self.seeker.to_string())
            .replace("{email}", &self.email.replace('@', "%40"))
            .replace("{token}", &self.token)
    }

    fn cookie(&self, reader: Reader) -> Option<&str> {
        let name = match reader {
            Anonymous => return None,
            Person => "person",
            Employer => "employer",
            Counsellor => "counsellor",
            Admin => "admin",
        };
        self.cookies.iter().find(|(who, _)| *who == name).map(|(_, cookie)| cookie.as_str())
    }
}

async fn story(state: &AppState) -> Story {
    let store = state.store.as_ref();
    let b = board(state).await;
    let rosa =
        person(state, "rosa@example.pe", RoleGrant { role: Role::Seeker, company_id: None, centre_id: None }).await;
    let seeker = registered(
        state,
        Some(&rosa),
        b.centre,
        "45678912",
        &[Register, DisabilityData, ShareWithEmployers, CounsellorActs],
    )
    .await;
    let application = applies_asking(state, seeker, b.vacancy, &rosa, true).await;
    let now = senda::server::auth::now();
    let published = store.vacancy(b.vacancy).await.unwrap().unwrap();
    let draft = store.create_vacancy(&published.draft, None, now).await.unwrap();
    let token = senda::server::auth::tokens::new_token();
    store.save_search(rosa.account_id, "q=almacen&region=cusco", &token, now, 86_400).await.unwrap();
    let counsellor = person(
        state,
        "consejera@centro.pe",
        RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(b.centre) },
    )
    .await;
    let admin =
        person(state, "admin@senda.pe", RoleGrant { role: Role::Admin, company_id: None, centre_id: None }).await;
    let signed_in = senda::server::audit::AuditEvent::new(senda::audit::AuditAction::SignIn, now, "127.0.0.1")
        .by(rosa.account_id)
        .about(rosa.account_id);
    store.record(&signed_in).await.unwrap();
    let fair = published_fair(state, b.centre, counsellor.account_id).await;
    let stand = accepted_stand(state, fair, published.draft.company_id, b.employer_id, counsellor.account_id).await;
    asked_and_answered(state, stand, rosa.account_id, b.employer_id).await;
    registered_asking(state, fair, rosa.account_id, counsellor.account_id).await;
    let slot = booked_sharing(state, stand, rosa.account_id, b.employer_id).await;
    let chat = chatted(state, stand, rosa.account_id, b.employer_id).await;
    // The interviewer read what she shared: the look is in her access log from the start.
    store.log_sensitive_access(seeker, b.employer_id, "interview", now).await.unwrap();
    let template = crate::interviews::national_template(state, admin.account_id).await;
    interviewed(state, b.vacancy, application, template, b.employer_id).await;
    Story {
        vacancy: b.vacancy,
        fair,
        stand,
        slot,
        chat,
        template,
        application,
        draft,
        seeker,
        email: rosa.email.clone(),
        token,
        cookies: vec![
            ("person", session_cookie_for(state, &rosa).await),
            ("employer", b.employer),
            ("counsellor", session_cookie_for(state, &counsellor).await),
            ("admin", session_cookie_for(state, &admin).await),
        ],
    }
}

/// The vacancy's interviews follow `template`; the application was called to interview, its
/// record has a scored and noted question, the adjustments given and a summary, and the
/// candidate asked to read it.
async fn interviewed(state: &AppState, vacancy: i64, application: i64, template: i64, employer: i64) {
    use senda::applications::store::Move;
    use senda::interviews::store::{RecordSave, StoredAnswer};
    use senda::interviews::Adjustment;
    let store = state.store.as_ref();
    let now = senda::server::auth::now();
    assert!(store.attach_template(vacancy, Some(template), employer, now).await.unwrap());
    let called = Move {
        from: ApplicationStatus::Submitted,
        to: ApplicationStatus::Interview,
        side: senda::applications::Side::Employer,
        by: employer,
        note: "",
        at: now,
    };
    assert!(store.move_application(application, &called).await.unwrap());
    let record = store.open_record(application, employer, now).await.unwrap().unwrap();
    let version = store.template(template, None).await.unwrap().unwrap();
    let answers =
        [StoredAnswer { question_id: version.sections[0].questions[0].id, score: Some(3), note: "Bien".into() }];
    let save = RecordSave {
        record_id: record,
        answers: &answers,
        adjustments: Some(&[Adjustment::ExtraTime]),
        summary: Some("Buena entrevista."),
    };
    assert!(store.save_record(&save, now).await.unwrap());
    assert!(store.ask_to_read_record(record, &[], now).await.unwrap());
}

/// A fair of the centre, in person (so with its venue), published.
async fn published_fair(state: &AppState, centre_id: i64, by: i64) -> i64 {
    use senda::fairs::{FairDraft, FairMode, FairStatus, Venue, VenueAccess};
    let now = senda::server::auth::now();
    let draft = FairDraft {
        centre_id,
        title: "Feria de empleo inclusivo".into(),
        description: "Empresas que contratan.".into(),
        easy_read: "Ven a conocer empresas.".into(),
        mode: FairMode::Hybrid,
        starts_at: now + 10 * 86_400,
        ends_at: now + 10 * 86_400 + 8 * 3600,
        registration_closes_at: now + 9 * 86_400,
        capacity: 300,
        venue: Some(Venue {
            name: "Coliseo".into(),
            address: "Av. Grau 123".into(),
            region: "cusco".into(),
            access: vec![VenueAccess::StepFree],
            transport: "Buses 12 y 40.".into(),
        }),
    };
    let id = state.store.create_fair(&draft, by, now).await.unwrap();
    assert!(state.store.move_fair(id, FairStatus::Draft, FairStatus::Published, now).await.unwrap());
    id
}

/// The stand of the vacancy's company at the fair, offering an interpreter, accepted, its
/// employer on duty at the fair's first hour.
async fn accepted_stand(state: &AppState, fair_id: i64, company_id: i64, employer: i64, organiser: i64) -> i64 {
    use senda::fairs::stands::shifts::store::NewShift;
    use senda::fairs::stands::store::{StandAnswer, StandAsk};
    use senda::fairs::stands::StandStatus;
    let now = senda::server::auth::now();
    let ask = StandAsk {
        fair_id,
        company_id,
        introduction: "Buscamos operarios de almacén.".into(),
        accommodations: vec!["sign_interpreter_interview".into()],
        by: employer,
    };
    let id = state.store.ask_stand(&ask, now).await.unwrap().unwrap();
    let answer = StandAnswer { stand_id: id, to: StandStatus::Accepted, reason: "", by: organiser, mail: None };
    assert!(state.store.answer_stand(&answer, now).await.unwrap());
    let opens = state.store.fair(fair_id).await.unwrap().unwrap().draft.starts_at;
    let shift = NewShift { stand_id: id, account_id: employer, starts_at: opens, ends_at: opens + 3_600, by: employer };
    assert!(state.store.add_shift(&shift, now).await.unwrap().is_some());
    id
}

/// A question `asker` left at the stand, answered by `employer`.
async fn asked_and_answered(state: &AppState, stand_id: i64, asker: i64, employer: i64) {
    use senda::fairs::stands::questions::store::{NewQuestion, QuestionAnswer};
    let now = senda::server::auth::now();
    let question = NewQuestion { stand_id, by: asker, question: "¿Hay turnos de tarde?".into() };
    let id = state.store.leave_question(&question, now, 86_400, 3).await.unwrap().unwrap();
    let answer = QuestionAnswer { question_id: id, stand_id, answer: "Sí.", by: employer, mail: None };
    assert!(state.store.answer_question(&answer, now).await.unwrap());
}

/// `person` registered for the fair asking for an interpreter (arranged by `organiser`) and
/// something else in words.
async fn registered_asking(state: &AppState, fair_id: i64, person: i64, organiser: i64) {
    use senda::fairs::registrations::store::{NeedAnswer, NeedAsk, NewRegistration, Registering};
    use senda::fairs::registrations::{FairNeed, NeedStatus};
    let now = senda::server::auth::now();
    let needs = vec![
        NeedAsk { need: FairNeed::LspInterpreter, details: String::new() },
        NeedAsk { need: FairNeed::Other, details: "Una silla cerca de la puerta".into() },
    ];
    let registration = NewRegistration { fair_id, account_id: person, by: person, needs, mail: None };
    let Registering::Registered(id) = state.store.register(&registration, now).await.unwrap() else {
        panic!("a place was free")
    };
    let answer = NeedAnswer {
        registration_id: id,
        need: FairNeed::LspInterpreter,
        to: NeedStatus::Arranged,
        answer: "",
        by: organiser,
        mail: None,
    };
    assert!(state.store.answer_need(&answer, now).await.unwrap());
}

/// Two video interview slots at the stand, an hour into the fair: `person` booked the first,
/// sharing what she asked for at the fair; the second, free, is returned.
async fn booked_sharing(state: &AppState, stand_id: i64, person: i64, employer: i64) -> i64 {
    use senda::fairs::stands::slots::booking_store::NewBooking;
    use senda::fairs::stands::slots::rules::block;
    use senda::fairs::stands::slots::store::NewSlots;
    use senda::fairs::stands::slots::SlotMode;
    let now = senda::server::auth::now();
    let opens = state.store.stand(stand_id).await.unwrap().unwrap().fair.starts_at + 3_600;
    let spans = block(opens, opens + 3_600, 1_800, 0);
    let slots = NewSlots { stand_id, interviewer_id: employer, spans, mode: SlotMode::Video, by: employer };
    let ids = state.store.publish_slots(&slots, now).await.unwrap().unwrap();
    let booking = NewBooking {
        slot_id: ids[0],
        account_id: person,
        room_url: "https://salas.test/sala-1".into(),
        phone: String::new(),
        share_needs: true,
        replaces: None,
    };
    state.store.book_slot(&booking, now, &|_| Vec::new()).await.unwrap().unwrap();
    ids[1]
}

/// A conversation `person` had at the stand a minute into the fair, answered by `employer`,
/// whose answer she reported, then ended; and the one she opened after it, which he took.
async fn chatted(state: &AppState, stand_id: i64, person: i64, employer: i64) -> i64 {
    use senda::fairs::stands::chat::reports::store::NewReport;
    use senda::fairs::stands::chat::store::{ChatHandover, NewChatMessage};
    let live = state.store.stand(stand_id).await.unwrap().unwrap().fair.starts_at + 60;
    let id = state.store.open_chat(stand_id, person, "Hola", live).await.unwrap().unwrap().conversation_id;
    let handover = ChatHandover { conversation_id: id, stand_id, from: None, to: employer };
    assert!(state.store.assign_chat(&handover, live + 1).await.unwrap());
    let reply = NewChatMessage {
        conversation_id: id,
        author_id: employer,
        from_company: true,
        body: "Hola, dime",
        offer: None,
    };
    let message_id = state.store.post_chat_message(&reply, live + 2).await.unwrap().unwrap();
    let report = NewReport { message_id, by: person, reason: "No me gustó" };
    assert!(state.store.report_message(&report, live + 3).await.unwrap());
    assert!(state.store.close_chat(id, person, live + 4).await.unwrap());
    let again = state.store.open_chat(stand_id, person, "Otra pregunta", live + 5).await.unwrap().unwrap();
    let handover = ChatHandover { conversation_id: again.conversation_id, stand_id, from: None, to: employer };
    assert!(state.store.assign_chat(&handover, live + 6).await.unwrap());
    id
}

/// `names` written as the list of a row of `ANSWERS`, to paste once a new field is decided.
fn as_list(names: &std::collections::BTreeSet<String>) -> String {
    names.iter().map(|name| format!("\"{name}\"")).collect::<Vec<_>>().join(", ")
}

#[tokio::test]
async fn each_answer_holds_exactly_the_fields_its_reader_may_see() {
    let (app, state, db) = app_with_state().await;
    let story = story(&state).await;
    let mut wrong = Vec::new();
    for (function, reader, body, fields) in ANSWERS
        .iter()
        .chain(FAIR_ANSWERS)
        .chain(INTERVIEW_ANSWERS)
        .flat_map(|(f, readers, b, s)| readers.iter().map(move |r| (f, r, b, s)))
    {
        let reply = send(&app, server_fn_call(function, &story.body(body), story.cookie(*reader))).await;
        if reply.status != StatusCode::OK {
            wrong.push(format!("{function} as {reader:?}: {} {}", reply.status, reply.body));
            continue;
        }
        let answer: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
        let (got, expected) = (field_names(&answer), allowed(&fields.split_whitespace().collect::<Vec<_>>()));
        if got != expected {
            wrong.push(format!(
                "{function} as {reader:?}: not on its list: [{}]; on its list, not in the answer: [{}]",
                as_list(&got.difference(&expected).cloned().collect()),
                as_list(&expected.difference(&got).cloned().collect()),
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    db.cleanup().await;
}

#[test]
fn every_server_function_has_its_answers_pinned() {
    let pinned = |path: &str| {
        ANSWERS.iter().chain(FAIR_ANSWERS).chain(INTERVIEW_ANSWERS).any(|(function, ..)| *function == path)
            || ELSEWHERE.iter().any(|(function, _)| *function == path)
    };
    let functions: Vec<String> = leptos::server_fn::axum::server_fn_paths().map(|(path, _)| path.to_string()).collect();
    for function in &functions {
        assert!(
            pinned(function),
            "{function}: write down in tests/applications/answers.rs which fields each reader gets"
        );
    }
    assert!(!functions.is_empty());
}
