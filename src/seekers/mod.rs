//! Job seekers: the register of working-age people with disabilities looking for work, kept
//! with their consent. The profile is filled in short steps; disability data is optional,
//! consented to separately, and erased when that consent is revoked.

//!
//! What lives where: `mod.rs` the register's types and paths; `pages/` one file per page;
//! `handlers/` the form posts (and `handlers/fields.rs`, reading the forms); `api.rs` the
//! server functions the pages read, each answering a view made for its viewer; `store.rs` the
//! storage trait and its SQL; pure rules in `consent.rs` (what each consent allows),
//! `visibility.rs` (who sees what), `steps.rs` (the profile's steps), `claim.rs`, `cv.rs` and
//! `history.rs` (their types and paths).

pub mod api;
pub mod claim;
pub mod consent;
pub mod cv;
#[cfg(feature = "ssr")]
pub mod data;
#[cfg(feature = "ssr")]
pub mod handlers;
pub mod history;
pub mod pages;
pub mod steps;
#[cfg(feature = "ssr")]
pub mod store;
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

coded_enum!(
    /// A language a person speaks or signs: Spanish, Peru's most spoken original languages,
    /// Peruvian Sign Language, and the foreign languages employers ask for most.
    Language {
        Spanish => "es",
        Quechua => "qu",
        Aymara => "ay",
        Ashaninka => "cni",
        Awajun => "agr",
        Shipibo => "shp",
        PeruvianSignLanguage => "lsp",
        OtherSignLanguage => "sign_other",
        English => "en",
        Portuguese => "pt",
    }
);

coded_enum!(
    /// How well.
    LanguageLevel {
        Basic => "basic",
        Intermediate => "intermediate",
        Advanced => "advanced",
        /// The person's first language.
        Native => "native",
    }
);

impl Language {
    pub fn label(self) -> Key {
        match self {
            Language::Spanish => Key::language_es,
            Language::Quechua => Key::language_qu,
            Language::Aymara => Key::language_ay,
            Language::Ashaninka => Key::language_cni,
            Language::Awajun => Key::language_agr,
            Language::Shipibo => Key::language_shp,
            Language::PeruvianSignLanguage => Key::language_lsp,
            Language::OtherSignLanguage => Key::language_sign_other,
            Language::English => Key::language_en,
            Language::Portuguese => Key::language_pt,
        }
    }
}

impl Language {
    /// The id and name of its field in the languages form.
    pub fn field(self) -> &'static str {
        match self {
            Language::Spanish => "idioma-es",
            Language::Quechua => "idioma-qu",
            Language::Aymara => "idioma-ay",
            Language::Ashaninka => "idioma-cni",
            Language::Awajun => "idioma-agr",
            Language::Shipibo => "idioma-shp",
            Language::PeruvianSignLanguage => "idioma-lsp",
            Language::OtherSignLanguage => "idioma-sign_other",
            Language::English => "idioma-en",
            Language::Portuguese => "idioma-pt",
        }
    }
}

impl LanguageLevel {
    pub fn label(self) -> Key {
        match self {
            LanguageLevel::Basic => Key::language_level_basic,
            LanguageLevel::Intermediate => Key::language_level_intermediate,
            LanguageLevel::Advanced => Key::language_level_advanced,
            LanguageLevel::Native => Key::language_level_native,
        }
    }
}

/// The languages of a profile in words, "Castellano (lengua materna), …"; "no lo indica" when
/// there are none.
pub fn languages_text(lang: crate::i18n::Lang, languages: &[SpokenLanguage]) -> String {
    use crate::i18n::t;
    if languages.is_empty() {
        return t(lang, Key::person_not_stated).to_string();
    }
    languages
        .iter()
        .map(|spoken| format!("{} ({})", t(lang, spoken.language.label()), t(lang, spoken.level.label())))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One language of a profile, and how well the person knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpokenLanguage {
    pub language: Language,
    pub level: LanguageLevel,
}

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

/// A job seeker's profile as the register holds it. It never leaves the server as it is: each
/// reader gets a type made for them (`visibility`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeekerProfile {
    pub id: i64,
    /// `None` while a person a counsellor registered has not signed in yet.
    pub account_id: Option<i64>,
    /// The employment centre that follows them, if one does.
    pub centre_id: Option<i64>,
    pub personal: PersonalDetails,
    pub education: Option<Education>,
    pub skills: Vec<String>,
    /// In the order of the list of languages.
    pub languages: Vec<SpokenLanguage>,
    /// The jobs they have done, the latest first.
    pub experience: Vec<history::WorkExperience>,
    /// Competences certified to them, the latest first.
    pub certificates: Vec<history::Certificate>,
    /// The CV they uploaded as a PDF, if any.
    pub cv_file: Option<cv::CvFile>,
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
/// Where the languages of a profile are changed: the person's own, or with `?persona=` the
/// person a counsellor acts for (the form posts here too).
pub const LANGUAGES_PATH: &str = "/mi-perfil/idiomas";

/// Where who the person is, how to reach them, what they studied and can do are changed after
/// the profile was made (`?persona=` as above).
pub const DETAILS_PATH: &str = "/mi-perfil/datos";

/// Where the jobs a person has done are listed, added and taken out (`?persona=` as above).
pub const EXPERIENCE_PATH: &str = "/mi-perfil/experiencia";
/// Where the competences certified to a person are listed, added and taken out.
pub const CERTIFICATES_PATH: &str = "/mi-perfil/certificados";

/// A step of the profile at `base`: the signed-in person's own, or the person `seeker` a
/// counsellor acts for.
pub fn step_path(base: &str, seeker: Option<i64>) -> String {
    match seeker {
        Some(id) => format!("{base}?persona={id}"),
        None => base.to_string(),
    }
}

pub fn languages_path(seeker: Option<i64>) -> String {
    step_path(LANGUAGES_PATH, seeker)
}

/// Where a job seeker deletes their profile from the register (the form posts here too).
pub const DELETE_PROFILE_PATH: &str = "/mi-perfil/borrar";

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

/// A name as the caseload search compares it: lower case, accents folded, each word with a
/// space before and after, so a searched word can be matched at the start of any word.
pub fn name_key(full_name: &str) -> String {
    format!(" {} ", crate::vacancies::search::folded_words(full_name).join(" "))
}

/// How many people a page of the caseload lists.
pub const CASELOAD_PAGE_SIZE: u32 = 25;

/// What a counsellor looks for in their centre's caseload, as the page's address says it:
/// `?q=` words of a name or a document number, `&pagina=` the page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseloadQuery {
    pub words: String,
    pub page: u32,
}

/// How the storage narrows the caseload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseloadFilter {
    Everyone,
    /// A document number as the register keeps it (upper case, no spaces or dashes).
    Document(String),
    /// Every word must start a word of the name (folded).
    Name(Vec<String>),
}

impl CaseloadQuery {
    pub const WORDS: &'static str = "q";
    pub const PAGE: &'static str = "pagina";

    pub fn from_pairs(pairs: &[(String, String)]) -> CaseloadQuery {
        let value = |name: &str| pairs.iter().find(|(key, _)| key == name).map(|(_, value)| value.trim());
        CaseloadQuery {
            words: value(Self::WORDS).unwrap_or("").chars().take(100).collect(),
            page: value(Self::PAGE).and_then(|page| page.parse().ok()).unwrap_or(1).max(1),
        }
    }

    /// Typed with a digit in it, it is a document number; otherwise words of a name (the
    /// first five).
    pub fn filter(&self) -> CaseloadFilter {
        if self.words.chars().any(|c| c.is_ascii_digit()) {
            let number: String =
                self.words.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect();
            return CaseloadFilter::Document(number);
        }
        let words: Vec<String> = crate::vacancies::search::folded_words(&self.words).into_iter().take(5).collect();
        if words.is_empty() {
            CaseloadFilter::Everyone
        } else {
            CaseloadFilter::Name(words)
        }
    }

    /// The address of page `page` of this search.
    pub fn path_for_page(&self, page: u32) -> String {
        let mut pairs = Vec::new();
        if !self.words.is_empty() {
            pairs.push(format!("{}={}", Self::WORDS, crate::ui::percent_encode(&self.words)));
        }
        if page > 1 {
            pairs.push(format!("{}={page}", Self::PAGE));
        }
        if pairs.is_empty() {
            CASELOAD_PATH.to_string()
        } else {
            format!("{CASELOAD_PATH}?{}", pairs.join("&"))
        }
    }
}

/// One page of a centre's caseload.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caseload {
    pub query: CaseloadQuery,
    pub people: Vec<SeekerSummary>,
    /// Everyone the search finds, on every page.
    pub total: u32,
    /// The page shown (the one asked for, or the last there is).
    pub page: u32,
}

impl Caseload {
    pub fn pages(&self) -> u32 {
        self.total.div_ceil(CASELOAD_PAGE_SIZE).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> CaseloadQuery {
        let pairs: Vec<(String, String)> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        CaseloadQuery::from_pairs(&pairs)
    }

    #[test]
    fn a_caseload_search_is_a_document_number_when_it_has_a_digit_and_name_words_otherwise() {
        assert_eq!(query(&[]).filter(), CaseloadFilter::Everyone);
        assert_eq!(query(&[("q", "  ")]).filter(), CaseloadFilter::Everyone);
        assert_eq!(query(&[("q", "4567 8912")]).filter(), CaseloadFilter::Document("45678912".into()));
        assert_eq!(query(&[("q", "ab-12345")]).filter(), CaseloadFilter::Document("AB12345".into()));
        assert_eq!(
            query(&[("q", "Huamán, ROSA")]).filter(),
            CaseloadFilter::Name(vec!["huaman".into(), "rosa".into()])
        );
        assert_eq!(name_key("Rosa  Huamán-Quispe"), " rosa huaman quispe ");
    }

    #[test]
    fn the_caseload_address_keeps_the_search_and_the_page() {
        let asked = query(&[("q", "Rosa Huamán"), ("pagina", "3")]);
        assert_eq!(asked.page, 3);
        assert_eq!(asked.path_for_page(1), "/personas?q=Rosa+Huam%C3%A1n");
        assert_eq!(asked.path_for_page(4), "/personas?q=Rosa+Huam%C3%A1n&pagina=4");
        assert_eq!(query(&[("pagina", "0")]).page, 1);
        assert_eq!(query(&[("pagina", "x")]).path_for_page(2), "/personas?pagina=2");
    }
}
