//! `senda admin …`: account tasks for operators, from the command line.

use crate::domain::{Email, NewPassword};
use crate::domain::{Role, RoleGrant};
use crate::server::auth::{now, password::Passwords, NewAccount};
use crate::server::config::Config;
use crate::server::db::prelude::*;
use anyhow::{anyhow, bail, Context};
use std::io::{BufRead, IsTerminal};

/// Reads a password from the terminal without echo, or one line of standard input.
fn read_password() -> anyhow::Result<String> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ")?;
        let again = rpassword::prompt_password("Same password again: ")?;
        if first != again {
            bail!("the two passwords differ");
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).context("cannot read the password from standard input")?;
        Ok(line.trim_end_matches(['\r', '\n']).to_string())
    }
}

pub async fn create_admin(store: &dyn Store, config: &Config, email: &str, name: &str) -> anyhow::Result<i64> {
    let email = Email::parse(email).map_err(|e| anyhow!("--email is not a usable address ({e:?})"))?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        bail!("--name must be 1 to 100 characters");
    }
    let password = NewPassword::parse(&read_password()?).map_err(|e| match e {
        crate::domain::password::PasswordError::TooShort => anyhow!("the password must have at least 8 characters"),
        crate::domain::password::PasswordError::TooLong => anyhow!("the password must have at most 128 characters"),
        crate::domain::password::PasswordError::TooCommon => {
            anyhow!("that password is one of the most common: choose another")
        }
    })?;
    let passwords = Passwords::new(config.argon2_memory_kib, config.argon2_iterations, 1, 0)?;
    let password_hash =
        passwords.hash(password.expose()).await.map_err(|e| anyhow!("cannot hash the password: {e:?}"))?;
    let account = NewAccount {
        email,
        name: name.to_string(),
        password_hash,
        role: RoleGrant { role: Role::Admin, company_id: None, centre_id: None },
        email_verified: true,
        now: now(),
    };
    match store.create_account(&account).await {
        Ok(id) => Ok(id),
        Err(DbError::Conflict(_)) => bail!("an account with that email already exists"),
        Err(err) => Err(err.into()),
    }
}

/// Removes the second factor of the account with `email`, ends its sessions and writes the
/// reason to the audit log (by nobody: the server's operator).
pub async fn reset_second_factor(store: &dyn Store, email: &str, reason: &str) -> anyhow::Result<i64> {
    let email = Email::parse(email).map_err(|e| anyhow!("--email is not a usable address ({e:?})"))?;
    let reason = reason.trim();
    if reason.chars().count() < 10 {
        bail!("--reason must say why, in at least 10 characters");
    }
    let account_id = store
        .credentials(email.as_str())
        .await?
        .map(|c| c.account_id)
        .ok_or_else(|| anyhow!("no account has that email"))?;
    let at = now();
    let audit = crate::server::audit::AuditEvent::new(crate::audit::AuditAction::SecondFactorReset, at, "command line")
        .about(account_id)
        .detail(format!("senda admin: {}", reason.chars().take(480).collect::<String>()));
    store.remove_second_factor(account_id, true, None, &audit).await?;
    Ok(account_id)
}
