//! Reporting a chat message through the real router, without JavaScript: each side of a
//! conversation reports one of the other side's messages — a mistake said on its field with
//! what was chosen and typed kept, nothing stored — and nobody else learns the conversation
//! exists; the fair's organisers, and they alone, read the reports and mark them reviewed.

use super::chat::running;
use super::stands::{accepted_stand, AtStand};
use super::*;

#[tokio::test]
async fn each_side_reports_the_others_message_and_the_organisers_review_it() {
    let AtStand { app, state, db, fair, stand, company: _, lucia, jorge, rosa, pedro } = accepted_stand(10).await;
    running(&db, fair).await;
    const WRITE: &str = "/ferias/stand/chat";
    const REPORT: &str = "/ferias/stand/chat/reportar";
    let write = [("stand", stand.to_string()), ("message", "Hola, ¿buscan almaceneros?".to_string())];
    sent(&app, WRITE, &write, &rosa).await;
    let c = state.store.stand_chats(stand).await.unwrap()[0].id;
    sent(&app, "/ferias/stand/chats/atender", &[("conversation", c.to_string())], &lucia).await;
    let answer = [("conversation", c.to_string()), ("message", "Escríbeme al <b>WhatsApp</b> 999 888 777".to_string())];
    sent(&app, "/ferias/stand/chats/conversacion", &answer, &lucia).await;
    let messages = state.store.chat_messages(c, 0).await.unwrap();
    let (hers, theirs) = (messages[0].id, messages[1].id);

    // Her form lists the company's message alone, as text; nobody else's learns of it.
    let form = format!("{REPORT}?id={c}");
    let reply = page(&app, &form, &rosa).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        reply.body.contains("Escríbeme al &lt;b&gt;WhatsApp&lt;/b&gt;") && !reply.body.contains("buscan almaceneros")
    );
    let offered = |body: &str, message: i64| body.contains(&format!(r#"id="reported-{message}""#));
    assert!(offered(&reply.body, theirs) && !offered(&reply.body, hers));
    let chat = page(&app, &format!("/ferias/stand/chat?id={stand}"), &rosa).await.body;
    assert!(chat.contains(&format!(r#"href="{REPORT}?id={c}""#)), "the chat page leads to it");
    for outsider in [&pedro, &jorge] {
        assert_eq!(page(&app, &form, outsider).await.status, StatusCode::NOT_FOUND);
    }
    let report = |message: i64, reason: &str| {
        vec![("conversation", c.to_string()), ("reported", message.to_string()), ("reason", reason.to_string())]
    };
    assert_eq!(sent(&app, REPORT, &report(theirs, ""), &pedro).await.status, StatusCode::NOT_FOUND);

    // Nothing chosen, her own message, or too long a reason: said on the field, what she typed
    // kept, nothing stored.
    let no_choice = [("conversation", c.to_string()), ("reason", "Me pidió mi número".to_string())];
    for (form, says) in [
        (no_choice.to_vec(), "Elige el mensaje que quieres reportar."),
        (report(hers, "Me pidió mi número"), "Elige el mensaje que quieres reportar."),
        (report(theirs, &"ñ".repeat(501)), "500"),
    ] {
        let reply = sent(&app, REPORT, &form, &rosa).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{says}");
        assert!(reply.body.contains(says), "{says}");
    }
    let reply = sent(&app, REPORT, &no_choice, &rosa).await;
    assert!(
        reply.body.contains(&format!(r##"href="#reported-{theirs}""##))
            && reply.body.contains(">Me pidió mi número</textarea>")
    );
    assert!(state.store.fair_reports(fair).await.unwrap().is_empty(), "nothing stored");

    // Reported: back to her chat, and the form says she did; the company reports hers too.
    let reply = sent(&app, REPORT, &report(theirs, "Me pidió mi número"), &rosa).await;
    assert_eq!(location(&reply), format!("/ferias/stand/chat?id={stand}&aviso=mensaje-reportado"));
    assert!(page(&app, &form, &rosa).await.body.contains("(ya lo reportaste)"));
    let company_form = page(&app, &form, &lucia).await.body;
    assert!(offered(&company_form, hers) && !offered(&company_form, theirs));
    let reply = sent(&app, REPORT, &report(hers, ""), &lucia).await;
    assert_eq!(location(&reply), format!("/ferias/stand/chats/conversacion?id={c}&aviso=mensaje-reportado"));

    // The organisers: the count on the fair's page, the reports with their messages as text.
    let fair_page = page(&app, &format!("/feria/{fair}"), &jorge).await.body;
    assert!(fair_page.contains("Mensajes reportados en los chats (2 por revisar)"));
    assert!(!page(&app, &format!("/feria/{fair}"), &rosa).await.body.contains("Mensajes reportados"));
    let reports = format!("/ferias/reportes?id={fair}");
    let listed = page(&app, &reports, &jorge).await;
    assert_eq!(listed.status, StatusCode::OK);
    assert!(
        listed.body.contains("Por revisar (2)") && listed.body.contains("Escríbeme al &lt;b&gt;WhatsApp&lt;/b&gt;")
    );
    assert!(listed.body.contains("Me pidió mi número") && listed.body.contains("lucia (por la empresa)"));
    let puno = state.store.list_centres().await.unwrap().into_iter().find(|c| c.name.contains("Puno")).unwrap().id;
    let grant = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(puno) };
    let elsewhere = session_cookie_for(&state, &person(&state, "otra@puno.pe", grant).await).await;
    assert_eq!(page(&app, &reports, &elsewhere).await.status, StatusCode::NOT_FOUND);
    assert_eq!(page(&app, &reports, &lucia).await.status, StatusCode::FORBIDDEN);

    // Reviewed by the organisers alone.
    let first = state.store.fair_reports(fair).await.unwrap()[0].id;
    let review = [("fair", fair.to_string()), ("report", first.to_string())];
    const REVIEW: &str = "/ferias/reportes/revisado";
    assert_eq!(sent(&app, REVIEW, &review, &elsewhere).await.status, StatusCode::NOT_FOUND);
    assert_eq!(sent(&app, REVIEW, &review, &lucia).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        location(&sent(&app, REVIEW, &review, &jorge).await),
        format!("{reports}&aviso=reporte-de-chat-revisado")
    );
    let listed = page(&app, &reports, &jorge).await.body;
    assert!(listed.contains("Por revisar (1)") && listed.contains("Revisados"));
    let other_fair = [("fair", (fair + 1_000).to_string()), ("report", first.to_string())];
    assert_eq!(sent(&app, REVIEW, &other_fair, &jorge).await.status, StatusCode::NOT_FOUND);
}
