//! Interview slots at a stand: a representative of its company publishes them — a block of
//! slots of one length with a rest after each, by video call, phone or in person at the stand —
//! and a job seeker registered for the fair books one, cancels it or moves it. A slot is never
//! booked twice, and a person is never in two slots at once, on either engine (`store.rs` says
//! how). The person is told by email with a calendar entry, reminded the day before and an hour
//! before; the interviewer reads beforehand what they asked for at the fair, when they chose to
//! share it. Both the person and the interviewer open the same video room.
//!
//! `rules.rs` the pure rules; `api.rs` what the pages read, one view type per reader;
//! `handlers.rs` the form posts, `mail.rs` the messages and `rooms.rs` the meeting-room
//! provider (server only); `store.rs` the slots' storage and `booking_store.rs` the bookings'.

pub mod api;
#[cfg(feature = "ssr")]
pub mod booking_store;
#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod rooms;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;

use crate::i18n::Key;

/// Where a stand's employers publish and follow its interview slots: `?id=` names the stand
/// (the form posts here too).
pub const SLOTS_PATH: &str = "/ferias/stand/entrevistas";
/// Where the button that withdraws a slot posts.
pub const WITHDRAW_SLOT_PATH: &str = "/ferias/stand/entrevistas/quitar";
/// Where a stand's employer says whether the person came to an interview that is over (the
/// form names the stand and the slot).
pub const NO_SHOW_PATH: &str = "/ferias/stand/entrevistas/asistencia";
/// The value of that form's `came` saying the person did not come; any other says they did.
pub const DID_NOT_COME: &str = "no";
/// Where a job seeker confirms a booking: `?turno=` names the slot (the form posts here too).
pub const BOOK_SLOT_PATH: &str = "/ferias/entrevista/reservar";
/// Where the button that cancels a booking posts.
pub const CANCEL_BOOKING_PATH: &str = "/ferias/entrevista/cancelar";
/// The list of slots on the employers' page, where a refused withdrawal is said.
pub const SLOTS_FIELD: &str = "stand-slots";
/// Where a refused booking is said on the booking page.
pub const BOOK_FIELD: &str = "book";
/// The booking page's phone field (phone interviews).
pub const PHONE_FIELD: &str = "phone";
/// The booking page's box that shares the person's requests with the interviewer.
pub const SHARE_FIELD: &str = "share";
/// The booking list on a registration page, where a refused cancellation is said.
pub const BOOKINGS_FIELD: &str = "bookings";
/// The slot's parameter on the booking page.
pub const SLOT_PARAM: &str = "turno";

/// The lengths a slot may have, in minutes.
pub const LENGTHS: [i64; 5] = [15, 20, 30, 45, 60];
/// The rests an interviewer may keep after each slot, in minutes.
pub const BUFFERS: [i64; 4] = [0, 5, 10, 15];
/// The most slots one form publishes.
pub const MAX_SLOTS_AT_ONCE: usize = 40;
/// The longest phone number a person gives.
pub const MAX_PHONE_CHARS: usize = 30;

pub fn slots_page(stand_id: i64) -> String {
    format!("{SLOTS_PATH}?id={stand_id}")
}

pub fn book_slot_page(slot_id: i64) -> String {
    format!("{BOOK_SLOT_PATH}?{SLOT_PARAM}={slot_id}")
}

coded_enum!(
    /// How an interview happens.
    SlotMode { Video => "video", Phone => "phone", InPerson => "in_person" }
);

impl SlotMode {
    pub fn label(self) -> Key {
        match self {
            SlotMode::Video => Key::slot_mode_video,
            SlotMode::Phone => Key::slot_mode_phone,
            SlotMode::InPerson => Key::slot_mode_in_person,
        }
    }
}

/// The thread of a booking's messages, withdrawn while unsent when it is cancelled.
#[cfg(feature = "ssr")]
pub fn booking_thread(booking_id: i64) -> String {
    format!("booking-{booking_id}")
}
