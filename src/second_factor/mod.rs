//! A second factor for signing in (issue 18): passkeys (WebAuthn), an authenticator app's
//! codes (TOTP) and single-use recovery codes. Counsellors and admins must have one (employers too where the
//! deployment says so): until they do, the site answers them nothing but the page that sets
//! one up. A password sign-in of an account with one is finished on the code page; the most
//! sensitive actions ask for a code again after [`STEP_UP_SECS`].
//!
//! A passkey-first sign-in needs no password at all.
//!
//! Here: the paths and view types; `gate` the rules of what a session may reach (and, on the
//! server, the middleware that applies them); `totp` and `recovery` the codes, `passkey` the
//! WebAuthn ceremonies; `store` and `passkey_store` their SQL; `handlers` and
//! `passkey_handlers` the form posts; `api` the reads; `pages` the pages, and `passkey_offer`
//! the island that lets the browser answer a passkey form.

pub mod api;
pub mod base64url;
pub mod gate;
#[cfg(feature = "ssr")]
pub mod handlers;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod passkey;
#[cfg(feature = "ssr")]
pub mod passkey_handlers;
pub mod passkey_offer;
#[cfg(feature = "ssr")]
pub mod passkey_store;
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
/// Adding a passkey: its name and the password, then the browser's new passkey, posted to
/// the same address with its ceremony. (A passkey's answer at sign-in is posted to the form it
/// answers: the code page, or the sign-in page for a passkey-first sign-in.)
pub const PASSKEY_PATH: &str = "/cuenta/verificacion/llave";
/// Removing one passkey (`llave` names it).
pub const PASSKEY_REMOVE_PATH: &str = "/cuenta/verificacion/llave/quitar";
/// Where the browser asks for a passkey-first sign-in's challenge (JSON).
pub const PASSKEY_START_PATH: &str = "/entrar/llave";
/// The field a passkey form's ceremony id is posted in; its presence says the post is one.
pub const CEREMONY_FIELD: &str = "ceremony";
/// The field the browser's answer (JSON) is posted in.
pub const CREDENTIAL_FIELD: &str = "credential";
/// Where a passkey form's errors are shown: its button.
pub const PASSKEY_FIELD: &str = "passkey";
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
    pub passkeys: Vec<PasskeyView>,
    pub recovery_codes_left: i64,
    /// My roles oblige me to keep one.
    pub required: bool,
    /// This site can take passkeys (it is reached at a name, not an address).
    pub passkeys_offered: bool,
}

impl SecondFactorView {
    pub fn any(&self) -> bool {
        self.app || !self.passkeys.is_empty()
    }
}

/// One of my passkeys, as my security page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyView {
    pub id: i64,
    pub name: String,
    /// When it was added, in Lima time, as people read it.
    pub added: String,
    pub last_used: Option<String>,
}

/// A passkey ceremony for the browser: its id (posted back with the answer) and the options
/// to give `navigator.credentials` (JSON).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyCeremonyView {
    pub ceremony: String,
    pub options: String,
}

/// A passkey being added, between the post that began it (name and password checked) and the
/// browser's answer: the ceremony, and the name carried on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PasskeyBegun {
    pub ceremony: PasskeyCeremonyView,
    pub name: String,
    pub next: String,
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
