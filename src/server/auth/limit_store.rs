//! Storage of rate-limit counters, shared by every app server.

use crate::server::db::DbResult;
use async_trait::async_trait;

#[async_trait]
pub trait LimitStore: Send + Sync + 'static {
    /// Counts one attempt in `bucket` for the window starting at `window_start` and returns
    /// the attempts in that window so far, this one included. A new window starts at 1.
    async fn hit(&self, bucket: &str, window_start: i64) -> DbResult<i64>;

    /// The attempts in `bucket` in the window starting at `window_start`, without counting one.
    async fn hits(&self, bucket: &str, window_start: i64) -> DbResult<i64>;
}

macro_rules! impl_limit_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::server::auth::limit_store::LimitStore for $store {
            async fn hit(&self, bucket: &str, window_start: i64) -> $crate::server::db::DbResult<i64> {
                // One statement, so concurrent attempts on any server each count once.
                sqlx::query_scalar(
                    "INSERT INTO rate_limits (bucket, window_start, hits) VALUES ($1, $2, 1) \
                     ON CONFLICT (bucket) DO UPDATE SET \
                       hits = CASE WHEN rate_limits.window_start = excluded.window_start \
                                   THEN rate_limits.hits + 1 ELSE 1 END, \
                       window_start = excluded.window_start \
                     RETURNING hits",
                )
                .bind(bucket)
                .bind(window_start)
                .fetch_one(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn hits(&self, bucket: &str, window_start: i64) -> $crate::server::db::DbResult<i64> {
                let hits: Option<i64> =
                    sqlx::query_scalar("SELECT hits FROM rate_limits WHERE bucket = $1 AND window_start = $2")
                        .bind(bucket)
                        .bind(window_start)
                        .fetch_optional(self.pool())
                        .await
                        .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(hits.unwrap_or(0))
            }
        }
    };
}
pub(crate) use impl_limit_store;
