//! Reporting a message of a live chat, and a fair's reported messages for its organisers. Both
//! work without JavaScript: the report is a form with one radio button per message of the
//! other side, each labelled with who wrote it, when, and what.

use crate::components::button_form::ButtonForm;
use crate::components::form::{use_form_state, Choice, CsrfField, FieldError, TextArea};
use crate::components::list::list_or;
use crate::components::plain_text::PlainText;
use crate::components::private_page::{PrivateRecordPage, RecordFrame};
use crate::domain::lima_time::format_lima;
use crate::fairs::fair_path;
use crate::fairs::pages::chat::{name_or_gone, who_wrote};
use crate::fairs::stands::chat::reports::api::{read_fair_reports, read_report_form};
use crate::fairs::stands::chat::reports::{
    reported_field, FairReports, ReportForm, ReportedMessage, REASON_FIELD, REPORTED_FIELD, REPORT_PATH,
    REVIEW_REPORT_PATH,
};
use crate::i18n::{t, t_with, Key};
use crate::ui::use_ui;
use leptos::prelude::*;

/// The report form of conversation `?id=`, for either of its sides.
#[component]
pub fn ReportMessagePage() -> impl IntoView {
    view! { <PrivateRecordPage param="id" read=read_report_form show=|found| view! { <ReportView found /> } /> }
}

#[component]
fn ReportView(found: ReportForm) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let title = t(lang, Key::chat_report_title).to_string();
    let lead = t_with(lang, Key::chat_report_lead, &[("name", &found.other_side)]);
    let chosen = form.value(REPORTED_FIELD);
    let first = found.lines.first().map_or(0, |line| line.id);
    let error_id = format!("{}-error", reported_field(first));
    let error = form.error(&reported_field(first));
    let described_by = error.as_ref().map(|_| error_id.clone());
    let choices = found
        .lines
        .iter()
        .map(|line| {
            let mut label = format!("{} · {}: {}", who_wrote(line, lang), format_lima(line.sent_at), line.body);
            if found.reported.contains(&line.id) {
                label = format!("{label} ({})", t(lang, Key::chat_report_already));
            }
            let checked = chosen == line.id.to_string();
            view! { <Choice kind="radio" name=REPORTED_FIELD value=line.id.to_string() label checked described_by=described_by.clone() /> }
        })
        .collect_view();
    let body = if found.lines.is_empty() {
        view! { <p class="app-inset">{t(lang, Key::chat_report_nothing)}</p> }.into_any()
    } else {
        view! {
            <p>{t(lang, Key::chat_report_intro)}</p>
            <form method="post" action=REPORT_PATH novalidate>
                <CsrfField />
                <input type="hidden" name="conversation" value=found.conversation_id.to_string() />
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend">{t(lang, Key::chat_report_which)}</legend>
                    <FieldError id=error_id message=error />
                    {choices}
                </fieldset>
                <TextArea
                    id=REASON_FIELD
                    label=t(lang, Key::chat_report_reason)
                    hint=Some(t(lang, Key::chat_report_reason_hint))
                    rows=3
                    value=form.value(REASON_FIELD)
                    error=form.error(REASON_FIELD)
                />
                <button class="app-button" type="submit">{t(lang, Key::chat_report_send)}</button>
            </form>
        }
        .into_any()
    };
    view! {
        <RecordFrame title lead>
            {body}
            <p><a href=found.back.clone()>{t(lang, Key::chat_report_back)}</a></p>
        </RecordFrame>
    }
}

/// The reported messages of fair `?id=`'s chats, for its organisers.
#[component]
pub fn FairReportsPage() -> impl IntoView {
    view! { <PrivateRecordPage param="id" read=read_fair_reports show=|found| view! { <FairReportsView found /> } /> }
}

#[component]
fn FairReportsView(found: FairReports) -> impl IntoView {
    let lang = use_ui().lang;
    let FairReports { fair_id, fair_title, reports } = found;
    let title = t_with(lang, Key::chat_reports_title, &[("fair", &fair_title)]);
    let (waiting, reviewed): (Vec<_>, Vec<_>) = reports.into_iter().partition(|r| r.reviewed_at.is_none());
    let waiting_h2 = t_with(lang, Key::chat_reports_waiting_h2, &[("count", &waiting.len().to_string())]);
    let waiting = list_or(
        t(lang, Key::chat_reports_none_waiting),
        waiting.into_iter().map(|report| view! { <Reported fair_id report /> }.into_any()).collect(),
    );
    let reviewed = (!reviewed.is_empty()).then(|| {
        let items = reviewed.into_iter().map(|report| view! { <Reported fair_id report /> }).collect_view();
        view! {
            <h2>{t(lang, Key::chat_reports_reviewed_h2)}</h2>
            <ul class="app-list">{items}</ul>
        }
    });
    view! {
        <RecordFrame title lead=t(lang, Key::chat_reports_lead).to_string()>
            <h2>{waiting_h2}</h2>
            {waiting}
            {reviewed}
            <p><a href=fair_path(fair_id)>{t(lang, Key::registration_back)}</a></p>
        </RecordFrame>
    }
}

/// One report: where and by whom the message was written, the message as text, who reported
/// it and why; marked reviewed, or the button that marks it.
#[component]
fn Reported(fair_id: i64, report: ReportedMessage) -> impl IntoView {
    let lang = use_ui().lang;
    let author = name_or_gone(&report.author, lang);
    let side = if report.from_company { Key::chat_reports_side_company } else { Key::chat_reports_side_seeker };
    let wrote = t_with(
        lang,
        Key::chat_reports_wrote,
        &[
            ("name", &author),
            ("side", t(lang, side)),
            ("company", &report.company_name),
            ("when", &format_lima(report.sent_at)),
        ],
    );
    let reporter = name_or_gone(&report.reporter, lang);
    let by = t_with(lang, Key::chat_reports_by, &[("name", &reporter), ("when", &format_lima(report.reported_at))]);
    let reason = (!report.reason.is_empty())
        .then(|| view! { <p>{t(lang, Key::chat_reports_reason)} " " <q>{report.reason.clone()}</q></p> });
    let review_name =
        t_with(lang, Key::chat_reports_review_named, &[("name", &author), ("when", &format_lima(report.sent_at))]);
    let state = match report.reviewed_at {
        Some(at) => {
            view! { <p>{t_with(lang, Key::chat_reports_reviewed_at, &[("when", &format_lima(at))])}</p> }.into_any()
        }
        None => view! {
            <ButtonForm
                action=REVIEW_REPORT_PATH
                label=t(lang, Key::chat_reports_review)
                aria_label=review_name
                fields=vec![("fair", fair_id.to_string()), ("report", report.id.to_string())]
            />
        }
        .into_any(),
    };
    view! {
        <li>
            <p><strong>{wrote}</strong></p>
            <blockquote class="app-inset"><PlainText text=report.body.clone() /></blockquote>
            <p>{by}</p>
            {reason}
            {state}
        </li>
    }
}
