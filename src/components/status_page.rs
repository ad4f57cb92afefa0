//! Pages that say something went wrong, with the matching HTTP status.

use crate::error::AppError;
use crate::i18n::{page_title, Key};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

/// Sets the HTTP status of the response being rendered.
fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(options), Ok(status)) =
        (use_context::<leptos_axum::ResponseOptions>(), axum::http::StatusCode::from_u16(code))
    {
        options.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

#[component]
fn StatusPage(status: u16, title: Key, heading: Key, body: Key, link: Key) -> impl IntoView {
    set_status(status);
    let ui = use_ui();
    view! {
        <Title text=page_title(ui.lang, title) />
        <div class="app-width app-status-page">
            <h1>{ui.t(heading)}</h1>
            <p>{ui.t(body)}</p>
            <p>
                <a href="/">{ui.t(link)}</a>
            </p>
        </div>
    }
}

/// The answer to an address that matches no page: status 404.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <StatusPage
            status=404
            title=Key::not_found_title
            heading=Key::not_found_h1
            body=Key::not_found_body
            link=Key::not_found_home
        />
    }
}

/// The whole page when loading it failed. A missing record is a 404, a refusal a 403 (pages
/// for signed-in people send signed-out visitors to sign in before they get here); anything
/// else is a 500 whose cause was logged on the server and is not shown.
#[component]
pub fn ErrorPage(error: AppError) -> impl IntoView {
    match error {
        AppError::NotFound => return view! { <NotFoundPage /> }.into_any(),
        AppError::Forbidden | AppError::Unauthorized => {
            return view! {
                <StatusPage
                    status=403
                    title=Key::forbidden_title
                    heading=Key::forbidden_h1
                    body=Key::forbidden_body
                    link=Key::not_found_home
                />
            }
            .into_any()
        }
        _ => {}
    }
    view! {
        <StatusPage
            status=500
            title=Key::error_title
            heading=Key::error_h1
            body=Key::error_body
            link=Key::error_home
        />
    }
    .into_any()
}
