//! Storage of employment centres and companies.

use crate::organisations::{Centre, Company, NewCentre, NewCompany};
use crate::server::db::DbResult;
use async_trait::async_trait;

#[async_trait]
pub trait OrganisationStore: Send + Sync + 'static {
    async fn list_centres(&self) -> DbResult<Vec<Centre>>;
    async fn insert_centre(&self, centre: &NewCentre) -> DbResult<i64>;
    async fn list_companies(&self) -> DbResult<Vec<Company>>;
    /// The companies `account_id` acts for as an employer, by name.
    async fn companies_of_account(&self, account_id: i64) -> DbResult<Vec<Company>>;
    /// A RUC already registered is `Conflict("companies_ruc_key")`.
    async fn insert_company(&self, company: &NewCompany) -> DbResult<i64>;

    /// The id of the company with this RUC, if it is registered.
    async fn company_id_by_ruc(&self, ruc: &str) -> DbResult<Option<i64>>;

    /// Marks a company verified by `by`. False when it was verified already (or is unknown).
    async fn verify_company(&self, company_id: i64, audit: &crate::server::audit::AuditEvent) -> DbResult<bool>;

    /// Inserts the demo records in one transaction, only if there are no organisations yet.
    /// Returns whether it inserted anything.
    async fn seed_if_empty(&self, centres: &[NewCentre], companies: &[NewCompany]) -> DbResult<bool>;
}

pub(crate) const INSERT_CENTRE: &str =
    "INSERT INTO centres (name, region, address, phone, email) VALUES ($1, $2, $3, $4, $5) RETURNING id";
pub(crate) const INSERT_COMPANY: &str =
    "INSERT INTO companies (legal_name, ruc, sector, region, verified) VALUES ($1, $2, $3, $4, $5) RETURNING id";

/// The insert of one centre, bound and ready to run on a pool or a transaction.
macro_rules! insert_centre {
    ($centre:expr) => {
        sqlx::query_scalar::<_, i64>($crate::organisations::store::INSERT_CENTRE)
            .bind(&$centre.name)
            .bind($centre.region.slug())
            .bind(&$centre.address)
            .bind(&$centre.phone)
            .bind(&$centre.email)
    };
}

/// The insert of one company, bound and ready to run on a pool or a transaction.
macro_rules! insert_company {
    ($company:expr) => {
        sqlx::query_scalar::<_, i64>($crate::organisations::store::INSERT_COMPANY)
            .bind(&$company.legal_name)
            .bind($company.ruc.as_str())
            .bind(&$company.sector)
            .bind($company.region.slug())
            .bind($company.verified)
    };
}

macro_rules! impl_organisation_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::organisations::store::OrganisationStore for $store {
            async fn list_centres(&self) -> $crate::server::db::DbResult<Vec<$crate::organisations::Centre>> {
                sqlx::query_as("SELECT id, name, region, address, phone, email FROM centres ORDER BY name, id")
                    .fetch_all(self.pool())
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn insert_centre(
                &self,
                centre: &$crate::organisations::NewCentre,
            ) -> $crate::server::db::DbResult<i64> {
                $crate::organisations::store::insert_centre!(centre)
                    .fetch_one(self.pool())
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn list_companies(&self) -> $crate::server::db::DbResult<Vec<$crate::organisations::Company>> {
                sqlx::query_as(
                    "SELECT id, legal_name, ruc, sector, region, verified FROM companies ORDER BY legal_name, id",
                )
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn companies_of_account(
                &self,
                account_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::organisations::Company>> {
                sqlx::query_as(
                    "SELECT c.id, c.legal_name, c.ruc, c.sector, c.region, c.verified FROM companies c \
                     JOIN account_roles r ON r.company_id = c.id WHERE r.account_id = $1 AND r.role = 'employer' \
                     ORDER BY c.legal_name, c.id",
                )
                .bind(account_id)
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn insert_company(
                &self,
                company: &$crate::organisations::NewCompany,
            ) -> $crate::server::db::DbResult<i64> {
                $crate::organisations::store::insert_company!(company)
                    .fetch_one(self.pool())
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn company_id_by_ruc(&self, ruc: &str) -> $crate::server::db::DbResult<Option<i64>> {
                sqlx::query_scalar("SELECT id FROM companies WHERE ruc = $1")
                    .bind(ruc)
                    .fetch_optional(self.pool())
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn verify_company(
                &self,
                company_id: i64,
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let verified: Option<(String, String)> = sqlx::query_as(
                    "UPDATE companies SET verified = TRUE, verified_by = $1, verified_at = $2 \
                     WHERE id = $3 AND verified = FALSE RETURNING legal_name, ruc",
                )
                .bind(audit.actor_id)
                .bind(audit.at)
                .bind(company_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                let Some((legal_name, ruc)) = verified else { return Ok(false) };
                let audit = audit.clone().detail(format!("{legal_name} (RUC {ruc})"));
                $crate::audit::store::insert_audit!(&mut *tx, &audit);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }

            async fn seed_if_empty(
                &self,
                centres: &[$crate::organisations::NewCentre],
                companies: &[$crate::organisations::NewCompany],
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let existing: i64 =
                    sqlx::query_scalar("SELECT (SELECT COUNT(*) FROM centres) + (SELECT COUNT(*) FROM companies)")
                        .fetch_one(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                if existing > 0 {
                    return Ok(false);
                }
                for centre in centres {
                    $crate::organisations::store::insert_centre!(centre)
                        .fetch_one(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                }
                for company in companies {
                    $crate::organisations::store::insert_company!(company)
                        .fetch_one(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                }
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }
        }
    };
}
pub(crate) use {impl_organisation_store, insert_centre, insert_company};
