//! What the interview pages read, one view type per reader: everyone sees a public stand's
//! free slots; a job seeker sees their own booking and the booking page; the stand's employers
//! see every slot with its candidate — the name, how to reach the interview, and what the
//! person asked for at the fair only when they chose to share it (each such look recorded in
//! the person's access log).

use super::SlotMode;
use crate::error::AppError;
use crate::fairs::registrations::{FairNeed, NeedStatus};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A free slot, as a stand's page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FreeSlot {
    pub id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub mode: SlotMode,
    /// Who interviews.
    pub interviewer: String,
}

/// The reader's booking at a stand, on its page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookedHere {
    pub starts_at: i64,
    pub ends_at: i64,
    pub mode: SlotMode,
}

/// What the reader may do about a stand's slots.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SlotChance {
    /// A job seeker registered for the fair: each free slot has its button (to move, when
    /// they have a booking here).
    Book,
    /// Signed out: signing in comes first.
    SignIn,
    /// A job seeker not registered for the fair: registering comes first.
    Register,
    /// Someone who does not book interviews (staff), or a stand not taking bookings.
    None,
}

/// The interviews part of a stand's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotsPart {
    /// Free slots ahead, soonest first.
    pub free: Vec<FreeSlot>,
    pub chance: SlotChance,
    /// The reader's booking here.
    pub mine: Option<BookedHere>,
}

/// A request the candidate shared with the interviewer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedNeed {
    pub need: FairNeed,
    /// In the person's words (for "something else").
    pub details: String,
    /// Where the organiser's answer stands.
    pub status: NeedStatus,
}

/// The person who booked a slot, as its stand's employers read them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub name: String,
    pub booked_at: i64,
    /// The room both open, for a video interview; empty otherwise.
    pub room_url: String,
    /// Where to call, for a phone interview; empty otherwise.
    pub phone: String,
    /// What they asked for at the fair, when they chose to share it.
    pub shared: Option<Vec<SharedNeed>>,
    /// The interviewer said they did not come.
    pub no_show: bool,
}

/// A slot as its stand's employers manage it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagedSlot {
    pub id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub buffer_minutes: i64,
    pub mode: SlotMode,
    pub interviewer: String,
    pub candidate: Option<Candidate>,
    /// Not started: it may be withdrawn.
    pub may_withdraw: bool,
    /// Its time has passed: whether the person came may be said.
    pub over: bool,
}

/// The interviews page of a stand, for its company's employers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandSlots {
    pub stand_id: i64,
    pub company_name: String,
    pub fair_title: String,
    pub fair_starts_at: i64,
    pub fair_ends_at: i64,
    /// The modes a slot may have here: in person only at a fair with a venue, video only
    /// with a meeting-room provider configured.
    pub modes: Vec<SlotMode>,
    pub slots: Vec<ManagedSlot>,
    pub representatives: Vec<crate::fairs::stands::shifts::api::Representative>,
    /// Slots may still be published: the fair is not over. After it the page only follows up.
    pub may_publish: bool,
}

/// The slots of stand `id` with their candidates, for its company's employers while they may
/// follow them up (the stand's rules: until some weeks after the fair).
#[server(endpoint = "fairs/stand-slots")]
pub async fn read_stand_slots(id: i64) -> Result<StandSlots, AppError> {
    use crate::domain::Role;
    use crate::fairs::stands::rules::{may_change, may_follow_up, Refusal};
    let current = crate::server::access::acting_as(&[Role::Employer])?;
    let state = crate::server::state::app_state()?;
    let store = state.store.clone();
    let stand = store.stand(id).await?.ok_or(AppError::NotFound)?;
    let now = crate::server::auth::now();
    let phase = crate::fairs::rules::phase(&stand.fair, now);
    match may_follow_up(&current.actor, stand.company_id, &stand.fair, now, stand.status) {
        Ok(()) => {}
        Err(Refusal::NotYours) => return Err(AppError::NotFound),
        Err(_) => return Err(AppError::Forbidden),
    }
    let (fair, slots, representatives) =
        tokio::join!(store.fair(stand.fair_id), store.stand_slots(id), store.representatives(stand.company_id));
    let (fair, slots) = (fair?.ok_or(AppError::NotFound)?, slots?);
    // The requests of the candidates who chose to share them, read once for the whole page.
    let mut shared_by: std::collections::HashMap<i64, Vec<_>> =
        if slots.iter().any(|s| s.booking.as_ref().is_some_and(|b| b.share_needs)) {
            store.fair_registrations(stand.fair_id).await?.into_iter().map(|r| (r.account_id, r.needs)).collect()
        } else {
            Default::default()
        };
    let may_publish = may_change(&current.actor, stand.company_id, phase, stand.status).is_ok();
    let mut managed = Vec::new();
    for slot in slots {
        let candidate = match slot.booking {
            Some(booking) => {
                let shared = booking.share_needs.then(|| shared_by.remove(&booking.account_id).unwrap_or_default());
                Some(candidate(store.as_ref(), &current.actor, slot.mode, booking, shared, now).await?)
            }
            None => None,
        };
        managed.push(ManagedSlot {
            id: slot.id,
            starts_at: slot.starts_at,
            ends_at: slot.ends_at,
            buffer_minutes: slot.buffer_minutes,
            mode: slot.mode,
            interviewer: slot.interviewer_name,
            candidate,
            may_withdraw: may_publish && super::rules::changeable(slot.starts_at, now),
            over: slot.ends_at <= now,
        });
    }
    Ok(StandSlots {
        stand_id: id,
        company_name: stand.company_name,
        fair_title: stand.fair_title,
        fair_starts_at: stand.fair.starts_at,
        fair_ends_at: stand.fair.ends_at,
        modes: modes(fair.draft.mode.has_venue(), state.meeting_rooms.is_some()),
        slots: managed,
        representatives: representatives?
            .into_iter()
            .map(|r| crate::fairs::stands::shifts::api::Representative { account_id: r.account_id, name: r.name })
            .collect(),
        may_publish,
    })
}

/// The modes a slot may have at a fair with a venue or not, video rooms configured or not.
pub fn modes(has_venue: bool, has_rooms: bool) -> Vec<SlotMode> {
    SlotMode::ALL
        .iter()
        .copied()
        .filter(|mode| match mode {
            SlotMode::Video => has_rooms,
            SlotMode::Phone => true,
            SlotMode::InPerson => has_venue,
        })
        .collect()
}

/// The candidate of a booking, as the interviewer reads them, with the requests they chose to
/// share (`None` when they chose not to); reading those is recorded in their access log.
#[cfg(feature = "ssr")]
async fn candidate(
    store: &dyn crate::server::db::Store,
    reader: &crate::domain::Actor,
    mode: SlotMode,
    booking: super::store::StoredBooking,
    shared: Option<Vec<crate::fairs::registrations::store::StoredNeed>>,
    now: i64,
) -> Result<Candidate, AppError> {
    let shared = shared.map(shared_needs);
    if shared.as_ref().is_some_and(|needs| !needs.is_empty()) {
        if let Some(seeker) = store.seeker_of_account(booking.account_id).await? {
            store.log_sensitive_access(seeker, reader.account_id, "interview", now).await?;
        }
    }
    Ok(Candidate {
        name: booking.name,
        booked_at: booking.booked_at,
        room_url: if mode == SlotMode::Video { booking.room_url } else { String::new() },
        phone: if mode == SlotMode::Phone { booking.phone } else { String::new() },
        shared,
        no_show: booking.no_show,
    })
}

/// A person's stored requests as sharing shows them: each with where it stands.
#[cfg(feature = "ssr")]
fn shared_needs(needs: Vec<crate::fairs::registrations::store::StoredNeed>) -> Vec<SharedNeed> {
    needs.into_iter().map(|n| SharedNeed { need: n.need, details: n.details, status: n.status }).collect()
}

/// Where the booking page stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BookingState {
    /// The form: confirm, giving a phone number for a phone interview.
    Open,
    /// The reader has this slot already.
    Mine,
    /// Someone else has it.
    Taken,
    /// It started, was withdrawn, or its stand no longer takes bookings.
    Unavailable,
    /// The reader is not registered for the fair.
    NotRegistered,
}

/// The reader's booking the new one would replace.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Replacing {
    pub booking_id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
}

/// The booking page of a slot, for a job seeker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotBooking {
    pub slot_id: i64,
    pub stand_id: i64,
    pub company_name: String,
    pub fair_id: i64,
    pub fair_title: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub mode: SlotMode,
    pub interviewer: String,
    /// The fair's venue, for an interview in person.
    pub place: String,
    pub state: BookingState,
    /// The reader's booking at this stand, which booking this one moves.
    pub replacing: Option<Replacing>,
    /// What the reader asked for at the fair: what sharing would show the interviewer.
    pub needs: Vec<SharedNeed>,
    /// The phone number of the reader's profile, to start the field from.
    pub phone: String,
}

/// The booking page of slot `slot`, for the signed-in job seeker; not found unless the slot is
/// in force at a public stand.
#[server(endpoint = "fairs/slot-booking")]
pub async fn read_slot_booking(slot: i64) -> Result<SlotBooking, AppError> {
    use crate::domain::Role;
    use crate::fairs::registrations::RegistrationStatus;
    use crate::fairs::stands::rules::is_public;
    let current = crate::server::access::acting_as(&[Role::Seeker])?;
    let account_id = current.actor.account_id;
    let store = crate::server::state::store()?;
    let found = store.slot(slot).await?.ok_or(AppError::NotFound)?;
    let stand = store.stand(found.stand_id).await?.ok_or(AppError::NotFound)?;
    let now = crate::server::auth::now();
    if !is_public(stand.status, crate::fairs::rules::phase(&stand.fair, now)) {
        return Err(AppError::NotFound);
    }
    let (fair, registration, bookings, seeker) = tokio::join!(
        store.fair(stand.fair_id),
        store.registration(stand.fair_id, account_id),
        store.bookings_of(account_id),
        store.seeker_of_account(account_id)
    );
    let fair = fair?.ok_or(AppError::NotFound)?;
    let registration = registration?.filter(|r| r.status == RegistrationStatus::Registered);
    let here = bookings?.into_iter().find(|b| b.stand_id == stand.id);
    let bookable = super::rules::bookable(
        found.starts_at,
        true,
        super::rules::takes_bookings(stand.status, &stand.fair, now),
        now,
    );
    let state = if here.as_ref().is_some_and(|b| b.slot_id == slot) {
        BookingState::Mine
    } else if !bookable {
        BookingState::Unavailable
    } else if registration.is_none() {
        BookingState::NotRegistered
    } else if found.booking.is_some() {
        BookingState::Taken
    } else {
        BookingState::Open
    };
    let phone = match seeker? {
        Some(seeker) => store.seeker(seeker).await?.map(|p| p.personal.phone).unwrap_or_default(),
        None => String::new(),
    };
    Ok(SlotBooking {
        slot_id: slot,
        stand_id: stand.id,
        company_name: stand.company_name,
        fair_id: stand.fair_id,
        fair_title: stand.fair_title,
        starts_at: found.starts_at,
        ends_at: found.ends_at,
        mode: found.mode,
        interviewer: found.interviewer_name,
        place: fair.place(),
        state,
        replacing: here.filter(|b| b.slot_id != slot).map(|b| Replacing {
            booking_id: b.id,
            starts_at: b.starts_at,
            ends_at: b.ends_at,
        }),
        needs: registration.map(|r| shared_needs(r.needs)).unwrap_or_default(),
        phone,
    })
}

/// The interviews part of stand `stand`'s page for `reader` at `now`.
#[cfg(feature = "ssr")]
pub(crate) async fn slots_part(
    store: &dyn crate::server::db::Store,
    reader: Option<&crate::domain::Actor>,
    stand: &crate::fairs::stands::store::StoredStand,
    now: i64,
) -> Result<SlotsPart, AppError> {
    use crate::domain::Role;
    use crate::fairs::registrations::RegistrationStatus;
    let open = super::rules::takes_bookings(stand.status, &stand.fair, now);
    let slots = if open { store.stand_slots(stand.id).await? } else { Vec::new() };
    let free = slots
        .into_iter()
        .filter(|s| s.booking.is_none() && s.starts_at > now)
        .map(|s| FreeSlot {
            id: s.id,
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            mode: s.mode,
            interviewer: s.interviewer_name,
        })
        .collect();
    let (chance, mine) = match reader {
        None if open => (SlotChance::SignIn, None),
        Some(actor) if open && actor.has(Role::Seeker) => {
            let (registration, bookings) =
                tokio::join!(store.registration(stand.fair_id, actor.account_id), store.bookings_of(actor.account_id));
            let registered = registration?.is_some_and(|r| r.status == RegistrationStatus::Registered);
            let mine = bookings?.into_iter().find(|b| b.stand_id == stand.id).and_then(|b| {
                Some(BookedHere { starts_at: b.starts_at, ends_at: b.ends_at, mode: SlotMode::from_code(&b.mode)? })
            });
            (if registered { SlotChance::Book } else { SlotChance::Register }, mine)
        }
        _ => (SlotChance::None, None),
    };
    Ok(SlotsPart { free, chance, mine })
}

/// A booking on the person's registration page: when, with whom, and how to join.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnInterview {
    pub booking_id: i64,
    pub stand_id: i64,
    pub company_name: String,
    pub interviewer: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub mode: SlotMode,
    /// The room, for a video interview: the person opens it too.
    pub room_url: String,
    /// Where the interviewer calls, for a phone interview.
    pub phone: String,
    /// The person shared what they asked for with the interviewer.
    pub shared_needs: bool,
    /// Not started: it may be cancelled or moved.
    pub may_change: bool,
}

/// The person's interviews at fair `fair_id`, soonest first.
#[cfg(feature = "ssr")]
pub(crate) async fn own_interviews(
    store: &dyn crate::server::db::Store,
    account_id: i64,
    fair_id: i64,
    now: i64,
) -> Result<Vec<OwnInterview>, AppError> {
    Ok(store
        .bookings_of(account_id)
        .await?
        .into_iter()
        .filter(|b| b.fair_id == fair_id)
        .filter_map(|b| {
            Some(OwnInterview {
                booking_id: b.id,
                stand_id: b.stand_id,
                company_name: b.company_name,
                interviewer: b.interviewer_name,
                starts_at: b.starts_at,
                ends_at: b.ends_at,
                mode: SlotMode::from_code(&b.mode)?,
                room_url: b.room_url,
                phone: b.phone,
                shared_needs: b.share_needs,
                may_change: super::rules::changeable(b.starts_at, now),
            })
        })
        .collect())
}
