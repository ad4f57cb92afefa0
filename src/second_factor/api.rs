//! The second factor's reads: what I have set up, a new app secret to add, and the passkey
//! ceremony of a code page.

use super::{AppSetupView, PasskeyCeremonyView, SecondFactorView};
use crate::error::AppError;
use leptos::prelude::*;

/// What the signed-in account has set up, and whether its roles oblige it to keep one.
#[server(endpoint = "second-factor/mine")]
pub async fn my_second_factor() -> Result<SecondFactorView, AppError> {
    let current = crate::server::access::signed_in()?;
    let state = crate::server::state::app_state()?;
    use super::PasskeyView;
    let account_id = current.actor.account_id;
    let factors = state.store.factors_of(account_id).await?;
    let when = crate::domain::lima_time::format_lima;
    let passkeys = state
        .store
        .passkeys_of(account_id)
        .await?
        .into_iter()
        .map(|kept| PasskeyView {
            id: kept.id,
            name: kept.name,
            added: when(kept.created_at),
            last_used: kept.last_used_at.map(when),
        })
        .collect();
    Ok(SecondFactorView {
        app: factors.app,
        passkeys,
        recovery_codes_left: factors.recovery_codes_left,
        required: state.sessions.second_factor_required(&current.actor),
        passkeys_offered: state.passkeys.is_some(),
    })
}

/// A passkey ceremony for the code page: for the sign-in owing its second factor, or the
/// signed-in person confirming before a sensitive action; `None` when they have no passkey.
/// Each call begins a new one, valid for a few minutes and for this session only.
#[server(endpoint = "second-factor/code-page-passkey")]
pub async fn code_page_passkey() -> Result<Option<PasskeyCeremonyView>, AppError> {
    use crate::server::auth::session::{AwaitingSecondFactor, CurrentSession};
    let parts: axum::http::request::Parts =
        use_context().ok_or_else(|| AppError::internal("request parts missing from the Leptos context"))?;
    let state = crate::server::state::app_state()?;
    let (account_id, session) =
        match (parts.extensions.get::<AwaitingSecondFactor>(), parts.extensions.get::<CurrentSession>()) {
            (Some(awaiting), _) => (awaiting.account_id, awaiting.token_hash.clone()),
            (None, Some(current)) => (current.actor.account_id, current.token_hash.clone()),
            // Nobody, nor a sign-in under way: refused as every server function refuses strangers.
            (None, None) => return crate::server::access::signed_in().map(|_| None),
        };
    super::passkey_handlers::begin_confirmation(&state, account_id, &session).await
}

/// An app secret for the signed-in account to add: `kept`, the one a refused form carried
/// back, when it is well formed; otherwise a new one. Nothing is stored until a code from the
/// app confirms it.
#[server(endpoint = "second-factor/app-setup")]
pub async fn app_setup(kept: Option<String>) -> Result<AppSetupView, AppError> {
    use super::totp;
    use qrcode::render::svg;
    let current = crate::server::access::signed_in()?;
    let secret = kept
        .map(|s| s.trim().to_ascii_uppercase())
        .filter(|s| s.len() == 32 && totp::decode(s).is_some())
        .unwrap_or_else(totp::new_secret);
    let account = current.actor.email.clone();
    let uri = totp::provisioning_uri(&secret, "Senda", &account);
    let code = qrcode::QrCode::new(uri.as_bytes()).map_err(|err| AppError::internal(format!("QR code: {err}")))?;
    let drawn = code.render::<svg::Color>().min_dimensions(200, 200).build();
    // Inline in the page: no XML declaration.
    let qr_svg = drawn.split_once("?>").map(|(_, svg)| svg.to_string()).unwrap_or(drawn);
    Ok(AppSetupView { grouped: totp::grouped(&secret), secret, qr_svg, account })
}

/// Whether this site takes passkeys (it is reached at a name, not an IP address): the
/// sign-in page offers a passkey-first sign-in only then.
#[server(endpoint = "second-factor/passkeys-offered")]
pub async fn passkeys_offered() -> Result<bool, AppError> {
    Ok(crate::server::state::app_state()?.passkeys.is_some())
}
