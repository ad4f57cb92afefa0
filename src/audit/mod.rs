//! The audit log: what happened to accounts and their rights, who did it, when and from
//! where. Written by the server as things happen, in the same transaction as the change where
//! there is one; read by admins, filtered.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;

use crate::i18n::Key;
use serde::{Deserialize, Serialize};

/// The admins' reader of the audit log.
pub const AUDIT_PATH: &str = "/auditoria";

/// How many events one page of the reader shows.
pub const PAGE_SIZE: usize = 50;

/// What happened. The code is what is stored; it never changes once released.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditAction {
    SignIn,
    SignInFailed,
    PasswordChanged,
    PasswordReset,
    EmailChanged,
    /// The account's owner cancelled a pending move to another address.
    EmailChangeCancelled,
    RoleGranted,
    RoleRevoked,
    JoinRejected,
    CompanyVerified,
    DataExported,
    AccountDeleted,
    AccommodationsChanged,
    ProfileDeleted,
    /// Someone other than the person (their counsellor) changed who they are, how to reach
    /// them, their languages or work history.
    PersonDetailsChanged,
    /// Someone other than the person changed their disability data.
    PersonDisabilityChanged,
    /// Someone other than the person recorded a consent for them.
    PersonConsentRecorded,
    /// A sign-in finished, or a sensitive action confirmed, with a second factor.
    SecondFactorPassed,
    /// A wrong second-factor code.
    SecondFactorFailed,
    SecondFactorAdded,
    /// The account's owner turned their second factor off.
    SecondFactorRemoved,
    /// A recovery code passed the second factor (the detail: how many are left).
    RecoveryCodeUsed,
    RecoveryCodesReplaced,
    /// An admin reset someone's second factor (the detail: the reason given).
    SecondFactorReset,
}

impl AuditAction {
    pub const ALL: [AuditAction; 24] = [
        AuditAction::SignIn,
        AuditAction::SignInFailed,
        AuditAction::PasswordChanged,
        AuditAction::PasswordReset,
        AuditAction::EmailChanged,
        AuditAction::EmailChangeCancelled,
        AuditAction::RoleGranted,
        AuditAction::RoleRevoked,
        AuditAction::JoinRejected,
        AuditAction::CompanyVerified,
        AuditAction::DataExported,
        AuditAction::AccountDeleted,
        AuditAction::AccommodationsChanged,
        AuditAction::ProfileDeleted,
        AuditAction::PersonDetailsChanged,
        AuditAction::PersonDisabilityChanged,
        AuditAction::PersonConsentRecorded,
        AuditAction::SecondFactorPassed,
        AuditAction::SecondFactorFailed,
        AuditAction::SecondFactorAdded,
        AuditAction::SecondFactorRemoved,
        AuditAction::RecoveryCodeUsed,
        AuditAction::RecoveryCodesReplaced,
        AuditAction::SecondFactorReset,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AuditAction::SignIn => "sign_in",
            AuditAction::SignInFailed => "sign_in_failed",
            AuditAction::PasswordChanged => "password_changed",
            AuditAction::PasswordReset => "password_reset",
            AuditAction::EmailChanged => "email_changed",
            AuditAction::EmailChangeCancelled => "email_change_cancelled",
            AuditAction::RoleGranted => "role_granted",
            AuditAction::RoleRevoked => "role_revoked",
            AuditAction::JoinRejected => "join_rejected",
            AuditAction::CompanyVerified => "company_verified",
            AuditAction::DataExported => "data_exported",
            AuditAction::AccountDeleted => "account_deleted",
            AuditAction::AccommodationsChanged => "accommodations_changed",
            AuditAction::ProfileDeleted => "profile_deleted",
            AuditAction::PersonDetailsChanged => "person_details_changed",
            AuditAction::PersonDisabilityChanged => "person_disability_changed",
            AuditAction::PersonConsentRecorded => "person_consent_recorded",
            AuditAction::SecondFactorPassed => "second_factor_passed",
            AuditAction::SecondFactorFailed => "second_factor_failed",
            AuditAction::SecondFactorAdded => "second_factor_added",
            AuditAction::SecondFactorRemoved => "second_factor_removed",
            AuditAction::RecoveryCodeUsed => "recovery_code_used",
            AuditAction::RecoveryCodesReplaced => "recovery_codes_replaced",
            AuditAction::SecondFactorReset => "second_factor_reset",
        }
    }

    pub fn from_code(code: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|a| a.code() == code)
    }

    pub fn label(self) -> Key {
        match self {
            AuditAction::SignIn => Key::audit_sign_in,
            AuditAction::SignInFailed => Key::audit_sign_in_failed,
            AuditAction::PasswordChanged => Key::audit_password_changed,
            AuditAction::PasswordReset => Key::audit_password_reset,
            AuditAction::EmailChanged => Key::audit_email_changed,
            AuditAction::EmailChangeCancelled => Key::audit_email_change_cancelled,
            AuditAction::RoleGranted => Key::audit_role_granted,
            AuditAction::RoleRevoked => Key::audit_role_revoked,
            AuditAction::JoinRejected => Key::audit_join_rejected,
            AuditAction::CompanyVerified => Key::audit_company_verified,
            AuditAction::DataExported => Key::audit_data_exported,
            AuditAction::AccountDeleted => Key::audit_account_deleted,
            AuditAction::AccommodationsChanged => Key::audit_accommodations_changed,
            AuditAction::ProfileDeleted => Key::audit_profile_deleted,
            AuditAction::PersonDetailsChanged => Key::audit_person_details_changed,
            AuditAction::PersonDisabilityChanged => Key::audit_person_disability_changed,
            AuditAction::PersonConsentRecorded => Key::audit_person_consent_recorded,
            AuditAction::SecondFactorPassed => Key::audit_second_factor_passed,
            AuditAction::SecondFactorFailed => Key::audit_second_factor_failed,
            AuditAction::SecondFactorAdded => Key::audit_second_factor_added,
            AuditAction::SecondFactorRemoved => Key::audit_second_factor_removed,
            AuditAction::RecoveryCodeUsed => Key::audit_recovery_code_used,
            AuditAction::RecoveryCodesReplaced => Key::audit_recovery_codes_replaced,
            AuditAction::SecondFactorReset => Key::audit_second_factor_reset,
        }
    }
}

/// One account named by an event, as the reader shows it: `None` name when the account has
/// since been deleted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditParty {
    pub id: i64,
    pub name: Option<String>,
    pub email: Option<String>,
}

/// One event, as the reader shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: i64,
    /// The stored code; an unknown one (from a newer build) is shown as it is.
    pub action: String,
    pub actor: Option<AuditParty>,
    pub subject: Option<AuditParty>,
    pub detail: String,
    pub ip: String,
}

/// What the reader asks for: every part optional, all given parts must match.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    /// An action code.
    pub action: Option<String>,
    /// An email, or an account number: events the account did or that were done to it.
    pub person: Option<String>,
    /// First day, `YYYY-MM-DD`, Lima time.
    pub from: Option<String>,
    /// Last day, included, `YYYY-MM-DD`, Lima time.
    pub to: Option<String>,
    /// Only events older than this one: the next page.
    pub before: Option<i64>,
}

/// One page of the reader.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    /// Where the next (older) page starts, if there is one.
    pub older: Option<i64>,
    /// The person filter named nobody.
    pub unknown_person: bool,
    /// A date filter could not be read.
    pub bad_date: bool,
}
