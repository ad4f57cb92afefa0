//! What the shifts page reads: a stand's shifts and the representatives who may keep it, for
//! its company's employers while they may change the stand.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A shift as the stand's employers manage it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shift {
    pub id: i64,
    pub name: String,
    pub starts_at: i64,
    pub ends_at: i64,
}

/// One of the company's representatives, to choose who keeps the stand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Representative {
    pub account_id: i64,
    pub name: String,
}

/// The shifts page of a stand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandShifts {
    pub stand_id: i64,
    pub company_name: String,
    pub fair_title: String,
    /// The fair's hours: every shift falls within them.
    pub fair_starts_at: i64,
    pub fair_ends_at: i64,
    pub shifts: Vec<Shift>,
    pub representatives: Vec<Representative>,
}

/// The shifts of stand `id`, for its company's employers while they may change it.
#[server(endpoint = "fairs/stand-shifts")]
pub async fn read_stand_shifts(id: i64) -> Result<StandShifts, AppError> {
    use crate::domain::Role;
    use crate::fairs::stands::rules::{may_change, Refusal};
    let current = crate::server::access::acting_as(&[Role::Employer])?;
    let store = crate::server::state::store()?;
    let stand = store.stand(id).await?.ok_or(AppError::NotFound)?;
    let phase = crate::fairs::rules::phase(&stand.fair, crate::server::auth::now());
    match may_change(&current.actor, stand.company_id, phase, stand.status) {
        Ok(()) => {}
        Err(Refusal::NotYours) => return Err(AppError::NotFound),
        Err(_) => return Err(AppError::Forbidden),
    }
    let (shifts, representatives) = tokio::join!(store.stand_shifts(id), store.representatives(stand.company_id));
    Ok(StandShifts {
        stand_id: id,
        company_name: stand.company_name,
        fair_title: stand.fair_title,
        fair_starts_at: stand.fair.starts_at,
        fair_ends_at: stand.fair.ends_at,
        shifts: shifts?
            .into_iter()
            .map(|s| Shift { id: s.id, name: s.name, starts_at: s.starts_at, ends_at: s.ends_at })
            .collect(),
        representatives: representatives?
            .into_iter()
            .map(|r| Representative { account_id: r.account_id, name: r.name })
            .collect(),
    })
}
