//! Where uploaded files live. Senda writes an upload to a scratch file first (checking it as
//! it arrives), then hands the finished file to the store under a fresh key; the database
//! names the key only once the store has it, and a key replaced or removed is deleted after.
//! The trait is what an S3-compatible store would implement; this file has the one for a
//! folder on the server's disk (`SENDA_UPLOADS_DIR`).

use async_trait::async_trait;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::path::{Path, PathBuf};

#[async_trait]
pub trait MediaStore: Send + Sync + 'static {
    /// A folder on this machine for uploads in progress and uploads kept for a second try.
    fn scratch(&self) -> &Path;

    /// Takes the finished file at `from` (under [`MediaStore::scratch`]) and keeps it as `key`.
    async fn keep(&self, from: &Path, key: &str) -> std::io::Result<()>;

    /// Deletes `key`; a key already gone is not an error.
    async fn remove(&self, key: &str) -> std::io::Result<()>;

    /// Answers a request for `key` (byte ranges honoured, so a video can be scrubbed), or tells
    /// the browser where to get it.
    async fn serve(&self, key: &str, content_type: &'static str, request: Request) -> Response;
}

/// Files in a folder: `videos/` for kept uploads, `incoming/` for the scratch files.
pub struct LocalFolder {
    kept: PathBuf,
    scratch: PathBuf,
}

impl LocalFolder {
    /// The store under `root`, with its folders made if missing.
    pub fn open(root: &Path) -> std::io::Result<LocalFolder> {
        let kept = root.join("videos");
        let scratch = root.join("incoming");
        std::fs::create_dir_all(&kept)?;
        std::fs::create_dir_all(&scratch)?;
        Ok(LocalFolder { kept, scratch })
    }

    /// The file of `key`; keys are made by Senda, but one with a path in it is never followed.
    fn path_of(&self, key: &str) -> Option<PathBuf> {
        let safe = !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
        (safe && !key.starts_with('.')).then(|| self.kept.join(key))
    }
}

#[async_trait]
impl MediaStore for LocalFolder {
    fn scratch(&self) -> &Path {
        &self.scratch
    }

    async fn keep(&self, from: &Path, key: &str) -> std::io::Result<()> {
        let to = self.path_of(key).ok_or_else(|| std::io::Error::other("unsafe media key"))?;
        // Same file system, so the rename is atomic: a reader sees all of the file or none.
        tokio::fs::rename(from, to).await
    }

    async fn remove(&self, key: &str) -> std::io::Result<()> {
        let Some(path) = self.path_of(key) else { return Ok(()) };
        match tokio::fs::remove_file(path).await {
            Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(err),
            _ => Ok(()),
        }
    }

    async fn serve(&self, key: &str, content_type: &'static str, request: Request) -> Response {
        use tower::ServiceExt;
        let (Some(path), Ok(mime)) = (self.path_of(key), content_type.parse::<mime::Mime>()) else {
            return StatusCode::NOT_FOUND.into_response();
        };
        let Ok(mut response) = tower_http::services::ServeFile::new_with_mime(path, &mime).oneshot(request).await;
        // Each upload has a key of its own, so what was fetched once never changes; private,
        // since a draft's video is not for everyone.
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("private, max-age=31536000, immutable"));
        response.map(Body::new)
    }
}
