//! The profile's own posts: consents given and withdrawn, disability data, languages, the
//! first step's details, and deleting the profile; and the register's part of a data download.

use super::step_profile;
use crate::audit::AuditAction;
use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, Key};
use crate::seekers::consent::RecordedBy;
use crate::seekers::seeker_path;
use crate::seekers::store::ConsentGiven;
use crate::server::audit::record_staff_edit;
use crate::server::auth::now;
use crate::server::db::{DbError, Rule};
use crate::server::forms::{kept, read, render_again};
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::response::Response;

/// A job seeker giving, withdrawing or confirming consents, with immediate effect: withdrawing
/// consent to process disability data deletes that data in the same step.
pub async fn change_consent(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    use crate::seekers::consent::ConsentKind;
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(crate::seekers::MY_PROFILE_PATH)) };
    let id = match state.store.seeker_of_account(actor.account_id).await {
        Ok(Some(id)) => id,
        Ok(None) => return Ok(see_other(crate::seekers::MY_PROFILE_PATH)),
        Err(err) => return Err(err.into()),
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
        _ => return Err(AppError::NotFound),
    };
    let notice = done?;
    tracing::info!(seeker_id = id, kind = ?kind, "consent changed by the person");
    Ok(see_other(&notice.on(crate::seekers::MY_PROFILE_PATH)))
}

/// Saves a person's disability data: by the person, or their centre's counsellor with both
/// consents; refused (nothing stored) when consent to process it is not in force.
pub async fn save_disability(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    use crate::seekers::consent::ConsentKind;
    use crate::seekers::visibility::visible_to;
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(&ui.path)) };
    let Some(id) = ui.query_id("id") else {
        return Err(AppError::NotFound);
    };
    let store = state.store.as_ref();
    let (profile, consents) = match (store.seeker(id).await, store.consents_in_force(id).await) {
        (Ok(Some(profile)), Ok(consents)) => (profile, consents),
        (Ok(None), _) => return Err(AppError::NotFound),
        (Err(err), _) | (_, Err(err)) => return Err(err.into()),
    };
    let viewer = crate::seekers::api::viewer_of(&actor, &profile);
    let visible = visible_to(viewer, &consents);
    if !visible.profile {
        return Err(AppError::NotFound);
    }
    if !(visible.disability && consents.has(ConsentKind::DisabilityData)) {
        return Err(AppError::Forbidden);
    }
    let (types, accommodations) = match (store.disability_types().await, store.accommodations().await) {
        (Ok(types), Ok(accommodations)) => (types, accommodations),
        (Err(err), _) | (_, Err(err)) => return Err(err.into()),
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
    let disability = crate::seekers::Disability {
        conadis,
        types: codes(ui.lang, &fields, "types", &types, &mut errors),
        needs_at_interview: codes(ui.lang, &fields, "interview", &accommodations, &mut errors),
        needs_at_work: codes(ui.lang, &fields, "work", &accommodations, &mut errors),
    };
    if !errors.is_empty() {
        return Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await);
    }
    let back = if profile.account_id == Some(actor.account_id) {
        crate::seekers::MY_PROFILE_PATH.to_string()
    } else {
        seeker_path(id)
    };
    if !store.save_disability(id, &disability, now()).await? {
        // Consent withdrawn a moment ago: nothing kept.
        return Ok(see_other(&back));
    }
    tracing::info!(seeker_id = id, by = actor.account_id, "disability data saved");
    let action = AuditAction::PersonDisabilityChanged;
    record_staff_edit(&state, &parts, action, id, profile.account_id, "disability").await;
    Ok(see_other(&Notice::DisabilitySaved.on(&back)))
}

/// A job seeker deleting their own profile from the register, after ticking that they mean it
/// and typing their password. Only the person can: a counsellor has no way to. The account
/// stays; its audit trail records the deletion.
pub async fn delete_profile(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    use crate::audit::AuditAction;
    use crate::components::form::CONFIRM_FIELD;
    use crate::server::audit::AuditEvent;
    use crate::server::auth::password_step::confirm_current_password;
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.clone() else {
        return Ok(plain_page::sign_in_first(crate::seekers::DELETE_PROFILE_PATH));
    };
    let id = match state.store.seeker_of_account(actor.account_id).await {
        Ok(Some(id)) => id,
        Ok(None) => return Ok(see_other(crate::seekers::MY_PROFILE_PATH)),
        Err(err) => return Err(err.into()),
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
        return Ok(render_again(&state, parts, FormState { values, errors }).await);
    }
    let parts = match confirm_current_password(&state, parts, actor.account_id, &fields, "password", values).await {
        Ok(parts) => parts,
        Err(response) => return Ok(response),
    };
    let audit = AuditEvent::of_request(AuditAction::ProfileDeleted, &state, &parts).about(actor.account_id);
    let cv_file = crate::seekers::data::kept_file(&state, id).await?;
    state.store.delete_seeker(id, &audit).await?;
    crate::seekers::data::forget(&state, cv_file).await;
    tracing::info!(seeker_id = id, "profile deleted by the person");
    Ok(see_other(&Notice::ProfileDeleted.on(crate::seekers::MY_PROFILE_PATH)))
}

/// Saves the languages of a profile: the person's own, or those of the person a counsellor
/// acts for. Each language is left out or given a level; anything else is said on its field.
pub async fn save_languages(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    use crate::seekers::steps::ProfileStep;
    use crate::seekers::{Language, LanguageLevel, SpokenLanguage, LANGUAGES_PATH};
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let (profile, progress) = match step_profile(&state, &ui, LANGUAGES_PATH).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
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
        return Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await);
    }
    state.store.save_languages(profile.id, &languages, now()).await?;
    tracing::info!(seeker_id = profile.id, is_self = progress.is_self, "languages saved");
    let action = AuditAction::PersonDetailsChanged;
    record_staff_edit(&state, &parts, action, profile.id, profile.account_id, "languages").await;
    // On to the next step: the profile is filled a topic at a time.
    Ok(see_other(&Notice::LanguagesSaved.on(&progress.after(ProfileStep::Languages))))
}

/// Saves the profile's first step again: who the person is, how to reach them, what they
/// studied and can do — theirs, or with `?persona=` those of the person a counsellor acts for.
/// A new document number is checked against the register as a new profile's is.
pub async fn save_details(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    use crate::seekers::steps::ProfileStep;
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let (profile, progress) = match step_profile(&state, &ui, crate::seekers::DETAILS_PATH).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    let now = now();
    let today = crate::domain::lima_time::lima_date(now);
    let mut errors = FieldErrors::default();
    let Some(details) = crate::seekers::handlers::fields::read_details(ui.lang, &fields, &today, &mut errors) else {
        return Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await);
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
                return Ok(render_again(&state, parts, on_document(message)).await);
            }
            Err(err) => return Err(err.into()),
        }
    }
    match state.store.update_details(profile.id, &details, now).await {
        Ok(true) => {
            tracing::info!(seeker_id = profile.id, is_self = progress.is_self, "profile details changed");
            let action = AuditAction::PersonDetailsChanged;
            record_staff_edit(&state, &parts, action, profile.id, profile.account_id, "details").await;
            Ok(see_other(&Notice::DetailsSaved.on(&progress.after(ProfileStep::Personal))))
        }
        Ok(false) => Err(AppError::NotFound),
        Err(DbError::Conflict(Rule::SeekerDocument)) => {
            let message = t(ui.lang, Key::seeker_err_document_taken).to_string();
            Ok(render_again(&state, parts, on_document(message)).await)
        }
        Err(err) => Err(err.into()),
    }
}
