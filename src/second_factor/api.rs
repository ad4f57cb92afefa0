//! The second factor's reads: what I have set up, and a new app secret to add.

use super::{AppSetupView, SecondFactorView};
use crate::error::AppError;
use leptos::prelude::*;

/// What the signed-in account has set up, and whether its roles oblige it to keep one.
#[server(endpoint = "second-factor/mine")]
pub async fn my_second_factor() -> Result<SecondFactorView, AppError> {
    let current = crate::server::access::signed_in()?;
    let state = crate::server::state::app_state()?;
    let factors = state.store.factors_of(current.actor.account_id).await?;
    Ok(SecondFactorView {
        app: factors.app,
        recovery_codes_left: factors.recovery_codes_left,
        required: state.sessions.second_factor_required(&current.actor),
    })
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
