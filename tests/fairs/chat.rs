//! The live chat at a stand through the real router, without JavaScript: a job seeker writes
//! while the fair runs — each mistake said on the field with what was typed kept, nothing
//! stored — and waits in the queue; the company's representatives alone see the queue, take
//! the conversation, answer, hand it to a colleague, end it or block the person; nobody else
//! reads or writes in it.

use super::stands::{accepted_stand, AtStand};
use super::*;

/// Moves the fair's hours around now, so that it is running.
pub(super) async fn running(db: &common::TestDb, fair: i64) {
    let now = now();
    let (starts, ends) = (now - 3_600, now + 3_600);
    let sql = format!(
        "UPDATE fairs SET registration_closes_at = {starts}, starts_at = {starts}, ends_at = {ends} WHERE id = {fair}"
    );
    db.execute(&sql).await.unwrap();
}

#[tokio::test]
async fn a_seeker_chats_at_a_stand_and_its_representatives_answer() {
    let AtStand { app, state, db, fair, stand, company, lucia, jorge, rosa, pedro } = accepted_stand(10).await;
    let grant = RoleGrant { role: Role::Employer, company_id: Some(company), centre_id: None };
    let mario_id = person(&state, "mario@empresa.pe", grant).await;
    let mario = session_cookie_for(&state, &mario_id).await;
    let mario_id = mario_id.account_id;
    let (stand_page, chat, chats) = (
        format!("/stand/{stand}"),
        format!("/ferias/stand/chat?id={stand}"),
        format!("/ferias/stand/chats?id={stand}"),
    );
    let write = |text: &str| vec![("stand", stand.to_string()), ("message", text.to_string())];
    const WRITE: &str = "/ferias/stand/chat";

    // Before the fair: the chat page says when it opens, and a message is refused on its field.
    assert!(!page(&app, &stand_page, &rosa).await.body.contains("Conversar con la empresa"));
    assert!(page(&app, &chat, &rosa).await.body.contains("La conversación en vivo abre cuando empieza la feria"));
    let reply = sent(&app, WRITE, &write("Hola"), &rosa).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body.contains("solo está abierta mientras la feria está en curso")
            && reply.body.contains(">Hola</textarea>")
    );

    running(&db, fair).await;
    assert!(page(&app, &stand_page, "").await.body.contains("Inicia sesión para conversar con la empresa"));
    assert!(page(&app, &stand_page, &rosa).await.body.contains("Conversar con la empresa"));
    assert!(page(&app, &stand_page, &lucia).await.body.contains("Conversaciones en vivo (0 en espera)"));
    assert!(page(&app, &chat, &rosa).await.body.contains("Ahora no hay nadie del equipo de la empresa en el stand"));

    // Every mistake on the field, what was typed kept, nothing stored; only job seekers write.
    let long = "ñ".repeat(1_001);
    for (text, says) in [(" \n ", "Escribe tu mensaje."), (long.as_str(), "El mensaje es muy largo")] {
        let reply = sent(&app, WRITE, &write(text), &rosa).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{says}");
        assert!(reply.body.contains(says) && reply.body.contains(r##"href="#message""##), "{says}");
    }
    assert_eq!(sent(&app, WRITE, &write("Hola"), &lucia).await.status, StatusCode::FORBIDDEN);
    assert_eq!(sent(&app, WRITE, &write("Hola"), &jorge).await.status, StatusCode::FORBIDDEN);
    assert!(state.store.stand_chats(stand).await.unwrap().is_empty(), "nothing stored");

    // She writes and waits first in the queue; markup is text.
    let reply = sent(&app, WRITE, &write("¿Buscan <b>almaceneros</b>?"), &rosa).await;
    assert_eq!(location(&reply), format!("{chat}#chat-log"));
    let hers = page(&app, &chat, &rosa).await.body;
    assert!(hers.contains(r#"role="log""#) && hers.contains("¿Buscan &lt;b&gt;almaceneros&lt;/b&gt;?"));
    assert!(hers.contains("eres la persona número 1") && hers.contains("Actualizar"));

    // Her company's people see the queue; another company's, and job seekers, never.
    assert!(page(&app, &stand_page, &lucia).await.body.contains("Conversaciones en vivo (1 en espera)"));
    let listed = page(&app, &chats, &lucia).await;
    assert!(listed.status == StatusCode::OK && listed.body.contains("Atender a rosa"));
    assert!(!listed.body.contains("rosa@example.pe"), "never her email");
    assert_eq!(page(&app, &chats, &pedro).await.status, StatusCode::NOT_FOUND);
    assert_eq!(page(&app, &chats, &rosa).await.status, StatusCode::FORBIDDEN);
    let c = state.store.stand_chats(stand).await.unwrap()[0].id;
    let conversation = format!("/ferias/stand/chats/conversacion?id={c}");
    assert_eq!(page(&app, &conversation, &pedro).await.status, StatusCode::NOT_FOUND);
    let ours = |extra: &[(&'static str, String)]| {
        let mut form = vec![("conversation", c.to_string())];
        form.extend_from_slice(extra);
        form
    };
    const TAKE: &str = "/ferias/stand/chats/atender";
    const REPLY: &str = "/ferias/stand/chats/conversacion";
    assert_eq!(sent(&app, TAKE, &ours(&[]), &pedro).await.status, StatusCode::NOT_FOUND);
    assert_eq!(sent(&app, REPLY, &ours(&[("message", "Hola".into())]), &pedro).await.status, StatusCode::NOT_FOUND);

    // Nobody at the company writes before taking it; Lucía takes it and answers.
    let reply = sent(&app, REPLY, &ours(&[("message", "Hola".into())]), &lucia).await;
    assert!(
        reply.status == StatusCode::UNPROCESSABLE_ENTITY
            && reply.body.contains("No puedes escribir en esta conversación")
    );
    assert_eq!(location(&sent(&app, TAKE, &ours(&[]), &lucia).await), conversation);
    // Mario's page still showed it waiting: his take comes too late, and says so.
    let late = sent(&app, TAKE, &ours(&[]), &mario).await;
    assert!(late.status == StatusCode::CONFLICT && late.body.contains("Alguien atendió, entregó o terminó"));
    let reply = sent(&app, REPLY, &ours(&[("message", "¡Sí! ¿Tienes experiencia?".into())]), &lucia).await;
    assert_eq!(location(&reply), format!("{conversation}#chat-log"));
    let hers = page(&app, &chat, &rosa).await.body;
    assert!(hers.contains("Te atiende lucia.") && hers.contains("¡Sí! ¿Tienes experiencia?"));
    let reply = sent(&app, WRITE, &write("Dos años"), &rosa).await;
    assert_eq!(location(&reply), format!("{chat}#chat-log"));
    let theirs = page(&app, &conversation, &lucia).await.body;
    assert!(theirs.contains("Dos años") && theirs.contains("La atiendes tú."));

    // Handed to Mario, who answers; Lucía may no longer.
    let lucia_id = state.store.chat(c).await.unwrap().unwrap().taken_by.unwrap();
    let handover = ours(&[("from", lucia_id.to_string()), ("to", mario_id.to_string())]);
    assert_eq!(location(&sent(&app, TAKE, &handover, &lucia).await), format!("{chats}&aviso=conversacion-entregada"));
    assert_eq!(
        sent(&app, REPLY, &ours(&[("message", "Una más".into())]), &lucia).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        location(&sent(&app, REPLY, &ours(&[("message", "Soy Mario".into())]), &mario).await),
        format!("{conversation}#chat-log")
    );
    assert!(page(&app, &chat, &rosa).await.body.contains("Te atiende mario."));

    // She ends it; ending again says it was over; her next message opens a new one.
    const END: &str = "/ferias/stand/chat/terminar";
    assert_eq!(sent(&app, END, &ours(&[]), &pedro).await.status, StatusCode::NOT_FOUND);
    assert_eq!(location(&sent(&app, END, &ours(&[]), &rosa).await), format!("{chat}&aviso=conversacion-terminada"));
    assert_eq!(sent(&app, END, &ours(&[]), &mario).await.status, StatusCode::CONFLICT);
    let listed = page(&app, &chats, &mario).await.body;
    assert!(
        listed.contains("Terminadas") && listed.contains(&format!(r#"href="{conversation}""#)),
        "kept to follow up"
    );
    sent(&app, WRITE, &write("Olvidé preguntar el sueldo"), &rosa).await;
    let again = state.store.person_chat(stand, state.store.chat(c).await.unwrap().unwrap().account_id).await.unwrap();
    let again = again.unwrap().id;
    assert_ne!(again, c);

    // Ended with a block: she may not write to this stand again.
    let block = [("conversation", again.to_string())];
    assert_eq!(sent(&app, "/ferias/stand/chats/bloquear", &block, &pedro).await.status, StatusCode::NOT_FOUND);
    let reply = sent(&app, "/ferias/stand/chats/bloquear", &block, &mario).await;
    assert_eq!(location(&reply), format!("{chats}&aviso=persona-bloqueada"));
    let reply = sent(&app, WRITE, &write("¿Por qué?"), &rosa).await;
    assert!(reply.status == StatusCode::UNPROCESSABLE_ENTITY && reply.body.contains("ya no conversa contigo"));
    assert!(page(&app, &chat, &rosa).await.body.contains("ya no conversa contigo"));
}

#[tokio::test]
async fn a_seeker_reads_her_ended_conversations_again_during_and_after_the_fair() {
    let AtStand { app, state, db, fair, stand, lucia, rosa, .. } = accepted_stand(10).await;
    let grant = RoleGrant { role: Role::Seeker, company_id: None, centre_id: None };
    let ana = session_cookie_for(&state, &person(&state, "ana@example.pe", grant).await).await;
    let (stand_page, chat) = (format!("/stand/{stand}"), format!("/ferias/stand/chat?id={stand}"));
    running(&db, fair).await;
    let write = |text: &str| [("stand", stand.to_string()), ("message", text.to_string())];
    sent(&app, "/ferias/stand/chat", &write("¿Buscan almaceneros?"), &rosa).await;
    let c = state.store.stand_chats(stand).await.unwrap()[0].id;
    let ours = |extra: &[(&'static str, &str)]| {
        let mut form = vec![("conversation", c.to_string())];
        form.extend(extra.iter().map(|(name, value)| (*name, value.to_string())));
        form
    };
    sent(&app, "/ferias/stand/chats/atender", &ours(&[]), &lucia).await;
    sent(&app, "/ferias/stand/chats/conversacion", &ours(&[("message", "Sí, escríbenos al correo")]), &lucia).await;
    sent(&app, "/ferias/stand/chat/terminar", &ours(&[]), &rosa).await;

    // While the fair runs her chat page keeps it under the earlier ones, to report from too.
    let report = format!(r#"href="/ferias/stand/chat/reportar?id={c}""#);
    let hers = page(&app, &chat, &rosa).await.body;
    assert!(hers.contains("Tus conversaciones anteriores con") && hers.contains("Sí, escríbenos al correo"));
    assert!(hers.contains(&report));
    let form = page(&app, &format!("/ferias/stand/chat/reportar?id={c}"), &rosa).await;
    assert!(form.status == StatusCode::OK && form.body.contains("Sí, escríbenos al correo"));
    // Another job seeker's page has nothing of it.
    let others = page(&app, &chat, &ana).await.body;
    assert!(!others.contains("Tus conversaciones anteriores") && !others.contains("Sí, escríbenos al correo"));
    assert!(!others.contains(&report));

    // After the fair: the stand's page leads her (alone) back to them; the chat is closed.
    let sql = format!("UPDATE fairs SET starts_at = {}, ends_at = {} WHERE id = {fair}", now() - 7_200, now() - 60);
    db.execute(&sql).await.unwrap();
    assert!(page(&app, &stand_page, &rosa).await.body.contains("Leer tus conversaciones con la empresa"));
    for reader in [ana.as_str(), lucia.as_str(), ""] {
        assert!(!page(&app, &stand_page, reader).await.body.contains("Leer tus conversaciones"));
    }
    let hers = page(&app, &chat, &rosa).await.body;
    assert!(hers.contains("La conversación en vivo ya cerró") && hers.contains("Sí, escríbenos al correo"));
    assert!(hers.contains("¿Buscan almaceneros?") && hers.contains(&report));
}
