//! Accounts, roles and who is asking: signing up, in and out, emailed links to confirm an
//! address or reset a password, and my own account's security.

pub mod api;
#[cfg(feature = "ssr")]
pub mod handlers;
pub mod pages;
pub mod session_timeout;
#[cfg(feature = "ssr")]
pub mod store;

use serde::{Deserialize, Serialize};

pub use crate::ui::{sign_in_returning_to, EXPORT_DATA_PATH, SIGN_IN_PATH};
/// Where the sign-out button posts to.
pub const SIGN_OUT_PATH: &str = "/salir";
/// The sign-in form's box for a session that outlives the browser (`si` when ticked).
pub const KEEP_SIGNED_IN: &str = "mantener";
/// The signed-in person's own page.
pub const ACCOUNT_PATH: &str = "/cuenta";
/// A job seeker creates an account.
pub const SIGN_UP_PATH: &str = "/registro";
/// An employer registers its company and its own account.
pub const EMPLOYER_SIGN_UP_PATH: &str = "/registro/empresa";
/// Where a person is sent after asking for an emailed link.
pub const CHECK_EMAIL_PATH: &str = "/revisa-tu-correo";
/// The emailed link that confirms a new account's email.
pub const CONFIRM_EMAIL_PATH: &str = "/registro/confirmar";
/// Asking for a password-reset link.
pub const FORGOT_PASSWORD_PATH: &str = "/contrasena/olvidada";
/// The emailed link that sets a new password.
pub const RESET_PASSWORD_PATH: &str = "/contrasena/nueva";
pub const CHANGE_PASSWORD_PATH: &str = "/cuenta/contrasena";
/// My signed-in devices, each of which I can sign out.
pub const SESSIONS_PATH: &str = "/cuenta/sesiones";
pub const END_SESSION_PATH: &str = "/cuenta/sesiones/cerrar";
pub const END_OTHER_SESSIONS_PATH: &str = "/cuenta/sesiones/cerrar-otras";
/// Counts as activity for the session: the session-timeout warning's "keep me signed in".
pub const KEEP_ALIVE_PATH: &str = "/cuenta/seguir";
/// Moving my account to another email address (needs my password).
pub const CHANGE_EMAIL_PATH: &str = "/cuenta/correo";
/// The emailed link that moves the account to the new address.
pub const CONFIRM_EMAIL_CHANGE_PATH: &str = "/cuenta/correo/confirmar";
/// Where the account's owner cancels a pending move to another address (linked from the
/// warning sent to the current one).
pub const CANCEL_EMAIL_CHANGE_PATH: &str = "/cuenta/correo/cancelar";
/// Deleting my account (needs my password and an explicit confirmation).
pub const DELETE_ACCOUNT_PATH: &str = "/cuenta/eliminar";
/// An admin finds an account and gives it a role, or takes one away.
pub const ROLES_PATH: &str = "/cuentas/roles";
/// An admin creates a counsellor's or an admin's account.
pub const NEW_STAFF_PATH: &str = "/cuentas/nueva";

/// The query parameter emailed links carry their token in.
pub const LINK_CODE: &str = "codigo";

pub use crate::domain::actor::{Actor, Role, RoleGrant};

/// Everything Senda keeps about an account, as its owner downloads it (times in UTC, ISO
/// 8601).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyData {
    pub account: MyAccountData,
    pub roles: Vec<MyRoleData>,
    /// The company this account asked to act for, while nobody has decided.
    pub pending_join: Option<String>,
    pub sessions: Vec<MySessionData>,
    /// What the audit log holds about this account: sign-ins, changes, from which address.
    pub activity: Vec<MyActivityData>,
    /// The profile in the register of job seekers, when the account holds one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub register: Option<MyRegisterData>,
    /// The searches kept for alerts.
    pub saved_searches: Vec<MySavedSearchData>,
    /// The reports this account made about vacancies.
    pub reports: Vec<crate::vacancies::FiledReport>,
}

/// A kept search, as its owner downloads it (never the secret of its "stop" link).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MySavedSearchData {
    /// The search, as the search page's address writes it.
    pub query: String,
    pub created_at: i64,
    /// Vacancies published up to then were told of.
    pub told_until: i64,
}

/// Everything the register and the features that follow a person keep about them, as they
/// download it with their account's data: the profile (disability data included while consented), every consent given and
/// withdrawn, each look at their disability data, their applications with every change, and
/// their case notes and outcomes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyRegisterData {
    pub profile: MyProfileData,
    pub consents: Vec<crate::seekers::consent::ConsentRecord>,
    pub accesses: Vec<crate::seekers::AccessRecord>,
    pub applications: Vec<crate::applications::Application>,
    pub case_notes: Vec<crate::casework::CaseNote>,
    pub outcomes: Vec<crate::casework::RecordedOutcome>,
}

/// The profile in the register as its holder downloads it: all of it, and when it was made
/// and last changed (where the server keeps the CV file stays on the server).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyProfileData {
    #[serde(flatten)]
    pub profile: crate::seekers::visibility::ProfileView,
    /// The employment centre that follows them, if one does.
    pub centre_id: Option<i64>,
    pub cv_file: Option<crate::seekers::cv::CvFileView>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MyAccountData {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub created_at: String,
    pub email_confirmed_at: Option<String>,
    pub language: Option<String>,
    pub preferences: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyRoleData {
    pub role: String,
    pub company: Option<String>,
    pub centre: Option<String>,
    pub granted_at: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MySessionData {
    pub started_at: String,
    pub last_used_at: String,
    pub ends_at: String,
    pub browser: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyActivityData {
    pub at: String,
    pub action: String,
    pub detail: String,
    pub ip: String,
}
