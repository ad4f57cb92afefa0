//! Good videos waiting on the server for their form's second try ("parked"), in the media
//! store's scratch folder, so nobody on slow data sends 200 MB twice because a caption was
//! wrong. Each is named by its slot (what holds the video, e.g. a vacancy), its uploader and a
//! random token, so only that person's next post of that form can claim it.
//!
//! They take disk that anyone with an account could fill — a new unverified company can make
//! drafts — so: one per slot and account (a new try replaces the last), at most a quota of
//! bytes per account across its slots, and a day at most (the sweep, run on a timer, deletes
//! what is older, with uploads cut off midway).

use super::VideoKind;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a parked video, or a scratch file left by an upload cut off midway, is kept.
pub const KEPT_FOR: Duration = Duration::from_secs(24 * 3600);

const PREFIX: &str = "pending-";

/// The file a video parked by `account` for `slot` under `token` has.
pub fn path(scratch: &Path, slot: &str, account: i64, token: &str, kind: VideoKind) -> PathBuf {
    scratch.join(format!("{PREFIX}{slot}-{account}-{token}.{}", kind.extension()))
}

/// The slot and account a scratch file's name says it is parked for; `None` for any other file.
fn owner(name: &str) -> Option<(&str, i64)> {
    let mut parts = name.strip_prefix(PREFIX)?.splitn(3, '-');
    let slot = parts.next()?;
    let account = parts.next()?.parse().ok()?;
    parts.next()?;
    Some((slot, account))
}

/// The video `account` parked for `slot` under `token`, if there is one: its file, kind and
/// size.
pub async fn find(scratch: &Path, slot: &str, account: i64, token: &str) -> Option<(PathBuf, VideoKind, u64)> {
    if !crate::server::auth::tokens::well_formed(token) {
        return None;
    }
    for kind in [VideoKind::WebM, VideoKind::Mp4] {
        let path = path(scratch, slot, account, token, kind);
        if let Ok(meta) = tokio::fs::metadata(&path).await {
            return Some((path, kind, meta.len()));
        }
    }
    None
}

/// What became of a video offered for parking.
#[derive(Debug, PartialEq, Eq)]
pub enum Parked {
    Kept,
    /// The account's other parked videos leave no room for it under the quota: not kept.
    OverQuota,
    /// The server could not move it (a full disk, say): not kept.
    Unsaved,
}

/// Parks the finished upload at `from` (`bytes` long, in the scratch folder) as `account`'s
/// video for `slot` under `token`, replacing the one it parked there before, if the account's
/// parked videos stay within `quota` bytes. Whatever is not kept is deleted.
pub async fn park(
    scratch: &Path,
    (slot, account, token): (&str, i64, &str),
    kind: VideoKind,
    from: &Path,
    bytes: u64,
    quota: u64,
) -> Parked {
    let mut others: u64 = 0;
    if let Ok(mut entries) = tokio::fs::read_dir(scratch).await {
        while let Ok(Some(entry)) = entries.next_entry().await {
            let name = entry.file_name();
            let Some((their_slot, their_account)) = name.to_str().and_then(owner) else { continue };
            if their_account != account {
                continue;
            }
            if their_slot == slot {
                let _ = tokio::fs::remove_file(entry.path()).await;
            } else if let Ok(meta) = entry.metadata().await {
                others = others.saturating_add(meta.len());
            }
        }
    }
    let outcome = if others.saturating_add(bytes) > quota {
        Parked::OverQuota
    } else {
        match tokio::fs::rename(from, path(scratch, slot, account, token, kind)).await {
            Ok(()) => return Parked::Kept,
            Err(err) => {
                tracing::error!(error = %err, "cannot park a video for its second try");
                Parked::Unsaved
            }
        }
    };
    let _ = tokio::fs::remove_file(from).await;
    outcome
}

/// Deletes the scratch files older than `age` (by their last change): parked videos past their
/// day, uploads cut off midway. How many.
pub async fn sweep(scratch: &Path, age: Duration) -> usize {
    let Ok(mut entries) = tokio::fs::read_dir(scratch).await else { return 0 };
    let mut deleted = 0;
    while let Ok(Some(entry)) = entries.next_entry().await {
        let old = entry
            .metadata()
            .await
            .ok()
            .and_then(|meta| meta.modified().ok())
            .and_then(|at| at.elapsed().ok())
            .is_some_and(|elapsed| elapsed > age);
        if old && tokio::fs::remove_file(entry.path()).await.is_ok() {
            deleted += 1;
        }
    }
    deleted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parked_file_names_its_slot_and_account() {
        let token = "ab".repeat(32);
        let file = path(Path::new("/x"), "12", 7, &token, VideoKind::WebM);
        let name = file.file_name().unwrap().to_str().unwrap();
        assert_eq!(owner(name), Some(("12", 7)));
        assert_eq!(owner("0123abcd.part"), None);
        assert_eq!(owner("pending-12-x-abc.webm"), None);
    }
}
