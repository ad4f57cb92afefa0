//! Storage of bookings of interview slots.
//!
//! A slot is never booked twice: a unique index allows one booking in force per slot, so of
//! two people booking it at once the database itself refuses the second (on PostgreSQL it waits
//! for the first to commit). A person is never in two overlapping slots: the booking's
//! transaction first holds the person's account row ([`EngineStore::ROW_LOCK`]; on SQLite the
//! write lock holds everything), so one person's bookings run one after another, and each sees
//! the ones before it.
//!
//! [`EngineStore::ROW_LOCK`]: crate::server::db::EngineStore::ROW_LOCK

use super::rules::BookingRefusal;
use crate::server::db::DbResult;
use crate::server::mail::OutgoingMail;
use async_trait::async_trait;

/// A booking as a job seeker makes it (already checked).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewBooking {
    pub slot_id: i64,
    pub account_id: i64,
    /// The video room made for it; empty for other modes.
    pub room_url: String,
    /// Where to call, for a phone interview.
    pub phone: String,
    /// The person lets the interviewer read what they asked for at the fair.
    pub share_needs: bool,
    /// The person's booking this one replaces (moving): cancelled in the same transaction.
    pub replaces: Option<i64>,
}

/// A person's booking in force, with where and with whom. Never sent as it is.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct PersonBooking {
    pub id: i64,
    pub slot_id: i64,
    pub stand_id: i64,
    pub company_name: String,
    pub fair_id: i64,
    pub fair_title: String,
    pub interviewer_name: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub mode: String,
    pub room_url: String,
    pub phone: String,
    pub share_needs: bool,
}

/// What a booking did: its id, or why there is none (nothing written then).
pub type Booked = Result<i64, BookingRefusal>;

/// The messages of a booking, made once its id is known: they are queued with it.
pub type BookingMail<'a> = &'a (dyn Fn(i64) -> Vec<OutgoingMail> + Send + Sync);

#[async_trait]
pub trait BookingStore: Send + Sync + 'static {
    /// Books the slot for the person if, at `now`, it is in force and ahead at an accepted
    /// stand of a fair not over, the person is registered for that fair, no one has it and the
    /// person has no other interview then (the one it replaces aside, which is cancelled with
    /// its reminders); queues `mail(id)` with it.
    async fn book_slot(&self, booking: &NewBooking, now: i64, mail: BookingMail<'_>) -> DbResult<Booked>;

    /// Cancels the person's booking `booking_id` if it is in force and its slot ahead at
    /// `now`, withdrawing its reminders; false otherwise.
    async fn cancel_booking(&self, booking_id: i64, account_id: i64, now: i64) -> DbResult<bool>;

    /// The person's bookings in force, soonest first.
    async fn bookings_of(&self, account_id: i64) -> DbResult<Vec<PersonBooking>>;
}

/// The person's own cancelling: their booking in force whose slot is ahead.
pub(crate) const CANCEL_OWN: &str = "UPDATE slot_bookings SET status = 'cancelled', cancelled_at = $3 \
     WHERE id = $1 AND account_id = $2 AND status = 'booked' \
     AND slot_id IN (SELECT id FROM interview_slots WHERE starts_at > $3)";

/// Cancels, in the transaction `tx`, the person's booking if it is in force and its slot
/// ahead, withdrawing its messages no sender has taken; answers whether it did.
macro_rules! cancel_own_in {
    ($tx:expr, $booking_id:expr, $account_id:expr, $now:expr) => {{
        let done = sqlx::query($crate::fairs::stands::slots::booking_store::CANCEL_OWN)
            .bind($booking_id)
            .bind($account_id)
            .bind($now)
            .execute(&mut *$tx)
            .await
            .map_err($crate::server::db::DbError::from_sqlx)?;
        let cancelled = done.rows_affected() == 1;
        if cancelled {
            $crate::server::mail::outbox::withdraw_in!($tx, $crate::fairs::stands::slots::booking_thread($booking_id));
        }
        cancelled
    }};
}
pub(crate) use cancel_own_in;

macro_rules! impl_booking_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::fairs::stands::slots::booking_store::BookingStore for $store {
            async fn book_slot(
                &self,
                booking: &$crate::fairs::stands::slots::booking_store::NewBooking,
                now: i64,
                mail: $crate::fairs::stands::slots::booking_store::BookingMail<'_>,
            ) -> $crate::server::db::DbResult<$crate::fairs::stands::slots::booking_store::Booked> {
                use $crate::fairs::stands::slots::rules::BookingRefusal;
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                // The person's bookings run one at a time: each sees the ones before it.
                $crate::server::db::hold_account!($store, tx, booking.account_id);
                let slot: Option<(i64, i64, i64)> = sqlx::query_as(
                    "SELECT sl.starts_at, sl.ends_at, st.fair_id FROM interview_slots sl \
                     JOIN fair_stands st ON st.id = sl.stand_id JOIN fairs f ON f.id = st.fair_id \
                     WHERE sl.id = $1 AND sl.status = 'open' AND sl.starts_at > $2 AND st.status = 'accepted' \
                       AND f.status = 'published' AND f.ends_at > $2",
                )
                .bind(booking.slot_id)
                .bind(now)
                .fetch_optional(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                let Some((starts_at, ends_at, fair_id)) = slot else {
                    return Ok(Err(BookingRefusal::Unavailable));
                };
                let registered: Option<i64> = sqlx::query_scalar(
                    "SELECT id FROM fair_registrations WHERE fair_id = $1 AND account_id = $2 AND status = 'registered'",
                )
                .bind(fair_id)
                .bind(booking.account_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if registered.is_none() {
                    return Ok(Err(BookingRefusal::NotRegistered));
                }
                if let Some(old) = booking.replaces {
                    // Gone meanwhile (cancelled from another tab): this is then a booking.
                    $crate::fairs::stands::slots::booking_store::cancel_own_in!(tx, old, booking.account_id, now);
                }
                let taken: Option<i64> =
                    sqlx::query_scalar("SELECT id FROM slot_bookings WHERE slot_id = $1 AND status = 'booked'")
                        .bind(booking.slot_id)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                if taken.is_some() {
                    return Ok(Err(BookingRefusal::Taken));
                }
                let clash: Option<i64> = sqlx::query_scalar(
                    "SELECT b.id FROM slot_bookings b JOIN interview_slots sl ON sl.id = b.slot_id \
                     WHERE b.account_id = $1 AND b.status = 'booked' AND sl.starts_at < $3 AND sl.ends_at > $2",
                )
                .bind(booking.account_id)
                .bind(starts_at)
                .bind(ends_at)
                .fetch_optional(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if clash.is_some() {
                    return Ok(Err(BookingRefusal::Clashes));
                }
                let inserted = sqlx::query_scalar(
                    "INSERT INTO slot_bookings (slot_id, account_id, booked_by, booked_at, status, room_url, phone, \
                     share_needs) VALUES ($1, $2, $2, $3, 'booked', $4, $5, $6) RETURNING id",
                )
                .bind(booking.slot_id)
                .bind(booking.account_id)
                .bind(now)
                .bind(&booking.room_url)
                .bind(&booking.phone)
                .bind(booking.share_needs)
                .fetch_one(&mut *tx)
                .await
                .map_err(DbError::from_sqlx);
                let id: i64 = match inserted {
                    Ok(id) => id,
                    // Booked by someone else in the same moment: the index refused this one.
                    Err(DbError::Conflict(_)) => return Ok(Err(BookingRefusal::Taken)),
                    Err(err) => return Err(err),
                };
                $crate::server::mail::outbox::queue_in!(tx, mail(id), now);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(Ok(id))
            }

            async fn cancel_booking(
                &self,
                booking_id: i64,
                account_id: i64,
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                let mut tx = self.begin_write().await?;
                if !$crate::fairs::stands::slots::booking_store::cancel_own_in!(tx, booking_id, account_id, now) {
                    return Ok(false);
                }
                tx.commit().await.map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(true)
            }

            async fn bookings_of(
                &self,
                account_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::fairs::stands::slots::booking_store::PersonBooking>> {
                sqlx::query_as(
                    "SELECT b.id, b.slot_id, sl.stand_id, co.legal_name AS company_name, st.fair_id, \
                     f.title AS fair_title, i.name AS interviewer_name, sl.starts_at, sl.ends_at, sl.mode, \
                     b.room_url, b.phone, b.share_needs \
                     FROM slot_bookings b JOIN interview_slots sl ON sl.id = b.slot_id \
                     JOIN fair_stands st ON st.id = sl.stand_id JOIN companies co ON co.id = st.company_id \
                     JOIN fairs f ON f.id = st.fair_id JOIN accounts i ON i.id = sl.interviewer_id \
                     WHERE b.account_id = $1 AND b.status = 'booked' ORDER BY sl.starts_at, b.id",
                )
                .bind(account_id)
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }
        }
    };
}
pub(crate) use impl_booking_store;
