//! Companies' stands at a fair: the employer of a verified company asks for one, saying what
//! the company offers visitors; the organising centre accepts it or declines it, saying why;
//! an accepted stand has its own page with the company's open vacancies, and stays open after
//! the fair's hours.
//!
//! What lives where: `mod.rs` a stand's types and addresses; `rules.rs` who may ask, decide and
//! withdraw, and when (pure); `api.rs` what the pages read, one view type per reader;
//! `handlers.rs` the form posts and `video.rs` the sign-language video's endpoints (server
//! only); `store.rs` the storage trait and its SQL; `shifts/` who keeps a stand and when;
//! `questions/` what job seekers ask a stand and its company answers later; `chat/` the live
//! chat while the fair runs.

pub mod api;
pub mod chat;
#[cfg(feature = "ssr")]
pub mod handlers;
pub mod questions;
pub mod rules;
pub mod shifts;
pub mod slots;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod video;

use crate::i18n::Key;

/// Where an employer asks for a stand: `?feria=` names the fair (the form posts here too).
pub const ASK_STAND_PATH: &str = "/ferias/stand";
/// Where the organiser's accept and decline buttons post.
pub const DECIDE_STAND_PATH: &str = "/ferias/stand/decidir";
/// Where a company's employer takes back its request or its stand.
pub const WITHDRAW_STAND_PATH: &str = "/ferias/stand/retirar";
/// The field a refused decision or withdrawal is said on, on the fair's page.
pub const STANDS_FIELD: &str = "fair-stands";
/// The longest introduction a company writes, and the longest reason for declining.
pub const MAX_INTRODUCTION_CHARS: usize = 2_000;
pub const MAX_REASON_CHARS: usize = 1_000;

/// Where a company's employer attaches its stand's sign-language introduction: `?id=` names
/// the stand (the form posts here too).
pub const STAND_VIDEO_PATH: &str = "/ferias/stand/video";
/// Where the form that takes a stand's video away posts.
pub const REMOVE_STAND_VIDEO_PATH: &str = "/ferias/stand/video/quitar";
/// A stand's video file, read with byte ranges (the route; [`stand_video_src`] makes an address).
pub const STAND_VIDEO_FILE_PATH: &str = "/stand/{id}/lsp";
/// A stand's captions (the route; [`stand_captions_src`] makes an address).
pub const STAND_CAPTIONS_FILE_PATH: &str = "/stand/{id}/lsp.vtt";

/// The video of stand `id`; `version` makes each upload a new address.
pub fn stand_video_src(id: i64, version: i64) -> String {
    format!("/stand/{id}/lsp?v={version}")
}

pub fn stand_captions_src(id: i64, version: i64) -> String {
    format!("/stand/{id}/lsp.vtt?v={version}")
}

pub fn stand_video_page(id: i64) -> String {
    format!("{STAND_VIDEO_PATH}?id={id}")
}

/// The page of one stand.
pub fn stand_path(id: i64) -> String {
    format!("/stand/{id}")
}

pub fn ask_stand_path(fair_id: i64) -> String {
    format!("{ASK_STAND_PATH}?feria={fair_id}")
}

/// The field a stand's decline reason is typed in, on the organiser's list.
pub fn reason_field(stand_id: i64) -> String {
    format!("reason-{stand_id}")
}

coded_enum!(
    /// Where a company's request for a stand stands.
    StandStatus { Asked => "asked", Accepted => "accepted", Declined => "declined", Withdrawn => "withdrawn" }
);

impl StandStatus {
    pub fn label(self) -> Key {
        match self {
            StandStatus::Asked => Key::stand_status_asked,
            StandStatus::Accepted => Key::stand_status_accepted,
            StandStatus::Declined => Key::stand_status_declined,
            StandStatus::Withdrawn => Key::stand_status_withdrawn,
        }
    }

    /// Whether the company has a request or a stand in force: it cannot ask again meanwhile.
    pub fn is_active(self) -> bool {
        matches!(self, StandStatus::Asked | StandStatus::Accepted)
    }
}

coded_enum!(
    /// The organiser's answer to a request, as its button sends it.
    Decision { Accept => "aceptar", Decline => "rechazar" }
);
