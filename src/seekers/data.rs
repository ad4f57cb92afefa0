//! What the register gives a person's data rights, for the accounts feature's download and
//! deletion of an account: the register's part of the download, and the uploaded CV that goes
//! with a deleted profile.

use crate::error::AppError;
use crate::server::state::AppState;

/// Everything the register keeps about the account's holder, for the download of their data;
/// `None` when they have no profile.
pub async fn register_data(
    state: &AppState,
    account_id: i64,
) -> Result<Option<crate::seekers::MyRegisterData>, AppError> {
    let store = state.store.as_ref();
    let Some(id) = store.seeker_of_account(account_id).await? else { return Ok(None) };
    let Some(profile) = store.seeker(id).await? else { return Ok(None) };
    Ok(Some(crate::seekers::MyRegisterData {
        profile,
        consents: store.consent_history(id).await?,
        accesses: store.sensitive_accesses(id).await?,
        applications: store.seeker_applications(id).await?,
        case_notes: store.case_notes(id).await?,
        outcomes: store.outcomes(id).await?,
    }))
}

/// The media key of profile `seeker`'s uploaded CV, read before the profile goes so the file
/// can follow it.
pub async fn kept_file(state: &AppState, seeker: i64) -> Result<Option<String>, AppError> {
    Ok(state.store.seeker(seeker).await?.and_then(|profile| profile.cv_file).map(|file| file.media_key))
}

/// Deletes a file the profile no longer names; one left behind is logged, not an error.
pub async fn forget(state: &AppState, key: Option<String>) {
    if let Some(key) = key {
        if let Err(err) = state.media.remove(&key).await {
            tracing::warn!(error = %err, %key, "a CV file no longer named stays behind");
        }
    }
}
