//! The form to apply: the person's own, or their counsellor's on their behalf, with the
//! accommodations wanted at the interview and an optional disclosure.

use crate::applications::api::{read_apply_form, ApplyForm};
use crate::applications::{apply_path, apply_path_at};
use crate::components::form::{use_form_state, Choice, CsrfField, ErrorSummary, FieldError, TextArea};
use crate::components::notice::sign_in_first;
use crate::components::status_page::{ErrorPage, NotFoundPage};
use crate::domain::lima_time::format_lima_date;
use crate::i18n::{t, t_with, Key};
use crate::seekers::consent::ConsentKind;
use crate::ui::use_ui;
use crate::vacancies::vacancy_path;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ApplyPage() -> impl IntoView {
    let ui = use_ui();
    let vacancy = ui.query_id("vacante");
    let seeker = ui.query_id("persona");
    let Some(vacancy) = vacancy else { return view! { <NotFoundPage /> }.into_any() };
    if let Some(away) = sign_in_first(&ui, &apply_path(vacancy, seeker)) {
        return away;
    }
    let found = Resource::new_blocking(move || (vacancy, seeker), |(vacancy, seeker)| read_apply_form(vacancy, seeker));
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(found) => view! { <ApplyFormView found /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn ApplyFormView(found: ApplyForm) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let heading = t_with(lang, Key::apply_h1, &[("title", &found.vacancy_title)]);
    let title =
        if form.has_errors() { format!("{}: {heading}", t(lang, Key::form_error_prefix)) } else { heading.clone() };
    let back = view! { <p><a href=vacancy_path(found.vacancy_id)>{t(lang, Key::apply_back)}</a></p> };
    let body = match (&found.applying, found.open) {
        (None, _) => view! {
            <p>{t(lang, Key::apply_no_profile)}</p>
            <p><a class="app-button" href=crate::seekers::MY_PROFILE_PATH>{t(lang, Key::apply_make_profile)}</a></p>
        }
        .into_any(),
        (Some(applying), _) if applying.already.is_some() => {
            let already = applying.already.clone().unwrap_or_else(|| unreachable!());
            let said = t_with(
                lang,
                Key::apply_already,
                &[("date", &format_lima_date(already.created_at)), ("status", t(lang, already.status.label()))],
            );
            let list = if applying.is_self {
                crate::applications::MY_APPLICATIONS_PATH.to_string()
            } else {
                crate::seekers::seeker_path(applying.seeker_id)
            };
            view! {
                <p class="app-inset">{said}</p>
                <p><a href=list>{t(lang, Key::apply_see_applications)}</a></p>
            }
            .into_any()
        }
        (Some(_), false) => view! { <p class="app-inset">{t(lang, Key::apply_closed)}</p> }.into_any(),
        (Some(applying), true) => view! { <ApplyFields found=found.clone() applying=applying.clone() /> }.into_any(),
    };
    view! {
        <Title text=title />
        <div class="app-width app-narrow">
            <ErrorSummary errors=form.errors.clone() />
            <h1>{heading}</h1>
            <p class="app-lead">{found.company_name.clone()}</p>
            {body}
            {back}
        </div>
    }
}

#[component]
fn ApplyFields(found: ApplyForm, applying: crate::applications::api::ApplyingAs) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let chosen: Vec<String> = if form.has_errors() {
        form.values.iter().filter(|(k, _)| k == "interview").map(|(_, v)| v.clone()).collect()
    } else {
        applying.needs_at_interview.clone()
    };
    let for_someone = (!applying.is_self).then(|| {
        view! { <p class="app-inset">{t_with(lang, Key::apply_for_someone, &[("name", &applying.full_name)])}</p> }
    });
    let share_error = form.error("share");
    let share = (!applying.shares).then(|| {
        let described_by = share_error.as_ref().map(|_| "share-error".to_string());
        // A counsellor records the person's word, and whether they signed it on the sheet: only
        // a signed one holds before the person confirms it.
        let (label, on_behalf) = if applying.is_self {
            (t(lang, Key::apply_share_label), None)
        } else {
            let sheet = view! {
                <Choice kind="checkbox" name="sheet" value="si" label=t(lang, Key::apply_share_sheet_label) checked=form.value("sheet") == "si" described_by=described_by.clone() />
            };
            (t(lang, Key::apply_share_person_label), Some(sheet))
        };
        let explained = (!applying.is_self).then(|| view! { <p class="app-hint">{t(lang, Key::apply_share_on_behalf)}</p> });
        let awaits = (!applying.is_self && applying.share_awaits)
            .then(|| view! { <p class="app-inset">{t(lang, Key::apply_share_awaits)}</p> });
        view! {
            <fieldset class="app-fieldset" class:app-field--error=share_error.is_some()>
                <legend class="app-fieldset__legend">{t(lang, Key::apply_share_legend)}</legend>
                <p class="app-hint">{t(lang, ConsentKind::ShareWithEmployers.text())}</p>
                {explained}
                {awaits}
                <FieldError id="share-error".to_string() message=share_error.clone() />
                <Choice kind="checkbox" name="share" value="si" label checked=form.value("share") == "si" described_by />
                {on_behalf}
            </fieldset>
        }
    });
    let needs = if applying.disability_consented {
        let boxes = found
            .accommodations
            .iter()
            .map(|entry| {
                let label = if found.offered.contains(&entry.code) {
                    t_with(lang, Key::apply_offered, &[("name", entry.name(lang))])
                } else {
                    entry.name(lang).to_string()
                };
                view! { <Choice kind="checkbox" name="interview" value=entry.code.clone() label checked=chosen.contains(&entry.code) /> }
            })
            .collect_view();
        view! {
            <fieldset class="app-fieldset">
                <legend class="app-fieldset__legend">{t(lang, Key::apply_needs_legend)}</legend>
                <p class="app-hint">{t(lang, Key::apply_needs_hint)}</p>
                <FieldError id="interview".to_string() message=form.error("interview") />
                {boxes}
            </fieldset>
        }
        .into_any()
    } else {
        view! { <p>{t(lang, Key::apply_needs_no_consent)}</p> }.into_any()
    };
    let disclose = applying.may_disclose.then(|| {
        view! {
            <fieldset class="app-fieldset">
                <legend class="app-fieldset__legend">{t(lang, Key::apply_disclose_legend)}</legend>
                <p class="app-hint">{t(lang, Key::apply_disclose_hint)}</p>
                <Choice kind="checkbox" name="disclose" value="si" label=t(lang, Key::apply_disclose_label) checked=form.value("disclose") == "si" />
            </fieldset>
        }
    });
    // From a fair's stand, the application says so.
    let stand = use_ui().query_id(crate::vacancies::STAND_PARAM);
    let action = apply_path_at(found.vacancy_id, (!applying.is_self).then_some(applying.seeker_id), stand);
    view! {
        {for_someone}
        // A counsellor's application goes with the profile only once the person's permission
        // holds: said before the form, not only after sending.
        <p>
            {t(lang, if applying.is_self || applying.shares { Key::apply_intro } else { Key::apply_intro_on_behalf })}
        </p>
        <form method="post" action=action novalidate>
            <CsrfField />
            {share}
            <TextArea
                id="message"
                label=t(lang, Key::apply_message)
                hint=Some(t(lang, Key::apply_message_hint))
                rows=5
                value=form.value("message")
                error=form.error("message")
            />
            {needs}
            {disclose}
            <button class="app-button" type="submit">{t(lang, Key::apply_submit)}</button>
        </form>
    }
}
