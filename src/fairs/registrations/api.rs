//! What the registration pages read: a job seeker's own registration for a fair (or the form
//! to make one, ticked from their profile), and the organiser's list of who registered and
//! what they asked for.

use super::{FairRegistrations, RegistrationView};
use crate::error::AppError;
use leptos::prelude::*;

/// The registration for fair `id` of the signed-in job seeker, or — `person` named — of that
/// person of the register, for a counsellor they let act for them; or what registering offers.
#[server(endpoint = "fairs/registration")]
pub async fn read_registration(id: i64, person: Option<i64>) -> Result<RegistrationView, AppError> {
    use super::rules::{may_register, Closed};
    use super::{Joining, RegisteredFor, RegistrationStatus};
    let current = crate::server::access::signed_in()?;
    let actor = current.actor;
    let store = crate::server::state::store()?;
    let attendee = attendee(store.as_ref(), &actor, person).await?;
    let fair = store.fair(id).await?.ok_or(AppError::NotFound)?;
    let facts = fair.facts();
    let now = crate::server::auth::now();
    if !crate::fairs::rules::phase(&facts, now).is_public() {
        return Err(AppError::NotFound);
    }
    let d = &fair.draft;
    let mine = match attendee.account_id {
        Some(account_id) => store.registration(id, account_id).await?,
        None => None,
    };
    let joining = match (attendee.account_id, mine) {
        (None, _) => Joining::NoAccount,
        (Some(account_id), Some(mine)) if mine.status == RegistrationStatus::Registered => {
            let mut own = own_registration(&mine, facts.ends_at, now);
            if attendee.person.is_none() {
                own.interviews =
                    crate::fairs::stands::slots::api::own_interviews(store.as_ref(), account_id, id, now).await?;
            }
            Joining::Registered(own)
        }
        (Some(account_id), cancelled) => {
            match may_register(&facts, d.registration_closes_at, d.capacity, fair.registered, now) {
                Err(Closed::Full) => Joining::Full,
                Err(Closed::Deadline) => Joining::Closed,
                Ok(()) => match cancelled {
                    // Registering again starts from what they asked for last time.
                    Some(before) => Joining::Open {
                        needs: before.needs.iter().map(|n| n.need).filter(|n| *n != super::FairNeed::Other).collect(),
                        other: Vec::new(),
                    },
                    None => prefill(store.as_ref(), &actor, account_id, attendee.person.as_ref(), now).await?,
                },
            }
        }
    };
    Ok(RegistrationView {
        fair_id: id,
        fair_title: d.title.clone(),
        starts_at: d.starts_at,
        ends_at: d.ends_at,
        registration_closes_at: d.registration_closes_at,
        places_left: (d.capacity - fair.registered).max(0),
        joining,
        person: attendee
            .person
            .map(|(profile, _)| RegisteredFor { seeker_id: profile.id, name: profile.personal.full_name }),
    })
}

/// The fairs ahead for person `seeker`, with whether they are registered, for a counsellor they
/// let act for them (their profile's fairs part); not found for anyone else.
#[server(endpoint = "fairs/seeker-fairs")]
pub async fn read_seeker_fairs(seeker: i64) -> Result<super::SeekerFairs, AppError> {
    use crate::fairs::rules::Phase;
    let current = crate::server::access::signed_in()?;
    let store = crate::server::state::store()?;
    let attendee = attendee(store.as_ref(), &current.actor, Some(seeker)).await?;
    let Some(account_id) = attendee.account_id else {
        return Ok(super::SeekerFairs { seeker_id: seeker, has_account: false, fairs: Vec::new() });
    };
    let now = crate::server::auth::now();
    let (ahead, theirs) =
        tokio::join!(store.fairs_ahead(now, crate::fairs::api::LISTED_AHEAD), store.registrations_of(account_id));
    let theirs: Vec<i64> = theirs?.into_iter().map(|r| r.fair_id).collect();
    let fairs = ahead?
        .into_iter()
        .filter(|f| matches!(f.phase, Phase::Upcoming | Phase::Running))
        .map(|f| super::SeekerFair {
            fair_id: f.id,
            title: f.title,
            starts_at: f.starts_at,
            ends_at: f.ends_at,
            registered: theirs.contains(&f.id),
        })
        .collect();
    Ok(super::SeekerFairs { seeker_id: seeker, has_account: true, fairs })
}

/// Whose registration a request is about: the signed-in job seeker's own, or that of a person
/// of the register (`person`) their centre's counsellor acts for with their consent.
#[cfg(feature = "ssr")]
pub(crate) struct Attendee {
    /// The account registered; `None` for a person without one.
    pub account_id: Option<i64>,
    /// The person a counsellor registers, with their consents in force.
    pub person: Option<(crate::seekers::SeekerProfile, crate::seekers::consent::Consents)>,
}

/// The attendee `actor` asks about: themselves when `person` is `None` (a job seeker), or the
/// person `person` when `actor` is a counsellor who may act for them; refused for other roles,
/// not found for people one may not act for.
#[cfg(feature = "ssr")]
pub(crate) async fn attendee(
    store: &dyn crate::server::db::Store,
    actor: &crate::domain::Actor,
    person: Option<i64>,
) -> Result<Attendee, AppError> {
    use crate::domain::Role;
    use crate::seekers::visibility::Acting;
    use crate::server::access::{permits, refuse};
    let Some(person) = person else {
        if !permits(actor, &[Role::Seeker]) {
            return Err(refuse(AppError::Forbidden));
        }
        return Ok(Attendee { account_id: Some(actor.account_id), person: None });
    };
    if !permits(actor, &[Role::Counsellor]) {
        return Err(refuse(AppError::Forbidden));
    }
    match crate::seekers::api::acting_as(store, actor, Some(person)).await? {
        Some((profile, consents, Acting::Counsellor)) => {
            Ok(Attendee { account_id: profile.account_id, person: Some((profile, consents.in_force)) })
        }
        _ => Err(AppError::NotFound),
    }
}

/// Who registered for fair `id` and what each asked for, for its organisers.
#[server(endpoint = "fairs/registrations")]
pub async fn read_fair_registrations(id: i64) -> Result<FairRegistrations, AppError> {
    use crate::domain::Role;
    let current = crate::server::access::acting_as(&[Role::Counsellor])?;
    let store = crate::server::state::store()?;
    let fair = store.fair(id).await?.ok_or(AppError::NotFound)?;
    if !crate::fairs::rules::may_manage(&current.actor, fair.draft.centre_id) {
        return Err(AppError::NotFound);
    }
    let now = crate::server::auth::now();
    let people = store
        .fair_registrations(id)
        .await?
        .into_iter()
        .map(|r| super::Registrant {
            registration_id: r.id,
            name: r.name.clone(),
            registered_at: r.registered_at,
            by_counsellor: r.registered_by.is_some_and(|by| by != r.account_id),
            needs: r.needs.iter().map(|n| need_view(n, now)).collect(),
            attended_at: r.attended_at,
        })
        .collect();
    let phase = crate::fairs::rules::phase(&fair.facts(), now);
    Ok(FairRegistrations {
        fair_id: id,
        fair_title: fair.draft.title,
        starts_at: fair.draft.starts_at,
        capacity: fair.draft.capacity,
        marks_attendance: crate::fairs::outcomes::rules::marks_attendance(phase),
        people,
    })
}

#[cfg(feature = "ssr")]
fn need_view(n: &super::store::StoredNeed, now: i64) -> super::NeedView {
    super::NeedView {
        need: n.need,
        details: n.details.clone(),
        status: n.status,
        answer: n.answer.clone(),
        due_at: n.due_at,
        late: super::rules::is_late(n.status, n.due_at, now),
    }
}

#[cfg(feature = "ssr")]
fn own_registration(r: &super::store::StoredRegistration, ends_at: i64, now: i64) -> super::OwnRegistration {
    super::OwnRegistration {
        registered_at: r.registered_at,
        by_counsellor: r.registered_by.is_some_and(|by| by != r.account_id),
        needs: r.needs.iter().map(|n| need_view(n, now)).collect(),
        may_cancel: now < ends_at,
        interviews: Vec::new(),
    }
}

/// The form as the person's profile fills it: the fair's counterparts of the accommodations
/// they need at interviews ticked, and the others named for "something else". A counsellor
/// reads them only as the person lets them, and that look is recorded for the person.
#[cfg(feature = "ssr")]
async fn prefill(
    store: &dyn crate::server::db::Store,
    actor: &crate::domain::Actor,
    account_id: i64,
    person: Option<&(crate::seekers::SeekerProfile, crate::seekers::consent::Consents)>,
    now: i64,
) -> Result<super::Joining, AppError> {
    use super::FairNeed;
    use crate::seekers::visibility::{visible_to, Viewer};
    let codes = match person {
        Some((profile, consents)) => {
            let visible = visible_to(Viewer::CentreCounsellor, consents);
            match profile.disability.as_ref().filter(|_| visible.needs) {
                Some(disability) => {
                    if visible.logged {
                        store.log_sensitive_access(profile.id, actor.account_id, "profile", now).await?;
                    }
                    disability.needs_at_interview.clone()
                }
                None => Vec::new(),
            }
        }
        None => match store.seeker_of_account(account_id).await? {
            Some(seeker) => store
                .seeker(seeker)
                .await?
                .and_then(|profile| profile.disability)
                .map(|d| d.needs_at_interview)
                .unwrap_or_default(),
            None => Vec::new(),
        },
    };
    let mut needs: Vec<FairNeed> = codes.iter().filter_map(|code| FairNeed::of_profile_need(code)).collect();
    needs.sort_by_key(|n| FairNeed::ALL.iter().position(|all| all == n));
    needs.dedup();
    let unmatched: Vec<&String> = codes.iter().filter(|code| FairNeed::of_profile_need(code).is_none()).collect();
    let other = if unmatched.is_empty() {
        Vec::new()
    } else {
        store.accommodations().await?.into_iter().filter(|a| unmatched.contains(&&a.code)).collect()
    };
    Ok(super::Joining::Open { needs, other })
}
