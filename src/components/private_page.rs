//! The frame of a page about one record named in its address (`?id=`, `?feria=`), for
//! signed-in people only: a stand's shifts, a slot's video, a form about a fair. Anyone signed
//! out is sent to sign in and back; an address without a number is "not found"; the record
//! is read by the feature's server function, which says who may, and an error is shown as the
//! error page.

use crate::components::loaded::Loaded;
use crate::components::notice::sign_in_first;
use crate::components::status_page::NotFoundPage;
use crate::error::AppError;
use crate::ui::use_ui;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::future::Future;

/// Reads the record `?<param>=` with `read` and shows it with `show`.
#[component]
pub fn PrivateRecordPage<T, Read, Reading, Show, Shown>(param: &'static str, read: Read, show: Show) -> impl IntoView
where
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    Read: Fn(i64) -> Reading + Send + Sync + 'static,
    Reading: Future<Output = Result<T, AppError>> + Send + 'static,
    Show: Fn(T) -> Shown + Copy + Send + Sync + 'static,
    Shown: IntoView + 'static,
{
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, &ui.path) {
        return away;
    }
    let Some(id) = ui.query_id(param) else {
        return view! { <NotFoundPage /> }.into_any();
    };
    let found = Resource::new_blocking(move || id, read);
    view! { <Loaded found show /> }.into_any()
}

/// The frame of a page about one record: its title (marked when a form came back with
/// mistakes), the notice and the error summary, the heading and a lead sentence, then the
/// page's own parts.
#[component]
pub fn RecordFrame(title: String, lead: String, children: Children) -> impl IntoView {
    let lang = use_ui().lang;
    let form = crate::components::form::use_form_state();
    view! {
        <leptos_meta::Title text=crate::components::format::named_title(lang, &title, form.has_errors()) />
        <div class="app-width app-narrow">
            <crate::components::notice::NoticeBanner />
            <crate::components::form::ErrorSummary errors=form.errors.clone() />
            <h1>{title.clone()}</h1>
            <p class="app-lead">{lead}</p>
            {children()}
        </div>
    }
}
