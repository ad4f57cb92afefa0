//! Storage of fair registrations and their accommodation requests. Registering raises the
//! fair's count of registrations in force only while it is under the capacity, the fair is
//! published and registration is open — one statement, so concurrent registrations for the last
//! place cannot both have it, on either engine — and stores the person's requests with it.

use super::{FairNeed, NeedStatus, RegistrationStatus};
use crate::server::db::DbResult;
use crate::server::mail::OutgoingMail;
use async_trait::async_trait;

/// An accommodation asked for: which, and in the person's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NeedAsk {
    pub need: FairNeed,
    pub details: String,
}

/// A registration as it is made (already checked).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewRegistration {
    pub fair_id: i64,
    /// The job seeker's account.
    pub account_id: i64,
    /// Themselves, or their counsellor.
    pub by: i64,
    pub needs: Vec<NeedAsk>,
    /// The message telling the person, when someone else registers them; queued with it.
    pub mail: Option<OutgoingMail>,
}

/// What registering did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Registering {
    Registered(i64),
    /// The person is registered already.
    Already,
    /// Every place is taken.
    Full,
    /// Registration is not open: past its deadline, or the fair is over, cancelled or unknown.
    Closed,
}

/// A stored request with the organiser's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredNeed {
    pub need: FairNeed,
    pub details: String,
    pub status: NeedStatus,
    pub answer: String,
    pub asked_at: i64,
    pub due_at: i64,
    pub answered_at: Option<i64>,
}

/// A stored registration with its person's name and address and its requests. Never sent as
/// it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredRegistration {
    pub id: i64,
    pub fair_id: i64,
    pub account_id: i64,
    pub name: String,
    pub email: String,
    pub status: RegistrationStatus,
    pub registered_by: Option<i64>,
    pub registered_at: i64,
    /// When the organiser marked that the person came.
    pub attended_at: Option<i64>,
    /// In [`FairNeed::ALL`]'s order.
    pub needs: Vec<StoredNeed>,
}

/// The organiser's answer to one request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NeedAnswer<'a> {
    pub registration_id: i64,
    pub need: FairNeed,
    /// Arranged, or not possible (then `answer` says why).
    pub to: NeedStatus,
    pub answer: &'a str,
    pub by: i64,
    /// The message to the person, queued with the answer.
    pub mail: Option<&'a OutgoingMail>,
}

#[async_trait]
pub trait RegistrationStore: Send + Sync + 'static {
    /// Registers the person with their requests (each due as `rules::answer_due` says), or registers
    /// again one who cancelled (their old requests replaced), if there is a place and
    /// registration is open at `now`.
    async fn register(&self, registration: &NewRegistration, now: i64) -> DbResult<Registering>;

    /// Cancels a registration in force at a fair not over at `now`, freeing its place and the
    /// person's interview slots ahead there (their reminders withdrawn), and queuing `mail` (for a person someone else cancelled for); false, nothing queued, otherwise.
    async fn cancel_registration(
        &self,
        fair_id: i64,
        account_id: i64,
        mail: Option<&OutgoingMail>,
        now: i64,
    ) -> DbResult<bool>;

    /// Answers (or answers again) a request of a registration in force, queuing its message;
    /// false (nothing written, nothing queued) when there is no such request.
    async fn answer_need(&self, answer: &NeedAnswer<'_>, now: i64) -> DbResult<bool>;

    /// The person's registration for a fair, in any status.
    async fn registration(&self, fair_id: i64, account_id: i64) -> DbResult<Option<StoredRegistration>>;

    /// The registrations in force for a fair, by name.
    async fn fair_registrations(&self, fair_id: i64) -> DbResult<Vec<StoredRegistration>>;

    /// The registrations in force of a person's account, at any fair.
    async fn registrations_of(&self, account_id: i64) -> DbResult<Vec<StoredRegistration>>;

    /// When each request still waiting for the organiser's answer at a fair is due (those of
    /// registrations in force): what the organiser's panel counts.
    async fn waiting_needs_due(&self, fair_id: i64) -> DbResult<Vec<i64>>;
}

/// The columns of a registration, `r` the registration and `a` its person's account.
pub(crate) const REGISTRATION_SELECT: &str = "SELECT r.id, r.fair_id, r.account_id, a.name, a.email, r.status, \
     r.registered_by, r.registered_at, r.attended_at FROM fair_registrations r JOIN accounts a ON a.id = r.account_id";

/// The requests of the registrations `condition` (on `r`, with `$1`) picks.
pub(crate) const NEEDS_SELECT: &str = "SELECT n.registration_id, n.need, n.details, n.status, n.answer, n.asked_at, \
     n.due_at, n.answered_at FROM fair_needs n JOIN fair_registrations r ON r.id = n.registration_id";

#[derive(sqlx::FromRow)]
pub(crate) struct RegistrationRow {
    id: i64,
    fair_id: i64,
    account_id: i64,
    name: String,
    email: String,
    status: String,
    registered_by: Option<i64>,
    registered_at: i64,
    attended_at: Option<i64>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct NeedRow {
    registration_id: i64,
    need: String,
    details: String,
    status: String,
    answer: String,
    asked_at: i64,
    due_at: i64,
    answered_at: Option<i64>,
}

/// The registrations with their requests; a row with a code this build does not know is left
/// out rather than misread.
pub(crate) fn assemble(rows: Vec<RegistrationRow>, needs: Vec<NeedRow>) -> Vec<StoredRegistration> {
    rows.into_iter()
        .filter_map(|row| {
            let mut own: Vec<StoredNeed> = needs
                .iter()
                .filter(|n| n.registration_id == row.id)
                .filter_map(|n| {
                    Some(StoredNeed {
                        need: FairNeed::from_code(&n.need)?,
                        details: n.details.clone(),
                        status: NeedStatus::from_code(&n.status)?,
                        answer: n.answer.clone(),
                        asked_at: n.asked_at,
                        due_at: n.due_at,
                        answered_at: n.answered_at,
                    })
                })
                .collect();
            own.sort_by_key(|n| FairNeed::ALL.iter().position(|all| *all == n.need));
            Some(StoredRegistration {
                id: row.id,
                fair_id: row.fair_id,
                account_id: row.account_id,
                name: row.name,
                email: row.email,
                status: RegistrationStatus::from_code(&row.status)?,
                registered_by: row.registered_by,
                registered_at: row.registered_at,
                attended_at: row.attended_at,
                needs: own,
            })
        })
        .collect()
}

macro_rules! impl_registration_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::fairs::registrations::store::RegistrationStore for $store {
            async fn register(
                &self,
                registration: &$crate::fairs::registrations::store::NewRegistration,
                now: i64,
            ) -> $crate::server::db::DbResult<$crate::fairs::registrations::store::Registering> {
                use $crate::fairs::registrations::rules::answer_due;
                use $crate::fairs::registrations::store::Registering;
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let existing: Option<(i64, String)> =
                    sqlx::query_as("SELECT id, status FROM fair_registrations WHERE fair_id = $1 AND account_id = $2")
                        .bind(registration.fair_id)
                        .bind(registration.account_id)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                if existing.as_ref().is_some_and(|(_, status)| status == "registered") {
                    return Ok(Registering::Already);
                }
                // The place: taken only while one is left and registration is open.
                let starts_at: Option<i64> = sqlx::query_scalar(
                    "UPDATE fairs SET registered = registered + 1 WHERE id = $1 AND status = 'published' \
                     AND registration_closes_at > $2 AND ends_at > $2 AND registered < capacity RETURNING starts_at",
                )
                .bind(registration.fair_id)
                .bind(now)
                .fetch_optional(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                let Some(starts_at) = starts_at else {
                    let full: Option<bool> = sqlx::query_scalar(
                        "SELECT registered >= capacity FROM fairs WHERE id = $1 AND status = 'published' \
                         AND registration_closes_at > $2 AND ends_at > $2",
                    )
                    .bind(registration.fair_id)
                    .bind(now)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                    return Ok(if full == Some(true) { Registering::Full } else { Registering::Closed });
                };
                let id = match existing {
                    Some((id, _)) => {
                        sqlx::query(
                            "UPDATE fair_registrations SET status = 'registered', registered_by = $1, \
                             registered_at = $2, cancelled_at = NULL WHERE id = $3",
                        )
                        .bind(registration.by)
                        .bind(now)
                        .bind(id)
                        .execute(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                        sqlx::query("DELETE FROM fair_needs WHERE registration_id = $1")
                            .bind(id)
                            .execute(&mut *tx)
                            .await
                            .map_err(DbError::from_sqlx)?;
                        id
                    }
                    None => {
                        let inserted = sqlx::query_scalar(
                            "INSERT INTO fair_registrations (fair_id, account_id, registered_by, registered_at, status) \
                             VALUES ($1, $2, $3, $4, 'registered') RETURNING id",
                        )
                        .bind(registration.fair_id)
                        .bind(registration.account_id)
                        .bind(registration.by)
                        .bind(now)
                        .fetch_one(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx);
                        match inserted {
                            Ok(id) => id,
                            // Registered from another tab meanwhile: nothing of this one stays.
                            Err(DbError::Conflict(_)) => return Ok(Registering::Already),
                            Err(err) => return Err(err),
                        }
                    }
                };
                let due_at = answer_due(now, starts_at);
                for ask in &registration.needs {
                    sqlx::query(
                        "INSERT INTO fair_needs (registration_id, need, details, status, asked_at, due_at) \
                         VALUES ($1, $2, $3, 'asked', $4, $5)",
                    )
                    .bind(id)
                    .bind(ask.need.code())
                    .bind(&ask.details)
                    .bind(now)
                    .bind(due_at)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                }
                $crate::server::mail::outbox::queue_in!(tx, &registration.mail, now);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(Registering::Registered(id))
            }

            async fn cancel_registration(
                &self,
                fair_id: i64,
                account_id: i64,
                mail: Option<&$crate::server::mail::OutgoingMail>,
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE fair_registrations SET status = 'cancelled', cancelled_at = $3 \
                     WHERE fair_id = $1 AND account_id = $2 AND status = 'registered' \
                     AND fair_id IN (SELECT id FROM fairs WHERE status = 'published' AND ends_at > $3)",
                )
                .bind(fair_id)
                .bind(account_id)
                .bind(now)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if done.rows_affected() != 1 {
                    return Ok(false);
                }
                sqlx::query("UPDATE fairs SET registered = registered - 1 WHERE id = $1")
                    .bind(fair_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                // Their interviews ahead at the fair go with it: the slots free for others at
                // once, the reminders withdrawn.
                let booked: Vec<i64> = sqlx::query_scalar(
                    "SELECT b.id FROM slot_bookings b JOIN interview_slots sl ON sl.id = b.slot_id \
                     JOIN fair_stands st ON st.id = sl.stand_id \
                     WHERE st.fair_id = $1 AND b.account_id = $2 AND b.status = 'booked' AND sl.starts_at > $3",
                )
                .bind(fair_id)
                .bind(account_id)
                .bind(now)
                .fetch_all(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                for booking_id in booked {
                    $crate::fairs::stands::slots::booking_store::cancel_own_in!(tx, booking_id, account_id, now);
                }
                $crate::server::mail::outbox::queue_in!(tx, mail, now);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }

            async fn answer_need(
                &self,
                answer: &$crate::fairs::registrations::store::NeedAnswer<'_>,
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE fair_needs SET status = $1, answer = $2, answered_by = $3, answered_at = $4 \
                     WHERE registration_id = $5 AND need = $6 \
                     AND registration_id IN (SELECT id FROM fair_registrations WHERE status = 'registered')",
                )
                .bind(answer.to.code())
                .bind(answer.answer)
                .bind(answer.by)
                .bind(now)
                .bind(answer.registration_id)
                .bind(answer.need.code())
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                $crate::server::mail::outbox::commit_once_with_mail!(tx, done, answer.mail, now)
            }

            async fn registration(
                &self,
                fair_id: i64,
                account_id: i64,
            ) -> $crate::server::db::DbResult<Option<$crate::fairs::registrations::store::StoredRegistration>> {
                let found = self.registration_list("r.fair_id = $1 AND r.account_id = $2", fair_id, Some(account_id)).await?;
                Ok(found.into_iter().next())
            }

            async fn fair_registrations(
                &self,
                fair_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::fairs::registrations::store::StoredRegistration>> {
                self.registration_list("r.fair_id = $1 AND r.status = 'registered'", fair_id, None).await
            }

            async fn registrations_of(
                &self,
                account_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::fairs::registrations::store::StoredRegistration>> {
                self.registration_list("r.account_id = $1 AND r.status = 'registered'", account_id, None).await
            }

            async fn waiting_needs_due(&self, fair_id: i64) -> $crate::server::db::DbResult<Vec<i64>> {
                sqlx::query_scalar(
                    "SELECT n.due_at FROM fair_needs n JOIN fair_registrations r ON r.id = n.registration_id \
                     WHERE r.fair_id = $1 AND r.status = 'registered' AND n.status = 'asked'",
                )
                .bind(fair_id)
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }
        }

        impl $store {
            /// The registrations `condition` picks (`$1` is `first`, `$2` the account when
            /// given) with their requests, by name.
            async fn registration_list(
                &self,
                condition: &str,
                first: i64,
                account_id: Option<i64>,
            ) -> $crate::server::db::DbResult<Vec<$crate::fairs::registrations::store::StoredRegistration>> {
                use $crate::fairs::registrations::store::{
                    assemble, NeedRow, RegistrationRow, NEEDS_SELECT, REGISTRATION_SELECT,
                };
                use $crate::server::db::DbError;
                let (rows_sql, needs_sql) = (
                    format!("{REGISTRATION_SELECT} WHERE {condition} ORDER BY a.name, r.id"),
                    format!("{NEEDS_SELECT} WHERE {condition}"),
                );
                let mut rows = sqlx::query_as::<_, RegistrationRow>(&rows_sql).bind(first);
                let mut needs = sqlx::query_as::<_, NeedRow>(&needs_sql).bind(first);
                if let Some(account_id) = account_id {
                    rows = rows.bind(account_id);
                    needs = needs.bind(account_id);
                }
                let rows = rows.fetch_all(self.pool()).await.map_err(DbError::from_sqlx)?;
                let needs = needs.fetch_all(self.pool()).await.map_err(DbError::from_sqlx)?;
                Ok(assemble(rows, needs))
            }
        }
    };
}
pub(crate) use impl_registration_store;
