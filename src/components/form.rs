//! Form controls in the GOV.UK pattern: every input has a visible label tied to it.

use leptos::prelude::*;

/// One radio button or checkbox with its label. Group them in a `<fieldset>` with a
/// `<legend>`.
#[component]
pub fn Choice(
    /// `"radio"` or `"checkbox"`.
    kind: &'static str,
    name: &'static str,
    value: &'static str,
    label: &'static str,
    checked: bool,
) -> impl IntoView {
    let id = format!("{name}-{value}");
    let label_for = id.clone();
    view! {
        <div class="app-choice">
            <input class="app-choice__input" type=kind id=id name=name value=value checked=checked />
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
    autocomplete: &'static str,
    #[prop(optional)] value: String,
    #[prop(default = None)] error: Option<String>,
) -> impl IntoView {
    let ui = crate::ui::use_ui();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = [hint.map(|_| hint_id.clone()), error.as_ref().map(|_| error_id.clone())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let invalid = error.is_some();
    view! {
        <div class="app-field" class:app-field--error=invalid>
            <label class="app-field__label" for=id>
                {label}
            </label>
            {hint.map(|hint| view! { <p class="app-hint" id=hint_id>{hint}</p> })}
            {error.map(|message| {
                view! {
                    <p class="app-field__error" id=error_id>
                        <span class="app-visually-hidden">{ui.t(crate::i18n::Key::form_error_prefix)} " "</span>
                        {message}
                    </p>
                }
            })}
            <input
                class="app-field__input"
                id=id
                name=id
                type=input_type
                autocomplete=autocomplete
                value=value
                spellcheck=(input_type == "email").then_some("false")
                aria-describedby=(!described_by.is_empty()).then_some(described_by.clone())
                aria-invalid=invalid.then_some("true")
            />
        </div>
    }
}
