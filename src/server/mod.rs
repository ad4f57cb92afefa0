//! Server-only infrastructure, behind the one `ssr` gate: configuration, shared state, the
//! database, logging, the HTTP router and the process lifecycle.

pub mod access;
pub mod admin;
pub mod audit;
pub mod auth;
pub mod config;
pub mod db;
pub mod demo;
pub mod error_page;
pub mod form_fields;
pub mod forms;
pub mod http;
pub mod lifecycle;
pub mod mail;
pub mod media_store;
pub mod plain_page;
pub mod probing;
pub mod redirect;
pub mod request_ui;
pub mod state;
pub mod telemetry;
