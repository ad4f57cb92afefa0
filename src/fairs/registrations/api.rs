//! What the registration pages read: a job seeker's own registration for a fair (or the form
//! to make one, ticked from their profile), and the organiser's list of who registered and
//! what they asked for.

use super::{FairRegistrations, RegistrationView};
use crate::error::AppError;
use leptos::prelude::*;

/// The signed-in job seeker's registration for fair `id`, or what registering offers them.
#[server(endpoint = "fairs/registration")]
pub async fn read_registration(id: i64) -> Result<RegistrationView, AppError> {
    use super::rules::{may_register, Closed};
    use super::{Joining, RegistrationStatus};
    use crate::domain::Role;
    let current = crate::server::access::acting_as(&[Role::Seeker])?;
    let store = crate::server::state::store()?;
    let fair = store.fair(id).await?.ok_or(AppError::NotFound)?;
    let facts = fair.facts();
    let now = crate::server::auth::now();
    if !crate::fairs::rules::phase(&facts, now).is_public() {
        return Err(AppError::NotFound);
    }
    let d = &fair.draft;
    let mine = store.registration(id, current.actor.account_id).await?;
    let joining = match mine {
        Some(mine) if mine.status == RegistrationStatus::Registered => {
            Joining::Registered(own_registration(&mine, facts.ends_at, now))
        }
        cancelled => match may_register(&facts, d.registration_closes_at, d.capacity, fair.registered, now) {
            Err(Closed::Full) => Joining::Full,
            Err(Closed::Deadline) => Joining::Closed,
            Ok(()) => match cancelled {
                // Registering again starts from what they asked for last time.
                Some(before) => Joining::Open {
                    needs: before.needs.iter().map(|n| n.need).filter(|n| *n != super::FairNeed::Other).collect(),
                    other: Vec::new(),
                },
                None => prefill(store.as_ref(), current.actor.account_id).await?,
            },
        },
    };
    Ok(RegistrationView {
        fair_id: id,
        fair_title: d.title.clone(),
        starts_at: d.starts_at,
        ends_at: d.ends_at,
        registration_closes_at: d.registration_closes_at,
        places_left: (d.capacity - fair.registered).max(0),
        joining,
    })
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
        })
        .collect();
    Ok(FairRegistrations {
        fair_id: id,
        fair_title: fair.draft.title,
        starts_at: fair.draft.starts_at,
        capacity: fair.draft.capacity,
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
    }
}

/// The form as the person's profile fills it: the fair's counterparts of the accommodations
/// they need at interviews ticked, and the others named for "something else".
#[cfg(feature = "ssr")]
async fn prefill(store: &dyn crate::server::db::Store, account_id: i64) -> Result<super::Joining, AppError> {
    use super::FairNeed;
    let Some(seeker) = store.seeker_of_account(account_id).await? else {
        return Ok(super::Joining::Open { needs: Vec::new(), other: Vec::new() });
    };
    let codes = store
        .seeker(seeker)
        .await?
        .and_then(|profile| profile.disability)
        .map(|d| d.needs_at_interview)
        .unwrap_or_default();
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
