//! A list as every page shows one: its items, or the sentence saying there are none.

use leptos::prelude::*;

/// `items` (each an `<li>`) as the app's list, or `none` in a paragraph when there are none.
pub fn list_or<V: IntoView + 'static>(none: &str, items: Vec<V>) -> AnyView {
    if items.is_empty() {
        view! { <p>{none.to_string()}</p> }.into_any()
    } else {
        view! { <ul class="app-list">{items}</ul> }.into_any()
    }
}
