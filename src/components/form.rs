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
