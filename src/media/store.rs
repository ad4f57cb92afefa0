//! Sign-language videos as the database knows them: which file in the media store, its
//! captions and transcript. The file is written to the store before its row, and the row of a
//! replaced video is gone before its file is deleted, so no row ever names a missing file.

use crate::media::{SignVideo, VideoKind};
use async_trait::async_trait;

use crate::server::db::DbResult;

/// A checked upload, ready to be named.
#[derive(Clone, Debug)]
pub struct NewSignVideo {
    pub media_key: String,
    pub kind: VideoKind,
    pub bytes: i64,
    pub captions: String,
    pub transcript: String,
    pub uploaded_by: i64,
    pub uploaded_at: i64,
}

/// Where a video's file is, for serving it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VideoFile {
    pub version: i64,
    pub media_key: String,
    pub kind: VideoKind,
}

/// What a video belongs to: each holds one at the most.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VideoOwner {
    Vacancy(i64),
    Fair(i64),
    /// A company's stand at a fair.
    Stand(i64),
}

impl VideoOwner {
    /// The column of `sign_videos` that names it, and the table it is a row of. Fixed words,
    /// never anything typed: safe to write into the SQL.
    pub(crate) fn column_and_table(self) -> (&'static str, &'static str) {
        match self {
            VideoOwner::Vacancy(_) => ("vacancy_id", "vacancies"),
            VideoOwner::Fair(_) => ("fair_id", "fairs"),
            VideoOwner::Stand(_) => ("stand_id", "fair_stands"),
        }
    }

    pub fn id(self) -> i64 {
        match self {
            VideoOwner::Vacancy(id) | VideoOwner::Fair(id) | VideoOwner::Stand(id) => id,
        }
    }

    /// A name for its upload slot, unique among every owner's: a good video waiting for the
    /// form's second try is kept under it.
    pub fn slot(self) -> String {
        match self {
            VideoOwner::Vacancy(id) => id.to_string(),
            VideoOwner::Fair(id) => format!("fair-{id}"),
            VideoOwner::Stand(id) => format!("stand-{id}"),
        }
    }
}

#[async_trait]
pub trait SignVideoStore: Send + Sync + 'static {
    /// The owner's video, as its page shows it.
    async fn sign_video(&self, owner: VideoOwner) -> DbResult<Option<SignVideo>>;

    /// Where the file of the owner's video is.
    async fn sign_video_file(&self, owner: VideoOwner) -> DbResult<Option<VideoFile>>;

    /// The captions of the owner's video.
    async fn sign_video_captions(&self, owner: VideoOwner) -> DbResult<Option<String>>;

    /// Makes `video` the owner's video; returns the media key of the one it replaces, for the
    /// caller to delete. An owner that does not exist is `NotFound`.
    async fn attach_sign_video(&self, owner: VideoOwner, video: &NewSignVideo) -> DbResult<Option<String>>;

    /// Takes the owner's video away; returns its media key, for the caller to delete.
    async fn remove_sign_video(&self, owner: VideoOwner) -> DbResult<Option<String>>;
}

/// A row of `sign_videos` as pages read it.
#[derive(sqlx::FromRow)]
pub(crate) struct VideoRow {
    pub id: i64,
    pub kind: String,
    pub bytes: i64,
    pub transcript: String,
    pub uploaded_at: i64,
}

impl VideoRow {
    pub(crate) fn into_video(self) -> Option<SignVideo> {
        Some(SignVideo {
            version: self.id,
            kind: VideoKind::from_mime(&self.kind)?,
            bytes: self.bytes,
            transcript: self.transcript,
            uploaded_at: self.uploaded_at,
        })
    }
}

macro_rules! impl_sign_video_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::media::store::SignVideoStore for $store {
            async fn sign_video(
                &self,
                owner: $crate::media::store::VideoOwner,
            ) -> $crate::server::db::DbResult<Option<$crate::media::SignVideo>> {
                let (column, _) = owner.column_and_table();
                let row: Option<$crate::media::store::VideoRow> = sqlx::query_as(&format!(
                    "SELECT id, kind, bytes, transcript, uploaded_at FROM sign_videos WHERE {column} = $1"
                ))
                .bind(owner.id())
                .fetch_optional(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(row.and_then(|row| row.into_video()))
            }

            async fn sign_video_file(
                &self,
                owner: $crate::media::store::VideoOwner,
            ) -> $crate::server::db::DbResult<Option<$crate::media::store::VideoFile>> {
                let (column, _) = owner.column_and_table();
                let row: Option<(i64, String, String)> =
                    sqlx::query_as(&format!("SELECT id, media_key, kind FROM sign_videos WHERE {column} = $1"))
                        .bind(owner.id())
                        .fetch_optional(self.pool())
                        .await
                        .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(row.and_then(|(version, media_key, kind)| {
                    let kind = $crate::media::VideoKind::from_mime(&kind)?;
                    Some($crate::media::store::VideoFile { version, media_key, kind })
                }))
            }

            async fn sign_video_captions(
                &self,
                owner: $crate::media::store::VideoOwner,
            ) -> $crate::server::db::DbResult<Option<String>> {
                let (column, _) = owner.column_and_table();
                sqlx::query_scalar(&format!("SELECT captions FROM sign_videos WHERE {column} = $1"))
                    .bind(owner.id())
                    .fetch_optional(self.pool())
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn attach_sign_video(
                &self,
                owner: $crate::media::store::VideoOwner,
                video: &$crate::media::store::NewSignVideo,
            ) -> $crate::server::db::DbResult<Option<String>> {
                use $crate::server::db::DbError;
                let (column, table) = owner.column_and_table();
                let mut tx = self.begin_write().await?;
                let exists: Option<i64> = sqlx::query_scalar(&format!("SELECT id FROM {table} WHERE id = $1"))
                    .bind(owner.id())
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                if exists.is_none() {
                    return Err(DbError::NotFound);
                }
                let replaced: Option<String> =
                    sqlx::query_scalar(&format!("DELETE FROM sign_videos WHERE {column} = $1 RETURNING media_key"))
                        .bind(owner.id())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                sqlx::query(&format!(
                    "INSERT INTO sign_videos \
                     ({column}, media_key, kind, bytes, captions, transcript, uploaded_by, uploaded_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
                ))
                .bind(owner.id())
                .bind(&video.media_key)
                .bind(video.kind.mime())
                .bind(video.bytes)
                .bind(&video.captions)
                .bind(&video.transcript)
                .bind(video.uploaded_by)
                .bind(video.uploaded_at)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(replaced)
            }

            async fn remove_sign_video(
                &self,
                owner: $crate::media::store::VideoOwner,
            ) -> $crate::server::db::DbResult<Option<String>> {
                use $crate::server::db::DbError;
                let (column, _) = owner.column_and_table();
                let mut tx = self.begin_write().await?;
                let removed: Option<String> =
                    sqlx::query_scalar(&format!("DELETE FROM sign_videos WHERE {column} = $1 RETURNING media_key"))
                        .bind(owner.id())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(removed)
            }
        }
    };
}
pub(crate) use impl_sign_video_store;
