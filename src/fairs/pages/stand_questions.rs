//! The page where a stand's employers read the questions job seekers left and answer them
//! (works without JavaScript): those waiting first, each with its own answer form; then those
//! answered, with what was said.

use crate::components::form::{use_form_state, CsrfField, TextArea};
use crate::components::list::list_or;
use crate::components::plain_text::PlainText;
use crate::components::private_page::{PrivateRecordPage, RecordFrame};
use crate::domain::lima_time::format_lima_date;
use crate::fairs::stands::questions::api::{read_stand_questions, BoothQuestion, StandQuestions};
use crate::fairs::stands::questions::{answer_field, ANSWER_QUESTION_PATH};
use crate::fairs::stands::stand_path;
use crate::i18n::{t, t_with, Key};
use crate::ui::use_ui;
use leptos::prelude::*;

/// The questions of stand `?id=`, for its company's employers.
#[component]
pub fn StandQuestionsPage() -> impl IntoView {
    view! { <PrivateRecordPage param="id" read=read_stand_questions show=|found| view! { <QuestionsView found /> } /> }
}

#[component]
fn QuestionsView(found: StandQuestions) -> impl IntoView {
    let lang = use_ui().lang;
    let title = t_with(lang, Key::stand_questions_title, &[("company", &found.company_name)]);
    let (waiting, answered): (Vec<_>, Vec<_>) = found.questions.into_iter().partition(|q| q.answered_at.is_none());
    let stand_id = found.stand_id;
    let waiting = list_or(
        t(lang, Key::stand_questions_none_waiting),
        waiting.into_iter().map(|question| view! { <WaitingQuestion stand_id question /> }).collect(),
    );
    let answered = (!answered.is_empty()).then(|| {
        let items = answered
            .into_iter()
            .map(|q| {
                let said = t_with(
                    lang,
                    Key::stand_questions_answered_on,
                    &[("day", &format_lima_date(q.answered_at.unwrap_or_default()))],
                );
                view! {
                    <li>
                        <p><strong>{asked_by(lang, &q)}</strong></p>
                        <PlainText text=q.question.clone() />
                        <p><strong>{said}</strong></p>
                        <PlainText text=q.answer.clone() />
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2>{t(lang, Key::stand_questions_answered_h2)}</h2>
            <ul class="app-list">{items}</ul>
        }
    });
    view! {
        <RecordFrame title=title.clone() lead=t_with(lang, Key::stand_questions_lead, &[("fair", &found.fair_title)])>
            <h2>{t(lang, Key::stand_questions_waiting_h2)}</h2>
            {waiting}
            {answered}
            <p><a href=stand_path(stand_id)>{t(lang, Key::shifts_back)}</a></p>
        </RecordFrame>
    }
}

/// A question waiting, with its answer form; a refused answer comes back on its field.
#[component]
fn WaitingQuestion(stand_id: i64, question: BoothQuestion) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let field = answer_field(question.id);
    let label = t_with(lang, Key::stand_questions_answer_label, &[("name", &question.asker_name)]);
    view! {
        <li>
            <p><strong>{asked_by(lang, &question)}</strong></p>
            <PlainText text=question.question.clone() />
            <form method="post" action=ANSWER_QUESTION_PATH novalidate>
                <CsrfField />
                <input type="hidden" name="stand" value=stand_id.to_string() />
                <input type="hidden" name="question_id" value=question.id.to_string() />
                <TextArea id=field.clone() label rows=4 value=form.value(&field) error=form.error(&field) />
                <button class="app-button" type="submit">{t(lang, Key::stand_questions_send)}</button>
            </form>
        </li>
    }
}

fn asked_by(lang: crate::i18n::Lang, question: &BoothQuestion) -> String {
    t_with(
        lang,
        Key::stand_questions_asked_by,
        &[("name", &question.asker_name), ("day", &format_lima_date(question.asked_at))],
    )
}
