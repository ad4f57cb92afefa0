//! Storage of what proves who someone is: password hashes and the single-use links sent by email.

use super::EmailChange;
use crate::server::audit::AuditEvent;
use crate::server::auth::{Credentials, NewToken, TokenPurpose};
use crate::server::db::DbResult;
use crate::server::mail::OutgoingMail;
use async_trait::async_trait;

#[async_trait]
pub trait CredentialStore: Send + Sync + 'static {
    /// What sign-in needs to check a password, by (lower-cased) email.
    async fn credentials(&self, email: &str) -> DbResult<Option<Credentials>>;

    /// The password hash of an account, for checking the current password before a change.
    async fn password_hash(&self, account_id: i64) -> DbResult<Option<String>>;

    async fn set_password_hash(&self, account_id: i64, password_hash: &str) -> DbResult<()>;

    /// Sets a new password, ends every other session of the account and voids its unused
    /// emailed links, in one transaction.
    async fn change_password(
        &self,
        account_id: i64,
        password_hash: &str,
        keep_session: &str,
        audit: &AuditEvent,
    ) -> DbResult<()>;

    /// Stores a single-use link for the account and queues the message carrying it.
    async fn issue_token(&self, account_id: i64, token: &NewToken, mail: &OutgoingMail) -> DbResult<()>;

    /// The account a link is for, if it is unused and unexpired; uses nothing.
    async fn token_account(&self, token_hash: &str, purpose: TokenPurpose, now: i64) -> DbResult<Option<i64>>;

    /// Uses a confirmation link: the account's email counts as confirmed. `None` when the
    /// link is unknown, used or expired.
    async fn verify_email(&self, token_hash: &str, now: i64) -> DbResult<Option<i64>>;

    /// Uses a reset link: sets the new password, confirms the email (the link reached it),
    /// ends every session and voids every other emailed link of the account, in one transaction.
    /// `None` when the link is unknown, used or expired.
    async fn reset_password(&self, token_hash: &str, password_hash: &str, audit: &AuditEvent) -> DbResult<Option<i64>>;

    /// Stores a link that moves the account to `new_email` and queues its messages (the link
    /// to the new address, a warning to the current one), in one transaction.
    async fn issue_email_change(
        &self,
        account_id: i64,
        token: &NewToken,
        new_email: &str,
        mails: &[OutgoingMail],
    ) -> DbResult<()>;

    /// Uses an email-change link: the account's email becomes the one the link was sent to
    /// (confirmed by the click), and its other change links are voided.
    async fn change_email(&self, token_hash: &str, audit: &AuditEvent) -> DbResult<EmailChange>;

    /// The address a live email-change link of the account would move it to, if there is one.
    async fn pending_email_change(&self, account_id: i64, now: i64) -> DbResult<Option<String>>;

    /// Voids the account's live email-change links (the owner said the change was not theirs),
    /// audited; `false` when there was none.
    async fn cancel_email_change(&self, account_id: i64, audit: &AuditEvent) -> DbResult<bool>;
}

macro_rules! impl_credential_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::accounts::store::CredentialStore for $store {
            async fn credentials(
                &self,
                email: &str,
            ) -> $crate::server::db::DbResult<Option<$crate::server::auth::Credentials>> {
                sqlx::query_as(
                    "SELECT id AS account_id, password_hash, email_verified_at IS NOT NULL AS email_verified \
                     FROM accounts WHERE email = $1",
                )
                .bind(email)
                .fetch_optional(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn password_hash(&self, account_id: i64) -> $crate::server::db::DbResult<Option<String>> {
                sqlx::query_scalar("SELECT password_hash FROM accounts WHERE id = $1")
                    .bind(account_id)
                    .fetch_optional(self.pool())
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn set_password_hash(
                &self,
                account_id: i64,
                password_hash: &str,
            ) -> $crate::server::db::DbResult<()> {
                sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
                    .bind(password_hash)
                    .bind(account_id)
                    .execute(self.pool())
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(())
            }

            async fn change_password(
                &self,
                account_id: i64,
                password_hash: &str,
                keep_session: &str,
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<()> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
                    .bind(password_hash)
                    .bind(account_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2")
                    .bind(account_id)
                    .bind(keep_session)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                $crate::accounts::store::void_links!(tx, account_id, audit.at);
                $crate::audit::store::insert_audit!(&mut *tx, audit);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(())
            }

            async fn issue_token(
                &self,
                account_id: i64,
                token: &$crate::server::auth::NewToken,
                mail: &$crate::server::mail::OutgoingMail,
            ) -> $crate::server::db::DbResult<()> {
                let mut tx = self.begin_write().await?;
                $crate::accounts::store::insert_token_and_mail!(tx, account_id, token, mail);
                tx.commit().await.map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(())
            }

            async fn token_account(
                &self,
                token_hash: &str,
                purpose: $crate::server::auth::TokenPurpose,
                now: i64,
            ) -> $crate::server::db::DbResult<Option<i64>> {
                sqlx::query_scalar(
                    "SELECT account_id FROM account_tokens \
                     WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
                )
                .bind(token_hash)
                .bind(purpose.code())
                .bind(now)
                .fetch_optional(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn verify_email(&self, token_hash: &str, now: i64) -> $crate::server::db::DbResult<Option<i64>> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let account_id: Option<i64> = sqlx::query_scalar($crate::accounts::store::USE_TOKEN)
                    .bind(now)
                    .bind(token_hash)
                    .bind($crate::server::auth::TokenPurpose::VerifyEmail.code())
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                let Some(account_id) = account_id else { return Ok(None) };
                sqlx::query("UPDATE accounts SET email_verified_at = COALESCE(email_verified_at, $1) WHERE id = $2")
                    .bind(now)
                    .bind(account_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(Some(account_id))
            }

            async fn reset_password(
                &self,
                token_hash: &str,
                password_hash: &str,
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<Option<i64>> {
                use $crate::server::db::DbError;
                let now = audit.at;
                let mut tx = self.begin_write().await?;
                let account_id: Option<i64> = sqlx::query_scalar($crate::accounts::store::USE_TOKEN)
                    .bind(now)
                    .bind(token_hash)
                    .bind($crate::server::auth::TokenPurpose::ResetPassword.code())
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                let Some(account_id) = account_id else { return Ok(None) };
                sqlx::query(
                    "UPDATE accounts SET password_hash = $1, email_verified_at = COALESCE(email_verified_at, $2) \
                     WHERE id = $3",
                )
                .bind(password_hash)
                .bind(now)
                .bind(account_id)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                sqlx::query($crate::accounts::store::END_ALL_SESSIONS)
                    .bind(account_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                $crate::accounts::store::void_links!(tx, account_id, now);
                $crate::audit::store::insert_audit!(&mut *tx, &audit.clone().by(account_id).about(account_id));
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(Some(account_id))
            }

            async fn issue_email_change(
                &self,
                account_id: i64,
                token: &$crate::server::auth::NewToken,
                new_email: &str,
                mails: &[$crate::server::mail::OutgoingMail],
            ) -> $crate::server::db::DbResult<()> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                // One address change at a time: a newer request voids the links of older ones.
                sqlx::query(
                    "UPDATE account_tokens SET used_at = $1 WHERE account_id = $2 AND purpose = $3 AND used_at IS NULL",
                )
                .bind(token.now)
                .bind(account_id)
                .bind(token.purpose.code())
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                sqlx::query(
                    "INSERT INTO account_tokens (token_hash, account_id, purpose, created_at, expires_at, new_email) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(&token.token_hash)
                .bind(account_id)
                .bind(token.purpose.code())
                .bind(token.now)
                .bind(token.expires_at)
                .bind(new_email)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                $crate::server::mail::outbox::queue_in!(tx, mails, token.now);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(())
            }

            async fn change_email(
                &self,
                token_hash: &str,
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<$crate::accounts::store::EmailChange> {
                use $crate::accounts::store::EmailChange;
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let used: Option<(i64, Option<String>)> = sqlx::query_as(
                    "UPDATE account_tokens SET used_at = $1 \
                     WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1 \
                     RETURNING account_id, new_email",
                )
                .bind(audit.at)
                .bind(token_hash)
                .bind($crate::server::auth::TokenPurpose::ChangeEmail.code())
                .fetch_optional(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                let Some((account_id, Some(new_email))) = used else { return Ok(EmailChange::InvalidLink) };
                let old_email: String = sqlx::query_scalar("SELECT email FROM accounts WHERE id = $1")
                    .bind(account_id)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                let changed = sqlx::query("UPDATE accounts SET email = $1, email_verified_at = $2 WHERE id = $3")
                    .bind(&new_email)
                    .bind(audit.at)
                    .bind(account_id)
                    .execute(&mut *tx)
                    .await;
                match changed.map_err(DbError::from_sqlx) {
                    Ok(_) => {}
                    // The link stays unused: the rollback undoes its use.
                    Err(DbError::Conflict(_)) => return Ok(EmailChange::Taken),
                    Err(err) => return Err(err),
                }
                // Links sent to the old address stop working with it.
                sqlx::query("UPDATE account_tokens SET used_at = $1 WHERE account_id = $2 AND used_at IS NULL")
                    .bind(audit.at)
                    .bind(account_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                let audit = audit.clone().by(audit.actor_id.unwrap_or(account_id)).about(account_id);
                $crate::audit::store::insert_audit!(&mut *tx, &audit);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(EmailChange::Changed { account_id, old_email, new_email })
            }

            async fn pending_email_change(
                &self,
                account_id: i64,
                now: i64,
            ) -> $crate::server::db::DbResult<Option<String>> {
                sqlx::query_scalar(
                    "SELECT new_email FROM account_tokens \
                     WHERE account_id = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3 \
                     ORDER BY created_at DESC LIMIT 1",
                )
                .bind(account_id)
                .bind($crate::server::auth::TokenPurpose::ChangeEmail.code())
                .bind(now)
                .fetch_optional(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn cancel_email_change(
                &self,
                account_id: i64,
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let voided = sqlx::query(
                    "UPDATE account_tokens SET used_at = $1 \
                     WHERE account_id = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1",
                )
                .bind(audit.at)
                .bind(account_id)
                .bind($crate::server::auth::TokenPurpose::ChangeEmail.code())
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if voided.rows_affected() == 0 {
                    return Ok(false);
                }
                $crate::audit::store::insert_audit!(&mut *tx, &audit.clone().by(account_id).about(account_id));
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }
        }
    };
}
pub(crate) use impl_credential_store;
