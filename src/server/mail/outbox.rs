//! Storage of outgoing mail: the outbox every message passes through.
//!
//! A message's body holds what must not outlive its delivery — reset, invitation and
//! confirmation links, names, addresses — and a database backup keeps whatever the table
//! holds. So the body is blanked once the message is delivered or given up (the row stays, to
//! say what was sent to whom and when), and the row itself goes after `SENDA_MAIL_KEPT_DAYS`
//! (`Maintenance::purge_expired`). Messages still waiting are never purged.

use crate::server::db::DbResult;
use crate::server::mail::{OutgoingMail, QueuedMail};
use async_trait::async_trait;

#[async_trait]
pub trait OutboxStore: Send + Sync + 'static {
    /// Queues one message on its own (when there is no other change to commit with it).
    async fn queue_mail(&self, mail: &OutgoingMail, now: i64) -> DbResult<i64>;

    /// Claims the oldest unsent message due now, for `lease_secs`: another sender (another
    /// app server) skips it meanwhile, and takes it up again if this one dies.
    async fn claim_mail(&self, now: i64, lease_secs: i64) -> DbResult<Option<QueuedMail>>;

    /// Marks a message delivered (or given up: `via` says which) and blanks its body.
    async fn mark_mail_sent(&self, id: i64, via: &str, now: i64) -> DbResult<()>;

    /// Every message to `address`, oldest first: for tests and for development without SMTP.
    async fn mail_to(&self, address: &str) -> DbResult<Vec<QueuedMail>>;
}

pub(crate) const INSERT_MAIL: &str = "INSERT INTO outbox (to_address, subject, body, unsubscribe_url, created_at, \
     next_attempt_at, attachment_name, attachment, thread) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";

/// The columns of a queued message, as [`QueuedMail`] reads them.
pub(crate) const QUEUED_COLUMNS: &str =
    "id, to_address, subject, body, created_at, attempts, sent_at, sent_via, unsubscribe_url, attachment_name, attachment";

/// Withdraws a thread's messages no sender has taken yet (a cancelled booking's reminders).
pub(crate) const WITHDRAW_THREAD: &str = "DELETE FROM outbox WHERE thread = $1 AND sent_at IS NULL AND attempts = 0";

/// The insert of one message, bound and ready to run in the transaction of the change it
/// tells about.
macro_rules! insert_mail {
    ($mail:expr, $now:expr) => {
        sqlx::query_scalar::<_, i64>($crate::server::mail::outbox::INSERT_MAIL)
            .bind(&$mail.to)
            .bind(&$mail.subject)
            .bind(&$mail.body)
            .bind(&$mail.unsubscribe)
            .bind($now)
            .bind($mail.send_at.unwrap_or($now).max($now))
            .bind($mail.calendar.as_ref().map(|file| file.name.as_str()))
            .bind($mail.calendar.as_ref().map(|file| file.content.as_str()))
            .bind(&$mail.thread)
    };
}

/// Queues each of `mails` (an `Option`, a list) in the transaction `tx` of the change they
/// tell about: the change and its messages are stored together, or neither is.
macro_rules! queue_in {
    ($tx:expr, $mails:expr, $now:expr) => {
        for mail in ::std::iter::IntoIterator::into_iter($mails) {
            $crate::server::mail::outbox::insert_mail!(mail, $now)
                .fetch_one(&mut *$tx)
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
        }
    };
}

/// Withdraws, in the transaction `tx`, the unsent messages of `thread`: what they told of was
/// undone in the same transaction.
macro_rules! withdraw_in {
    ($tx:expr, $thread:expr) => {
        sqlx::query($crate::server::mail::outbox::WITHDRAW_THREAD)
            .bind($thread)
            .execute(&mut *$tx)
            .await
            .map_err($crate::server::db::DbError::from_sqlx)?;
    };
}

/// Ends a transaction whose one guarded write (`done`, an `UPDATE … WHERE` the state still
/// allows) may have found nothing to change: then nothing is kept and the answer is `false`;
/// otherwise its messages are queued in it and it commits, answering `true`.
macro_rules! commit_once_with_mail {
    ($tx:expr, $done:expr, $mails:expr, $now:expr) => {{
        if $done.rows_affected() != 1 {
            return Ok(false);
        }
        $crate::server::mail::outbox::queue_in!($tx, $mails, $now);
        $tx.commit().await.map_err($crate::server::db::DbError::from_sqlx)?;
        Ok(true)
    }};
}

macro_rules! impl_outbox_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::server::mail::outbox::OutboxStore for $store {
            async fn queue_mail(
                &self,
                mail: &$crate::server::mail::OutgoingMail,
                now: i64,
            ) -> $crate::server::db::DbResult<i64> {
                $crate::server::mail::outbox::insert_mail!(mail, now)
                    .fetch_one(self.pool())
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn claim_mail(
                &self,
                now: i64,
                lease_secs: i64,
            ) -> $crate::server::db::DbResult<Option<$crate::server::mail::QueuedMail>> {
                // The outer `next_attempt_at <= $1` is checked again on the locked row, so of
                // two servers racing for one message only the first gets it.
                sqlx::query_as(&format!(
                    "UPDATE outbox SET next_attempt_at = $2, attempts = attempts + 1 \
                     WHERE id = (SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= $1 \
                                 ORDER BY next_attempt_at, id LIMIT 1) \
                       AND sent_at IS NULL AND next_attempt_at <= $1 \
                     RETURNING {}",
                    $crate::server::mail::outbox::QUEUED_COLUMNS
                ))
                .bind(now)
                .bind(now + lease_secs)
                .fetch_optional(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn mark_mail_sent(&self, id: i64, via: &str, now: i64) -> $crate::server::db::DbResult<()> {
                sqlx::query(
                    "UPDATE outbox SET sent_at = $1, sent_via = $2, body = '', attachment = NULL WHERE id = $3",
                )
                .bind(now)
                .bind(via)
                .bind(id)
                .execute(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(())
            }

            async fn mail_to(
                &self,
                address: &str,
            ) -> $crate::server::db::DbResult<Vec<$crate::server::mail::QueuedMail>> {
                sqlx::query_as(&format!(
                    "SELECT {} FROM outbox WHERE to_address = $1 ORDER BY id",
                    $crate::server::mail::outbox::QUEUED_COLUMNS
                ))
                .bind(address)
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }
        }
    };
}
pub(crate) use {commit_once_with_mail, impl_outbox_store, insert_mail, queue_in, withdraw_in};
