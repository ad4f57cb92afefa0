//! The HTML document every page shares (`shell`) and the route table (`App`).

use crate::accounts::pages::{AccountPage, SignInPage};
use crate::components::layout::{SiteFooter, SiteHeader, SkipLink};
use crate::components::status_page::NotFoundPage;
use crate::home::HomePage;
use crate::ui::Ui;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::{SsrMode, StaticSegment};

/// The document around every page. Language and preferences are applied here, on the server,
/// so the first paint is already right: no flash of the wrong theme or language.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let ui = request_ui();
    let (lang, classes) = (ui.lang.tag(), ui.prefs.html_classes());
    provide_context(ui);
    view! {
        <!DOCTYPE html>
        <html lang=lang class=classes>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="stylesheet" href="/pkg/senda.css" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <AutoReload options=options.clone() />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[cfg(feature = "ssr")]
fn request_ui() -> Ui {
    use_context::<axum::http::request::Parts>().map(|parts| Ui::from_request(&parts)).unwrap_or_default()
}

#[cfg(not(feature = "ssr"))]
fn request_ui() -> Ui {
    Ui::default()
}

/// Every route renders its whole content on the server (`SsrMode::Async`): with JavaScript
/// off nothing is left waiting for a script.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <SkipLink />
            <SiteHeader />
            <main id="content" class="app-main" tabindex="-1">
                <FlatRoutes fallback=NotFoundPage>
                    <Route path=StaticSegment("") view=HomePage ssr=SsrMode::Async />
                    <Route path=StaticSegment("entrar") view=SignInPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("cuenta") view=AccountPage ssr=SsrMode::Async />
                </FlatRoutes>
            </main>
            <SiteFooter />
        </Router>
    }
}
