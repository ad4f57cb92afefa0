//! Signing up: a job seeker's account, or an employer's with its company; a taken address gets
//! the same answer, and its owner an email, so the form never tells who has an account.

use super::sign_in::{confirmation_mail, CONFIRM_LINK_SECS};
use super::{email_field, hash_failed, kept, new_password_field, too_many, Fields};
use crate::accounts::{Role, RoleGrant, FORGOT_PASSWORD_PATH, SIGN_IN_PATH};
use crate::components::form::FormState;
use crate::domain::ruc::{Ruc, RucError};
use crate::domain::{Email, NewPassword, Region};
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, Key, Lang};
use crate::organisations::NewCompany;
use crate::server::auth::limits::{client_ip, MAIL_PER_ADDRESS};
use crate::server::auth::{now, tokens, NewAccount, NewToken, TokenPurpose};
use crate::server::db::prelude::*;
use crate::server::forms::{field, read, render_again};
use crate::server::mail::{compose, OutgoingMail};
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::response::Response;

/// Longest name accepted, in characters.
pub(super) const MAX_NAME_CHARS: usize = 100;
const MAX_LEGAL_NAME_CHARS: usize = 200;
const MAX_SECTOR_CHARS: usize = 100;

/// A job seeker signs up. Whether or not the email already has an account, the answer is the
/// same page ("check your email") after the same work: a new address gets a confirmation
/// link, a taken one a message telling its owner how to sign in or reset.
pub async fn sign_up(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let lang = Ui::from_request(&parts).lang;
    let mut errors = FieldErrors::default();
    let person = person_fields(lang, &fields, &mut errors);
    let values = kept(&fields, &["name", "email"]);
    let Some(person) = person.filter(|_| errors.is_empty()) else {
        return Ok(render_again(&state, parts, FormState { values, errors }).await);
    };
    let new = match admit(&state, &parts, lang, &person).await? {
        Admission::New(new) => new,
        Admission::Taken => return Ok(super::check_email_here(&state, &super::no_code())),
        Admission::Limited(limited) => {
            return Ok(too_many(&state, parts, values, "email", Key::form_err_limited, limited).await)
        }
    };
    let role = RoleGrant { role: Role::Seeker, company_id: None, centre_id: None };
    let outcome = state.store.create_account_with_link(&new.account(role), &new.token, &new.mail, None).await;
    finish(&state, lang, &person, &new.token.token_hash, outcome).await
}

/// An employer registers its company and its own account. When the RUC is registered
/// already, the account asks to join that company instead, and a counsellor or admin decides;
/// a taken email is handled as for job seekers, without saying so on the page.
pub async fn sign_up_employer(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let lang = Ui::from_request(&parts).lang;
    let mut errors = FieldErrors::default();
    let company = company_fields(lang, &fields, &mut errors);
    let person = person_fields(lang, &fields, &mut errors);
    let values = kept(&fields, &["ruc", "legal_name", "sector", "region", "name", "email"]);
    let (Some(company), Some(person)) = (company, person) else {
        return Ok(render_again(&state, parts, FormState { values, errors }).await);
    };
    if !errors.is_empty() {
        return Ok(render_again(&state, parts, FormState { values, errors }).await);
    }
    let new = match admit(&state, &parts, lang, &person).await? {
        Admission::New(new) => new,
        Admission::Taken => return Ok(super::check_email_here(&state, &super::no_code())),
        Admission::Limited(limited) => {
            return Ok(too_many(&state, parts, values, "ruc", Key::form_err_limited, limited).await)
        }
    };
    // The company id is filled in by the store once the company exists.
    let role = RoleGrant { role: Role::Employer, company_id: Some(0), centre_id: None };
    if let Some(company_id) = state.store.company_id_by_ruc(company.ruc.as_str()).await? {
        // Already on Senda: the person asks to act for it, and a centre decides.
        let outcome = state.store.sign_up_joining(&new.account(role), company_id, &new.token, &new.mail).await;
        if outcome.is_ok() {
            tracing::info!(company_id, "asked to join a registered company");
        }
        return finish(&state, lang, &person, &new.token.token_hash, outcome).await;
    }
    match state.store.sign_up_employer(&company, &new.account(role), &new.token, &new.mail).await {
        Err(DbError::Conflict(Rule::CompanyRuc)) => {
            errors.push("ruc", t(lang, Key::company_err_ruc_taken));
            Ok(render_again(&state, parts, FormState { values, errors }).await)
        }
        outcome => {
            if let Ok(account_id) = &outcome {
                // Not the RUC: a 10… RUC is a person's DNI with two digits around it.
                tracing::info!(account_id, "company registered, waiting for verification");
            }
            finish(&state, lang, &person, &new.token.token_hash, outcome).await
        }
    }
}

/// What both sign-up forms ask about the person.
struct Person {
    name: String,
    email: Email,
    password: NewPassword,
}

fn person_fields(lang: Lang, fields: &Fields, errors: &mut FieldErrors) -> Option<Person> {
    let name = bounded_text(
        lang,
        fields,
        "name",
        MAX_NAME_CHARS,
        Key::sign_up_err_name_empty,
        Key::sign_up_err_name_long,
        errors,
    );
    let email = email_field(lang, fields, errors);
    let password = new_password_field(lang, fields, "password", errors);
    Some(Person { name: name?, email: email?, password: password? })
}

fn company_fields(lang: Lang, fields: &Fields, errors: &mut FieldErrors) -> Option<NewCompany> {
    let ruc = match Ruc::parse(field(fields, "ruc")) {
        Ok(ruc) => Some(ruc),
        Err(err) => {
            let key = match err {
                RucError::Length => Key::company_err_ruc_length,
                RucError::NotDigits => Key::company_err_ruc_digits,
                RucError::CheckDigit => Key::company_err_ruc_check,
            };
            errors.push("ruc", t(lang, key));
            None
        }
    };
    let legal_name = bounded_text(
        lang,
        fields,
        "legal_name",
        MAX_LEGAL_NAME_CHARS,
        Key::company_err_name_empty,
        Key::company_err_name_long,
        errors,
    );
    let sector = bounded_text(
        lang,
        fields,
        "sector",
        MAX_SECTOR_CHARS,
        Key::company_err_sector_empty,
        Key::company_err_sector_long,
        errors,
    );
    let region = Region::parse(field(fields, "region"));
    if region.is_none() {
        errors.push("region", t(lang, Key::company_err_region_empty));
    }
    Some(NewCompany { ruc: ruc?, legal_name: legal_name?, sector: sector?, region: region?, verified: false })
}

/// A required one-line text of at most `max` characters, trimmed.
pub(super) fn bounded_text(
    lang: Lang,
    fields: &Fields,
    id: &str,
    max: usize,
    empty: Key,
    long: Key,
    errors: &mut FieldErrors,
) -> Option<String> {
    let value = field(fields, id).trim();
    if value.is_empty() {
        errors.push(id, t(lang, empty));
        None
    } else if value.chars().count() > max {
        errors.push(id, t(lang, long));
        None
    } else {
        Some(value.to_string())
    }
}

/// An account ready to store, with its confirmation link and message.
struct NewSignUp {
    name: String,
    email: Email,
    password_hash: String,
    token: NewToken,
    mail: OutgoingMail,
    now: i64,
}

impl NewSignUp {
    fn account(&self, role: RoleGrant) -> NewAccount {
        NewAccount {
            email: self.email.clone(),
            name: self.name.clone(),
            password_hash: self.password_hash.clone(),
            role,
            email_verified: false,
            now: self.now,
        }
    }
}

/// Where a good sign-up form goes next.
enum Admission {
    New(Box<NewSignUp>),
    /// The email already has an account, whose owner has been told.
    Taken,
    /// Too many sign-ups from this address.
    Limited(crate::server::auth::limits::Limited),
}

/// What both sign-ups do once the form is good: the per-address limit, the password hash
/// (made whether or not the email is taken, so both answers take as long) and the look-up.
async fn admit(state: &AppState, parts: &Parts, lang: Lang, person: &Person) -> Result<Admission, AppError> {
    let store = state.store.as_ref();
    let now = now();
    if let Err(limited) = state.sign_up_per_ip.hit(store, &client_ip(parts, state.trust_forwarded_for), now).await? {
        return Ok(Admission::Limited(limited));
    }
    let password_hash = state.passwords.hash(person.password.expose()).await.map_err(hash_failed)?;
    if store.credentials(person.email.as_str()).await?.is_some() {
        tell_owner(state, lang, person.email.as_str(), now).await?;
        return Ok(Admission::Taken);
    }
    let code = tokens::new_token();
    Ok(Admission::New(Box::new(NewSignUp {
        name: person.name.clone(),
        email: person.email.clone(),
        password_hash,
        token: NewToken {
            token_hash: tokens::sha256_hex(&code),
            purpose: TokenPurpose::VerifyEmail,
            now,
            expires_at: now + CONFIRM_LINK_SECS,
        },
        mail: confirmation_mail(state, lang, person.email.as_str(), &person.name, &code),
        now,
    })))
}

/// The answer once the account is stored (its link's code hashed as `code_hash`), or was
/// found taken only at the insert.
async fn finish(
    state: &AppState,
    lang: Lang,
    person: &Person,
    code_hash: &str,
    outcome: DbResult<i64>,
) -> Result<Response, AppError> {
    match outcome {
        Ok(account_id) => tracing::info!(account_id, "signed up; confirmation link queued"),
        // Taken between the look-up and the insert: the same as taken before.
        Err(DbError::Conflict(Rule::AccountEmail)) => tell_owner(state, lang, person.email.as_str(), now()).await?,
        Err(err) => return Err(err.into()),
    }
    Ok(super::check_email_here(state, code_hash))
}

/// Tells the owner of an address that someone tried to sign up with it.
async fn tell_owner(state: &AppState, lang: Lang, email: &str, now: i64) -> DbResult<()> {
    if MAIL_PER_ADDRESS.hit(state.store.as_ref(), email, now).await?.is_err() {
        return Ok(());
    }
    let (sign_in, forgot) =
        (format!("{}{SIGN_IN_PATH}", state.public_origin), format!("{}{FORGOT_PASSWORD_PATH}", state.public_origin));
    let mail = compose(
        lang,
        email,
        Key::mail_exists_subject,
        Key::mail_exists_body,
        &[("sign_in", &sign_in), ("forgot", &forgot)],
    );
    state.store.queue_mail(&mail, now).await?;
    tracing::info!("sign-up with a taken address; its owner is told by email");
    Ok(())
}
