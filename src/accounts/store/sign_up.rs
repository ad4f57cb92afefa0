//! Storage of new accounts: signing up, staff invited by an admin, and employers asking to act for a company.

use crate::server::audit::AuditEvent;
use crate::server::auth::{NewAccount, NewToken};
use crate::server::db::DbResult;
use crate::server::mail::OutgoingMail;
use async_trait::async_trait;

#[async_trait]
pub trait SignUpStore: Send + Sync + 'static {
    /// Creates an account with its first role, in one transaction. A taken email is
    /// `Conflict("accounts_email_key")`.
    async fn create_account(&self, account: &NewAccount) -> DbResult<i64>;

    /// Creates an account with a single-use link (confirming a signed-up person's email, or
    /// setting an invited person's first password) and queues the message carrying it, all in
    /// one transaction. `audit`, where given (an admin granting a staff role), is recorded
    /// about the new account.
    async fn create_account_with_link(
        &self,
        account: &NewAccount,
        token: &NewToken,
        mail: &OutgoingMail,
        audit: Option<&AuditEvent>,
    ) -> DbResult<i64>;

    /// Creates a company (unverified) and its first employer's account, with the link that
    /// confirms the employer's email and the message carrying it, all in one transaction.
    /// The account's role is given the new company's id. A registered RUC is
    /// `Conflict("companies_ruc_key")`, a taken email `Conflict("accounts_email_key")`.
    async fn sign_up_employer(
        &self,
        company: &crate::organisations::NewCompany,
        account: &NewAccount,
        token: &NewToken,
        mail: &OutgoingMail,
    ) -> DbResult<i64>;

    /// Creates an account that asks to join an existing company as its employer, with the
    /// link confirming its email and the message carrying it. The account has no role until
    /// a counsellor or admin approves the request.
    async fn sign_up_joining(
        &self,
        account: &NewAccount,
        company_id: i64,
        token: &NewToken,
        mail: &OutgoingMail,
    ) -> DbResult<i64>;

    /// Requests to join a company from people whose email is confirmed, oldest first.
    async fn join_requests(&self) -> DbResult<Vec<crate::organisations::JoinRequest>>;

    /// The company an account is waiting to join, if any.
    async fn pending_join(&self, account_id: i64) -> DbResult<Option<String>>;

    /// Approves (the account becomes an employer of the company, granted by the audit
    /// event's actor) or turns down a request, and ends the account's sessions so its next
    /// one starts with its new rights. `None` when there was no such request (someone decided
    /// it already).
    async fn decide_join_request(
        &self,
        account_id: i64,
        approve: bool,
        audit: &AuditEvent,
    ) -> DbResult<Option<crate::organisations::JoinRequest>>;
}

macro_rules! impl_sign_up_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::accounts::store::SignUpStore for $store {
            async fn create_account(
                &self,
                account: &$crate::server::auth::NewAccount,
            ) -> $crate::server::db::DbResult<i64> {
                let mut tx = self.begin_write().await?;
                let id = $crate::accounts::store::insert_account!(tx, account);
                tx.commit().await.map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(id)
            }

            async fn create_account_with_link(
                &self,
                account: &$crate::server::auth::NewAccount,
                token: &$crate::server::auth::NewToken,
                mail: &$crate::server::mail::OutgoingMail,
                audit: Option<&$crate::server::audit::AuditEvent>,
            ) -> $crate::server::db::DbResult<i64> {
                let mut tx = self.begin_write().await?;
                let id = $crate::accounts::store::insert_account!(tx, account);
                $crate::accounts::store::insert_token_and_mail!(tx, id, token, mail);
                if let Some(audit) = audit {
                    $crate::audit::store::insert_audit!(&mut *tx, audit, Some(id));
                }
                tx.commit().await.map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(id)
            }

            async fn sign_up_employer(
                &self,
                company: &$crate::organisations::NewCompany,
                account: &$crate::server::auth::NewAccount,
                token: &$crate::server::auth::NewToken,
                mail: &$crate::server::mail::OutgoingMail,
            ) -> $crate::server::db::DbResult<i64> {
                let mut tx = self.begin_write().await?;
                let company_id = $crate::organisations::store::insert_company!(company)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)?;
                let mut account = account.clone();
                account.role.company_id = Some(company_id);
                let id = $crate::accounts::store::insert_account!(tx, &account);
                $crate::accounts::store::insert_token_and_mail!(tx, id, token, mail);
                tx.commit().await.map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(id)
            }

            async fn sign_up_joining(
                &self,
                account: &$crate::server::auth::NewAccount,
                company_id: i64,
                token: &$crate::server::auth::NewToken,
                mail: &$crate::server::mail::OutgoingMail,
            ) -> $crate::server::db::DbResult<i64> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let id = $crate::accounts::store::insert_account_row!(tx, account);
                sqlx::query(
                    "INSERT INTO company_join_requests (account_id, company_id, requested_at) VALUES ($1, $2, $3)",
                )
                .bind(id)
                .bind(company_id)
                .bind(account.now)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                $crate::accounts::store::insert_token_and_mail!(tx, id, token, mail);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(id)
            }

            async fn join_requests(&self) -> $crate::server::db::DbResult<Vec<$crate::organisations::JoinRequest>> {
                sqlx::query_as(&format!(
                    "{} WHERE a.email_verified_at IS NOT NULL ORDER BY r.requested_at, r.account_id",
                    $crate::accounts::store::SELECT_JOIN_REQUEST
                ))
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn pending_join(&self, account_id: i64) -> $crate::server::db::DbResult<Option<String>> {
                sqlx::query_scalar(
                    "SELECT c.legal_name FROM company_join_requests r JOIN companies c ON c.id = r.company_id \
                     WHERE r.account_id = $1",
                )
                .bind(account_id)
                .fetch_optional(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn decide_join_request(
                &self,
                account_id: i64,
                approve: bool,
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<Option<$crate::organisations::JoinRequest>> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let request: Option<$crate::organisations::JoinRequest> = sqlx::query_as(&format!(
                    "{} WHERE r.account_id = $1",
                    $crate::accounts::store::SELECT_JOIN_REQUEST
                ))
                .bind(account_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                let Some(request) = request else { return Ok(None) };
                sqlx::query("DELETE FROM company_join_requests WHERE account_id = $1")
                    .bind(account_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                if approve {
                    sqlx::query(
                        "INSERT INTO account_roles (account_id, role, company_id, centre_id, granted_by, granted_at) \
                         VALUES ($1, 'employer', $2, NULL, $3, $4)",
                    )
                    .bind(account_id)
                    .bind(request.company_id)
                    .bind(audit.actor_id)
                    .bind(audit.at)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                }
                let detail = format!("{} (RUC {})", request.company_name, request.ruc);
                let detail = if approve { format!("employer: {detail}") } else { detail };
                $crate::audit::store::insert_audit!(&mut *tx, &audit.clone().about(account_id).detail(detail));
                sqlx::query($crate::accounts::store::END_ALL_SESSIONS)
                    .bind(account_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(Some(request))
            }
        }
    };
}
pub(crate) use impl_sign_up_store;
