//! Storage of whose a profile is: a centre's caseload, a profile claimed by its person's account, and leaving the register.

use crate::domain::IdentityDocument;
use crate::server::db::DbResult;
use async_trait::async_trait;

#[async_trait]
pub trait CaseloadStore: Send + Sync + 'static {
    /// Gives a profile nobody has joined to an account yet a new claim code (its SHA-256),
    /// replacing any before; `false` when the profile has an account or does not exist.
    async fn set_claim(&self, id: i64, code_hash: &str, expires_at: i64) -> DbResult<bool>;

    /// Joins to `account_id` the profile registered under `document` whose claim code is
    /// `code_hash` and still works at `now`; the code is spent. `None` when nothing matches;
    /// `Conflict` when the account has a profile already.
    async fn claim_profile(
        &self,
        account_id: i64,
        document: &IdentityDocument,
        code_hash: &str,
        now: i64,
    ) -> DbResult<Option<i64>>;

    /// Takes the person out of the register at their own request: their applications stay
    /// with the employers, withdrawn if still open, with nothing left that says who they
    /// were; everything else of theirs goes. `false` if there is no such profile.
    async fn delete_seeker(&self, id: i64, audit: &crate::server::audit::AuditEvent) -> DbResult<bool>;

    /// The people a centre follows whom `filter` finds, newest first: `limit` of them from
    /// `offset`, and how many it finds in all.
    async fn centre_seekers(
        &self,
        centre_id: i64,
        filter: &crate::seekers::CaseloadFilter,
        offset: u32,
        limit: u32,
    ) -> DbResult<(Vec<crate::seekers::SeekerSummary>, u32)>;
}

macro_rules! impl_caseload_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::seekers::store::CaseloadStore for $store {
            async fn set_claim(
                &self,
                id: i64,
                code_hash: &str,
                expires_at: i64,
            ) -> $crate::server::db::DbResult<bool> {
                let done = sqlx::query(
                    "UPDATE seekers SET claim_hash = $1, claim_expires_at = $2 WHERE id = $3 AND account_id IS NULL",
                )
                .bind(code_hash)
                .bind(expires_at)
                .bind(id)
                .execute(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(done.rows_affected() == 1)
            }

            async fn claim_profile(
                &self,
                account_id: i64,
                document: &$crate::domain::IdentityDocument,
                code_hash: &str,
                now: i64,
            ) -> $crate::server::db::DbResult<Option<i64>> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let has: Option<i64> = sqlx::query_scalar("SELECT id FROM seekers WHERE account_id = $1")
                    .bind(account_id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                if has.is_some() {
                    return Err(DbError::Conflict($crate::server::db::Rule::HasProfile));
                }
                let claimed: Option<i64> = sqlx::query_scalar(
                    "UPDATE seekers SET account_id = $1, claim_hash = NULL, claim_expires_at = NULL, updated_at = $2 \
                     WHERE document_type = $3 AND document_number = $4 AND claim_hash = $5 AND claim_expires_at > $2 \
                     AND account_id IS NULL RETURNING id",
                )
                .bind(account_id)
                .bind(now)
                .bind(document.kind.code())
                .bind(document.number())
                .bind(code_hash)
                .fetch_optional(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(claimed)
            }

            async fn delete_seeker(
                &self,
                id: i64,
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let erased = $crate::seekers::store::erase_seeker!(tx, id, audit.at);
                if erased {
                    $crate::audit::store::insert_audit!(&mut *tx, audit);
                }
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(erased)
            }

            async fn centre_seekers(
                &self,
                centre_id: i64,
                filter: &$crate::seekers::CaseloadFilter,
                offset: u32,
                limit: u32,
            ) -> $crate::server::db::DbResult<(Vec<$crate::seekers::SeekerSummary>, u32)> {
                use $crate::server::db::DbError;
                let (conditions, values) = $crate::seekers::store::caseload_conditions(filter);
                let count_sql = format!("SELECT COUNT(*) FROM seekers WHERE {conditions}");
                let mut count = sqlx::query_scalar(&count_sql).bind(centre_id);
                for value in &values {
                    count = count.bind(value);
                }
                let total: i64 = count.fetch_one(self.pool()).await.map_err(DbError::from_sqlx)?;
                let sql = format!(
                    "SELECT id, full_name, document_type, document_number, account_id IS NOT NULL, created_at \
                     FROM seekers WHERE {conditions} ORDER BY id DESC LIMIT {limit} OFFSET {offset}"
                );
                let mut page = sqlx::query_as(&sql).bind(centre_id);
                for value in &values {
                    page = page.bind(value);
                }
                let rows: Vec<(i64, String, String, String, bool, i64)> =
                    page.fetch_all(self.pool()).await.map_err(DbError::from_sqlx)?;
                let people = rows
                    .into_iter()
                    .filter_map(|(id, full_name, kind, number, signed_up, created_at)| {
                        let kind = $crate::domain::DocumentType::from_code(&kind)?;
                        let document = $crate::domain::IdentityDocument::parse(kind, &number).ok()?;
                        Some($crate::seekers::SeekerSummary { id, full_name, document, signed_up, created_at })
                    })
                    .collect();
                Ok((people, u32::try_from(total).unwrap_or(u32::MAX)))
            }
        }
    };
}
pub(crate) use impl_caseload_store;
