//! Storage of stands' live chats. Each write checks in its own statement (or transaction) who
//! may make it and that the conversation and its fair still allow it; a person's opening runs
//! one at a time (their account row held), so two tabs opening at once share one conversation.

use super::rules::ChatRefusal;
use crate::server::db::DbResult;
use async_trait::async_trait;

pub(crate) use super::stored::ChatRow;
pub use super::stored::{ChatHandover, ChatOpened, NewChatMessage, StoredChat, StoredChatMessage};

#[async_trait]
pub trait ChatStore: Send + Sync + 'static {
    /// Opens a conversation at the stand for the person with its first message — or adds the
    /// message to the one they have in force there — if, at `now`, the stand is accepted at a
    /// published fair that is running and the company has not blocked them; nothing written
    /// otherwise.
    async fn open_chat(
        &self,
        stand_id: i64,
        account_id: i64,
        first: &str,
        now: i64,
    ) -> DbResult<Result<ChatOpened, ChatRefusal>>;

    /// Adds a message to a conversation in force while its fair runs: the job seeker's own, or
    /// the representative's who has taken it (while still one of the company's), with the
    /// slot it offers free, ahead and of the stand; `None`, nothing written, otherwise.
    async fn post_chat_message(&self, message: &NewChatMessage<'_>, now: i64) -> DbResult<Option<i64>>;

    /// Gives a conversation in force at stand `stand_id` to representative `to` (taking it from
    /// the queue, or handing it over) if `to` is one of the stand's company's and it is still
    /// with `from` (`None`: waiting) — so of two taking it at once, one does; false otherwise.
    async fn assign_chat(&self, handover: &ChatHandover, now: i64) -> DbResult<bool>;

    /// Ends a conversation in force, by its job seeker or one of the company's representatives;
    /// false otherwise.
    async fn close_chat(&self, conversation_id: i64, by: i64, now: i64) -> DbResult<bool>;

    /// A representative of the stand's company ends the conversation and blocks its job seeker
    /// from chatting at the stand again; false, nothing written, otherwise.
    async fn block_in_chat(&self, conversation_id: i64, by: i64, now: i64) -> DbResult<bool>;

    async fn chat(&self, conversation_id: i64) -> DbResult<Option<StoredChat>>;

    /// The conversation has ended, or is gone with its fair's other records.
    async fn chat_over(&self, conversation_id: i64) -> DbResult<bool>;

    /// The person's conversation in force at a stand.
    async fn person_chat(&self, stand_id: i64, account_id: i64) -> DbResult<Option<StoredChat>>;

    /// A stand's conversations in force, the oldest first (the queue's order).
    async fn stand_chats(&self, stand_id: i64) -> DbResult<Vec<StoredChat>>;

    /// A stand's ended conversations still kept, the oldest first: all of them, for its company
    /// to follow up with the people it met, or one person's, for them to read again.
    async fn ended_chats(&self, stand_id: i64, person: Option<i64>) -> DbResult<Vec<StoredChat>>;

    /// How many of a stand's conversations wait in its queue: all of them, or only those ahead
    /// of the waiting conversation `ahead_of` (its `(opened_at, id)`: the queue's order).
    async fn chats_waiting(&self, stand_id: i64, ahead_of: Option<(i64, i64)>) -> DbResult<i64>;

    /// Whether the stand's company has blocked the person from chatting there.
    async fn chat_blocked(&self, stand_id: i64, account_id: i64) -> DbResult<bool>;

    /// A conversation's messages after message `after` (0: all), in order.
    async fn chat_messages(&self, conversation_id: i64, after: i64) -> DbResult<Vec<StoredChatMessage>>;
}

/// The columns of a conversation, in the order [`ChatRow`] reads them, `c` the conversation.
pub(crate) const CHAT_SELECT: &str = "SELECT c.id, c.stand_id, s.company_id, s.fair_id, c.account_id, \
     p.name AS seeker_name, c.status, c.taken_by, t.name AS taker_name, c.opened_at, c.taken_at, c.closed_at \
     FROM booth_conversations c JOIN fair_stands s ON s.id = c.stand_id JOIN accounts p ON p.id = c.account_id \
     LEFT JOIN accounts t ON t.id = c.taken_by";

/// `$n` is one of the company's representatives at the conversation's stand.
macro_rules! company_member {
    ($account:literal) => {
        concat!(
            "EXISTS (SELECT 1 FROM fair_stands ms JOIN account_roles mr ON mr.company_id = ms.company_id \
             WHERE ms.id = booth_conversations.stand_id AND mr.role = 'employer' AND mr.account_id = ",
            $account,
            ")"
        )
    };
}
pub(crate) use company_member;

/// Stand `$stand` is accepted at a published fair running at `$now`: where people chat.
macro_rules! stand_live {
    ($stand:literal, $now:literal) => {
        concat!(
            $stand,
            " IN (SELECT ls.id FROM fair_stands ls JOIN fairs lf ON lf.id = ls.fair_id \
             WHERE ls.status = 'accepted' AND lf.status = 'published' AND lf.starts_at <= ",
            $now,
            " AND lf.ends_at > ",
            $now,
            ")"
        )
    };
}
pub(crate) use stand_live;

/// The conversation's fair is running at `$n`.
macro_rules! chat_live {
    ($now:literal) => {
        $crate::fairs::stands::chat::store::stand_live!("booth_conversations.stand_id", $now)
    };
}
pub(crate) use chat_live;

macro_rules! impl_chat_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::fairs::stands::chat::store::ChatStore for $store {
            async fn open_chat(
                &self,
                stand_id: i64,
                account_id: i64,
                first: &str,
                now: i64,
            ) -> $crate::server::db::DbResult<
                Result<$crate::fairs::stands::chat::store::ChatOpened, $crate::fairs::stands::chat::rules::ChatRefusal>,
            > {
                use $crate::fairs::stands::chat::rules::ChatRefusal;
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                // The person's openings run one at a time: a second tab finds the first's.
                $crate::server::db::hold_account!($store, tx, account_id);
                let live: Option<i64> = sqlx::query_scalar(concat!(
                    "SELECT id FROM fair_stands WHERE id = $1 AND ",
                    $crate::fairs::stands::chat::store::stand_live!("fair_stands.id", "$2")
                ))
                .bind(stand_id)
                .bind(now)
                .fetch_optional(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if live.is_none() {
                    return Ok(Err(ChatRefusal::NotLive));
                }
                let blocked: Option<i64> =
                    sqlx::query_scalar("SELECT stand_id FROM booth_blocks WHERE stand_id = $1 AND account_id = $2")
                        .bind(stand_id)
                        .bind(account_id)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                if blocked.is_some() {
                    return Ok(Err(ChatRefusal::Blocked));
                }
                let current: Option<i64> = sqlx::query_scalar(
                    "SELECT id FROM booth_conversations WHERE stand_id = $1 AND account_id = $2 AND status <> 'closed'",
                )
                .bind(stand_id)
                .bind(account_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                let conversation_id = match current {
                    Some(id) => id,
                    None => {
                        // The visit outlives the chat, deleted some time after the fair: the
                        // fair's outcomes count it.
                        sqlx::query(
                            "INSERT INTO stand_visits (stand_id, account_id, conversations, first_at) \
                             VALUES ($1, $2, 1, $3) ON CONFLICT (stand_id, account_id) \
                             DO UPDATE SET conversations = stand_visits.conversations + 1",
                        )
                        .bind(stand_id)
                        .bind(account_id)
                        .bind(now)
                        .execute(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                        sqlx::query_scalar(
                            "INSERT INTO booth_conversations (stand_id, account_id, status, opened_at) \
                             VALUES ($1, $2, 'waiting', $3) RETURNING id",
                        )
                        .bind(stand_id)
                        .bind(account_id)
                        .bind(now)
                        .fetch_one(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?
                    }
                };
                let message_id: i64 = sqlx::query_scalar(
                    "INSERT INTO booth_messages (conversation_id, author_id, from_company, body, sent_at) \
                     VALUES ($1, $2, FALSE, $3, $4) RETURNING id",
                )
                .bind(conversation_id)
                .bind(account_id)
                .bind(first)
                .bind(now)
                .fetch_one(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(Ok($crate::fairs::stands::chat::store::ChatOpened { conversation_id, message_id }))
            }

            async fn post_chat_message(
                &self,
                message: &$crate::fairs::stands::chat::store::NewChatMessage<'_>,
                now: i64,
            ) -> $crate::server::db::DbResult<Option<i64>> {
                use $crate::fairs::stands::chat::store::{chat_live, company_member};
                // Who may write: the person, or the company's representative who has it.
                let sql = if message.from_company {
                    concat!(
                        "INSERT INTO booth_messages (conversation_id, author_id, from_company, body, sent_at, slot_id) \
                         SELECT id, $2, TRUE, $3, $4, $5 FROM booth_conversations \
                         WHERE id = $1 AND status = 'open' AND taken_by = $2 AND ",
                        company_member!("$2"),
                        " AND ",
                        chat_live!("$4"),
                        // An offer is of a free slot of this stand, ahead.
                        " AND ($5 IS NULL OR EXISTS (SELECT 1 FROM interview_slots os WHERE os.id = $5 \
                         AND os.stand_id = booth_conversations.stand_id AND os.status = 'open' AND os.starts_at > $4 \
                         AND NOT EXISTS (SELECT 1 FROM slot_bookings ob WHERE ob.slot_id = os.id AND ob.status = 'booked'))) \
                         RETURNING id"
                    )
                } else {
                    concat!(
                        "INSERT INTO booth_messages (conversation_id, author_id, from_company, body, sent_at) \
                         SELECT id, $2, FALSE, $3, $4 FROM booth_conversations \
                         WHERE id = $1 AND status <> 'closed' AND account_id = $2 AND ",
                        chat_live!("$4"),
                        " RETURNING id"
                    )
                };
                let query =
                    sqlx::query_scalar(sql).bind(message.conversation_id).bind(message.author_id).bind(message.body);
                let query = query.bind(now);
                let query = if message.from_company { query.bind(message.offer) } else { query };
                query.fetch_optional(self.pool()).await.map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn assign_chat(
                &self,
                handover: &$crate::fairs::stands::chat::store::ChatHandover,
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::fairs::stands::chat::store::{chat_live, company_member};
                // Account ids start at 1: 0 stands for "nobody has it".
                let done = sqlx::query(concat!(
                    "UPDATE booth_conversations SET status = 'open', taken_by = $3, taken_at = $4 \
                     WHERE id = $1 AND stand_id = $2 AND status <> 'closed' \
                       AND COALESCE(taken_by, 0) = $5 AND $5 <> $3 AND ",
                    company_member!("$3"),
                    " AND ",
                    chat_live!("$4")
                ))
                .bind(handover.conversation_id)
                .bind(handover.stand_id)
                .bind(handover.to)
                .bind(now)
                .bind(handover.from.unwrap_or(0))
                .execute(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(done.rows_affected() == 1)
            }

            async fn close_chat(&self, conversation_id: i64, by: i64, now: i64) -> $crate::server::db::DbResult<bool> {
                use $crate::fairs::stands::chat::store::company_member;
                let done = sqlx::query(concat!(
                    "UPDATE booth_conversations SET status = 'closed', closed_at = $3, closed_by = $2 \
                     WHERE id = $1 AND status <> 'closed' AND (account_id = $2 OR ",
                    company_member!("$2"),
                    ")"
                ))
                .bind(conversation_id)
                .bind(by)
                .bind(now)
                .execute(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(done.rows_affected() == 1)
            }

            async fn block_in_chat(&self, conversation_id: i64, by: i64, now: i64) -> $crate::server::db::DbResult<bool> {
                use $crate::fairs::stands::chat::store::company_member;
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let closed: Option<(i64, i64)> = sqlx::query_as(concat!(
                    "UPDATE booth_conversations SET status = 'closed', closed_at = $3, closed_by = $2 \
                     WHERE id = $1 AND status <> 'closed' AND ",
                    company_member!("$2"),
                    " RETURNING stand_id, account_id"
                ))
                .bind(conversation_id)
                .bind(by)
                .bind(now)
                .fetch_optional(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                let Some((stand_id, account_id)) = closed else { return Ok(false) };
                sqlx::query(
                    "INSERT INTO booth_blocks (stand_id, account_id, blocked_by, blocked_at) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (stand_id, account_id) DO NOTHING",
                )
                .bind(stand_id)
                .bind(account_id)
                .bind(by)
                .bind(now)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }

            async fn chat(
                &self,
                conversation_id: i64,
            ) -> $crate::server::db::DbResult<Option<$crate::fairs::stands::chat::store::StoredChat>> {
                Ok(self.chat_list("c.id = $1", conversation_id, None).await?.pop())
            }

            async fn chat_over(&self, conversation_id: i64) -> $crate::server::db::DbResult<bool> {
                let status: Option<String> = sqlx::query_scalar("SELECT status FROM booth_conversations WHERE id = $1")
                    .bind(conversation_id)
                    .fetch_optional(self.pool())
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(status.is_none_or(|status| status == "closed"))
            }

            async fn person_chat(
                &self,
                stand_id: i64,
                account_id: i64,
            ) -> $crate::server::db::DbResult<Option<$crate::fairs::stands::chat::store::StoredChat>> {
                let condition = "c.stand_id = $1 AND c.account_id = $2 AND c.status <> 'closed'";
                Ok(self.chat_list(condition, stand_id, Some(account_id)).await?.pop())
            }

            async fn stand_chats(
                &self,
                stand_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::fairs::stands::chat::store::StoredChat>> {
                self.chat_list("c.stand_id = $1 AND c.status <> 'closed'", stand_id, None).await
            }

            async fn ended_chats(
                &self,
                stand_id: i64,
                person: Option<i64>,
            ) -> $crate::server::db::DbResult<Vec<$crate::fairs::stands::chat::store::StoredChat>> {
                let whose = if person.is_some() { " AND c.account_id = $2" } else { "" };
                self.chat_list(&format!("c.stand_id = $1 AND c.status = 'closed'{whose}"), stand_id, person).await
            }

            async fn chats_waiting(
                &self,
                stand_id: i64,
                ahead_of: Option<(i64, i64)>,
            ) -> $crate::server::db::DbResult<i64> {
                // Nothing named: behind the end of the queue, so everyone waiting counts.
                let (opened_at, id) = ahead_of.unwrap_or((i64::MAX, i64::MAX));
                sqlx::query_scalar(
                    "SELECT COUNT(*) FROM booth_conversations WHERE stand_id = $1 AND status = 'waiting' \
                     AND (opened_at < $2 OR (opened_at = $2 AND id < $3))",
                )
                .bind(stand_id)
                .bind(opened_at)
                .bind(id)
                .fetch_one(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn chat_blocked(&self, stand_id: i64, account_id: i64) -> $crate::server::db::DbResult<bool> {
                let found: Option<i64> =
                    sqlx::query_scalar("SELECT stand_id FROM booth_blocks WHERE stand_id = $1 AND account_id = $2")
                        .bind(stand_id)
                        .bind(account_id)
                        .fetch_optional(self.pool())
                        .await
                        .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(found.is_some())
            }

            async fn chat_messages(
                &self,
                conversation_id: i64,
                after: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::fairs::stands::chat::store::StoredChatMessage>> {
                sqlx::query_as(
                    "SELECT m.id, m.conversation_id, m.author_id, COALESCE(a.name, '') AS author_name, \
                     m.from_company, m.body, m.sent_at, os.id AS offer FROM booth_messages m \
                     LEFT JOIN accounts a ON a.id = m.author_id \
                     LEFT JOIN interview_slots os ON os.id = m.slot_id AND os.status = 'open' \
                     WHERE m.conversation_id = $1 AND m.id > $2 ORDER BY m.id",
                )
                .bind(conversation_id)
                .bind(after)
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }
        }

        impl $store {
            /// The conversations `condition` picks (`$1`: `first`, `$2`: the account), oldest first.
            async fn chat_list(
                &self,
                condition: &str,
                first: i64,
                account_id: Option<i64>,
            ) -> $crate::server::db::DbResult<Vec<$crate::fairs::stands::chat::store::StoredChat>> {
                use $crate::fairs::stands::chat::store::{ChatRow, CHAT_SELECT};
                let sql = format!("{CHAT_SELECT} WHERE {condition} ORDER BY c.opened_at, c.id");
                let mut query = sqlx::query_as::<_, ChatRow>(&sql).bind(first);
                if let Some(account_id) = account_id {
                    query = query.bind(account_id);
                }
                let rows = query.fetch_all(self.pool()).await.map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(rows.into_iter().filter_map(ChatRow::into_chat).collect())
            }
        }
    };
}
pub(crate) use impl_chat_store;
