//! The uploaded CV that goes with a deleted profile: read before the profile goes, removed
//! after (the accounts feature's deletion of an account uses it too).

use crate::error::AppError;
use crate::server::state::AppState;

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
