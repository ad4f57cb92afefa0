//! Accessibility preferences and the language, as a person chooses them: the panel on every
//! page and the two form posts that save a choice. What a preference is, and its cookie, is
//! `domain::prefs`.

#[cfg(feature = "ssr")]
pub mod handlers;
pub mod panel;

pub use crate::domain::prefs::{cookie_value, Prefs, TextSize, Theme, PREFS_COOKIE, PREFS_MAX_AGE_SECS};

/// Where the preferences form posts to.
pub const SAVE_PATH: &str = "/preferencias";
