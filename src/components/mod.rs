//! Shared building blocks of every page.

pub mod form;
pub mod layout;
pub mod status_page;
