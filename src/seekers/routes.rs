//! The form endpoint of the register: a counsellor registering a person who is with them,
//! consents recorded as given in person (the person confirms them on first signing in).

use super::consent::RecordedBy;
use super::fields::read_registration;
use super::seeker_path;
use crate::accounts::Role;
use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, Key};
use crate::server::auth::now;
use crate::server::db::seekers::{ConsentGiven, NewSeeker};
use crate::server::db::DbError;
use crate::server::forms::{kept, read, render_again};
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::response::{IntoResponse, Response};

pub async fn register_seeker(State(state): State<AppState>, request: Request) -> Response {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.clone() else { return plain_page::sign_in_first(super::REGISTER_SEEKER_PATH) };
    let Some(centre) = actor.roles.iter().find(|g| g.role == Role::Counsellor).and_then(|g| g.centre_id) else {
        return plain_page::forbidden(ui.lang);
    };
    let now = now();
    let today = crate::domain::lima_time::lima_date(now);
    let mut errors = FieldErrors::default();
    let Some(registration) = read_registration(ui.lang, &fields, &today, &mut errors) else {
        return render_again(&state, parts, FormState { values: kept(&fields), errors }).await;
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
    match state.store.seeker_with_document(&registration.details.personal.document).await {
        Ok(Some(other)) => return render_again(&state, parts, duplicate(other.centre_id)).await,
        Ok(None) => {}
        Err(err) => return AppError::from(err).into_response(),
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
            see_other(&Notice::SeekerRegistered.on(&seeker_path(id)))
        }
        // Registered a moment ago by someone else.
        Err(DbError::Conflict(_)) => {
            let other = state.store.seeker_with_document(&registration.details.personal.document).await.ok().flatten();
            render_again(&state, parts, duplicate(other.and_then(|o| o.centre_id))).await
        }
        Err(err) => AppError::from(err).into_response(),
    }
}

/// A job seeker registering themselves: the same form, their own consents, and the centre
/// they choose to be followed by (if any).
pub async fn register_self(State(state): State<AppState>, request: Request) -> Response {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.clone() else { return plain_page::sign_in_first(super::MY_PROFILE_PATH) };
    match state.store.seeker_of_account(actor.account_id).await {
        Ok(Some(_)) => return see_other(super::MY_PROFILE_PATH),
        Ok(None) => {}
        Err(err) => return AppError::from(err).into_response(),
    }
    let now = now();
    let today = crate::domain::lima_time::lima_date(now);
    let mut errors = FieldErrors::default();
    let centres = match state.store.list_centres().await {
        Ok(centres) => centres,
        Err(err) => return AppError::from(err).into_response(),
    };
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
        return render_again(&state, parts, FormState { values: kept(&fields), errors }).await;
    };
    // Whether a document is in the register is itself sensitive: each account may try a few.
    let limit = crate::server::auth::limits::PROFILE_DOCUMENTS_PER_ACCOUNT;
    match limit.hit(state.store.as_ref(), &actor.account_id.to_string(), now).await {
        Ok(Ok(())) => {}
        Ok(Err(limited)) => {
            let minutes = ((limited.retry_after + 59) / 60).to_string();
            let mut errors = FieldErrors::default();
            errors
                .push("document_number", crate::i18n::t_with(ui.lang, Key::form_err_limited, &[("minutes", &minutes)]));
            return render_again(&state, parts, FormState { values: kept(&fields), errors }).await;
        }
        Err(err) => return AppError::from(err).into_response(),
    }
    // Someone registered them already under this document: their centre can link the account.
    if let Ok(Some(_)) = state.store.seeker_with_document(&registration.details.personal.document).await {
        let mut errors = FieldErrors::default();
        errors.push("document_number", t(ui.lang, Key::seeker_err_duplicate_self));
        return render_again(&state, parts, FormState { values: kept(&fields), errors }).await;
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
            see_other(&Notice::ProfileSaved.on(super::MY_PROFILE_PATH))
        }
        Err(DbError::Conflict(_)) => {
            let mut errors = FieldErrors::default();
            errors.push("document_number", t(ui.lang, Key::seeker_err_duplicate_self));
            render_again(&state, parts, FormState { values: kept(&fields), errors }).await
        }
        Err(err) => AppError::from(err).into_response(),
    }
}

/// A job seeker giving, withdrawing or confirming consents, with immediate effect: withdrawing
/// consent to process disability data deletes that data in the same step.
pub async fn change_consent(State(state): State<AppState>, request: Request) -> Response {
    use super::consent::ConsentKind;
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.clone() else { return plain_page::sign_in_first(super::MY_PROFILE_PATH) };
    let id = match state.store.seeker_of_account(actor.account_id).await {
        Ok(Some(id)) => id,
        Ok(None) => return see_other(super::MY_PROFILE_PATH),
        Err(err) => return AppError::from(err).into_response(),
    };
    let now = now();
    let kind = ConsentKind::from_code(crate::server::form_fields::value(&fields, "kind"));
    let done = match (crate::server::form_fields::value(&fields, "action"), kind) {
        ("confirmar", _) => state.store.confirm_consents(id, now).await.map(|_| Notice::ConsentsConfirmed),
        // The register's own consent goes only with the profile.
        ("retirar", Some(kind)) if kind != ConsentKind::Register => {
            state.store.revoke_consent(id, kind, now).await.map(|_| Notice::ConsentWithdrawn)
        }
        ("dar", Some(kind)) => {
            let given = ConsentGiven { by: RecordedBy::Themselves, recorder_id: actor.account_id, at: now };
            state.store.give_consent(id, kind, given).await.map(|_| Notice::ConsentGiven)
        }
        _ => return AppError::NotFound.into_response(),
    };
    match done {
        Ok(notice) => {
            tracing::info!(seeker_id = id, kind = ?kind, "consent changed by the person");
            see_other(&notice.on(super::MY_PROFILE_PATH))
        }
        Err(err) => AppError::from(err).into_response(),
    }
}

/// Saves a person's disability data: by the person, or their centre's counsellor with both
/// consents; refused (nothing stored) when consent to process it is not in force.
pub async fn save_disability(State(state): State<AppState>, request: Request) -> Response {
    use super::consent::ConsentKind;
    use super::visibility::visible_to;
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.clone() else { return plain_page::sign_in_first(&ui.path) };
    let Some(id) = ui.query_id("id") else {
        return AppError::NotFound.into_response();
    };
    let store = state.store.as_ref();
    let (profile, consents) = match (store.seeker(id).await, store.consents_in_force(id).await) {
        (Ok(Some(profile)), Ok(consents)) => (profile, consents),
        (Ok(None), _) => return AppError::NotFound.into_response(),
        (Err(err), _) | (_, Err(err)) => return AppError::from(err).into_response(),
    };
    let viewer = super::api::viewer_of(&actor, &profile);
    let visible = visible_to(viewer, &consents);
    if !visible.profile {
        return AppError::NotFound.into_response();
    }
    if !(visible.disability && consents.has(ConsentKind::DisabilityData)) {
        return plain_page::forbidden(ui.lang);
    }
    let (types, accommodations) = match (store.disability_types().await, store.accommodations().await) {
        (Ok(types), Ok(accommodations)) => (types, accommodations),
        (Err(err), _) | (_, Err(err)) => return AppError::from(err).into_response(),
    };
    let mut errors = FieldErrors::default();
    let conadis = match crate::server::form_fields::value(&fields, "conadis") {
        "" => None,
        typed => {
            let parsed = crate::domain::ConadisNumber::parse(typed);
            if parsed.is_none() {
                errors.push("conadis", t(ui.lang, Key::seeker_err_conadis));
            }
            parsed
        }
    };
    let codes = crate::server::form_fields::codes;
    let disability = super::Disability {
        conadis,
        types: codes(ui.lang, &fields, "types", &types, &mut errors),
        needs_at_interview: codes(ui.lang, &fields, "interview", &accommodations, &mut errors),
        needs_at_work: codes(ui.lang, &fields, "work", &accommodations, &mut errors),
    };
    if !errors.is_empty() {
        return render_again(&state, parts, FormState { values: kept(&fields), errors }).await;
    }
    let back =
        if profile.account_id == Some(actor.account_id) { super::MY_PROFILE_PATH.to_string() } else { seeker_path(id) };
    match store.save_disability(id, &disability, now()).await {
        Ok(true) => {
            tracing::info!(seeker_id = id, by = actor.account_id, "disability data saved");
            see_other(&Notice::DisabilitySaved.on(&back))
        }
        // Consent withdrawn a moment ago: nothing kept.
        Ok(false) => see_other(&back),
        Err(err) => AppError::from(err).into_response(),
    }
}

/// Everything the register keeps about the account's holder, for the download of their data;
/// `None` when they have no profile.
pub async fn register_data(state: &AppState, account_id: i64) -> Result<Option<super::MyRegisterData>, AppError> {
    let store = state.store.as_ref();
    let Some(id) = store.seeker_of_account(account_id).await? else { return Ok(None) };
    let Some(profile) = store.seeker(id).await? else { return Ok(None) };
    Ok(Some(super::MyRegisterData {
        profile,
        consents: store.consent_history(id).await?,
        accesses: store.sensitive_accesses(id).await?,
        applications: store.seeker_applications(id).await?,
        case_notes: store.case_notes(id).await?,
        outcomes: store.outcomes(id).await?,
    }))
}

/// A job seeker deleting their own profile from the register, after ticking that they mean it
/// and typing their password. Only the person can: a counsellor has no way to. The account
/// stays; its audit trail records the deletion.
pub async fn delete_profile(State(state): State<AppState>, request: Request) -> Response {
    use crate::accounts::pages::CONFIRM_FIELD;
    use crate::accounts::routes::confirm_current_password;
    use crate::audit::AuditAction;
    use crate::server::audit::AuditEvent;
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.clone() else { return plain_page::sign_in_first(super::DELETE_PROFILE_PATH) };
    let id = match state.store.seeker_of_account(actor.account_id).await {
        Ok(Some(id)) => id,
        Ok(None) => return see_other(super::MY_PROFILE_PATH),
        Err(err) => return AppError::from(err).into_response(),
    };
    let mut errors = FieldErrors::default();
    if crate::server::form_fields::value(&fields, "confirm") != "si" {
        errors.push(CONFIRM_FIELD, t(ui.lang, Key::delete_profile_err_confirm));
    }
    if crate::server::form_fields::value(&fields, "password").is_empty() {
        errors.push("password", t(ui.lang, Key::change_password_err_current_empty));
    }
    // The password is never sent back.
    let values: Vec<(String, String)> = kept(&fields).into_iter().filter(|(name, _)| name == "confirm").collect();
    if !errors.is_empty() {
        return render_again(&state, parts, FormState { values, errors }).await;
    }
    let parts = match confirm_current_password(&state, parts, actor.account_id, &fields, "password", values).await {
        Ok(parts) => parts,
        Err(response) => return response,
    };
    let audit = AuditEvent::of_request(AuditAction::ProfileDeleted, &state, &parts).about(actor.account_id);
    let cv_file = match super::cv_routes::kept_file(&state, id).await {
        Ok(key) => key,
        Err(err) => return err.into_response(),
    };
    match state.store.delete_seeker(id, &audit).await {
        Ok(_) => {
            super::cv_routes::forget(&state, cv_file).await;
            tracing::info!(seeker_id = id, "profile deleted by the person");
            see_other(&Notice::ProfileDeleted.on(super::MY_PROFILE_PATH))
        }
        Err(err) => AppError::from(err).into_response(),
    }
}

/// A counsellor makes a new code for the consent sheet of a person their centre follows who
/// has no account yet; the sheet comes back with the code on it, shown this once (only its
/// SHA-256 is kept). A new code replaces the last.
pub async fn new_claim_code(State(state): State<AppState>, request: Request) -> Response {
    use super::claim::{code_from, printed, CLAIM_CODE_FIELD, CLAIM_DAYS};
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let (parts, _) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.clone() else {
        let back =
            ui.query_id("id").map_or(super::claim::CONSENT_SHEET_PATH.to_string(), super::claim::consent_sheet_path);
        return plain_page::sign_in_first(&back);
    };
    let Some(id) = ui.query_id("id") else { return AppError::NotFound.into_response() };
    if let Err(err) = crate::casework::api::follows(state.store.as_ref(), &actor, id).await {
        return err.into_response();
    }
    let mut random = [0u8; 10];
    OsRng.fill_bytes(&mut random);
    let code = code_from(random);
    let until = now() + CLAIM_DAYS * 86_400;
    match state.store.set_claim(id, &crate::server::auth::tokens::sha256_hex(&code), until).await {
        Ok(true) => {
            tracing::info!(seeker_id = id, "claim code made for a consent sheet");
            let values =
                vec![(CLAIM_CODE_FIELD.to_string(), printed(&code)), ("claim_until".to_string(), until.to_string())];
            render_again(&state, parts, FormState { values, errors: FieldErrors::default() }).await
        }
        // Joined to an account meanwhile: the sheet says so.
        Ok(false) => see_other(&super::claim::consent_sheet_path(id)),
        Err(err) => AppError::from(err).into_response(),
    }
}

/// A signed-in person joins the profile a counsellor made for them, with their document
/// number and the code from their consent sheet. Each try counts against the same small daily
/// allowance as making a profile: whether a document is in the register is sensitive.
pub async fn claim_profile(State(state): State<AppState>, request: Request) -> Response {
    use super::claim::{normalize, CLAIM_CODE_FIELD, CLAIM_PATH};
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.clone() else { return plain_page::sign_in_first(CLAIM_PATH) };
    let lang = ui.lang;
    let mut errors = FieldErrors::default();
    let document = super::fields::read_document(lang, &fields, &mut errors);
    let code = normalize(crate::server::form_fields::value(&fields, CLAIM_CODE_FIELD));
    if code.is_none() {
        errors.push(CLAIM_CODE_FIELD, t(lang, Key::claim_err_code_shape));
    }
    let (Some(document), Some(code), true) = (document, code, errors.is_empty()) else {
        return render_again(&state, parts, FormState { values: kept(&fields), errors }).await;
    };
    let now = now();
    let limit = crate::server::auth::limits::PROFILE_DOCUMENTS_PER_ACCOUNT;
    match limit.hit(state.store.as_ref(), &actor.account_id.to_string(), now).await {
        Ok(Ok(())) => {}
        Ok(Err(limited)) => {
            let minutes = ((limited.retry_after + 59) / 60).to_string();
            errors.push(CLAIM_CODE_FIELD, crate::i18n::t_with(lang, Key::form_err_limited, &[("minutes", &minutes)]));
            return render_again(&state, parts, FormState { values: kept(&fields), errors }).await;
        }
        Err(err) => return AppError::from(err).into_response(),
    }
    let hash = crate::server::auth::tokens::sha256_hex(&code);
    match state.store.claim_profile(actor.account_id, &document, &hash, now).await {
        Ok(Some(id)) => {
            tracing::info!(seeker_id = id, "profile joined to its person's account");
            see_other(&Notice::ProfileClaimed.on(super::MY_PROFILE_PATH))
        }
        Ok(None) => {
            errors.push(CLAIM_CODE_FIELD, t(lang, Key::claim_err_no_match));
            render_again(&state, parts, FormState { values: kept(&fields), errors }).await
        }
        Err(DbError::Conflict(_)) => see_other(super::MY_PROFILE_PATH),
        Err(err) => AppError::from(err).into_response(),
    }
}

/// Whose profile a step's form post at `base` changes: the poster's own, or with `?persona=`
/// that of the person they act for; with the step list as they see it. `Err` is the answer
/// already: sign in first, make a profile first, or not found.
pub(super) async fn step_profile(
    state: &AppState,
    ui: &Ui,
    base: &str,
) -> Result<(super::SeekerProfile, super::steps::ProfileProgress), Response> {
    use super::consent::ConsentKind;
    let persona = ui.query_id("persona");
    let Some(actor) = ui.actor.as_ref() else {
        return Err(plain_page::sign_in_first(&super::step_path(base, persona)));
    };
    match crate::applications::api::applicant(state.store.as_ref(), actor, persona).await {
        Ok(Some((profile, consents, side))) => {
            let is_self = side == crate::applications::Side::Applicant;
            let progress =
                super::steps::ProfileProgress::of(&profile, is_self, consents.has(ConsentKind::DisabilityData));
            Ok((profile, progress))
        }
        Ok(None) => Err(see_other(super::MY_PROFILE_PATH)),
        Err(err) => Err(err.into_response()),
    }
}

/// Saves the languages of a profile: the person's own, or those of the person a counsellor
/// acts for. Each language is left out or given a level; anything else is said on its field.
pub async fn save_languages(State(state): State<AppState>, request: Request) -> Response {
    use super::steps::ProfileStep;
    use super::{Language, LanguageLevel, SpokenLanguage, LANGUAGES_PATH};
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let (profile, progress) = match step_profile(&state, &ui, LANGUAGES_PATH).await {
        Ok(found) => found,
        Err(answer) => return answer,
    };
    let mut errors = FieldErrors::default();
    let mut languages = Vec::new();
    for language in Language::ALL.iter().copied() {
        match crate::server::form_fields::value(&fields, language.field()) {
            "" => {}
            code => match LanguageLevel::from_code(code) {
                Some(level) => languages.push(SpokenLanguage { language, level }),
                None => errors.push(language.field(), t(ui.lang, Key::languages_err_level)),
            },
        }
    }
    if !errors.is_empty() {
        return render_again(&state, parts, FormState { values: kept(&fields), errors }).await;
    }
    match state.store.save_languages(profile.id, &languages, now()).await {
        Ok(_) => {
            tracing::info!(seeker_id = profile.id, is_self = progress.is_self, "languages saved");
            // On to the next step: the profile is filled a topic at a time.
            see_other(&Notice::LanguagesSaved.on(&progress.after(ProfileStep::Languages)))
        }
        Err(err) => AppError::from(err).into_response(),
    }
}

/// Saves the profile's first step again: who the person is, how to reach them, what they
/// studied and can do — theirs, or with `?persona=` those of the person a counsellor acts for.
/// A new document number is checked against the register as a new profile's is.
pub async fn save_details(State(state): State<AppState>, request: Request) -> Response {
    use super::steps::ProfileStep;
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let (profile, progress) = match step_profile(&state, &ui, super::DETAILS_PATH).await {
        Ok(found) => found,
        Err(answer) => return answer,
    };
    let now = now();
    let today = crate::domain::lima_time::lima_date(now);
    let mut errors = FieldErrors::default();
    let Some(details) = super::fields::read_details(ui.lang, &fields, &today, &mut errors) else {
        return render_again(&state, parts, FormState { values: kept(&fields), errors }).await;
    };
    let on_document = |message: String| {
        let mut errors = FieldErrors::default();
        errors.push("document_number", message);
        FormState { values: kept(&fields), errors }
    };
    // Whether a document is in the register is itself sensitive: trying new numbers counts
    // against the same few tries as making a profile does.
    if details.personal.document != profile.personal.document {
        let account = ui.actor.as_ref().map_or(0, |actor| actor.account_id);
        let limit = crate::server::auth::limits::PROFILE_DOCUMENTS_PER_ACCOUNT;
        match limit.hit(state.store.as_ref(), &account.to_string(), now).await {
            Ok(Ok(())) => {}
            Ok(Err(limited)) => {
                let minutes = ((limited.retry_after + 59) / 60).to_string();
                let message = crate::i18n::t_with(ui.lang, Key::form_err_limited, &[("minutes", &minutes)]);
                return render_again(&state, parts, on_document(message)).await;
            }
            Err(err) => return AppError::from(err).into_response(),
        }
    }
    match state.store.update_details(profile.id, &details, now).await {
        Ok(true) => {
            tracing::info!(seeker_id = profile.id, is_self = progress.is_self, "profile details changed");
            see_other(&Notice::DetailsSaved.on(&progress.after(ProfileStep::Personal)))
        }
        Ok(false) => AppError::NotFound.into_response(),
        Err(DbError::Conflict(_)) => {
            let message = t(ui.lang, Key::seeker_err_document_taken).to_string();
            render_again(&state, parts, on_document(message)).await
        }
        Err(err) => AppError::from(err).into_response(),
    }
}
