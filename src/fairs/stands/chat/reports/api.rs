//! What the report pages read: the report form for one side of a conversation (unknown to
//! anyone else), and a fair's reports for its organisers.

use super::{FairReports, ReportForm};
use crate::error::AppError;
use leptos::prelude::*;

/// The report form of conversation `id`, for its job seeker or its stand's company: the other
/// side's messages, and which of them the reader has reported.
#[server(endpoint = "fairs/chat-report")]
pub async fn read_report_form(id: i64) -> Result<ReportForm, AppError> {
    use crate::fairs::stands::chat::api::{line, side_of};
    use crate::fairs::stands::chat::rules::ChatSide;
    use crate::fairs::stands::chat::side_page;
    let current = crate::server::access::signed_in()?;
    let me = current.actor.account_id;
    let store = crate::server::state::store()?;
    let chat = store.chat(id).await?.ok_or(AppError::NotFound)?;
    let side = side_of(&current.actor, &chat).ok_or(AppError::NotFound)?;
    let (stand, messages, reported) =
        tokio::join!(store.stand(chat.stand_id), store.chat_messages(id, 0), store.reported_in(id, me));
    let other_side = match side {
        ChatSide::Seeker => stand?.ok_or(AppError::NotFound)?.company_name,
        ChatSide::Company => chat.seeker_name,
    };
    Ok(ReportForm {
        conversation_id: id,
        other_side,
        back: side_page(side, chat.stand_id, id),
        seeker_side: side == ChatSide::Seeker,
        lines: messages?.into_iter().filter(|m| side.may_report(m.from_company)).map(|m| line(m, me)).collect(),
        reported: reported?,
    })
}

/// The reported messages of fair `id`'s chats, for its organisers: unknown to anyone else.
#[server(endpoint = "fairs/chat-reports")]
pub async fn read_fair_reports(id: i64) -> Result<FairReports, AppError> {
    use super::ReportedMessage;
    use crate::domain::Role;
    let current = crate::server::access::acting_as(&[Role::Counsellor])?;
    let store = crate::server::state::store()?;
    let fair = store.fair(id).await?.ok_or(AppError::NotFound)?;
    if !crate::fairs::rules::may_manage(&current.actor, fair.draft.centre_id) {
        return Err(AppError::NotFound);
    }
    let reports = store
        .fair_reports(id)
        .await?
        .into_iter()
        .map(|r| ReportedMessage {
            id: r.id,
            company_name: r.company_name,
            author: r.author_name,
            from_company: r.from_company,
            body: r.body,
            sent_at: r.sent_at,
            reporter: r.reporter_name,
            reason: r.reason,
            reported_at: r.reported_at,
            reviewed_at: r.reviewed_at,
        })
        .collect();
    Ok(FairReports { fair_id: id, fair_title: fair.draft.title, reports })
}
