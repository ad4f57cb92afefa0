//! Storage of second factors: an authenticator app's secret and the step it last accepted,
//! recovery codes (hashed), and the mark a session gets when it passes one. Each change is
//! one transaction with its audit event.

use crate::server::audit::AuditEvent;
use crate::server::db::DbResult;
use crate::server::mail::OutgoingMail;
use async_trait::async_trait;

/// An authenticator app's secret and the newest step whose code it accepted.
#[derive(Clone)]
pub struct TotpFactor {
    pub secret: String,
    pub last_step: i64,
}

impl std::fmt::Debug for TotpFactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TotpFactor").field("last_step", &self.last_step).finish_non_exhaustive()
    }
}

/// What an account has set up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FactorsOf {
    pub app: bool,
    pub passkeys: i64,
    pub recovery_codes_left: i64,
}

impl FactorsOf {
    /// Whether the account has a second factor at all (recovery codes alone are none).
    pub fn any(&self) -> bool {
        self.app || self.passkeys > 0
    }
}

/// An app being set up: its secret, the step of the code that confirmed it, and the new
/// recovery codes' hashes.
#[derive(Clone)]
pub struct NewTotp<'a> {
    pub secret: &'a str,
    pub step: i64,
    pub recovery_hashes: &'a [String],
}

#[async_trait]
pub trait SecondFactorStore: Send + Sync + 'static {
    /// What `account_id` has set up.
    async fn factors_of(&self, account_id: i64) -> DbResult<FactorsOf>;

    /// The account's authenticator app, if it has one.
    async fn totp_factor(&self, account_id: i64) -> DbResult<Option<TotpFactor>>;

    /// Keeps the app confirmed by a code of `totp.step`, with a new set of recovery codes (any
    /// earlier set stops working), and marks `session` as having passed it at `audit.at`.
    /// `false`, and nothing stored, when the account has an app already.
    async fn enrol_totp(
        &self,
        account_id: i64,
        totp: &NewTotp<'_>,
        session: &str,
        audit: &AuditEvent,
    ) -> DbResult<bool>;

    /// Takes the app's code of `step` for `session`: `false` when a code of that step or a
    /// newer one was taken already (two tries racing with one code: one wins).
    async fn pass_with_totp(&self, account_id: i64, step: i64, session: &str, audit: &AuditEvent) -> DbResult<bool>;

    /// Uses the recovery code with this hash for `session`: how many are left, or `None` when
    /// the account has no such unused code.
    async fn pass_with_recovery_code(
        &self,
        account_id: i64,
        code_hash: &str,
        session: &str,
        audit: &AuditEvent,
    ) -> DbResult<Option<i64>>;

    /// A new set of recovery codes for the account; the earlier set stops working.
    async fn replace_recovery_codes(&self, account_id: i64, hashes: &[String], audit: &AuditEvent) -> DbResult<()>;

    /// Removes the account's app, passkeys and recovery codes. With `end_sessions`, every session of
    /// the account ends and `mail` is queued (an admin's reset); otherwise its sessions stay.
    async fn remove_second_factor(
        &self,
        account_id: i64,
        end_sessions: bool,
        mail: Option<&OutgoingMail>,
        audit: &AuditEvent,
    ) -> DbResult<()>;
}

macro_rules! impl_second_factor_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::second_factor::store::SecondFactorStore for $store {
            async fn factors_of(
                &self,
                account_id: i64,
            ) -> $crate::server::db::DbResult<$crate::second_factor::store::FactorsOf> {
                let (app, passkeys, recovery_codes_left): (bool, i64, i64) = sqlx::query_as(
                    "SELECT EXISTS (SELECT 1 FROM totp_factors WHERE account_id = $1), \
                     (SELECT COUNT(*) FROM passkeys WHERE account_id = $1), \
                     (SELECT COUNT(*) FROM recovery_codes WHERE account_id = $1 AND used_at IS NULL)",
                )
                .bind(account_id)
                .fetch_one(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok($crate::second_factor::store::FactorsOf { app, passkeys, recovery_codes_left })
            }

            async fn totp_factor(
                &self,
                account_id: i64,
            ) -> $crate::server::db::DbResult<Option<$crate::second_factor::store::TotpFactor>> {
                let row: Option<(String, i64)> =
                    sqlx::query_as("SELECT secret, last_step FROM totp_factors WHERE account_id = $1")
                        .bind(account_id)
                        .fetch_optional(self.pool())
                        .await
                        .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(row.map(|(secret, last_step)| $crate::second_factor::store::TotpFactor { secret, last_step }))
            }

            async fn enrol_totp(
                &self,
                account_id: i64,
                totp: &$crate::second_factor::store::NewTotp<'_>,
                session: &str,
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let added = sqlx::query(
                    "INSERT INTO totp_factors (account_id, secret, last_step, created_at) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (account_id) DO NOTHING",
                )
                .bind(account_id)
                .bind(totp.secret)
                .bind(totp.step)
                .bind(audit.at)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if added.rows_affected() == 0 {
                    return Ok(false);
                }
                $crate::second_factor::store::put_recovery_codes!(tx, account_id, totp.recovery_hashes);
                $crate::second_factor::store::mark_session!(tx, session, account_id, audit.at);
                $crate::audit::store::insert_audit!(&mut *tx, audit);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }

            async fn pass_with_totp(
                &self,
                account_id: i64,
                step: i64,
                session: &str,
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let taken =
                    sqlx::query("UPDATE totp_factors SET last_step = $2 WHERE account_id = $1 AND last_step < $2")
                        .bind(account_id)
                        .bind(step)
                        .execute(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                if taken.rows_affected() == 0 {
                    return Ok(false);
                }
                $crate::second_factor::store::mark_session!(tx, session, account_id, audit.at);
                $crate::audit::store::insert_audit!(&mut *tx, audit);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }

            async fn pass_with_recovery_code(
                &self,
                account_id: i64,
                code_hash: &str,
                session: &str,
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<Option<i64>> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let used = sqlx::query(
                    "UPDATE recovery_codes SET used_at = $3 \
                     WHERE account_id = $1 AND code_hash = $2 AND used_at IS NULL",
                )
                .bind(account_id)
                .bind(code_hash)
                .bind(audit.at)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if used.rows_affected() == 0 {
                    return Ok(None);
                }
                let left: i64 =
                    sqlx::query_scalar("SELECT COUNT(*) FROM recovery_codes WHERE account_id = $1 AND used_at IS NULL")
                        .bind(account_id)
                        .fetch_one(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                $crate::second_factor::store::mark_session!(tx, session, account_id, audit.at);
                let mut audit = audit.clone();
                audit.detail = format!("{left}");
                $crate::audit::store::insert_audit!(&mut *tx, &audit);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(Some(left))
            }

            async fn replace_recovery_codes(
                &self,
                account_id: i64,
                hashes: &[String],
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<()> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                $crate::second_factor::store::put_recovery_codes!(tx, account_id, hashes);
                $crate::audit::store::insert_audit!(&mut *tx, audit);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(())
            }

            async fn remove_second_factor(
                &self,
                account_id: i64,
                end_sessions: bool,
                mail: Option<&$crate::server::mail::OutgoingMail>,
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<()> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                for statement in [
                    "DELETE FROM totp_factors WHERE account_id = $1",
                    "DELETE FROM passkeys WHERE account_id = $1",
                    "DELETE FROM passkey_ceremonies WHERE account_id = $1",
                    "DELETE FROM recovery_codes WHERE account_id = $1",
                ] {
                    sqlx::query(statement).bind(account_id).execute(&mut *tx).await.map_err(DbError::from_sqlx)?;
                }
                if end_sessions {
                    sqlx::query("DELETE FROM sessions WHERE account_id = $1")
                        .bind(account_id)
                        .execute(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                }
                $crate::server::mail::outbox::queue_in!(tx, mail, audit.at);
                $crate::audit::store::insert_audit!(&mut *tx, audit);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(())
            }
        }
    };
}

/// Replaces the account's recovery codes with `hashes`, inside a transaction.
macro_rules! put_recovery_codes {
    ($tx:expr, $account_id:expr, $hashes:expr) => {{
        use $crate::server::db::DbError;
        sqlx::query("DELETE FROM recovery_codes WHERE account_id = $1")
            .bind($account_id)
            .execute(&mut *$tx)
            .await
            .map_err(DbError::from_sqlx)?;
        for hash in $hashes.iter() {
            sqlx::query("INSERT INTO recovery_codes (account_id, code_hash) VALUES ($1, $2)")
                .bind($account_id)
                .bind(hash)
                .execute(&mut *$tx)
                .await
                .map_err(DbError::from_sqlx)?;
        }
    }};
}

/// Marks the account's session as having passed its second factor at `$at`.
macro_rules! mark_session {
    ($tx:expr, $session:expr, $account_id:expr, $at:expr) => {{
        sqlx::query(
            "UPDATE sessions SET second_factor_at = $1, last_seen_at = $1 WHERE token_hash = $2 AND account_id = $3",
        )
        .bind($at)
        .bind($session)
        .bind($account_id)
        .execute(&mut *$tx)
        .await
        .map_err($crate::server::db::DbError::from_sqlx)?;
    }};
}

pub(crate) use {impl_second_factor_store, mark_session, put_recovery_codes};
