//! Form controls in the GOV.UK pattern: every input has a visible label tied to it.

use leptos::prelude::*;

/// The id of the box a person ticks to say they mean an irreversible step (deleting an account
/// or a profile): where the error summary links to.
pub const CONFIRM_FIELD: &str = "confirm-si";

/// The hidden field carrying the session's form token (see `server::auth::csrf`).
pub const CSRF_FIELD: &str = "csrf";

/// The session's form token, in every form that posts: the proof a form came from our own
/// pages for the browsers that send neither `Origin` nor `Sec-Fetch-Site` nor `Referer`.
/// Nothing for signed-out visitors, who have no session to tie it to.
#[component]
pub fn CsrfField() -> impl IntoView {
    crate::ui::use_ui().form_token.map(|token| view! { <input type="hidden" name=CSRF_FIELD value=token /> })
}

/// One radio button or checkbox with its label. Group them in a `<fieldset>` with a
/// `<legend>`.
#[component]
pub fn Choice(
    /// `"radio"` or `"checkbox"`.
    kind: &'static str,
    #[prop(into)] name: String,
    #[prop(into)] value: String,
    #[prop(into)] label: String,
    checked: bool,
    /// The id of an error message about this one box, where there is one.
    #[prop(default = None)]
    described_by: Option<String>,
) -> impl IntoView {
    let id = format!("{name}-{value}");
    let label_for = id.clone();
    let invalid = described_by.as_ref().map(|_| "true");
    view! {
        <div class="app-choice">
            <input
                class="app-choice__input"
                type=kind
                id=id
                name=name
                value=value
                checked=checked
                aria-describedby=described_by
                aria-invalid=invalid
            />
            <label class="app-choice__label" for=label_for>
                {label}
            </label>
        </div>
    }
}

/// What a failed form post brings back to its page: what was typed (never passwords) and what
/// is wrong, in page order. Given to the page through context by the handler that re-renders it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormState {
    pub values: Vec<(String, String)>,
    pub errors: crate::error::FieldErrors,
}

impl FormState {
    /// What was typed into `name`, or nothing.
    pub fn value(&self, name: &str) -> String {
        self.values.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default()
    }

    pub fn error(&self, field_id: &str) -> Option<String> {
        self.errors.get(field_id).map(str::to_string)
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }
}

/// A page title, with "Error: " in front when the form on it came back with problems.
pub fn form_title(key: crate::i18n::Key, has_errors: bool) -> String {
    let ui = crate::ui::use_ui();
    let title = crate::i18n::page_title(ui.lang, key);
    if has_errors {
        format!("{}: {title}", ui.t(crate::i18n::Key::form_error_prefix))
    } else {
        title
    }
}

/// The form state of the page being rendered; empty on a plain visit.
pub fn use_form_state() -> FormState {
    use_context::<FormState>().unwrap_or_default()
}

/// The GOV.UK error summary: first in the form, focused on load (by `autofocus`, so it works
/// without JavaScript), announced as an alert, one link per problem to its field.
#[component]
pub fn ErrorSummary(errors: crate::error::FieldErrors) -> impl IntoView {
    let ui = crate::ui::use_ui();
    (!errors.is_empty()).then(|| {
        let items = errors
            .0
            .into_iter()
            .map(|(id, message)| {
                view! {
                    <li>
                        <a href=format!("#{id}")>{message}</a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="app-error-summary" tabindex="-1" autofocus aria-labelledby="error-summary-title">
                <h2 id="error-summary-title" class="app-error-summary__title">
                    {ui.t(crate::i18n::Key::form_error_summary)}
                </h2>
                <div role="alert">
                    <ul class="app-error-summary__list">{items}</ul>
                </div>
            </div>
        }
    })
}

/// One text input with its label, optional hint and error, tied together for screen readers.
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    #[prop(default = None)] hint: Option<&'static str>,
    #[prop(default = "text")] input_type: &'static str,
    /// The on-screen keyboard to offer (`numeric` for numbers typed as text, like a RUC).
    #[prop(optional)]
    input_mode: Option<&'static str>,
    autocomplete: &'static str,
    #[prop(optional)] value: String,
    #[prop(default = None)] error: Option<String>,
    /// The id of the form it belongs to, when it stands outside it.
    #[prop(optional)]
    form: Option<&'static str>,
) -> impl IntoView {
    let described_by = described_by(id, hint.is_some(), error.is_some());
    let invalid = error.is_some();
    view! {
        <FieldFrame id label hint error>
            <input
                class="app-field__input"
                id=id
                name=id
                form=form
                type=input_type
                inputmode=input_mode
                autocomplete=autocomplete
                value=value
                spellcheck=(input_type == "email").then_some("false")
                aria-describedby=described_by
                aria-invalid=invalid.then_some("true")
            />
        </FieldFrame>
    }
}

/// A show/hide button for the password field it wraps. It exists only once JavaScript runs;
/// without it there is nothing to press, and the field works as usual.
#[island]
pub fn PasswordReveal(show: String, hide: String, children: Children) -> impl IntoView {
    let (live, set_live) = signal(false);
    let (shown, set_shown) = signal(false);
    Effect::new(move || set_live.set(true));
    let wrapper = NodeRef::<leptos::html::Div>::new();
    let toggle = move |_| {
        let now_shown = !shown.get_untracked();
        set_shown.set(now_shown);
        if let Some(input) = wrapper.get_untracked().and_then(|div| div.query_selector("input").ok().flatten()) {
            let _ = input.set_attribute("type", if now_shown { "text" } else { "password" });
        }
    };
    view! {
        <div class="app-password" node_ref=wrapper data-live=move || super::live::value(live.get())>
            {children()}
            <Show when=move || live.get()>
                <button
                    class="app-button app-button--secondary app-password__toggle"
                    type="button"
                    aria-pressed=move || if shown.get() { "true" } else { "false" }
                    on:click=toggle
                >
                    {
                        let (show, hide) = (show.clone(), hide.clone());
                        move || if shown.get() { hide.clone() } else { show.clone() }
                    }
                </button>
            </Show>
        </div>
    }
}

/// A text box for several lines, like [`TextField`] otherwise. What is typed is kept as
/// plain text, line breaks included.
///
/// Its id and label may be made for the page (a field per item of a list), not only fixed words.
#[component]
pub fn TextArea(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(default = None)] hint: Option<&'static str>,
    #[prop(default = 6)] rows: u32,
    #[prop(optional)] value: String,
    #[prop(default = None)] error: Option<String>,
) -> impl IntoView {
    let described_by = described_by(&id, hint.is_some(), error.is_some());
    let invalid = error.is_some();
    view! {
        <FieldFrame id=id.clone() label hint error>
            <textarea
                class="app-field__input app-field__textarea"
                id=id.clone()
                name=id
                rows=rows
                aria-describedby=described_by
                aria-invalid=invalid.then_some("true")
                inner_html=escape_text(&value)
            ></textarea>
        </FieldFrame>
    }
}

/// A file chooser, like [`TextField`] otherwise. `accept` only guides the chooser: the
/// server checks what the file really is.
#[component]
pub fn FileField(
    id: &'static str,
    label: &'static str,
    #[prop(default = None)] hint: Option<&'static str>,
    accept: &'static str,
    #[prop(default = None)] error: Option<String>,
) -> impl IntoView {
    let described_by = described_by(id, hint.is_some(), error.is_some());
    let invalid = error.is_some();
    view! {
        <FieldFrame id label hint error>
            <input
                class="app-field__input app-field__file"
                id=id
                name=id
                type="file"
                accept=accept
                aria-describedby=described_by
                aria-invalid=invalid.then_some("true")
            />
        </FieldFrame>
    }
}

/// Text made safe to place inside an element as HTML. The server renderer writes a
/// textarea's children and a `<Title>`'s text as they are, so anything people typed that ends
/// up there is escaped with this first: `</textarea>` or `</title>` typed stays text.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// A drop-down list with its label, hint and error, like [`TextField`]. The first option
/// asks for a choice and has no value, so nothing is chosen for the person by accident.
#[component]
pub fn SelectField(
    id: &'static str,
    label: &'static str,
    #[prop(default = None)] hint: Option<&'static str>,
    /// `(value, label)` of each option, in order.
    options: Vec<(String, String)>,
    #[prop(optional)] selected: String,
    #[prop(default = None)] error: Option<String>,
    /// The words of the first, empty option, when not "choose one" (a filter's "any").
    #[prop(default = None)]
    empty_label: Option<&'static str>,
) -> impl IntoView {
    let described_by = described_by(id, hint.is_some(), error.is_some());
    let invalid = error.is_some();
    let empty_label = empty_label.unwrap_or_else(|| crate::ui::use_ui().t(crate::i18n::Key::select_placeholder));
    let options = options
        .into_iter()
        .map(|(value, label)| {
            let chosen = value == selected;
            view! { <option value=value selected=chosen>{label}</option> }
        })
        .collect_view();
    view! {
        <FieldFrame id label hint error>
            <select
                class="app-field__input app-field__select"
                id=id
                name=id
                aria-describedby=described_by
                aria-invalid=invalid.then_some("true")
            >
                <option value="">{empty_label}</option>
                {options}
            </select>
        </FieldFrame>
    }
}

/// A month and a year, like the start of a job: a month to choose and a year to type, in a
/// group its legend names. Its error links to the month; the year is `{id}-anio`.
#[component]
pub fn MonthYearField(
    id: &'static str,
    legend: &'static str,
    #[prop(default = None)] hint: Option<&'static str>,
    /// `01`–`12`, or "".
    #[prop(optional)]
    month: String,
    #[prop(optional)] year: String,
    #[prop(default = None)] error: Option<String>,
) -> impl IntoView {
    use crate::i18n::{t, Key};
    let lang = crate::ui::use_ui().lang;
    let described_by = described_by(id, hint.is_some(), error.is_some());
    let invalid = error.is_some().then_some("true");
    let year_id = format!("{id}-anio");
    let months = crate::domain::year_month::MONTHS
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let value = format!("{:02}", i + 1);
            let chosen = value == month;
            view! { <option value=value selected=chosen>{t(lang, *name)}</option> }
        })
        .collect_view();
    view! {
        <div class="app-field" class:app-field--error=invalid.is_some()>
            <fieldset class="app-month-year">
                <legend class="app-field__label">{legend}</legend>
                <FieldMessages id hint error />
                <div class="app-month-year__parts">
                    <div class="app-month-year__part">
                        <label class="app-month-year__label" for=id>{t(lang, Key::month_label)}</label>
                        <select
                            class="app-field__input app-field__select"
                            id=id
                            name=id
                            aria-describedby=described_by.clone()
                            aria-invalid=invalid
                        >
                            <option value="">{t(lang, Key::month_placeholder)}</option>
                            {months}
                        </select>
                    </div>
                    <div class="app-month-year__part">
                        <label class="app-month-year__label" for=year_id.clone()>{t(lang, Key::year_label)}</label>
                        <input
                            class="app-field__input app-month-year__year"
                            id=year_id.clone()
                            name=year_id
                            type="text"
                            inputmode="numeric"
                            maxlength="4"
                            autocomplete="off"
                            value=year
                            aria-describedby=described_by
                            aria-invalid=invalid
                        />
                    </div>
                </div>
            </fieldset>
        </div>
    }
}

/// The `(value, label)` options of a [`SelectField`] for a closed set of coded values.
pub fn coded_options<T: Copy>(
    lang: crate::i18n::Lang,
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> crate::i18n::Key,
) -> Vec<(String, String)> {
    all.iter().map(|v| (code(*v).to_string(), crate::i18n::t(lang, label(*v)).to_string())).collect()
}

/// The ids a field's `aria-describedby` names: its hint and its error, where it has them.
fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let ids: Vec<String> =
        [hint.then(|| format!("{id}-hint")), error.then(|| format!("{id}-error"))].into_iter().flatten().collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// What every field has around its control: the label, the hint and the error message, and
/// the error's red bar.
#[component]
fn FieldFrame(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    hint: Option<&'static str>,
    error: Option<String>,
    children: Children,
) -> impl IntoView {
    let invalid = error.is_some();
    view! {
        <div class="app-field" class:app-field--error=invalid>
            <label class="app-field__label" for=id.clone()>
                {label}
            </label>
            <FieldMessages id hint error />
            {children()}
        </div>
    }
}

/// A field's hint and error message, with the ids [`described_by`] points to.
#[component]
fn FieldMessages(#[prop(into)] id: String, hint: Option<&'static str>, error: Option<String>) -> impl IntoView {
    view! {
        {hint.map(|hint| view! { <p class="app-hint" id=format!("{id}-hint")>{hint}</p> })}
        <FieldError id=format!("{id}-error") message=error />
    }
}

/// A field's error message, where there is one, under the id its control's
/// `aria-describedby` names; "Error:" is said before it, not shown.
#[component]
pub fn FieldError(id: String, message: Option<String>) -> impl IntoView {
    let ui = crate::ui::use_ui();
    message.map(|message| {
        view! {
            <p class="app-field__error" id=id>
                <span class="app-visually-hidden">{ui.t(crate::i18n::Key::form_error_prefix)} " "</span>
                {message}
            </p>
        }
    })
}

/// A password input with its show/hide button. `new` is for choosing a password: password
/// managers are asked to suggest one, and the length hint is shown.
#[component]
pub fn PasswordField(
    id: &'static str,
    label: &'static str,
    #[prop(optional)] new: bool,
    #[prop(default = None)] error: Option<String>,
) -> impl IntoView {
    let ui = crate::ui::use_ui();
    let hint = new.then(|| ui.t(crate::i18n::Key::password_new_hint));
    let autocomplete = if new { "new-password" } else { "current-password" };
    let (show, hide) = (ui.t(crate::i18n::Key::password_show), ui.t(crate::i18n::Key::password_hide));
    // The island's children are built in a closure of their own: it gets plain copies.
    view! {
        <PasswordReveal show=show.to_string() hide=hide.to_string()>
            <TextField id label hint input_type="password" autocomplete error=error.clone() />
        </PasswordReveal>
    }
}
