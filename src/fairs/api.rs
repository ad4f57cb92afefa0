//! Server functions of fairs: what their pages read. A published or cancelled fair is public;
//! a draft is for the organising centre's counsellors only, and unknown to anyone else.

use super::rules::{Phase, Step};
use super::{Fair, FairSummary};
use crate::error::AppError;
use crate::organisations::Centre;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One fair as its page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FairView {
    pub fair: Fair,
    pub phase: Phase,
    /// Registration is still open by the calendar (capacity aside).
    pub registration_open: bool,
    /// The organising centre, to contact about the fair.
    pub centre: Option<Centre>,
    /// For the organising centre's counsellors only.
    pub manage: Option<FairManagement>,
    /// The page's own address, whole: what the event data and the calendar file link to.
    pub address: String,
    /// Its sign-language video, when it has one.
    pub video: Option<crate::media::SignVideo>,
    /// Whether the reader, a job seeker, is registered.
    pub attendance: Attendance,
}

/// Where the reader stands with a fair as someone who may take part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Attendance {
    /// Signed out, or not a job seeker.
    NotSeeker,
    NotRegistered,
    Registered,
}

/// What a fair's organisers may do on its page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FairManagement {
    /// The steps this person may take now.
    pub steps: Vec<Step>,
    pub may_edit: bool,
    /// Accommodation requests not answered yet, and of those, how many are late.
    pub to_arrange: usize,
    pub late: usize,
    /// Chat messages reported and not reviewed yet.
    pub reports_to_review: usize,
}

/// The fair `id`; not found for anyone but its organisers while it is a draft.
#[server(endpoint = "fairs/view")]
pub async fn read_fair(id: i64) -> Result<FairView, AppError> {
    use super::rules::{may_edit, may_manage, phase, steps_open};
    let store = crate::server::state::store()?;
    let fair = store.fair(id).await?.ok_or(AppError::NotFound)?;
    let facts = fair.facts();
    let now = crate::server::auth::now();
    let actor = crate::server::auth::session::current().map(|current| current.actor);
    let organiser = actor.clone().filter(|actor| may_manage(actor, facts.centre_id));
    let phase = phase(&facts, now);
    if organiser.is_none() && !phase.is_public() {
        return Err(AppError::NotFound);
    }
    let manage = match organiser {
        Some(actor) => {
            use crate::fairs::registrations::{rules::is_late, NeedStatus};
            let (waiting, reports) = tokio::join!(store.waiting_needs_due(id), store.reports_to_review(id));
            let waiting = waiting?;
            let late = waiting.iter().filter(|due_at| is_late(NeedStatus::Asked, **due_at, now));
            Some(FairManagement {
                steps: steps_open(&actor, &facts, now),
                may_edit: may_edit(&actor, &facts, now).is_ok(),
                to_arrange: waiting.len(),
                late: late.count(),
                reports_to_review: usize::try_from(reports?).unwrap_or(0),
            })
        }
        None => None,
    };
    let attendance = match &actor {
        Some(actor) if actor.has(crate::domain::Role::Seeker) => {
            let mine = store.registration(id, actor.account_id).await?;
            match mine.map(|r| r.status) {
                Some(crate::fairs::registrations::RegistrationStatus::Registered) => Attendance::Registered,
                _ => Attendance::NotRegistered,
            }
        }
        _ => Attendance::NotSeeker,
    };
    let (centres, video) =
        tokio::join!(store.list_centres(), store.sign_video(crate::media::store::VideoOwner::Fair(id)));
    let centre = centres?.into_iter().find(|c| c.id == facts.centre_id);
    let registration_open =
        matches!(phase, Phase::Upcoming | Phase::Running) && now < fair.draft.registration_closes_at;
    let address = format!("{}{}", crate::server::state::app_state()?.public_origin, super::fair_path(id));
    Ok(FairView { fair, phase, registration_open, centre, manage, address, video: video?, attendance })
}

/// The list of fairs, and what a counsellor's centres are preparing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FairsView {
    /// Running and upcoming (and cancelled ones that would have been), soonest first.
    pub ahead: Vec<FairSummary>,
    /// Over, most recent first.
    pub past: Vec<FairSummary>,
    /// Every fair of the centres the reader counsels at, drafts too; empty for anyone else.
    pub own: Vec<FairSummary>,
    /// The reader counsels at a centre: may organise a fair.
    pub may_organise: bool,
}

/// How many fairs the list shows of those ahead, and of those past.
pub const LISTED_AHEAD: i64 = 50;
pub const LISTED_PAST: i64 = 20;
/// How many upcoming fairs the home page shows.
pub const ON_HOME: i64 = 3;

/// The fairs everyone may see; with a counsellor's own centres' fairs for them.
#[server(endpoint = "fairs/list")]
pub async fn read_fairs() -> Result<FairsView, AppError> {
    use crate::domain::Role;
    let store = crate::server::state::store()?;
    let now = crate::server::auth::now();
    let (ahead, past) = tokio::join!(store.fairs_ahead(now, LISTED_AHEAD), store.fairs_past(now, LISTED_PAST));
    let centres: Vec<i64> = crate::server::auth::session::current()
        .map(|current| {
            current.actor.roles.iter().filter(|g| g.role == Role::Counsellor).filter_map(|g| g.centre_id).collect()
        })
        .unwrap_or_default();
    let mut own = Vec::new();
    for centre in &centres {
        own.extend(store.centre_fairs(*centre, now).await?);
    }
    Ok(FairsView { ahead: ahead?, past: past?, own, may_organise: !centres.is_empty() })
}

/// The next fairs, for the home page.
#[server(endpoint = "fairs/upcoming")]
pub async fn upcoming_fairs() -> Result<Vec<FairSummary>, AppError> {
    let store = crate::server::state::store()?;
    let now = crate::server::auth::now();
    Ok(store.fairs_ahead(now, ON_HOME).await?)
}

/// What the fair form starts from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FairForm {
    /// The centres this counsellor organises for (a new fair's choice).
    pub centres: Vec<Centre>,
    /// The fair being changed.
    pub fair: Option<Fair>,
}

/// The fair form: new (`id` none) for a counsellor, or the fair `id` for its organisers while
/// it may still change.
#[server(endpoint = "fairs/form")]
pub async fn read_fair_form(id: Option<i64>) -> Result<FairForm, AppError> {
    use super::rules::may_edit;
    use crate::domain::Role;
    let current = crate::server::access::acting_as(&[Role::Counsellor])?;
    let store = crate::server::state::store()?;
    let counselled: Vec<i64> =
        current.actor.roles.iter().filter(|g| g.role == Role::Counsellor).filter_map(|g| g.centre_id).collect();
    let centres = store.list_centres().await?.into_iter().filter(|c| counselled.contains(&c.id)).collect();
    let fair = match id {
        Some(id) => {
            let fair = store.fair(id).await?.ok_or(AppError::NotFound)?;
            match may_edit(&current.actor, &fair.facts(), crate::server::auth::now()) {
                Ok(()) => Some(fair),
                Err(super::rules::Refusal::NotYours) => return Err(AppError::NotFound),
                Err(_) => return Err(AppError::Forbidden),
            }
        }
        None => None,
    };
    Ok(FairForm { centres, fair })
}

/// The video slot of fair `id`, for its organisers while they may change it.
#[server(endpoint = "fairs/video-slot")]
pub async fn read_fair_video_slot(id: i64) -> Result<crate::media::slot_form::VideoSlot, AppError> {
    use crate::domain::Role;
    let current = crate::server::access::acting_as(&[Role::Counsellor])?;
    let state = crate::server::state::app_state()?;
    let fair = state.store.fair(id).await?.ok_or(AppError::NotFound)?;
    match super::rules::may_edit(&current.actor, &fair.facts(), crate::server::auth::now()) {
        Ok(()) => {}
        Err(super::rules::Refusal::NotYours) => return Err(AppError::NotFound),
        Err(_) => return Err(AppError::Forbidden),
    }
    crate::media::slot::slot_view(&state, crate::media::store::VideoOwner::Fair(id), fair.draft.title).await
}
