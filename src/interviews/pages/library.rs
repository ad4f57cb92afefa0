//! The libraries of interview templates (works without JavaScript): the national one, the
//! centres' and the reader's company's, each a list of its templates with what they fit and
//! how long they are, and the way to start one.

use super::library_label;
use crate::components::loaded::Loaded;
use crate::components::notice::sign_in_first;
use crate::components::private_page::RecordFrame;
use crate::i18n::{t, t_with, Key};
use crate::interviews::api::{read_template_library, Shelf, TemplateLibrary};
use crate::interviews::{template_path, NEW_TEMPLATE_PATH, TEMPLATES_PATH};
use crate::ui::use_ui;
use leptos::prelude::*;

#[component]
pub fn TemplateLibraryPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, TEMPLATES_PATH) {
        return away;
    }
    let found = Resource::new_blocking(|| (), |_| read_template_library());
    view! { <Loaded found show=|found| view! { <LibraryView found /> } /> }.into_any()
}

#[component]
fn LibraryView(found: TemplateLibrary) -> impl IntoView {
    let lang = use_ui().lang;
    let start = found
        .may_create
        .then(|| view! { <p><a class="app-button" href=NEW_TEMPLATE_PATH>{t(lang, Key::template_new_link)}</a></p> });
    let shelves = if found.shelves.is_empty() {
        view! { <p>{t(lang, Key::template_library_empty)}</p> }.into_any()
    } else {
        found.shelves.into_iter().map(|shelf| view! { <ShelfView shelf /> }).collect_view().into_any()
    };
    view! {
        <RecordFrame title=t(lang, Key::template_library_title).to_string() lead=t(lang, Key::template_library_lead).to_string()>
            {start}
            {shelves}
        </RecordFrame>
    }
}

#[component]
fn ShelfView(shelf: Shelf) -> impl IntoView {
    let lang = use_ui().lang;
    let cards = shelf
        .templates
        .into_iter()
        .map(|card| {
            let size = t_with(
                lang,
                Key::template_size,
                &[("sections", &card.sections.to_string()), ("questions", &card.questions.to_string())],
            );
            let fits = (!card.skills.is_empty())
                .then(|| view! { <p>{t_with(lang, Key::template_fits, &[("skills", &card.skills.join(", "))])}</p> });
            let origin = card
                .copied_from
                .map(|name| view! { <p>{t_with(lang, Key::template_copied_from_name, &[("name", &name)])}</p> });
            view! {
                <li>
                    <h3><a href=template_path(card.id)>{card.name}</a></h3>
                    <p>{t_with(lang, Key::template_version, &[("version", &card.version.to_string())])} " · " {size}</p>
                    {fits}
                    {origin}
                </li>
            }
        })
        .collect_view();
    view! {
        <h2>{library_label(lang, &shelf.library)}</h2>
        <ul class="app-list">{cards}</ul>
    }
}
