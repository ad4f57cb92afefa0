//! Storage of interview slots: publishing a block (which holds the interviewer's account row,
//! [`EngineStore::ROW_LOCK`], so their blocks are published one after another, each seeing the
//! ones before it), withdrawing one with its booking, and reading them with their bookings.
//! Booking is `booking_store.rs`.
//!
//! [`EngineStore::ROW_LOCK`]: crate::server::db::EngineStore::ROW_LOCK

use super::rules::Span;
use super::SlotMode;
use crate::server::db::DbResult;
use crate::server::mail::OutgoingMail;
use async_trait::async_trait;

/// A block of slots as a representative publishes it (already checked).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewSlots {
    pub stand_id: i64,
    /// Who interviews: an employer account of the stand's company.
    pub interviewer_id: i64,
    pub spans: Vec<Span>,
    pub mode: SlotMode,
    pub by: i64,
}

/// The booking in force of a slot, with its person. Never sent as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredBooking {
    pub id: i64,
    pub account_id: i64,
    pub name: String,
    pub email: String,
    pub booked_at: i64,
    pub room_url: String,
    pub phone: String,
    pub share_needs: bool,
    /// The interviewer said the person did not come.
    pub no_show: bool,
}

/// A slot in force with its interviewer and its booking, if any. Never sent as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredSlot {
    pub id: i64,
    pub stand_id: i64,
    pub interviewer_id: i64,
    pub interviewer_name: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub buffer_minutes: i64,
    pub mode: SlotMode,
    pub booking: Option<StoredBooking>,
}

/// The message to the person whose booking a withdrawn slot cancels, made from the booking.
pub type WithdrawMail<'a> = &'a (dyn Fn(&StoredBooking) -> OutgoingMail + Send + Sync);

#[async_trait]
pub trait SlotStore: Send + Sync + 'static {
    /// Publishes the block if, at `now`, the stand is in force at a fair not over, every slot
    /// falls within the fair's hours and is ahead, the interviewer acts for the stand's company
    /// and no slot clashes with one of theirs in force; `None` otherwise, nothing written.
    async fn publish_slots(&self, slots: &NewSlots, now: i64) -> DbResult<Option<Vec<i64>>>;

    /// Withdraws slot `slot_id` of stand `stand_id` if it is in force and ahead at `now`; its
    /// booking, if any, is cancelled, its reminders withdrawn and its person told (`tell`);
    /// false, nothing written, otherwise.
    async fn withdraw_slot(&self, slot_id: i64, stand_id: i64, now: i64, tell: WithdrawMail<'_>) -> DbResult<bool>;

    /// Says whether the person booked in slot `slot_id` of stand `stand_id`, over at `now`,
    /// did not come; false, nothing written, when no such interview was booked or it is not over.
    async fn mark_no_show(&self, slot_id: i64, stand_id: i64, no_show: bool, now: i64) -> DbResult<bool>;

    /// A stand's slots in force, soonest first, each with its booking.
    async fn stand_slots(&self, stand_id: i64) -> DbResult<Vec<StoredSlot>>;

    /// One slot in force.
    async fn slot(&self, slot_id: i64) -> DbResult<Option<StoredSlot>>;

    /// An interviewer's slots in force, at any stand: what a new block must not clash with.
    async fn interviewer_spans(&self, account_id: i64) -> DbResult<Vec<Span>>;
}

/// The columns of a slot with its booking in force, `sl` the slot, `i` its interviewer, `b`
/// the booking and `p` its person.
pub(crate) const SLOT_SELECT: &str = "SELECT sl.id, sl.stand_id, sl.interviewer_id, i.name AS interviewer_name, \
     sl.starts_at, sl.ends_at, sl.buffer_minutes, sl.mode, b.id AS booking_id, b.account_id AS booking_account, \
     p.name AS person_name, p.email AS person_email, b.booked_at, b.room_url, b.phone, b.share_needs, \
     b.no_show FROM interview_slots sl JOIN accounts i ON i.id = sl.interviewer_id \
     LEFT JOIN slot_bookings b ON b.slot_id = sl.id AND b.status = 'booked' \
     LEFT JOIN accounts p ON p.id = b.account_id";

#[derive(sqlx::FromRow)]
pub(crate) struct SlotRow {
    id: i64,
    stand_id: i64,
    interviewer_id: i64,
    interviewer_name: String,
    starts_at: i64,
    ends_at: i64,
    buffer_minutes: i64,
    mode: String,
    booking_id: Option<i64>,
    booking_account: Option<i64>,
    person_name: Option<String>,
    person_email: Option<String>,
    booked_at: Option<i64>,
    room_url: Option<String>,
    phone: Option<String>,
    share_needs: Option<bool>,
    no_show: Option<bool>,
}

impl SlotRow {
    /// The slot; a mode this build does not know leaves it out rather than misread.
    pub(crate) fn into_slot(self) -> Option<StoredSlot> {
        let booking = match (self.booking_id, self.booking_account) {
            (Some(id), Some(account_id)) => Some(StoredBooking {
                id,
                account_id,
                name: self.person_name.unwrap_or_default(),
                email: self.person_email.unwrap_or_default(),
                booked_at: self.booked_at.unwrap_or_default(),
                room_url: self.room_url.unwrap_or_default(),
                phone: self.phone.unwrap_or_default(),
                share_needs: self.share_needs.unwrap_or(false),
                no_show: self.no_show.unwrap_or(false),
            }),
            _ => None,
        };
        Some(StoredSlot {
            id: self.id,
            stand_id: self.stand_id,
            interviewer_id: self.interviewer_id,
            interviewer_name: self.interviewer_name,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            buffer_minutes: self.buffer_minutes,
            mode: SlotMode::from_code(&self.mode)?,
            booking,
        })
    }
}

macro_rules! impl_slot_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::fairs::stands::slots::store::SlotStore for $store {
            async fn publish_slots(
                &self,
                slots: &$crate::fairs::stands::slots::store::NewSlots,
                now: i64,
            ) -> $crate::server::db::DbResult<Option<Vec<i64>>> {
                use $crate::fairs::stands::slots::rules::Span;
                use $crate::server::db::DbError;
                let (Some(first), Some(last)) = (slots.spans.first(), slots.spans.last()) else {
                    return Ok(None);
                };
                let mut tx = self.begin_write().await?;
                // The interviewer's publishing runs one at a time: each sees the slots before it.
                $crate::server::db::hold_account!($store, tx, slots.interviewer_id);
                let open: Option<i64> = sqlx::query_scalar(
                    "SELECT s.id FROM fair_stands s JOIN fairs f ON f.id = s.fair_id \
                     WHERE s.id = $1 AND s.status IN ('asked', 'accepted') AND f.status = 'published' \
                       AND f.ends_at > $2 AND $3 >= f.starts_at AND $4 <= f.ends_at AND $3 > $2 \
                       AND EXISTS (SELECT 1 FROM account_roles r WHERE r.account_id = $5 \
                                   AND r.role = 'employer' AND r.company_id = s.company_id)",
                )
                .bind(slots.stand_id)
                .bind(now)
                .bind(first.starts_at)
                .bind(last.ends_at)
                .bind(slots.interviewer_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if open.is_none() {
                    return Ok(None);
                }
                let theirs: Vec<(i64, i64, i64)> = sqlx::query_as(
                    "SELECT starts_at, ends_at, buffer_minutes FROM interview_slots \
                     WHERE interviewer_id = $1 AND status = 'open' AND ends_at > $2",
                )
                .bind(slots.interviewer_id)
                .bind(now - 86_400)
                .fetch_all(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                let clash = slots.spans.iter().any(|span| {
                    theirs.iter().any(|&(starts_at, ends_at, buffer)| {
                        span.clashes(&Span { starts_at, ends_at, buffer: buffer * 60 })
                    })
                });
                if clash {
                    return Ok(None);
                }
                let mut ids = Vec::with_capacity(slots.spans.len());
                for span in &slots.spans {
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO interview_slots (stand_id, interviewer_id, starts_at, ends_at, buffer_minutes, \
                         mode, status, published_by, published_at) VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8) \
                         RETURNING id",
                    )
                    .bind(slots.stand_id)
                    .bind(slots.interviewer_id)
                    .bind(span.starts_at)
                    .bind(span.ends_at)
                    .bind(span.buffer / 60)
                    .bind(slots.mode.code())
                    .bind(slots.by)
                    .bind(now)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                    ids.push(id);
                }
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(Some(ids))
            }

            async fn withdraw_slot(
                &self,
                slot_id: i64,
                stand_id: i64,
                now: i64,
                tell: $crate::fairs::stands::slots::store::WithdrawMail<'_>,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::fairs::stands::slots::store::SlotRow;
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE interview_slots SET status = 'withdrawn' \
                     WHERE id = $1 AND stand_id = $2 AND status = 'open' AND starts_at > $3",
                )
                .bind(slot_id)
                .bind(stand_id)
                .bind(now)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if done.rows_affected() != 1 {
                    return Ok(false);
                }
                let row: Option<SlotRow> = sqlx::query_as(&format!(
                    "{} WHERE sl.id = $1",
                    $crate::fairs::stands::slots::store::SLOT_SELECT
                ))
                .bind(slot_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if let Some(booking) = row.and_then(SlotRow::into_slot).and_then(|slot| slot.booking) {
                    sqlx::query(
                        "UPDATE slot_bookings SET status = 'cancelled', cancelled_at = $2, cancelled_by_company = TRUE \
                         WHERE id = $1",
                    )
                    .bind(booking.id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                    $crate::server::mail::outbox::withdraw_in!(
                        tx,
                        $crate::fairs::stands::slots::booking_thread(booking.id)
                    );
                    $crate::server::mail::outbox::queue_in!(tx, [tell(&booking)], now);
                }
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }

            async fn mark_no_show(
                &self,
                slot_id: i64,
                stand_id: i64,
                no_show: bool,
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                let marked = sqlx::query(
                    "UPDATE slot_bookings SET no_show = $1 WHERE slot_id = $2 AND status = 'booked' AND slot_id IN \
                     (SELECT id FROM interview_slots WHERE id = $2 AND stand_id = $3 AND status = 'open' AND ends_at <= $4)",
                )
                .bind(no_show)
                .bind(slot_id)
                .bind(stand_id)
                .bind(now)
                .execute(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(marked.rows_affected() == 1)
            }

            async fn stand_slots(
                &self,
                stand_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::fairs::stands::slots::store::StoredSlot>> {
                use $crate::fairs::stands::slots::store::{SlotRow, SLOT_SELECT};
                let rows: Vec<SlotRow> = sqlx::query_as(&format!(
                    "{SLOT_SELECT} WHERE sl.stand_id = $1 AND sl.status = 'open' ORDER BY sl.starts_at, i.name, sl.id"
                ))
                .bind(stand_id)
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(rows.into_iter().filter_map(SlotRow::into_slot).collect())
            }

            async fn slot(
                &self,
                slot_id: i64,
            ) -> $crate::server::db::DbResult<Option<$crate::fairs::stands::slots::store::StoredSlot>> {
                use $crate::fairs::stands::slots::store::{SlotRow, SLOT_SELECT};
                let row: Option<SlotRow> =
                    sqlx::query_as(&format!("{SLOT_SELECT} WHERE sl.id = $1 AND sl.status = 'open'"))
                        .bind(slot_id)
                        .fetch_optional(self.pool())
                        .await
                        .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(row.and_then(SlotRow::into_slot))
            }

            async fn interviewer_spans(
                &self,
                account_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::fairs::stands::slots::rules::Span>> {
                let rows: Vec<(i64, i64, i64)> = sqlx::query_as(
                    "SELECT starts_at, ends_at, buffer_minutes FROM interview_slots \
                     WHERE interviewer_id = $1 AND status = 'open' ORDER BY starts_at",
                )
                .bind(account_id)
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(rows
                    .into_iter()
                    .map(|(starts_at, ends_at, buffer)| $crate::fairs::stands::slots::rules::Span {
                        starts_at,
                        ends_at,
                        buffer: buffer * 60,
                    })
                    .collect())
            }
        }
    };
}
pub(crate) use impl_slot_store;
