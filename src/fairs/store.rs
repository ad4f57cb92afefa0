//! Storage of fairs: the fair as its organiser wrote it, and its status. The writes check the
//! status and the clock again themselves, so a fair that moved on between the handler's check
//! and the write is left as it is.

use super::rules::Facts;
use super::{Fair, FairDraft, FairMode, FairStatus, FairSummary, Venue, VenueAccess};
use crate::server::db::DbResult;
use async_trait::async_trait;

#[async_trait]
pub trait FairStore: Send + Sync + 'static {
    /// Stores a new draft of the centre's, written by `by`.
    async fn create_fair(&self, draft: &FairDraft, by: i64, now: i64) -> DbResult<i64>;

    /// Replaces what a fair says (its centre stays) while it is a draft, or published and not
    /// over at `now`; false when it is neither, or there is no such fair.
    async fn update_fair(&self, id: i64, draft: &FairDraft, now: i64) -> DbResult<bool>;

    /// Moves a fair from `from` to `to` if it is there and not over at `now` (and, to be
    /// published, not started); false otherwise.
    async fn move_fair(&self, id: i64, from: FairStatus, to: FairStatus, now: i64) -> DbResult<bool>;

    async fn fair(&self, id: i64) -> DbResult<Option<Fair>>;

    /// What the rules need about a fair.
    async fn fair_facts(&self, id: i64) -> DbResult<Option<Facts>>;

    /// Fairs everyone may see that are not over at `now` (published or cancelled), soonest
    /// first, at most `limit`.
    async fn fairs_ahead(&self, now: i64, limit: i64) -> DbResult<Vec<FairSummary>>;

    /// Published fairs over by `now`, most recent first, at most `limit`.
    async fn fairs_past(&self, now: i64, limit: i64) -> DbResult<Vec<FairSummary>>;

    /// Every fair of a centre, drafts too, latest start first (`now` says where each stands).
    async fn centre_fairs(&self, centre_id: i64, now: i64) -> DbResult<Vec<FairSummary>>;
}

/// The columns of a fair, in the order [`FairRow`] reads them.
pub(crate) const FAIR_COLUMNS: &str = "f.id, f.centre_id, c.name AS centre_name, f.title, f.description, f.easy_read, \
     f.mode, f.starts_at, f.ends_at, f.registration_closes_at, f.capacity, f.venue_name, f.venue_address, \
     f.venue_region, f.step_free, f.accessible_toilets, f.quiet_room, f.lsp_on_site, f.transport, f.status, \
     f.revision, CAST(f.registered AS BIGINT) AS registered";

/// The columns of a fair in a list, in the order [`SummaryRow`] reads them.
pub(crate) const SUMMARY_COLUMNS: &str =
    "f.id, f.title, c.name AS centre_name, f.mode, f.starts_at, f.ends_at, f.status, f.venue_region";

#[derive(sqlx::FromRow)]
pub(crate) struct FairRow {
    id: i64,
    centre_id: i64,
    centre_name: String,
    title: String,
    description: String,
    easy_read: String,
    mode: String,
    starts_at: i64,
    ends_at: i64,
    registration_closes_at: i64,
    capacity: i64,
    venue_name: String,
    venue_address: String,
    venue_region: String,
    step_free: bool,
    accessible_toilets: bool,
    quiet_room: bool,
    lsp_on_site: bool,
    transport: String,
    status: String,
    revision: i64,
    registered: i64,
}

impl FairRow {
    /// The fair, or `None` if a stored code is one this build does not know.
    pub(crate) fn into_fair(self) -> Option<Fair> {
        let mode = FairMode::from_code(&self.mode)?;
        let offered = [self.step_free, self.accessible_toilets, self.quiet_room, self.lsp_on_site];
        let venue = mode.has_venue().then(|| Venue {
            name: self.venue_name,
            address: self.venue_address,
            region: self.venue_region,
            access: VenueAccess::ALL.iter().zip(offered).filter(|(_, on)| *on).map(|(a, _)| *a).collect(),
            transport: self.transport,
        });
        Some(Fair {
            id: self.id,
            draft: FairDraft {
                centre_id: self.centre_id,
                title: self.title,
                description: self.description,
                easy_read: self.easy_read,
                mode,
                starts_at: self.starts_at,
                ends_at: self.ends_at,
                registration_closes_at: self.registration_closes_at,
                capacity: self.capacity,
                venue,
            },
            centre_name: self.centre_name,
            status: FairStatus::from_code(&self.status)?,
            revision: self.revision,
            registered: self.registered,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct SummaryRow {
    id: i64,
    title: String,
    centre_name: String,
    mode: String,
    starts_at: i64,
    ends_at: i64,
    status: String,
    venue_region: String,
}

impl SummaryRow {
    pub(crate) fn into_summary(self, now: i64) -> Option<FairSummary> {
        let status = FairStatus::from_code(&self.status)?;
        let facts = Facts { centre_id: 0, status, starts_at: self.starts_at, ends_at: self.ends_at };
        Some(FairSummary {
            id: self.id,
            title: self.title,
            centre_name: self.centre_name,
            mode: FairMode::from_code(&self.mode)?,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            phase: super::rules::phase(&facts, now),
            region: self.venue_region,
        })
    }
}

/// The venue's columns as stored: empty and false for a virtual fair.
pub(crate) fn venue_columns(draft: &FairDraft) -> (&str, &str, &str, [bool; 4], &str) {
    match &draft.venue {
        Some(venue) => (
            venue.name.as_str(),
            venue.address.as_str(),
            venue.region.as_str(),
            [VenueAccess::StepFree, VenueAccess::AccessibleToilets, VenueAccess::QuietRoom, VenueAccess::LspOnSite]
                .map(|a| venue.access.contains(&a)),
            venue.transport.as_str(),
        ),
        None => ("", "", "", [false; 4], ""),
    }
}

/// Binds a draft's columns, `$1` to `$18`, in the order of the INSERT and UPDATE below.
macro_rules! bind_fair {
    ($query:expr, $draft:expr) => {{
        let (name, address, region, [step_free, toilets, quiet, lsp], transport) =
            $crate::fairs::store::venue_columns($draft);
        $query
            .bind($draft.centre_id)
            .bind(&$draft.title)
            .bind(&$draft.description)
            .bind(&$draft.easy_read)
            .bind($draft.mode.code())
            .bind($draft.starts_at)
            .bind($draft.ends_at)
            .bind($draft.registration_closes_at)
            .bind($draft.capacity)
            .bind(name)
            .bind(address)
            .bind(region)
            .bind(step_free)
            .bind(toilets)
            .bind(quiet)
            .bind(lsp)
            .bind(transport)
    }};
}
pub(crate) use bind_fair;

macro_rules! impl_fair_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::fairs::store::FairStore for $store {
            async fn create_fair(
                &self,
                draft: &$crate::fairs::FairDraft,
                by: i64,
                now: i64,
            ) -> $crate::server::db::DbResult<i64> {
                use $crate::server::db::DbError;
                let insert = sqlx::query_scalar(
                    "INSERT INTO fairs (centre_id, title, description, easy_read, mode, starts_at, ends_at, \
                     registration_closes_at, capacity, venue_name, venue_address, venue_region, step_free, \
                     accessible_toilets, quiet_room, lsp_on_site, transport, status, created_by, created_at, \
                     updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, \
                     $17, 'draft', $18, $19, $19) RETURNING id",
                );
                $crate::fairs::store::bind_fair!(insert, draft)
                    .bind(by)
                    .bind(now)
                    .fetch_one(self.pool())
                    .await
                    .map_err(DbError::from_sqlx)
            }

            async fn update_fair(
                &self,
                id: i64,
                draft: &$crate::fairs::FairDraft,
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                // The centre stays: `$1` is bound and compared, never written.
                let update = sqlx::query(
                    "UPDATE fairs SET title = $2, description = $3, easy_read = $4, mode = $5, starts_at = $6, \
                     ends_at = $7, registration_closes_at = $8, capacity = $9, venue_name = $10, \
                     venue_address = $11, venue_region = $12, step_free = $13, accessible_toilets = $14, \
                     quiet_room = $15, lsp_on_site = $16, transport = $17, updated_at = $18, revision = revision + 1 \
                     WHERE id = $19 AND centre_id = $1 \
                     AND (status = 'draft' OR (status = 'published' AND ends_at > $18))",
                );
                let done = $crate::fairs::store::bind_fair!(update, draft)
                    .bind(now)
                    .bind(id)
                    .execute(self.pool())
                    .await
                    .map_err(DbError::from_sqlx)?;
                Ok(done.rows_affected() == 1)
            }

            async fn move_fair(
                &self,
                id: i64,
                from: $crate::fairs::FairStatus,
                to: $crate::fairs::FairStatus,
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                let done = sqlx::query(
                    "UPDATE fairs SET status = $3, updated_at = $4, revision = revision + 1, \
                     published_at = CASE WHEN $3 = 'published' THEN $4 ELSE published_at END \
                     WHERE id = $1 AND status = $2 AND ends_at > $4 AND ($3 <> 'published' OR starts_at > $4)",
                )
                .bind(id)
                .bind(from.code())
                .bind(to.code())
                .bind(now)
                .execute(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(done.rows_affected() == 1)
            }

            async fn fair(&self, id: i64) -> $crate::server::db::DbResult<Option<$crate::fairs::Fair>> {
                let row: Option<$crate::fairs::store::FairRow> = sqlx::query_as(&format!(
                    "SELECT {} FROM fairs f JOIN centres c ON c.id = f.centre_id WHERE f.id = $1",
                    $crate::fairs::store::FAIR_COLUMNS
                ))
                .bind(id)
                .fetch_optional(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(row.and_then(|row| row.into_fair()))
            }

            async fn fair_facts(
                &self,
                id: i64,
            ) -> $crate::server::db::DbResult<Option<$crate::fairs::rules::Facts>> {
                let row: Option<(i64, String, i64, i64)> =
                    sqlx::query_as("SELECT centre_id, status, starts_at, ends_at FROM fairs WHERE id = $1")
                        .bind(id)
                        .fetch_optional(self.pool())
                        .await
                        .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(row.and_then(|(centre_id, status, starts_at, ends_at)| {
                    Some($crate::fairs::rules::Facts {
                        centre_id,
                        status: $crate::fairs::FairStatus::from_code(&status)?,
                        starts_at,
                        ends_at,
                    })
                }))
            }

            async fn fairs_ahead(
                &self,
                now: i64,
                limit: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::fairs::FairSummary>> {
                self.fair_list(
                    "f.status IN ('published', 'cancelled') AND f.ends_at > $1 ORDER BY f.starts_at, f.id LIMIT $2",
                    now,
                    limit,
                    now,
                )
                .await
            }

            async fn fairs_past(
                &self,
                now: i64,
                limit: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::fairs::FairSummary>> {
                self.fair_list(
                    "f.status = 'published' AND f.ends_at <= $1 ORDER BY f.starts_at DESC, f.id DESC LIMIT $2",
                    now,
                    limit,
                    now,
                )
                .await
            }

            async fn centre_fairs(
                &self,
                centre_id: i64,
                now: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::fairs::FairSummary>> {
                // At most 200: a centre runs a handful of fairs a year.
                self.fair_list("f.centre_id = $1 ORDER BY f.starts_at DESC, f.id DESC LIMIT $2", centre_id, 200, now)
                    .await
            }
        }

        impl $store {
            /// The fairs `condition` picks (with `$1` and `$2` bound), as a list shows them at
            /// `now`.
            async fn fair_list(
                &self,
                condition: &str,
                first: i64,
                second: i64,
                now: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::fairs::FairSummary>> {
                let rows: Vec<$crate::fairs::store::SummaryRow> = sqlx::query_as(&format!(
                    "SELECT {} FROM fairs f JOIN centres c ON c.id = f.centre_id WHERE {condition}",
                    $crate::fairs::store::SUMMARY_COLUMNS
                ))
                .bind(first)
                .bind(second)
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(rows.into_iter().filter_map(|row| row.into_summary(now)).collect())
            }
        }
    };
}
pub(crate) use impl_fair_store;
