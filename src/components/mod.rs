//! Shared building blocks of every page.

pub mod button_form;
pub mod form;
pub mod format;
pub mod list;
pub mod live;
pub mod loaded;
pub mod notice;
pub mod pagination;
pub mod plain_text;
pub mod private_page;
pub mod read_aloud;
pub mod status_page;
