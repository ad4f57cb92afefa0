//! Registering a person — by a counsellor with them (consents recorded as given in person,
//! confirmed by the person on first signing in), or by the person themselves — and joining a
//! profile a counsellor made to one's own account with the consent sheet's code.

use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::domain::Role;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, Key};
use crate::seekers::consent::RecordedBy;
use crate::seekers::handlers::fields::read_registration;
use crate::seekers::seeker_path;
use crate::seekers::store::{ConsentGiven, NewSeeker};
use crate::server::auth::now;
use crate::server::db::{DbError, Rule};
use crate::server::forms::{kept, read, render_again};
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::response::Response;

/// A counsellor registers a person who is with them, the consents read out and recorded as
/// given in person.
pub async fn register_seeker(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let actor = ui.actor.clone().ok_or(AppError::Unauthorized)?;
    let Some(centre) = actor.roles.iter().find(|g| g.role == Role::Counsellor).and_then(|g| g.centre_id) else {
        return Err(AppError::Forbidden);
    };
    let now = now();
    let today = crate::domain::lima_time::lima_date(now);
    let mut errors = FieldErrors::default();
    let Some(registration) = read_registration(ui.lang, &fields, &today, &mut errors) else {
        return Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await);
    };
    // The same person registered already: said on the document field, with what to do — and
    // nothing of their profile.
    let duplicate = |centre_of_other: Option<i64>| {
        let key = if centre_of_other == Some(centre) {
            Key::seeker_err_duplicate_here
        } else {
            Key::seeker_err_duplicate_elsewhere
        };
        let mut errors = FieldErrors::default();
        errors.push("document_number", t(ui.lang, key));
        FormState { values: kept(&fields), errors }
    };
    if let Some(other) = state.store.seeker_with_document(&registration.details.personal.document).await? {
        return Ok(render_again(&state, parts, duplicate(other.centre_id)).await);
    }
    let seeker = NewSeeker {
        personal: registration.details.personal.clone(),
        account_id: None,
        centre_id: Some(centre),
        education: registration.details.education,
        skills: registration.details.skills.clone(),
    };
    let given = ConsentGiven { by: RecordedBy::Counsellor, recorder_id: actor.account_id, at: now };
    match state.store.register_seeker(&seeker, &registration.consents, given).await {
        Ok(id) => {
            tracing::info!(seeker_id = id, by = actor.account_id, "person registered by a counsellor");
            let kinds: Vec<&str> = registration.consents.iter().map(|kind| kind.code()).collect();
            let action = crate::audit::AuditAction::PersonConsentRecorded;
            crate::server::audit::record_staff_edit(&state, &parts, action, id, None, &kinds.join(", ")).await;
            Ok(see_other(&Notice::SeekerRegistered.on(&seeker_path(id))))
        }
        // Registered a moment ago by someone else.
        Err(DbError::Conflict(Rule::SeekerDocument)) => {
            let other = state.store.seeker_with_document(&registration.details.personal.document).await?;
            Ok(render_again(&state, parts, duplicate(other.and_then(|o| o.centre_id))).await)
        }
        Err(err) => Err(err.into()),
    }
}

/// A job seeker registering themselves: the same form, their own consents, and the centre
/// they choose to be followed by (if any).
pub async fn register_self(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let actor = ui.actor.clone().ok_or(AppError::Unauthorized)?;
    if state.store.seeker_of_account(actor.account_id).await?.is_some() {
        return Ok(see_other(crate::seekers::MY_PROFILE_PATH));
    }
    let now = now();
    let today = crate::domain::lima_time::lima_date(now);
    let mut errors = FieldErrors::default();
    let centres = state.store.list_centres().await?;
    let centre = match crate::server::form_fields::value(&fields, "centre") {
        "" => None,
        id => match centres.iter().find(|c| c.id.to_string() == id) {
            Some(centre) => Some(centre.id),
            None => {
                errors.push("centre", t(ui.lang, Key::seeker_err_centre));
                None
            }
        },
    };
    let registration = read_registration(ui.lang, &fields, &today, &mut errors);
    let Some(registration) = registration.filter(|_| errors.is_empty()) else {
        return Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await);
    };
    // Whether a document is in the register is itself sensitive: each account may try a few.
    let limit = crate::server::auth::limits::PROFILE_DOCUMENTS_PER_ACCOUNT;
    if let Err(limited) = limit.hit(state.store.as_ref(), &actor.account_id.to_string(), now).await? {
        let minutes = ((limited.retry_after + 59) / 60).to_string();
        let mut errors = FieldErrors::default();
        errors.push("document_number", crate::i18n::t_with(ui.lang, Key::form_err_limited, &[("minutes", &minutes)]));
        return Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await);
    }
    // Someone registered them already under this document: their centre can link the account.
    if state.store.seeker_with_document(&registration.details.personal.document).await?.is_some() {
        let mut errors = FieldErrors::default();
        errors.push("document_number", t(ui.lang, Key::seeker_err_duplicate_self));
        return Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await);
    }
    let seeker = NewSeeker {
        personal: registration.details.personal,
        account_id: Some(actor.account_id),
        centre_id: centre,
        education: registration.details.education,
        skills: registration.details.skills,
    };
    let given = ConsentGiven { by: RecordedBy::Themselves, recorder_id: actor.account_id, at: now };
    match state.store.register_seeker(&seeker, &registration.consents, given).await {
        Ok(id) => {
            tracing::info!(seeker_id = id, "person registered themselves");
            Ok(see_other(&Notice::ProfileSaved.on(crate::seekers::MY_PROFILE_PATH)))
        }
        // Registered a moment ago under this document.
        Err(DbError::Conflict(Rule::SeekerDocument)) => {
            let mut errors = FieldErrors::default();
            errors.push("document_number", t(ui.lang, Key::seeker_err_duplicate_self));
            Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await)
        }
        // A profile made for this account a moment ago, in another tab.
        Err(DbError::Conflict(_)) => Ok(see_other(crate::seekers::MY_PROFILE_PATH)),
        Err(err) => Err(err.into()),
    }
}

/// A counsellor makes a new code for the consent sheet of a person their centre follows who
/// has no account yet; the sheet comes back with the code on it, shown this once (only its
/// SHA-256 is kept). A new code replaces the last.
pub async fn new_claim_code(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    use crate::seekers::claim::{code_from, printed, CLAIM_CODE_FIELD, CLAIM_DAYS};
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let (parts, _) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.clone() else {
        let back = ui
            .query_id("id")
            .map_or(crate::seekers::claim::CONSENT_SHEET_PATH.to_string(), crate::seekers::claim::consent_sheet_path);
        return Ok(plain_page::sign_in_first(&back));
    };
    let id = ui.query_id("id").ok_or(AppError::NotFound)?;
    crate::seekers::api::follows(state.store.as_ref(), &actor, id).await?;
    let mut random = [0u8; 10];
    OsRng.fill_bytes(&mut random);
    let code = code_from(random);
    let until = now() + CLAIM_DAYS * 86_400;
    if !state.store.set_claim(id, &crate::server::auth::tokens::sha256_hex(&code), until).await? {
        // Joined to an account meanwhile: the sheet says so.
        return Ok(see_other(&crate::seekers::claim::consent_sheet_path(id)));
    }
    tracing::info!(seeker_id = id, "claim code made for a consent sheet");
    let values = vec![(CLAIM_CODE_FIELD.to_string(), printed(&code)), ("claim_until".to_string(), until.to_string())];
    Ok(render_again(&state, parts, FormState { values, errors: FieldErrors::default() }).await)
}

/// A signed-in person joins the profile a counsellor made for them, with their document
/// number and the code from their consent sheet. Each try counts against the same small daily
/// allowance as making a profile: whether a document is in the register is sensitive.
pub async fn claim_profile(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    use crate::seekers::claim::{normalize, CLAIM_CODE_FIELD, CLAIM_PATH};
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(CLAIM_PATH)) };
    let lang = ui.lang;
    let mut errors = FieldErrors::default();
    let document = crate::seekers::handlers::fields::read_document(lang, &fields, &mut errors);
    let code = normalize(crate::server::form_fields::value(&fields, CLAIM_CODE_FIELD));
    if code.is_none() {
        errors.push(CLAIM_CODE_FIELD, t(lang, Key::claim_err_code_shape));
    }
    let (Some(document), Some(code), true) = (document, code, errors.is_empty()) else {
        return Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await);
    };
    let now = now();
    let limit = crate::server::auth::limits::PROFILE_DOCUMENTS_PER_ACCOUNT;
    if let Err(limited) = limit.hit(state.store.as_ref(), &actor.account_id.to_string(), now).await? {
        let minutes = ((limited.retry_after + 59) / 60).to_string();
        errors.push(CLAIM_CODE_FIELD, crate::i18n::t_with(lang, Key::form_err_limited, &[("minutes", &minutes)]));
        return Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await);
    }
    let hash = crate::server::auth::tokens::sha256_hex(&code);
    match state.store.claim_profile(actor.account_id, &document, &hash, now).await {
        Ok(Some(id)) => {
            tracing::info!(seeker_id = id, "profile joined to its person's account");
            Ok(see_other(&Notice::ProfileClaimed.on(crate::seekers::MY_PROFILE_PATH)))
        }
        Ok(None) => {
            errors.push(CLAIM_CODE_FIELD, t(lang, Key::claim_err_no_match));
            Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await)
        }
        // The account has a profile of its own already: the profile page shows it.
        Err(DbError::Conflict(Rule::HasProfile)) => Ok(see_other(crate::seekers::MY_PROFILE_PATH)),
        Err(err) => Err(err.into()),
    }
}
