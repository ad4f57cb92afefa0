//! The management panel on a vacancy's page: its status, the steps its viewer may take, the
//! review comment, the fair-wording notes and the history.

use crate::components::button_form::ButtonForm;
use crate::components::form::{use_form_state, CsrfField, TextArea};
use crate::components::plain_text::PlainText;
use crate::domain::lima_time::format_lima;
use crate::i18n::{t, t_with, Key};
use crate::ui::use_ui;
use crate::vacancies::api::Management;
use crate::vacancies::vacancy_video_page;
use crate::vacancies::workflow::Step;
use crate::vacancies::{edit_vacancy_path, VacancyStatus, VACANCY_STEP_PATH};
use leptos::prelude::*;

/// What its employers and counsellors see: where the vacancy stands, the steps they may
/// take now, and its history.
#[component]
pub(super) fn ManagePanel(
    id: i64,
    status: VacancyStatus,
    comment: String,
    manage: Management,
    has_video: bool,
) -> impl IntoView {
    let ui = use_ui();
    let form = use_form_state();
    let lang = ui.lang;
    let step_button = |step: Step| {
        view! {
            <ButtonForm
                action=VACANCY_STEP_PATH
                label=t(lang, step.label())
                fields=vec![("vacancy", id.to_string()), ("step", step.code().to_string())]
                secondary=step == Step::Close
            />
        }
    };
    let buttons = manage.steps.iter().copied().filter(|s| *s != Step::Return).map(step_button).collect_view();
    let return_form = manage.steps.contains(&Step::Return).then(|| {
        view! {
            <form method="post" action=VACANCY_STEP_PATH novalidate>
                <CsrfField />
                <input type="hidden" name="vacancy" value=id.to_string() />
                <input type="hidden" name="step" value=Step::Return.code() />
                <TextArea
                    id="comment"
                    label=t(lang, Key::vacancy_comment)
                    hint=Some(t(lang, Key::vacancy_comment_hint))
                    rows=4
                    value=form.value("comment")
                    error=form.error("comment")
                />
                <button class="app-button app-button--secondary" type="submit">{t(lang, Key::step_return)}</button>
            </form>
        }
    });
    let returned = (status == VacancyStatus::Returned && !comment.is_empty()).then(|| {
        view! {
            <div class="app-inset">
                <h3>{t(lang, Key::vacancy_comment_h3)}</h3>
                <PlainText text=comment />
            </div>
        }
    });
    let history = manage
        .history
        .into_iter()
        .map(|event| {
            let who = event.actor_name.unwrap_or_else(|| t(lang, Key::vacancy_history_automatic).to_string());
            let what = t_with(
                lang,
                Key::vacancy_history_entry,
                &[("status", t(lang, event.to_status.label())), ("who", &who)],
            );
            let comment = (!event.comment.is_empty()).then(|| view! { <PlainText text=event.comment /> });
            view! {
                <li>
                    <p>
                        <strong>{format_lima(event.at)}</strong>
                        " — "
                        {what}
                    </p>
                    {comment}
                </li>
            }
        })
        .collect_view();
    let flags = (!manage.flags.is_empty()).then(|| {
        let items = manage
            .flags
            .into_iter()
            .map(|flag| {
                let field = t(lang, field_label(&flag.field));
                view! {
                    <li>
                        <strong>{format!("«{}»", flag.found)}</strong>
                        {format!(" ({field}): {}", flag.why)}
                        " "
                        {flag.suggestion}
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="app-inset">
                <h3>{t(lang, Key::vacancy_wording_h3)}</h3>
                <p>{t(lang, Key::vacancy_wording_intro)}</p>
                <ul class="app-list">{items}</ul>
            </div>
        }
    });
    let error = form.error("manage");
    view! {
        <section id="manage" class="app-panel" tabindex="-1" aria-labelledby="manage-h">
            <h2 id="manage-h">{t(lang, Key::vacancy_manage_h2)}</h2>
            {error.map(|message| view! { <p class="app-field__error">{message}</p> })}
            <p>{t_with(lang, Key::vacancy_status_now, &[("status", t(lang, status.label()))])}</p>
            {returned}
            {flags}
            {(!manage.company_verified).then(|| view! { <p>{t(lang, Key::vacancy_err_unverified)}</p> })}
            {(manage.closing_passed && status != VacancyStatus::Closed)
                .then(|| view! { <p>{t(lang, Key::vacancy_err_closing_passed)}</p> })}
            <div class="app-button-group">
                {manage.may_edit.then(|| {
                    let video_label = if has_video { Key::video_change } else { Key::video_add };
                    view! {
                        <a class="app-button app-button--secondary" href=edit_vacancy_path(id)>
                            {t(lang, Key::vacancy_edit)}
                        </a>
                        <a class="app-button app-button--secondary" href=vacancy_video_page(id)>
                            {t(lang, video_label)}
                        </a>
                    }
                })}
                {buttons}
            </div>
            {return_form}
            {(status != VacancyStatus::Draft).then(|| view! {
                <p><a href=crate::vacancies::applicants_path(id)>{t(lang, Key::applicants_link)}</a></p>
            })}
            <crate::interviews::records::pages::VacancyTemplatePanel vacancy=id />
            <h3>{t(lang, Key::vacancy_history_h3)}</h3>
            <ol class="app-history">{history}</ol>
        </section>
    }
}

/// The label of a vacancy form field, to say where something was found.
fn field_label(field: &str) -> Key {
    match field {
        "title" => Key::vacancy_title,
        "requirements" => Key::vacancy_requirements,
        "skills" => Key::vacancy_skills,
        "easy_read" => Key::vacancy_easy_read,
        "workplace_access" => Key::vacancy_access,
        "interview" => Key::vacancy_interview,
        _ => Key::vacancy_description,
    }
}
