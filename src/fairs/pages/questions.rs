//! Questions on a stand's page and a fair's: what the reader asked and what the company
//! answered, and the form a job seeker leaves a new one with (a plain form that works without
//! JavaScript; a refusal comes back on its field with what was typed).

use crate::components::form::{use_form_state, CsrfField, TextArea};
use crate::components::plain_text::PlainText;
use crate::domain::lima_time::format_lima_date;
use crate::fairs::stands::questions::{
    questions_page, Asking, OwnQuestion, StandQuestionsPart, LEAVE_QUESTION_PATH, QUESTION_FIELD,
};
use crate::fairs::stands::rules::MAX_OPEN_QUESTIONS;
use crate::fairs::stands::stand_path;
use crate::i18n::{t, t_with, Key};
use crate::ui::{sign_in_returning_to, use_ui};
use leptos::prelude::*;

/// The questions part of stand `stand_id`'s page.
#[component]
pub fn StandQuestionsSection(stand_id: i64, part: StandQuestionsPart) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let StandQuestionsPart { own, asking, unanswered } = part;
    let own = (!own.is_empty()).then(|| view! { <OwnQuestions questions=own with_company=false /> });
    let asking = match asking {
        Asking::Open { closes_at } => {
            let until = t_with(lang, Key::question_until, &[("until", &format_lima_date(closes_at))]);
            Some(
                view! {
                    <p>{until}</p>
                    <form method="post" action=LEAVE_QUESTION_PATH novalidate>
                        <CsrfField />
                        <input type="hidden" name="stand" value=stand_id.to_string() />
                        <TextArea id=QUESTION_FIELD label=t(lang, Key::question_label) hint=Some(t(lang, Key::question_hint)) rows=4 value=form.value(QUESTION_FIELD) error=form.error(QUESTION_FIELD) />
                        <button class="app-button" type="submit">{t(lang, Key::question_send)}</button>
                    </form>
                }
                .into_any(),
            )
        }
        Asking::SignInFirst => Some(
            view! { <p><a href=sign_in_returning_to(&stand_path(stand_id))>{t(lang, Key::question_sign_in)}</a></p> }
                .into_any(),
        ),
        Asking::TooMany => Some(
            view! { <p>{t_with(lang, Key::question_too_many, &[("most", &MAX_OPEN_QUESTIONS.to_string())])}</p> }
                .into_any(),
        ),
        Asking::Closed => Some(view! { <p>{t(lang, Key::question_closed)}</p> }.into_any()),
        Asking::NotAsker => None,
    };
    let answer_link = unanswered.map(|waiting| {
        let label = t_with(lang, Key::stand_questions_link, &[("count", &waiting.to_string())]);
        view! { <p><a href=questions_page(stand_id)>{label}</a></p> }
    });
    view! {
        <section aria-labelledby="stand-questions-h">
            <h2 id="stand-questions-h">{t(lang, Key::question_h2)}</h2>
            <p>{t(lang, Key::question_intro)}</p>
            {own}
            {asking}
            {answer_link}
        </section>
    }
}

/// The reader's own questions, each with the company's answer or that it is awaited;
/// `with_company` names each one's stand (on the fair's page).
#[component]
pub fn OwnQuestions(questions: Vec<OwnQuestion>, with_company: bool) -> impl IntoView {
    let lang = use_ui().lang;
    let items = questions
        .into_iter()
        .map(|q| {
            let asked = t_with(lang, Key::question_asked_on, &[("day", &format_lima_date(q.asked_at))]);
            let company = with_company.then(|| {
                view! { <p><a href=stand_path(q.stand_id)>{q.company_name.clone()}</a></p> }
            });
            let answer = match q.answered_at {
                Some(at) => {
                    let said = t_with(
                        lang,
                        Key::question_answered_on,
                        &[("company", &q.company_name), ("day", &format_lima_date(at))],
                    );
                    view! {
                        <p><strong>{said}</strong></p>
                        <PlainText text=q.answer.clone() />
                    }
                    .into_any()
                }
                None => view! { <p class="app-hint">{t(lang, Key::question_waiting)}</p> }.into_any(),
            };
            view! {
                <li>
                    {company}
                    <p><strong>{asked}</strong></p>
                    <PlainText text=q.question.clone() />
                    {answer}
                </li>
            }
        })
        .collect_view();
    view! {
        <h3>{t(lang, Key::question_own_h3)}</h3>
        <ul class="app-list">{items}</ul>
    }
}
