//! Storage of an account once it exists: who it is and its roles, its saved settings, everything kept about it, and deleting it.

use crate::accounts::{Actor, MyData, Role, RoleGrant};
use crate::server::audit::AuditEvent;
use crate::server::db::DbResult;
use async_trait::async_trait;

#[async_trait]
pub trait AccountStore: Send + Sync + 'static {
    /// An account as the rest of the app sees it: name, email and roles.
    async fn account_actor(&self, account_id: i64) -> DbResult<Option<Actor>>;

    /// Gives an account one more role and ends its sessions, so its next one starts with the
    /// new rights. False when it holds that role already.
    async fn grant_role(&self, account_id: i64, grant: &RoleGrant, audit: &AuditEvent) -> DbResult<bool>;

    /// Takes a role away and ends the account's sessions. False when it did not hold it;
    /// `Conflict(Rule::LastAdmin)` when it is the last admin's admin role.
    async fn revoke_role(&self, account_id: i64, role: Role, audit: &AuditEvent) -> DbResult<bool>;

    /// The saved preferences (cookie format) and language code of an account.
    async fn settings(&self, account_id: i64) -> DbResult<(Option<String>, Option<String>)>;

    /// Saves the preferences and/or the language of an account; `None` keeps what is there.
    async fn save_settings(&self, account_id: i64, preferences: Option<&str>, language: Option<&str>) -> DbResult<()>;

    /// Everything kept about an account, for the person to download.
    async fn account_data(&self, account_id: i64) -> DbResult<Option<MyData>>;

    /// Erases an account and what hangs off it (roles, sessions, links, join request, mail
    /// to its address); the audit log keeps the number. `Conflict(Rule::LastAdmin)` when it is
    /// the last admin.
    async fn delete_account(&self, account_id: i64, audit: &AuditEvent) -> DbResult<bool>;
}

macro_rules! impl_account_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::accounts::store::AccountStore for $store {
            async fn account_actor(
                &self,
                account_id: i64,
            ) -> $crate::server::db::DbResult<Option<$crate::accounts::Actor>> {
                use $crate::server::db::DbError;
                let account: Option<(String, String)> =
                    sqlx::query_as("SELECT name, email FROM accounts WHERE id = $1")
                        .bind(account_id)
                        .fetch_optional(self.pool())
                        .await
                        .map_err(DbError::from_sqlx)?;
                let Some((name, email)) = account else { return Ok(None) };
                let grants: Vec<(String, Option<i64>, Option<i64>)> = sqlx::query_as(
                    "SELECT role, company_id, centre_id FROM account_roles WHERE account_id = $1 ORDER BY role",
                )
                .bind(account_id)
                .fetch_all(self.pool())
                .await
                .map_err(DbError::from_sqlx)?;
                let roles = grants
                    .into_iter()
                    .filter_map(|(role, company_id, centre_id)| {
                        Some($crate::accounts::RoleGrant {
                            role: $crate::accounts::Role::from_code(&role)?,
                            company_id,
                            centre_id,
                        })
                    })
                    .collect();
                Ok(Some($crate::accounts::Actor { account_id, name, email, roles }))
            }

            async fn grant_role(
                &self,
                account_id: i64,
                grant: &$crate::accounts::RoleGrant,
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let inserted = sqlx::query(
                    "INSERT INTO account_roles (account_id, role, company_id, centre_id, granted_by, granted_at) \
                     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (account_id, role) DO NOTHING",
                )
                .bind(account_id)
                .bind(grant.role.code())
                .bind(grant.company_id)
                .bind(grant.centre_id)
                .bind(audit.actor_id)
                .bind(audit.at)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                $crate::accounts::store::finish_role_change!(tx, inserted, account_id, audit)
            }

            async fn revoke_role(
                &self,
                account_id: i64,
                role: $crate::accounts::Role,
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                if role == $crate::accounts::Role::Admin {
                    $crate::accounts::store::keep_an_admin!(tx, account_id);
                }
                let removed = sqlx::query("DELETE FROM account_roles WHERE account_id = $1 AND role = $2")
                    .bind(account_id)
                    .bind(role.code())
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                $crate::accounts::store::finish_role_change!(tx, removed, account_id, audit)
            }

            async fn settings(
                &self,
                account_id: i64,
            ) -> $crate::server::db::DbResult<(Option<String>, Option<String>)> {
                let found: Option<(Option<String>, Option<String>)> =
                    sqlx::query_as("SELECT preferences, language FROM accounts WHERE id = $1")
                        .bind(account_id)
                        .fetch_optional(self.pool())
                        .await
                        .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(found.unwrap_or((None, None)))
            }

            async fn save_settings(
                &self,
                account_id: i64,
                preferences: Option<&str>,
                language: Option<&str>,
            ) -> $crate::server::db::DbResult<()> {
                sqlx::query(
                    "UPDATE accounts SET preferences = COALESCE($1, preferences), language = COALESCE($2, language) \
                     WHERE id = $3",
                )
                .bind(preferences)
                .bind(language)
                .bind(account_id)
                .execute(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(())
            }

            async fn account_data(
                &self,
                account_id: i64,
            ) -> $crate::server::db::DbResult<Option<$crate::accounts::MyData>> {
                use $crate::accounts::{MyAccountData, MyActivityData, MyData, MyRoleData, MySessionData};
                use $crate::domain::lima_time::format_utc_iso as iso;
                use $crate::server::db::DbError;
                type AccountRow = (i64, String, String, i64, Option<i64>, Option<String>, Option<String>);
                let account: Option<AccountRow> = sqlx::query_as(
                    "SELECT id, name, email, created_at, email_verified_at, language, preferences \
                     FROM accounts WHERE id = $1",
                )
                .bind(account_id)
                .fetch_optional(self.pool())
                .await
                .map_err(DbError::from_sqlx)?;
                let Some((id, name, email, created_at, verified_at, language, preferences)) = account else {
                    return Ok(None);
                };
                let roles: Vec<(String, Option<String>, Option<String>, i64)> = sqlx::query_as(
                    "SELECT r.role, co.legal_name, ce.name, r.granted_at FROM account_roles r \
                     LEFT JOIN companies co ON co.id = r.company_id LEFT JOIN centres ce ON ce.id = r.centre_id \
                     WHERE r.account_id = $1 ORDER BY r.granted_at, r.role",
                )
                .bind(account_id)
                .fetch_all(self.pool())
                .await
                .map_err(DbError::from_sqlx)?;
                let sessions: Vec<(i64, i64, i64, String)> = sqlx::query_as(
                    "SELECT created_at, last_seen_at, expires_at, user_agent FROM sessions \
                     WHERE account_id = $1 ORDER BY created_at",
                )
                .bind(account_id)
                .fetch_all(self.pool())
                .await
                .map_err(DbError::from_sqlx)?;
                let activity: Vec<(i64, String, String, String)> = sqlx::query_as(
                    "SELECT at, action, detail, ip FROM audit_events \
                     WHERE actor_id = $1 OR subject_id = $1 ORDER BY id",
                )
                .bind(account_id)
                .fetch_all(self.pool())
                .await
                .map_err(DbError::from_sqlx)?;
                Ok(Some(MyData {
                    account: MyAccountData {
                        id,
                        name,
                        email,
                        created_at: iso(created_at),
                        email_confirmed_at: verified_at.map(iso),
                        language,
                        preferences,
                    },
                    roles: roles
                        .into_iter()
                        .map(|(role, company, centre, at)| MyRoleData { role, company, centre, granted_at: iso(at) })
                        .collect(),
                    pending_join: $crate::accounts::store::SignUpStore::pending_join(self, account_id).await?,
                    sessions: sessions
                        .into_iter()
                        .map(|(started, used, ends, browser)| MySessionData {
                            started_at: iso(started),
                            last_used_at: iso(used),
                            ends_at: iso(ends),
                            browser,
                        })
                        .collect(),
                    activity: activity
                        .into_iter()
                        .map(|(at, action, detail, ip)| MyActivityData { at: iso(at), action, detail, ip })
                        .collect(),
                    register: None,
                    saved_searches: Vec::new(),
                    reports: Vec::new(),
                }))
            }

            async fn delete_account(
                &self,
                account_id: i64,
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                $crate::accounts::store::keep_an_admin!(tx, account_id);
                let email: Option<String> = sqlx::query_scalar("SELECT email FROM accounts WHERE id = $1")
                    .bind(account_id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                let Some(email) = email else { return Ok(false) };
                // Mail to the address holds the person's name and links: it goes with them.
                sqlx::query("DELETE FROM outbox WHERE to_address = $1")
                    .bind(&email)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                // The person's profile in the register goes with the account they hold it by.
                let seeker: Option<i64> = sqlx::query_scalar("SELECT id FROM seekers WHERE account_id = $1")
                    .bind(account_id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                if let Some(seeker) = seeker {
                    let _ = $crate::seekers::store::erase_seeker!(tx, seeker, audit.at);
                }
                // Roles, sessions, links and a join request go by ON DELETE CASCADE; records
                // naming this account as granter or verifier keep the event, not the person.
                sqlx::query("DELETE FROM accounts WHERE id = $1")
                    .bind(account_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                $crate::audit::store::insert_audit!(&mut *tx, audit, Some(account_id));
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }
        }
    };
}
pub(crate) use impl_account_store;
