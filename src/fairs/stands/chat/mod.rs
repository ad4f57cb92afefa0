//! Live chat at a stand while its fair runs: a job seeker writes to the stand and waits in its
//! queue until one of the company's representatives takes the conversation (or is handed it);
//! either side ends it, and the company may block a person from its stand. After the fair the
//! stand takes questions instead (`questions/`), and its conversations are kept for
//! [`KEPT_AFTER_FAIR`], then deleted.
//!
//! `rules.rs` the pure rules; `store.rs` the storage and `hub.rs` how news of a conversation
//! reaches the app servers (server only).

#[cfg(feature = "ssr")]
pub mod hub;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;

/// How long a fair's conversations are kept after it ends: time for a company to follow up
/// with the people it met, and no longer.
pub const KEPT_AFTER_FAIR: i64 = 30 * 86_400;
