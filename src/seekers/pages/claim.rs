//! The two ends of joining a profile to its person's account: the consent sheet a counsellor
//! prints (each consent in the words agreed to, and the code to enter), and the form where
//! the person, signed in, types their document number and that code.

use crate::components::form::{use_form_state, CsrfField, ErrorSummary, SelectField, TextField};
use crate::components::notice::sign_in_first;
use crate::components::status_page::{ErrorPage, NotFoundPage};
use crate::domain::lima_time::format_lima_date;
use crate::domain::DocumentType;
use crate::i18n::{page_title, t, t_with, Key};
use crate::seekers::api::{read_consent_sheet, ConsentSheet};
use crate::seekers::claim::{consent_sheet_path, CLAIM_CODE_FIELD, CLAIM_PATH};
use crate::seekers::{seeker_path, MY_PROFILE_PATH};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ConsentSheetPage() -> impl IntoView {
    let ui = use_ui();
    let Some(id) = ui.query_id("id") else {
        return view! { <NotFoundPage /> }.into_any();
    };
    if let Some(away) = sign_in_first(&ui, &consent_sheet_path(id)) {
        return away;
    }
    let found = Resource::new_blocking(move || id, read_consent_sheet);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(sheet) => view! { <Sheet sheet /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// The sheet: plain headings and lists that print on one or two pages; the code only right
/// after it was made (it is not kept in a form that can be shown again).
#[component]
fn Sheet(sheet: ConsentSheet) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let heading = t_with(lang, Key::sheet_h1, &[("name", &sheet.full_name)]);
    let document =
        format!("{} {}", crate::seekers::pages::document_label(lang, sheet.document.kind), sheet.document.number());
    let consents = sheet
        .consents
        .iter()
        .map(|record| {
            let by = record.recorder_name.clone().unwrap_or_default();
            let when = t_with(lang, Key::sheet_given, &[("date", &format_lima_date(record.given_at)), ("name", &by)]);
            view! {
                <li>
                    <p><strong>{t(lang, record.kind.short())}</strong></p>
                    <p>{t(lang, record.kind.text())}</p>
                    <p class="app-hint">{when}</p>
                </li>
            }
        })
        .collect_view();
    let code = form.value(CLAIM_CODE_FIELD);
    let until = form.value("claim_until").parse::<i64>().ok().map(format_lima_date).unwrap_or_default();
    let how_to_enter = if sheet.signed_up {
        view! { <p>{t_with(lang, Key::sheet_signed_up, &[("name", &sheet.full_name)])}</p> }.into_any()
    } else if code.is_empty() {
        view! {
            <p>{t(lang, Key::sheet_code_intro)}</p>
            <form method="post" action=consent_sheet_path(sheet.seeker_id) class="app-no-print">
                <CsrfField />
                <button class="app-button" type="submit">{t(lang, Key::sheet_make_code)}</button>
            </form>
        }
        .into_any()
    } else {
        view! {
            <ol class="app-steps">
                <li>{t_with(lang, Key::sheet_step_account, &[("site", &sheet.origin)])}</li>
                <li>{t(lang, Key::sheet_step_profile)}</li>
                <li>
                    {t(lang, Key::sheet_step_code)} " "
                    <strong class="app-code">{code.clone()}</strong>
                    {format!(" ({})", t_with(lang, Key::sheet_code_until, &[("date", &until)]))}
                </li>
                <li>{t(lang, Key::sheet_step_confirm)}</li>
            </ol>
            <p class="app-no-print">{t(lang, Key::sheet_print_hint)}</p>
        }
        .into_any()
    };
    view! {
        <Title text=heading.clone() />
        <article class="app-width app-narrow app-sheet">
            <h1>{heading}</h1>
            <p>{format!("{}: {document}", t(lang, Key::seeker_document))}</p>
            <section aria-labelledby="sheet-consents-h">
                <h2 id="sheet-consents-h">{t(lang, Key::sheet_consents_h2)}</h2>
                <ul class="app-list">{consents}</ul>
                <p>{t(lang, Key::sheet_revoke)}</p>
            </section>
            <section aria-labelledby="sheet-enter-h">
                <h2 id="sheet-enter-h">{t(lang, Key::sheet_enter_h2)}</h2>
                {how_to_enter}
            </section>
            <p class="app-no-print">
                <a href=seeker_path(sheet.seeker_id)>{t(lang, Key::sheet_back)}</a>
            </p>
        </article>
    }
}

/// A signed-in person joins the profile their centre made: document and the sheet's code.
#[component]
pub fn ClaimProfilePage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, CLAIM_PATH) {
        return away;
    }
    let lang = ui.lang;
    let form = use_form_state();
    let title = if form.has_errors() {
        format!("{}: {}", t(lang, Key::form_error_prefix), page_title(lang, Key::claim_h1))
    } else {
        page_title(lang, Key::claim_h1)
    };
    let documents: Vec<(String, String)> = DocumentType::ALL
        .iter()
        .map(|kind| (kind.code().to_string(), crate::seekers::pages::document_label(lang, *kind).to_string()))
        .collect();
    view! {
        <Title text=title />
        <div class="app-width app-narrow">
            <form method="post" action=CLAIM_PATH novalidate>
                <CsrfField />
                <ErrorSummary errors=form.errors.clone() />
                <h1>{t(lang, Key::claim_h1)}</h1>
                <p class="app-lead">{t(lang, Key::claim_intro)}</p>
                <SelectField
                    id="document_type"
                    label=t(lang, Key::seeker_document_type)
                    options=documents
                    selected=form.value("document_type")
                    error=form.error("document_type")
                />
                <TextField
                    id="document_number"
                    label=t(lang, Key::seeker_document_number)
                    autocomplete="off"
                    value=form.value("document_number")
                    error=form.error("document_number")
                />
                <TextField
                    id=CLAIM_CODE_FIELD
                    label=t(lang, Key::claim_code)
                    hint=Some(t(lang, Key::claim_code_hint))
                    autocomplete="off"
                    value=form.value(CLAIM_CODE_FIELD)
                    error=form.error(CLAIM_CODE_FIELD)
                />
                <button class="app-button" type="submit">{t(lang, Key::claim_submit)}</button>
            </form>
            <p>
                <a href=MY_PROFILE_PATH>{t(lang, Key::claim_back)}</a>
            </p>
        </div>
    }
    .into_any()
}
