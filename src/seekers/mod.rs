//! Job seekers: the register of working-age people with disabilities looking for work, kept
//! with their consent. The profile is filled in short steps; disability data is optional,
//! consented to separately, and erased when that consent is revoked.

pub mod api;
pub mod consent;
#[cfg(feature = "ssr")]
pub mod fields;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod routes;
pub mod visibility;

use crate::domain::{ConadisNumber, IdentityDocument, Region};
use crate::i18n::Key;
use serde::{Deserialize, Serialize};

coded_enum!(
    /// Sex as the register records it; saying it is not required.
    Sex {
        Female => "female",
        Male => "male",
        Unstated => "unstated",
    }
);

coded_enum!(
    /// How the person wants to be contacted.
    ContactChannel {
        PhoneCall => "phone_call",
        Sms => "sms",
        WhatsApp => "whatsapp",
        Email => "email",
        SignLanguageVideoCall => "sign_video_call",
    }
);

coded_enum!(
    /// The highest level of education completed, in the categories Peru's labour statistics use.
    Education {
        NoSchooling => "none",
        Primary => "primary",
        Secondary => "secondary",
        Technical => "technical",
        University => "university",
        Postgraduate => "postgraduate",
    }
);

impl Sex {
    pub fn label(self) -> Key {
        match self {
            Sex::Female => Key::sex_female,
            Sex::Male => Key::sex_male,
            Sex::Unstated => Key::sex_unstated,
        }
    }
}

impl ContactChannel {
    pub fn label(self) -> Key {
        match self {
            ContactChannel::PhoneCall => Key::channel_phone_call,
            ContactChannel::Sms => Key::channel_sms,
            ContactChannel::WhatsApp => Key::channel_whatsapp,
            ContactChannel::Email => Key::channel_email,
            ContactChannel::SignLanguageVideoCall => Key::channel_sign_video_call,
        }
    }
}

impl Education {
    pub fn label(self) -> Key {
        match self {
            Education::NoSchooling => Key::education_none,
            Education::Primary => Key::education_primary,
            Education::Secondary => Key::education_secondary,
            Education::Technical => Key::education_technical,
            Education::University => Key::education_university,
            Education::Postgraduate => Key::education_postgraduate,
        }
    }
}

/// Who the person is and how to reach them: the first step of the profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonalDetails {
    pub full_name: String,
    pub document: IdentityDocument,
    /// `yyyy-mm-dd`.
    pub birth_date: String,
    pub sex: Sex,
    pub region: Region,
    pub province: String,
    pub district: String,
    pub phone: String,
    pub email: String,
    pub channel: ContactChannel,
}

/// Disability data: stored only while the person consents to its processing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disability {
    pub conadis: Option<ConadisNumber>,
    /// Codes of the maintained list of disability types.
    pub types: Vec<String>,
    /// Codes of the accommodations list (the one vacancies offer from) needed at interviews.
    pub needs_at_interview: Vec<String>,
    /// … and at work.
    pub needs_at_work: Vec<String>,
}

/// A job seeker's profile as the register holds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeekerProfile {
    pub id: i64,
    /// `None` while a person a counsellor registered has not signed in yet.
    pub account_id: Option<i64>,
    /// The employment centre that follows them, if one does.
    pub centre_id: Option<i64>,
    pub personal: PersonalDetails,
    pub education: Option<Education>,
    pub skills: Vec<String>,
    /// `None` when not stored (no consent, or none given).
    pub disability: Option<Disability>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A person in a list: enough to recognise them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeekerSummary {
    pub id: i64,
    pub full_name: String,
    pub document: IdentityDocument,
    /// Whether they have signed in themselves yet.
    pub signed_up: bool,
    pub created_at: i64,
}

/// Where a counsellor sees the people their centre follows.
pub const CASELOAD_PATH: &str = "/personas";
/// Where a counsellor registers a person who is with them (the form posts here too).
pub const REGISTER_SEEKER_PATH: &str = "/personas/nueva";

/// A job seeker's own profile (the self-registration form posts here too).
pub const MY_PROFILE_PATH: &str = "/mi-perfil";
/// Where a job seeker gives, withdraws or confirms a consent.
pub const CONSENT_PATH: &str = "/mi-perfil/permisos";

/// The id of the register consent's check box: where its error links to.
pub const CONSENT_REGISTER_FIELD: &str = "consent-register";

/// The page of one person in the register.
pub fn seeker_path(id: i64) -> String {
    format!("/persona/{id}")
}

/// Where a person's disability data is changed: `?id=` names the person (the form posts here
/// too).
pub const DISABILITY_PATH: &str = "/personas/discapacidad";

pub fn disability_path(id: i64) -> String {
    format!("{DISABILITY_PATH}?id={id}")
}

/// One look at a person's disability data by someone else.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessRecord {
    pub viewer_name: String,
    pub purpose: String,
    pub at: i64,
}
