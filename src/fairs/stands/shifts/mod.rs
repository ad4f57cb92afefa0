//! Who keeps a stand, and when: its company's employers name which of their representatives
//! are on duty, in shifts within the fair's hours; the stand's page shows them to everyone.
//!
//! `api.rs` what the pages read; `handlers.rs` the form posts (server only); `store.rs` the
//! storage trait and its SQL. The rules are the stand's (`stands::rules`).

pub mod api;
#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
pub mod store;

use serde::{Deserialize, Serialize};

/// Where a stand's employers see and add its shifts: `?id=` names the stand (the form posts
/// here too).
pub const SHIFTS_PATH: &str = "/ferias/stand/turnos";
/// Where the button that takes a shift away posts.
pub const REMOVE_SHIFT_PATH: &str = "/ferias/stand/turnos/quitar";
/// The list of shifts, where a refused removal is said.
pub const SHIFTS_FIELD: &str = "stand-shifts";

pub fn shifts_page(stand_id: i64) -> String {
    format!("{SHIFTS_PATH}?id={stand_id}")
}

/// A representative on duty at a stand, as everyone reads it on the stand's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnDuty {
    pub name: String,
    pub starts_at: i64,
    pub ends_at: i64,
}
