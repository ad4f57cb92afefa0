//! Senda: an accessible job board for job seekers with disabilities, employment centres and
//! employers. The server renders every page; only islands hydrate in the browser.

// Leptos views are nested types; the pages with a whole form in them go deeper than rustc's
// default when their futures are laid out.
#![recursion_limit = "256"]

/// `coded_enum!`, for every module after it.
#[macro_use]
mod coded;

/// Accounts, roles, sign-in and the signed-in person's page.
pub mod accounts;
/// Saved searches, and the daily email alerts of what is new for them.
pub mod alerts;
/// The document shell and the route table.
pub mod app;
/// Applications to vacancies, and the way each goes to a placement.
pub mod applications;
/// The audit log of sign-ins and changes to rights, and its reader for admins.
pub mod audit;
/// A counsellor's casework: case notes and outcomes.
pub mod casework;
/// Shared page parts: layout, form controls, status pages.
pub mod components;
/// Value types that parse (regions, RUC, …), shared by server and browser.
pub mod domain;
/// The one application error type.
pub mod error;
/// Job fairs: organised by a centre, found, read, put in a calendar.
pub mod fairs;
/// The home page.
pub mod home;
/// Languages and the translation catalogue.
pub mod i18n;
/// Ability-based interview templates and the records of the interviews held with them.
pub mod interviews;
/// The open vacancies that suit a job seeker, with the reasons in words.
pub mod matches;
/// Sign-language videos: checking uploads, serving them, and the player.
pub mod media;
/// Employment centres and companies.
pub mod organisations;
/// Accessibility preferences: model, cookie, panel.
pub mod preferences;
/// A second factor for signing in: authenticator-app codes, recovery codes, and what a
/// session may reach until it has passed one.
pub mod second_factor;
/// Job seekers: the register, consents, who sees what.
pub mod seekers;
/// Server-only infrastructure: config, database, HTTP, lifecycle.
#[cfg(feature = "ssr")]
pub mod server;
/// Language, preferences and address of the page being rendered.
pub mod ui;
/// Vacancies: what a job offers and the way from draft to published.
pub mod vacancies;

/// The browser entry point: wakes up the islands, and only them.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
}
