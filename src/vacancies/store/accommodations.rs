//! Storage of the accommodations list the admins keep: what can be offered, added, renamed and retired.

use crate::server::audit::AuditEvent;
use crate::server::db::DbResult;
use crate::vacancies::Accommodation;
use crate::vacancies::ListedAccommodation;
use async_trait::async_trait;

#[async_trait]
pub trait AccommodationStore: Send + Sync + 'static {
    /// The accommodations that can be offered now, in the list's order.
    async fn accommodations(&self) -> DbResult<Vec<Accommodation>>;

    /// The whole list for the admins who keep it: retired entries too, each with how many
    /// vacancies name it.
    async fn accommodation_list(&self) -> DbResult<Vec<ListedAccommodation>>;

    /// Adds an entry at the end of the list; a `Conflict` when its code is taken.
    async fn add_accommodation(&self, entry: &Accommodation, audit: &AuditEvent) -> DbResult<()>;

    /// Renames an entry (its code stays); false when there is no such entry.
    async fn rename_accommodation(&self, entry: &Accommodation, audit: &AuditEvent) -> DbResult<bool>;

    /// Retires an entry (it is no longer offered; vacancies that name it keep it) or offers it
    /// again; false when there is no such entry.
    async fn retire_accommodation(&self, code: &str, retired: bool, audit: &AuditEvent) -> DbResult<bool>;
}

macro_rules! impl_accommodation_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::vacancies::store::AccommodationStore for $store {
            async fn accommodations(&self) -> $crate::server::db::DbResult<Vec<$crate::vacancies::Accommodation>> {
                $crate::vacancies::store::entries_in_force!(self, "accommodations")
            }

            async fn accommodation_list(
                &self,
            ) -> $crate::server::db::DbResult<Vec<$crate::vacancies::ListedAccommodation>> {
                let rows: Vec<(String, String, String, bool, i64)> = sqlx::query_as(
                    "SELECT a.code, a.name_es, a.name_en, a.retired, \
                     (SELECT count(*) FROM vacancy_accommodations va WHERE va.code = a.code) \
                     FROM accommodations a ORDER BY a.position, a.code",
                )
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(rows
                    .into_iter()
                    .map(|(code, name_es, name_en, retired, vacancies)| $crate::vacancies::ListedAccommodation {
                        entry: $crate::vacancies::Accommodation { code, name_es, name_en },
                        retired,
                        vacancies,
                    })
                    .collect())
            }

            async fn add_accommodation(
                &self,
                entry: &$crate::vacancies::Accommodation,
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<()> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "INSERT INTO accommodations (code, name_es, name_en, position) \
                     SELECT $1, $2, $3, coalesce(max(position), 0) + 1 FROM accommodations",
                )
                .bind(&entry.code)
                .bind(&entry.name_es)
                .bind(&entry.name_en)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                $crate::audit::store::insert_audit!(&mut *tx, audit);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(())
            }

            async fn rename_accommodation(
                &self,
                entry: &$crate::vacancies::Accommodation,
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<bool> {
                $crate::vacancies::store::audited_change!(
                    self,
                    sqlx::query("UPDATE accommodations SET name_es = $1, name_en = $2 WHERE code = $3")
                        .bind(&entry.name_es)
                        .bind(&entry.name_en)
                        .bind(&entry.code),
                    audit
                )
            }

            async fn retire_accommodation(
                &self,
                code: &str,
                retired: bool,
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<bool> {
                $crate::vacancies::store::audited_change!(
                    self,
                    sqlx::query("UPDATE accommodations SET retired = $1 WHERE code = $2").bind(retired).bind(code),
                    audit
                )
            }
        }
    };
}
pub(crate) use impl_accommodation_store;
