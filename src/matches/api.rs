//! The server function of matches.

use super::Match;
use crate::error::AppError;
use crate::vacancies::Accommodation;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One person's matches, as the page shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Matches {
    /// `None` when the signed-in person has no profile yet.
    pub seeker_id: Option<i64>,
    pub full_name: String,
    pub is_self: bool,
    pub matches: Vec<Match>,
    /// The accommodations list, to name the needs.
    pub accommodations: Vec<Accommodation>,
}

/// The open vacancies that suit the signed-in person, or (`seeker`) a person their counsellor
/// acts for.
#[server(endpoint = "matches/for")]
pub async fn read_matches(seeker: Option<i64>) -> Result<Matches, AppError> {
    use super::{rank, Seeking, CANDIDATES};
    let current = crate::server::access::signed_in()?;
    let store = crate::server::state::store()?;
    let found = crate::seekers::api::acting_as(store.as_ref(), &current.actor, seeker).await?;
    let Some((profile, _, acting)) = found else {
        return Ok(Matches {
            seeker_id: None,
            full_name: String::new(),
            is_self: true,
            matches: Vec::new(),
            accommodations: Vec::new(),
        });
    };
    let now = crate::server::auth::now();
    let is_self = acting == crate::seekers::visibility::Acting::Themselves;
    let mut needs = Vec::new();
    if let Some(d) = &profile.disability {
        if !is_self {
            // Matching on what the person needs reads their disability data.
            store.log_sensitive_access(profile.id, current.actor.account_id, "profile", now).await?;
        }
        for code in d.needs_at_interview.iter().chain(&d.needs_at_work) {
            if !needs.contains(code) {
                needs.push(code.clone());
            }
        }
    }
    let region = profile.personal.region.slug();
    let (candidates, accommodations) =
        tokio::join!(store.match_candidates(region, now, CANDIDATES), store.accommodations());
    let seeking = Seeking { region, skills: &profile.skills, needs };
    Ok(Matches {
        seeker_id: Some(profile.id),
        full_name: profile.personal.full_name.clone(),
        is_self,
        matches: rank(&seeking, candidates?),
        accommodations: accommodations?,
    })
}
