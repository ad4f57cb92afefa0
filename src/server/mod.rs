//! Server-only infrastructure, behind the one `ssr` gate: configuration, shared state, the
//! database, logging, the HTTP router and the process lifecycle.

pub mod config;
pub mod db;
pub mod demo;
pub mod http;
pub mod lifecycle;
pub mod redirect;
pub mod state;
pub mod telemetry;
