//! Storage of accounts, their roles, sessions and single-use email links.

use crate::accounts::{Actor, MyData, Role, RoleGrant};
use crate::server::audit::AuditEvent;
use crate::server::auth::{Credentials, NewAccount, NewSession, NewToken, SessionRecord, SessionSummary, TokenPurpose};
use crate::server::db::DbResult;
use crate::server::mail::OutgoingMail;
use async_trait::async_trait;

#[async_trait]
pub trait AccountStore: Send + Sync + 'static {
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

    /// The saved preferences (cookie format) and language code of an account.
    async fn settings(&self, account_id: i64) -> DbResult<(Option<String>, Option<String>)>;

    /// Saves the preferences and/or the language of an account; `None` keeps what is there.
    async fn save_settings(&self, account_id: i64, preferences: Option<&str>, language: Option<&str>) -> DbResult<()>;

    /// What sign-in needs to check a password, by (lower-cased) email.
    async fn credentials(&self, email: &str) -> DbResult<Option<Credentials>>;

    /// The password hash of an account, for checking the current password before a change.
    async fn password_hash(&self, account_id: i64) -> DbResult<Option<String>>;

    async fn set_password_hash(&self, account_id: i64, password_hash: &str) -> DbResult<()>;

    /// Sets a new password and ends every other session of the account, in one transaction.
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
    /// ends every session and voids the account's other reset links, in one transaction.
    /// `None` when the link is unknown, used or expired.
    async fn reset_password(&self, token_hash: &str, password_hash: &str, audit: &AuditEvent) -> DbResult<Option<i64>>;

    async fn create_session(&self, session: &NewSession) -> DbResult<()>;

    /// The session with this token hash and the account behind it, whatever its age: the
    /// caller applies the timeouts.
    async fn session(&self, token_hash: &str) -> DbResult<Option<SessionRecord>>;

    async fn touch_session(&self, token_hash: &str, now: i64) -> DbResult<()>;

    async fn delete_session(&self, token_hash: &str) -> DbResult<()>;

    /// The account's sessions, most recently used first.
    async fn sessions_of(&self, account_id: i64) -> DbResult<Vec<SessionSummary>>;

    /// Ends one of the account's sessions; false when it has no such session.
    async fn delete_session_of(&self, account_id: i64, token_hash: &str) -> DbResult<bool>;

    /// Ends every session of the account but `keep`; returns how many ended.
    async fn delete_other_sessions(&self, account_id: i64, keep: &str) -> DbResult<u64>;

    /// An account as the rest of the app sees it: name, email and roles.
    async fn account_actor(&self, account_id: i64) -> DbResult<Option<Actor>>;

    /// Gives an account one more role and ends its sessions, so its next one starts with the
    /// new rights. False when it holds that role already.
    async fn grant_role(&self, account_id: i64, grant: &RoleGrant, audit: &AuditEvent) -> DbResult<bool>;

    /// Takes a role away and ends the account's sessions. False when it did not hold it;
    /// `Conflict(Rule::LastAdmin)` when it is the last admin's admin role.
    async fn revoke_role(&self, account_id: i64, role: Role, audit: &AuditEvent) -> DbResult<bool>;

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

    /// Everything kept about an account, for the person to download.
    async fn account_data(&self, account_id: i64) -> DbResult<Option<MyData>>;

    /// Erases an account and what hangs off it (roles, sessions, links, join request, mail
    /// to its address); the audit log keeps the number. `Conflict(Rule::LastAdmin)` when it is
    /// the last admin.
    async fn delete_account(&self, account_id: i64, audit: &AuditEvent) -> DbResult<bool>;
}

/// How using an email-change link went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmailChange {
    Changed {
        account_id: i64,
        old_email: String,
        new_email: String,
    },
    /// Unknown, used or expired.
    InvalidLink,
    /// Someone else took the address since the link was sent.
    Taken,
}

/// Refuses to leave the site without an admin: `Conflict(Rule::LastAdmin)` if `account_id` is
/// the only one. Run inside the transaction that removes the role.
macro_rules! keep_an_admin {
    ($tx:expr, $account_id:expr) => {{
        let admins: Vec<i64> = sqlx::query_scalar("SELECT account_id FROM account_roles WHERE role = 'admin'")
            .fetch_all(&mut *$tx)
            .await
            .map_err($crate::server::db::DbError::from_sqlx)?;
        if admins == [$account_id] {
            return Err($crate::server::db::DbError::Conflict($crate::server::db::Rule::LastAdmin));
        }
    }};
}

pub(crate) const INSERT_ACCOUNT: &str =
    "INSERT INTO accounts (email, name, password_hash, created_at, email_verified_at) \
     VALUES ($1, $2, $3, $4, $5) RETURNING id";
pub(crate) const INSERT_ROLE: &str =
    "INSERT INTO account_roles (account_id, role, company_id, centre_id, granted_at) VALUES ($1, $2, $3, $4, $5)";
pub(crate) const INSERT_TOKEN: &str =
    "INSERT INTO account_tokens (token_hash, account_id, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)";
/// Marks a link used if it still may be, returning its account: one statement, so a link
/// clicked twice at once works once.
pub(crate) const USE_TOKEN: &str = "UPDATE account_tokens SET used_at = $1 \
     WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1 RETURNING account_id";

/// A request to join a company, with the names the page shows; callers add the condition.
pub(crate) const SELECT_JOIN_REQUEST: &str =
    "SELECT r.account_id, a.name, a.email, r.company_id, c.legal_name AS company_name, c.ruc, r.requested_at \
     FROM company_join_requests r JOIN accounts a ON a.id = r.account_id JOIN companies c ON c.id = r.company_id";

/// Ends every session of an account, after a change to its password or its rights.
pub(crate) const END_ALL_SESSIONS: &str = "DELETE FROM sessions WHERE account_id = $1";

/// Inserts an account and its first role on a transaction; evaluates to the new id.
macro_rules! insert_account {
    ($tx:expr, $account:expr) => {{
        use $crate::server::db::DbError;
        let account = $account;
        let id = $crate::accounts::store::insert_account_row!($tx, account);
        sqlx::query($crate::accounts::store::INSERT_ROLE)
            .bind(id)
            .bind(account.role.role.code())
            .bind(account.role.company_id)
            .bind(account.role.centre_id)
            .bind(account.now)
            .execute(&mut *$tx)
            .await
            .map_err(DbError::from_sqlx)?;
        id
    }};
}

/// Inserts an account without any role on a transaction; evaluates to the new id.
macro_rules! insert_account_row {
    ($tx:expr, $account:expr) => {{
        let account = $account;
        let id: i64 = sqlx::query_scalar($crate::accounts::store::INSERT_ACCOUNT)
            .bind(account.email.as_str())
            .bind(&account.name)
            .bind(&account.password_hash)
            .bind(account.now)
            .bind(account.email_verified.then_some(account.now))
            .fetch_one(&mut *$tx)
            .await
            .map_err($crate::server::db::DbError::from_sqlx)?;
        id
    }};
}

/// Inserts a single-use link and the message carrying it on a transaction.
macro_rules! insert_token_and_mail {
    ($tx:expr, $account_id:expr, $token:expr, $mail:expr) => {{
        use $crate::server::db::DbError;
        let token = $token;
        sqlx::query($crate::accounts::store::INSERT_TOKEN)
            .bind(&token.token_hash)
            .bind($account_id)
            .bind(token.purpose.code())
            .bind(token.now)
            .bind(token.expires_at)
            .execute(&mut *$tx)
            .await
            .map_err(DbError::from_sqlx)?;
        $crate::server::mail::outbox::insert_mail!($mail, token.now)
            .fetch_one(&mut *$tx)
            .await
            .map_err(DbError::from_sqlx)?;
    }};
}

macro_rules! impl_account_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::accounts::store::AccountStore for $store {
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
                .fetch_all(&self.pool)
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn pending_join(&self, account_id: i64) -> $crate::server::db::DbResult<Option<String>> {
                sqlx::query_scalar(
                    "SELECT c.legal_name FROM company_join_requests r JOIN companies c ON c.id = r.company_id \
                     WHERE r.account_id = $1",
                )
                .bind(account_id)
                .fetch_optional(&self.pool)
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

            async fn settings(
                &self,
                account_id: i64,
            ) -> $crate::server::db::DbResult<(Option<String>, Option<String>)> {
                let found: Option<(Option<String>, Option<String>)> =
                    sqlx::query_as("SELECT preferences, language FROM accounts WHERE id = $1")
                        .bind(account_id)
                        .fetch_optional(&self.pool)
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
                .execute(&self.pool)
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(())
            }

            async fn credentials(
                &self,
                email: &str,
            ) -> $crate::server::db::DbResult<Option<$crate::server::auth::Credentials>> {
                sqlx::query_as(
                    "SELECT id AS account_id, password_hash, email_verified_at IS NOT NULL AS email_verified \
                     FROM accounts WHERE email = $1",
                )
                .bind(email)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn password_hash(&self, account_id: i64) -> $crate::server::db::DbResult<Option<String>> {
                sqlx::query_scalar("SELECT password_hash FROM accounts WHERE id = $1")
                    .bind(account_id)
                    .fetch_optional(&self.pool)
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
                    .execute(&self.pool)
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
                .fetch_optional(&self.pool)
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
                sqlx::query(
                    "UPDATE account_tokens SET used_at = $1 \
                     WHERE account_id = $2 AND purpose = $3 AND used_at IS NULL",
                )
                .bind(now)
                .bind(account_id)
                .bind($crate::server::auth::TokenPurpose::ResetPassword.code())
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                $crate::audit::store::insert_audit!(&mut *tx, &audit.clone().by(account_id).about(account_id));
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(Some(account_id))
            }

            async fn create_session(
                &self,
                session: &$crate::server::auth::NewSession,
            ) -> $crate::server::db::DbResult<()> {
                sqlx::query(
                    "INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at, expires_at, user_agent) \
                     VALUES ($1, $2, $3, $3, $4, $5)",
                )
                .bind(&session.token_hash)
                .bind(session.account_id)
                .bind(session.now)
                .bind(session.expires_at)
                .bind(&session.user_agent)
                .execute(&self.pool)
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(())
            }

            async fn session(
                &self,
                token_hash: &str,
            ) -> $crate::server::db::DbResult<Option<$crate::server::auth::SessionRecord>> {
                let row: Option<(i64, i64, i64, i64)> = sqlx::query_as(
                    "SELECT account_id, created_at, last_seen_at, expires_at FROM sessions WHERE token_hash = $1",
                )
                .bind(token_hash)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                let Some((account_id, created_at, last_seen_at, expires_at)) = row else { return Ok(None) };
                let Some(actor) = self.account_actor(account_id).await? else { return Ok(None) };
                Ok(Some($crate::server::auth::SessionRecord { actor, created_at, last_seen_at, expires_at }))
            }

            async fn touch_session(&self, token_hash: &str, now: i64) -> $crate::server::db::DbResult<()> {
                sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
                    .bind(now)
                    .bind(token_hash)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(())
            }

            async fn delete_session(&self, token_hash: &str) -> $crate::server::db::DbResult<()> {
                sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                    .bind(token_hash)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(())
            }

            async fn sessions_of(
                &self,
                account_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::server::auth::SessionSummary>> {
                sqlx::query_as(
                    "SELECT token_hash, created_at, last_seen_at, user_agent FROM sessions \
                     WHERE account_id = $1 ORDER BY last_seen_at DESC, created_at DESC",
                )
                .bind(account_id)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn delete_session_of(&self, account_id: i64, token_hash: &str) -> $crate::server::db::DbResult<bool> {
                let done = sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND token_hash = $2")
                    .bind(account_id)
                    .bind(token_hash)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(done.rows_affected() > 0)
            }

            async fn delete_other_sessions(&self, account_id: i64, keep: &str) -> $crate::server::db::DbResult<u64> {
                let done = sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2")
                    .bind(account_id)
                    .bind(keep)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(done.rows_affected())
            }

            async fn account_actor(
                &self,
                account_id: i64,
            ) -> $crate::server::db::DbResult<Option<$crate::accounts::Actor>> {
                use $crate::server::db::DbError;
                let account: Option<(String, String)> =
                    sqlx::query_as("SELECT name, email FROM accounts WHERE id = $1")
                        .bind(account_id)
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(DbError::from_sqlx)?;
                let Some((name, email)) = account else { return Ok(None) };
                let grants: Vec<(String, Option<i64>, Option<i64>)> = sqlx::query_as(
                    "SELECT role, company_id, centre_id FROM account_roles WHERE account_id = $1 ORDER BY role",
                )
                .bind(account_id)
                .fetch_all(&self.pool)
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
                if inserted.rows_affected() == 0 {
                    return Ok(false);
                }
                sqlx::query($crate::accounts::store::END_ALL_SESSIONS)
                    .bind(account_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                $crate::audit::store::insert_audit!(&mut *tx, audit, Some(account_id));
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
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
                if removed.rows_affected() == 0 {
                    return Ok(false);
                }
                sqlx::query($crate::accounts::store::END_ALL_SESSIONS)
                    .bind(account_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                $crate::audit::store::insert_audit!(&mut *tx, audit, Some(account_id));
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
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
                for mail in mails {
                    $crate::server::mail::outbox::insert_mail!(mail, token.now)
                        .fetch_one(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                }
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
                let changed = sqlx::query(
                    "UPDATE accounts SET email = $1, email_verified_at = $2 WHERE id = $3",
                )
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
                .fetch_optional(&self.pool)
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
                .fetch_all(&self.pool)
                .await
                .map_err(DbError::from_sqlx)?;
                let sessions: Vec<(i64, i64, i64, String)> = sqlx::query_as(
                    "SELECT created_at, last_seen_at, expires_at, user_agent FROM sessions \
                     WHERE account_id = $1 ORDER BY created_at",
                )
                .bind(account_id)
                .fetch_all(&self.pool)
                .await
                .map_err(DbError::from_sqlx)?;
                let activity: Vec<(i64, String, String, String)> = sqlx::query_as(
                    "SELECT at, action, detail, ip FROM audit_events \
                     WHERE actor_id = $1 OR subject_id = $1 ORDER BY id",
                )
                .bind(account_id)
                .fetch_all(&self.pool)
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
                    pending_join: self.pending_join(account_id).await?,
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
pub(crate) use {impl_account_store, insert_account, insert_account_row, insert_token_and_mail, keep_an_admin};
