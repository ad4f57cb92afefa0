//! With JavaScript, the search form says how many vacancies the filters would find as soon as
//! one changes, in a polite live region next to its button — so a screen-reader user hears
//! "12 with what you chose" without leaving the form, and nobody is moved to a new page before
//! pressing the button (WCAG 3.2.2). Without JavaScript the form works as it is.
//!
//! The region is server HTML; the island only listens to its form and fills the region, with
//! no view of its own to hydrate: every kilobyte of WebAssembly costs the people on slow data.

use leptos::prelude::*;

/// The live region, placed inside the form it reports on, and the island that fills it.
#[component]
pub fn FilterCount() -> impl IntoView {
    view! {
        <p class="app-search__live" role="status" aria-live="polite" data-live-count data-live=crate::components::live::value(false)></p>
        <FilterCountListener />
    }
}

#[island]
fn FilterCountListener() -> impl IntoView {
    Effect::new(browser::listen);
}

#[cfg(feature = "hydrate")]
mod browser {
    use std::cell::Cell;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlFormElement};

    thread_local! {
        // Answers can arrive out of order; only the last one asked for is said.
        static ASKED: Cell<u32> = const { Cell::new(0) };
    }

    pub fn listen() {
        let Some(region) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[data-live-count]").ok().flatten())
        else {
            return;
        };
        let Some(form) = region.closest("form").ok().flatten() else { return };
        // Marked now: the listener is added below in the same turn, before any click.
        crate::components::live::mark(&region);
        let handler = Closure::<dyn FnMut(web_sys::Event)>::new(move |_event: web_sys::Event| {
            let Some(query) = query_of(&region) else { return };
            let ticket = ASKED.with(|a| {
                a.set(a.get().wrapping_add(1));
                a.get()
            });
            let region = region.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let address = format!("{}?{query}", crate::vacancies::search::COUNT_PATH);
                if let Some(text) = fetch_text(&address).await {
                    if ASKED.with(|a| a.get()) == ticket {
                        region.set_text_content(Some(&text));
                    }
                }
            });
        });
        let _ = form.add_event_listener_with_callback("change", handler.as_ref().unchecked_ref());
        handler.forget();
    }

    /// The query string the form would send now.
    fn query_of(inside: &Element) -> Option<String> {
        let form = inside.closest("form").ok()??.dyn_into::<HtmlFormElement>().ok()?;
        let data = web_sys::FormData::new_with_form(&form).ok()?;
        let params = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data).ok()?;
        Some(String::from(params.to_string()))
    }

    async fn fetch_text(address: &str) -> Option<String> {
        use wasm_bindgen_futures::JsFuture;
        let window = web_sys::window()?;
        let response =
            JsFuture::from(window.fetch_with_str(address)).await.ok()?.dyn_into::<web_sys::Response>().ok()?;
        if !response.ok() {
            return None;
        }
        JsFuture::from(response.text().ok()?).await.ok()?.as_string()
    }
}

#[cfg(not(feature = "hydrate"))]
mod browser {
    pub fn listen() {}
}
