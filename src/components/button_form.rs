//! A form that is one button: a step taken on a record (take, end, withdraw, remove, sign out)
//! as a real POST that works without JavaScript.

use leptos::prelude::*;

use super::form::CsrfField;

/// Posts `fields` as hidden inputs, with the session's form token, to `action`.
#[component]
pub fn ButtonForm(
    #[prop(into)] action: String,
    /// The button's text.
    #[prop(into)]
    label: String,
    /// Hidden fields, each a name and its value: what the step is taken on.
    #[prop(default = Vec::new())]
    fields: Vec<(&'static str, String)>,
    /// A lesser step beside the main one, drawn as a secondary button.
    #[prop(default = false)]
    secondary: bool,
    /// The button's accessible name when its text alone would be the same for each item of a
    /// list ("Quitar" → "Quitar el turno de …").
    #[prop(optional, into)]
    aria_label: Option<String>,
    /// On a line beside other buttons (the default), or a block of its own.
    #[prop(default = true)]
    inline: bool,
) -> impl IntoView {
    let class = if secondary { "app-button app-button--secondary" } else { "app-button" };
    let hidden =
        fields.into_iter().map(|(name, value)| view! { <input type="hidden" name=name value=value /> }).collect_view();
    view! {
        <form method="post" action=action class=inline.then_some("app-inline-form")>
            <CsrfField />
            {hidden}
            <button class=class type="submit" aria-label=aria_label>{label}</button>
        </form>
    }
}
