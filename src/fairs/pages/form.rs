//! The fair form, new and edit (GOV.UK pattern, works without JavaScript): what the fair is,
//! when (in Lima time), how people take part, and — for fairs in a place — the venue and its
//! accessibility.

use crate::components::form::{
    use_form_state, Choice, CsrfField, ErrorSummary, FieldError, SelectField, TextArea, TextField,
};
use crate::components::format::region_name;
use crate::components::notice::sign_in_first;
use crate::components::status_page::{ErrorPage, NotFoundPage};
use crate::domain::lima_time::{lima_clock, lima_date};
use crate::domain::region;
use crate::fairs::api::{read_fair_form, FairForm};
use crate::fairs::{fair_path, FairMode, VenueAccess, EDIT_FAIR_PATH, FAIRS_PATH, NEW_FAIR_PATH};
use crate::i18n::{page_title, t, Key};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

/// The fair form: new at [`NEW_FAIR_PATH`], or the fair `?id=` at [`EDIT_FAIR_PATH`]. It posts
/// to its own address.
#[component]
pub fn FairFormPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, &ui.path) {
        return away;
    }
    let editing = ui.path.starts_with(EDIT_FAIR_PATH);
    let id = ui.query_id("id");
    if editing && id.is_none() {
        return view! { <NotFoundPage /> }.into_any();
    }
    let action = if editing { ui.path.clone() } else { NEW_FAIR_PATH.to_string() };
    let found = Resource::new_blocking(move || id, read_fair_form);
    view! {
        <Suspense>
            {move || {
                let action = action.clone();
                Suspend::new(async move {
                    match found.await {
                        Ok(found) => view! { <FairFormView found action /> }.into_any(),
                        Err(error) => view! { <ErrorPage error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

/// The form's fields as a stored fair fills them in.
fn initial_values(found: &FairForm) -> Vec<(String, String)> {
    let Some(fair) = &found.fair else {
        let centre = found.centres.first().map(|c| c.id.to_string()).unwrap_or_default();
        return vec![
            ("centre".into(), centre),
            ("starts_time".into(), "09:00".into()),
            ("ends_time".into(), "17:00".into()),
        ];
    };
    let d = &fair.draft;
    let mut values: Vec<(String, String)> = [
        ("title", d.title.clone()),
        ("description", d.description.clone()),
        ("easy_read", d.easy_read.clone()),
        ("mode", d.mode.code().to_string()),
        ("starts_on", lima_date(d.starts_at)),
        ("starts_time", lima_clock(d.starts_at)),
        ("ends_on", lima_date(d.ends_at)),
        ("ends_time", lima_clock(d.ends_at)),
        // Stored as the end of the closing day (or the fair's end); shown as that day.
        ("registration_closes_on", lima_date(d.registration_closes_at - 1)),
        ("capacity", d.capacity.to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    if let Some(venue) = &d.venue {
        values.extend(
            [
                ("venue_name", venue.name.clone()),
                ("venue_address", venue.address.clone()),
                ("venue_region", venue.region.clone()),
                ("transport", venue.transport.clone()),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v)),
        );
        values.extend(venue.access.iter().map(|a| ("venue_access".to_string(), a.code().to_string())));
    }
    values
}

#[component]
fn FairFormView(found: FairForm, action: String) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let values = if form.has_errors() { form.values.clone() } else { initial_values(&found) };
    let value = |name: &str| values.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let editing = found.fair.is_some();
    let (title_key, h1_key) =
        if editing { (Key::fair_edit_title, Key::fair_edit_h1) } else { (Key::fair_new_title, Key::fair_new_h1) };
    let title = {
        let title = page_title(lang, title_key);
        if form.has_errors() {
            format!("{}: {title}", t(lang, Key::form_error_prefix))
        } else {
            title
        }
    };
    let centre = match (&found.fair, found.centres.as_slice()) {
        (Some(fair), _) => view! {
            <p><strong>{t(lang, Key::fair_organiser)} ": "</strong>{fair.centre_name.clone()}</p>
        }
        .into_any(),
        (None, [only]) => view! {
            <input type="hidden" name="centre" value=only.id.to_string() />
            <p><strong>{t(lang, Key::fair_organiser)} ": "</strong>{only.name.clone()}</p>
        }
        .into_any(),
        (None, centres) => {
            let options: Vec<(String, String)> = centres
                .iter()
                .map(|c| (c.id.to_string(), format!("{} — {}", c.name, region_name(&c.region))))
                .collect();
            view! {
                <SelectField id="centre" label=t(lang, Key::fair_organiser) options selected=value("centre") error=form.error("centre") />
            }
            .into_any()
        }
    };
    let mode = value("mode");
    let mode_error = form.error(crate::fairs::FAIR_MODE_FIELD);
    let mode_described = mode_error.as_ref().map(|_| "mode-error".to_string());
    let modes = FairMode::ALL
        .iter()
        .map(|m| {
            view! {
                <Choice kind="radio" name="mode" value=m.code() label=t(lang, m.label()) checked=mode == m.code() described_by=mode_described.clone() />
            }
        })
        .collect_view();
    let ticked: Vec<String> = values.iter().filter(|(k, _)| k == "venue_access").map(|(_, v)| v.clone()).collect();
    let access_boxes = VenueAccess::ALL
        .iter()
        .map(|a| {
            view! {
                <Choice kind="checkbox" name="venue_access" value=a.code() label=t(lang, a.label()) checked=ticked.iter().any(|c| c == a.code()) />
            }
        })
        .collect_view();
    let regions: Vec<(String, String)> =
        region::ALL.iter().map(|r| (r.slug().to_string(), r.name().to_string())).collect();
    let cancel = match &found.fair {
        Some(fair) => fair_path(fair.id),
        None => FAIRS_PATH.to_string(),
    };
    view! {
        <Title text=title />
        <div class="app-width app-narrow">
            <form method="post" action=action novalidate>
                <CsrfField />
                <ErrorSummary errors=form.errors.clone() />
                <h1>{t(lang, h1_key)}</h1>
                <p>{t(lang, Key::fair_form_intro)}</p>
                {centre}
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend">{t(lang, Key::fair_form_what)}</legend>
                    <TextField id="title" label=t(lang, Key::fair_title_label) autocomplete="off" value=value("title") error=form.error("title") />
                    <TextArea id="description" label=t(lang, Key::fair_description_label) hint=Some(t(lang, Key::fair_description_hint)) rows=8 value=value("description") error=form.error("description") />
                    <TextArea id="easy_read" label=t(lang, Key::fair_easy_read_label) hint=Some(t(lang, Key::fair_easy_read_hint)) rows=5 value=value("easy_read") error=form.error("easy_read") />
                </fieldset>
                <fieldset class="app-fieldset" aria-describedby="when-hint">
                    <legend class="app-fieldset__legend">{t(lang, Key::fair_form_when)}</legend>
                    <p class="app-hint" id="when-hint">{t(lang, Key::fair_form_when_hint)}</p>
                    <TextField id="starts_on" label=t(lang, Key::fair_starts_on) input_type="date" autocomplete="off" value=value("starts_on") error=form.error("starts_on") />
                    <TextField id="starts_time" label=t(lang, Key::fair_starts_time) input_type="time" autocomplete="off" value=value("starts_time") error=form.error("starts_time") />
                    <TextField id="ends_on" label=t(lang, Key::fair_ends_on) input_type="date" autocomplete="off" value=value("ends_on") error=form.error("ends_on") />
                    <TextField id="ends_time" label=t(lang, Key::fair_ends_time) input_type="time" autocomplete="off" value=value("ends_time") error=form.error("ends_time") />
                    <TextField id="registration_closes_on" label=t(lang, Key::fair_registration_closes) hint=Some(t(lang, Key::fair_registration_closes_hint)) input_type="date" autocomplete="off" value=value("registration_closes_on") error=form.error("registration_closes_on") />
                    <TextField id="capacity" label=t(lang, Key::fair_capacity) hint=Some(t(lang, Key::fair_capacity_hint)) input_mode="numeric" autocomplete="off" value=value("capacity") error=form.error("capacity") />
                </fieldset>
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend">{t(lang, Key::fair_mode)}</legend>
                    <FieldError id="mode-error".to_string() message=mode_error.clone() />
                    {modes}
                </fieldset>
                <fieldset class="app-fieldset" aria-describedby="venue-hint">
                    <legend class="app-fieldset__legend">{t(lang, Key::fair_venue_h2)}</legend>
                    <p class="app-hint" id="venue-hint">{t(lang, Key::fair_venue_hint)}</p>
                    <TextField id="venue_name" label=t(lang, Key::fair_venue_name) autocomplete="off" value=value("venue_name") error=form.error("venue_name") />
                    <TextField id="venue_address" label=t(lang, Key::fair_venue_address) autocomplete="off" value=value("venue_address") error=form.error("venue_address") />
                    <SelectField id="venue_region" label=t(lang, Key::fair_venue_region) options=regions selected=value("venue_region") error=form.error("venue_region") />
                    <fieldset class="app-fieldset app-fieldset--nested" id="venue_access">
                        <legend class="app-fieldset__legend">{t(lang, Key::fair_access_h3)}</legend>
                        <FieldError id="venue_access-error".to_string() message=form.error("venue_access") />
                        {access_boxes}
                    </fieldset>
                    <TextArea id="transport" label=t(lang, Key::fair_transport_label) hint=Some(t(lang, Key::fair_transport_hint)) rows=4 value=value("transport") error=form.error("transport") />
                </fieldset>
                <div class="app-button-group">
                    <button class="app-button" type="submit">
                        {t(lang, if editing { Key::fair_save_changes } else { Key::fair_save_draft })}
                    </button>
                    <a href=cancel>{t(lang, Key::vacancy_cancel)}</a>
                </div>
            </form>
        </div>
    }
}
