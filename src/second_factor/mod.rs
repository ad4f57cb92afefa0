//! A second factor for signing in (issue 18): an authenticator app's codes (TOTP) and
//! single-use recovery codes. Counsellors and admins must have one (employers too where the
//! deployment says so): until they do, the site answers them nothing but the page that sets
//! one up. A password sign-in of an account with one is finished on the code page; the most
//! sensitive actions ask for a code again after [`STEP_UP_SECS`].
//!
//! Here: the paths and view types; `gate` the rules of what a session may reach (and, on the
//! server, the middleware that applies them); `totp` and `recovery` the codes; `store` their
//! SQL; `handlers` the form posts; `api` the reads; `pages` the pages.

pub mod api;
pub mod gate;
#[cfg(feature = "ssr")]
pub mod handlers;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod recovery;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod totp;

use serde::{Deserialize, Serialize};

/// Where a sign-in is finished with a code, and where a code is asked again before a
/// sensitive action (`volver` says where to go next).
pub const CODE_PATH: &str = "/entrar/codigo";
/// My second factor: what I have set up, and the ways to change it.
pub const SECURITY_PATH: &str = "/cuenta/verificacion";
/// Setting up an authenticator app.
pub const APP_PATH: &str = "/cuenta/verificacion/app";
/// A new set of recovery codes.
pub const RECOVERY_CODES_PATH: &str = "/cuenta/verificacion/codigos";
/// Turning the second factor off.
pub const REMOVE_PATH: &str = "/cuenta/verificacion/quitar";
/// An admin resets someone else's second factor, after a recorded reason.
pub const RESET_PATH: &str = "/cuentas/verificacion";

/// How long a passed second factor counts for the most sensitive actions.
pub const STEP_UP_SECS: i64 = 15 * 60;

/// The field a code is typed in, on every form that asks for one.
pub const CODE_FIELD: &str = "code";

/// My second factor, as my security page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecondFactorView {
    pub app: bool,
    pub recovery_codes_left: i64,
    /// My roles oblige me to keep one.
    pub required: bool,
}

/// What setting up an app shows: the secret (to type, or to hear) and its QR code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppSetupView {
    /// The secret as the form carries it back (base32).
    pub secret: String,
    /// The secret in groups of four, as a person reads it.
    pub grouped: String,
    /// The QR code of the `otpauth://` address, as SVG made on the server.
    pub qr_svg: String,
    /// The account's address, which the app shows beside the codes.
    pub account: String,
}

/// New recovery codes, shown once by the page a successful post renders (never stored in the
/// clear, never in an address), and where the person goes on to once they kept them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewRecoveryCodes {
    pub codes: Vec<String>,
    pub next: String,
}
