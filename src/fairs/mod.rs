//! Job fairs (journey J4): an employment centre organises a fair — virtual, in person or both —
//! publishes it, and people find it, read it in plain words, and put it in their calendar.
//!
//! What lives where: `mod.rs` a fair's types and addresses; `rules.rs` the pure rules (where a
//! fair is in its life, who may change it, which dates make sense); `ics.rs` the iCalendar
//! file; `cards.rs` fairs as lists show them (here and on the home page); `api.rs` the server
//! functions the pages read; `pages/` one file per page; `fields.rs` and `handlers.rs` the form
//! posts and the calendar download, and `video.rs` the sign-language video's endpoints (server
//! only); `store.rs` the storage trait and its SQL; `stands/` companies' stands at a fair,
//! `registrations/` people registering with the accommodations they need, and `outcomes/` what
//! the fair came to, in the same shape.

pub mod api;
pub mod cards;
#[cfg(feature = "ssr")]
pub mod fields;
#[cfg(feature = "ssr")]
pub mod handlers;
pub mod ics;
pub mod outcomes;
pub mod pages;
pub mod registrations;
pub mod rules;
pub mod stands;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod video;

use crate::i18n::Key;
use serde::{Deserialize, Serialize};

/// The published fairs, and a counsellor's centre's drafts.
pub const FAIRS_PATH: &str = "/ferias";
/// Where a counsellor writes a new fair (the form posts here too).
pub const NEW_FAIR_PATH: &str = "/ferias/nueva";
/// Where a fair's text is changed: `?id=` names it (the form posts here too).
pub const EDIT_FAIR_PATH: &str = "/ferias/editar";
/// Where the buttons that publish or cancel a fair post.
pub const FAIR_STEP_PATH: &str = "/ferias/estado";
/// Where the organiser's panel says why a step was refused (its buttons post to
/// [`FAIR_STEP_PATH`]).
pub const FAIR_STEPS_FIELD: &str = "fair-steps";
/// The first mode's radio button: where a missing mode is said.
pub const FAIR_MODE_FIELD: &str = "mode-virtual";
/// A fair's calendar file (the route; [`fair_calendar_path`] makes an address).
pub const FAIR_CALENDAR_PATH: &str = "/feria/{id}/calendario.ics";

/// Where an organiser attaches a fair's sign-language video: `?id=` names the fair (the form
/// posts here too).
pub const FAIR_VIDEO_PATH: &str = "/ferias/video";
/// Where the form that takes a fair's video away posts.
pub const REMOVE_FAIR_VIDEO_PATH: &str = "/ferias/video/quitar";
/// A fair's video file, read with byte ranges (the route; [`fair_video_src`] makes an address).
pub const FAIR_VIDEO_FILE_PATH: &str = "/feria/{id}/lsp";
/// A fair's captions (the route; [`fair_captions_src`] makes an address).
pub const FAIR_CAPTIONS_FILE_PATH: &str = "/feria/{id}/lsp.vtt";

/// The video of fair `id`; `version` makes each upload a new address.
pub fn fair_video_src(id: i64, version: i64) -> String {
    format!("/feria/{id}/lsp?v={version}")
}

pub fn fair_captions_src(id: i64, version: i64) -> String {
    format!("/feria/{id}/lsp.vtt?v={version}")
}

pub fn fair_video_page(id: i64) -> String {
    format!("{FAIR_VIDEO_PATH}?id={id}")
}

/// The page of one fair.
pub fn fair_path(id: i64) -> String {
    format!("/feria/{id}")
}

pub fn edit_fair_path(id: i64) -> String {
    format!("{EDIT_FAIR_PATH}?id={id}")
}

pub fn fair_calendar_path(id: i64) -> String {
    format!("/feria/{id}/calendario.ics")
}

coded_enum!(
    /// How people take part.
    FairMode { Virtual => "virtual", InPerson => "in_person", Hybrid => "hybrid" }
);

coded_enum!(
    /// What the organiser decided. Whether a published fair is upcoming, running or over
    /// follows from the clock ([`rules::Phase`]).
    FairStatus { Draft => "draft", Published => "published", Cancelled => "cancelled" }
);

coded_enum!(
    /// What a venue offers for access, as the form's checkboxes send it.
    VenueAccess {
        StepFree => "step_free",
        AccessibleToilets => "accessible_toilets",
        QuietRoom => "quiet_room",
        LspOnSite => "lsp_on_site",
    }
);

impl FairMode {
    pub fn label(self) -> Key {
        match self {
            FairMode::Virtual => Key::fair_mode_virtual,
            FairMode::InPerson => Key::fair_mode_in_person,
            FairMode::Hybrid => Key::fair_mode_hybrid,
        }
    }

    /// Whether people come to a place: the venue is asked for.
    pub fn has_venue(self) -> bool {
        self != FairMode::Virtual
    }
}

impl VenueAccess {
    pub fn label(self) -> Key {
        match self {
            VenueAccess::StepFree => Key::fair_access_step_free,
            VenueAccess::AccessibleToilets => Key::fair_access_toilets,
            VenueAccess::QuietRoom => Key::fair_access_quiet_room,
            VenueAccess::LspOnSite => Key::fair_access_lsp,
        }
    }
}

/// Where an in-person or hybrid fair happens, and how accessible it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Venue {
    pub name: String,
    pub address: String,
    /// A region slug.
    pub region: String,
    /// What the venue offers, in [`VenueAccess::ALL`]'s order.
    pub access: Vec<VenueAccess>,
    /// How to get there by public transport, in words.
    pub transport: String,
}

/// A fair as its organiser writes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FairDraft {
    pub centre_id: i64,
    pub title: String,
    pub description: String,
    /// The fair in short, plain sentences (lectura fácil).
    pub easy_read: String,
    pub mode: FairMode,
    pub starts_at: i64,
    pub ends_at: i64,
    /// Registration is open until this second (the end of the chosen day in Lima).
    pub registration_closes_at: i64,
    pub capacity: i64,
    /// `Some` exactly when the mode has a venue.
    pub venue: Option<Venue>,
}

/// A stored fair, as pages show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fair {
    pub id: i64,
    pub draft: FairDraft,
    pub centre_name: String,
    pub status: FairStatus,
    /// Grows with each change: the calendar file's `SEQUENCE`.
    pub revision: i64,
    /// How many registrations are in force (of `draft.capacity` places).
    pub registered: i64,
}

impl Fair {
    /// What the rules need about it.
    pub fn facts(&self) -> rules::Facts {
        rules::Facts {
            centre_id: self.draft.centre_id,
            status: self.status,
            starts_at: self.draft.starts_at,
            ends_at: self.draft.ends_at,
        }
    }

    /// Where people come, in words ("name, address"); empty for a virtual fair.
    pub fn place(&self) -> String {
        self.draft.venue.as_ref().map(|v| format!("{}, {}", v.name, v.address)).unwrap_or_default()
    }
}

/// A fair in a list: enough to choose it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FairSummary {
    pub id: i64,
    pub title: String,
    pub centre_name: String,
    pub mode: FairMode,
    pub starts_at: i64,
    pub ends_at: i64,
    /// Where it stood when the list was read.
    pub phase: rules::Phase,
    /// The venue's region slug; empty for a virtual fair.
    pub region: String,
}
