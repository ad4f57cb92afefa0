//! Reading the registration form of a job seeker: who they are, how to reach them, and the
//! consents they give — each field checked, each problem said on its field.

use crate::domain::identity::{age_on, DocumentError, WORKING_AGE};
use crate::domain::{DocumentType, Email, IdentityDocument, Region};
use crate::error::FieldErrors;
use crate::i18n::{t, t_with, Key, Lang};
use crate::seekers::consent::ConsentKind;
use crate::seekers::{ContactChannel, Education, PersonalDetails, Sex, CONSENT_REGISTER_FIELD};
use crate::server::form_fields::{choice, skill_list, text, value, Fields};

pub const MAX_NAME_CHARS: usize = 120;
pub const MAX_PLACE_CHARS: usize = 80;
pub const MAX_PHONE_CHARS: usize = 30;

/// The profile's first step: who the person is, how to reach them, what they studied and what
/// they can do — given when the profile is made, changed on its own page after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Details {
    pub personal: PersonalDetails,
    pub education: Option<Education>,
    pub skills: Vec<String>,
}

/// What the registration form gives when every field is right.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Registration {
    pub details: Details,
    pub consents: Vec<ConsentKind>,
}

fn document_error(lang: Lang, error: DocumentError) -> &'static str {
    t(
        lang,
        match error {
            DocumentError::Empty => Key::seeker_err_document_empty,
            DocumentError::DniShape => Key::seeker_err_dni,
            DocumentError::ForeignerCardShape => Key::seeker_err_ce,
            DocumentError::PassportShape => Key::seeker_err_passport,
        },
    )
}

/// The identity document of the form: its type (`document_type`) and number
/// (`document_number`), each error on its field.
pub fn read_document(lang: Lang, fields: &Fields, errors: &mut FieldErrors) -> Option<IdentityDocument> {
    let kind = choice(lang, fields, "document_type", DocumentType::from_code, Key::seeker_err_document_type, errors);
    kind.and_then(|kind| match IdentityDocument::parse(kind, value(fields, "document_number")) {
        Ok(document) => Some(document),
        Err(error) => {
            errors.push("document_number", document_error(lang, error));
            None
        }
    })
}

/// The personal details of the form; `today` is `yyyy-mm-dd` in Lima.
pub fn read_personal(lang: Lang, fields: &Fields, today: &str, errors: &mut FieldErrors) -> Option<PersonalDetails> {
    let full_name = text(lang, fields, "full_name", MAX_NAME_CHARS, Some(Key::seeker_err_name), errors);
    let document = read_document(lang, fields, errors);
    let birth_date = value(fields, "birth_date").to_string();
    let birth_ok = match age_on(&birth_date, today) {
        Some(age) if WORKING_AGE.contains(&age) => true,
        Some(_) => {
            let (min, max) = (WORKING_AGE.start().to_string(), WORKING_AGE.end().to_string());
            errors.push("birth_date", t_with(lang, Key::seeker_err_age, &[("min", &min), ("max", &max)]));
            false
        }
        None => {
            errors.push("birth_date", t(lang, Key::seeker_err_birth_date));
            false
        }
    };
    let sex = choice(lang, fields, "sex", Sex::from_code, Key::seeker_err_sex, errors);
    let region = choice(lang, fields, "region", Region::parse, Key::vacancy_err_region, errors);
    let province = text(lang, fields, "province", MAX_PLACE_CHARS, None, errors);
    let district = text(lang, fields, "district", MAX_PLACE_CHARS, None, errors);
    let phone = text(lang, fields, "phone", MAX_PHONE_CHARS, None, errors);
    let email = match value(fields, "email") {
        "" => Some(String::new()),
        typed => match Email::parse(typed) {
            Ok(email) => Some(email.as_str().to_string()),
            Err(_) => {
                errors.push("email", t(lang, Key::seeker_err_email));
                None
            }
        },
    };
    let channel = choice(lang, fields, "channel", ContactChannel::from_code, Key::seeker_err_channel, errors);
    // The channel chosen needs its address: a number for calls and messages, an email for mail.
    if let (Some(channel), Some(phone), Some(email)) = (channel, phone.as_ref(), email.as_ref()) {
        if channel == ContactChannel::Email && email.is_empty() {
            errors.push("email", t(lang, Key::seeker_err_email_for_channel));
        } else if channel != ContactChannel::Email && phone.is_empty() {
            errors.push("phone", t(lang, Key::seeker_err_phone_for_channel));
        }
    }
    Some(PersonalDetails {
        full_name: full_name?,
        document: document?,
        birth_date: birth_ok.then_some(birth_date)?,
        sex: sex?,
        region: region?,
        province: province?,
        district: district?,
        phone: phone?,
        email: email?,
        channel: channel?,
    })
}

/// The details of the form: personal details, education and skills.
pub fn read_details(lang: Lang, fields: &Fields, today: &str, errors: &mut FieldErrors) -> Option<Details> {
    let personal = read_personal(lang, fields, today, errors);
    let education = match value(fields, "education") {
        "" => Some(None),
        code => match Education::from_code(code) {
            Some(education) => Some(Some(education)),
            None => {
                errors.push("education", t(lang, Key::seeker_err_education));
                None
            }
        },
    };
    let skills = skill_list(lang, fields, "skills", errors);
    let skills_ok = errors.get("skills").is_none();
    Some(Details { personal: personal?, education: education?, skills: skills_ok.then_some(skills)? })
}

/// The whole registration form: the details and the consents ticked (the register's is
/// required: without it nothing is kept).
pub fn read_registration(lang: Lang, fields: &Fields, today: &str, errors: &mut FieldErrors) -> Option<Registration> {
    let details = read_details(lang, fields, today, errors);
    let consents: Vec<ConsentKind> = ConsentKind::ALL
        .into_iter()
        .filter(|kind| fields.iter().any(|(k, v)| k == "consent" && v == kind.code()))
        .collect();
    if !consents.contains(&ConsentKind::Register) {
        errors.push(CONSENT_REGISTER_FIELD, t(lang, Key::seeker_err_consent_register));
    }
    if !errors.is_empty() {
        return None;
    }
    Some(Registration { details: details?, consents })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(changes: &[(&str, &str)]) -> Vec<(String, String)> {
        let mut fields: Vec<(String, String)> = [
            ("full_name", "Rosa Huamán Quispe"),
            ("document_type", "dni"),
            ("document_number", "45 678 912"),
            ("birth_date", "1994-05-17"),
            ("sex", "female"),
            ("region", "cusco"),
            ("province", "Cusco"),
            ("district", "Wanchaq"),
            ("phone", "984 123 456"),
            ("email", ""),
            ("channel", "whatsapp"),
            ("education", "secondary"),
            ("skills", "atención al cliente, Excel"),
            ("consent", "register"),
            ("consent", "counsellor_acts"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        for (name, value) in changes {
            fields.retain(|(k, _)| k != name);
            if !value.is_empty() {
                fields.push((name.to_string(), value.to_string()));
            }
        }
        fields
    }

    fn read(changes: &[(&str, &str)]) -> (Option<Registration>, FieldErrors) {
        let mut errors = FieldErrors::default();
        let read = read_registration(Lang::Es, &form(changes), "2026-11-30", &mut errors);
        (read, errors)
    }

    #[test]
    fn a_complete_form_reads_whole() {
        let (read, errors) = read(&[]);
        assert!(errors.is_empty(), "{errors:?}");
        let read = read.unwrap();
        assert_eq!(read.details.personal.document.number(), "45678912");
        assert_eq!(read.consents, vec![ConsentKind::Register, ConsentKind::CounsellorActs]);
        assert_eq!(read.details.skills, vec!["atención al cliente".to_string(), "Excel".to_string()]);
    }

    #[test]
    fn each_problem_is_said_on_its_field() {
        let cases: &[(&[(&str, &str)], &str)] = &[
            (&[("document_number", "1234567")], "document_number"),
            (&[("birth_date", "2015-01-01")], "birth_date"),
            (&[("birth_date", "1990-02-30")], "birth_date"),
            (&[("email", "rosa@")], "email"),
            (&[("channel", "email")], "email"),
            (&[("phone", "")], "phone"),
            (&[("full_name", "")], "full_name"),
            (&[("region", "atlantis")], "region"),
            (&[("consent", "")], CONSENT_REGISTER_FIELD),
        ];
        for (changes, field) in cases {
            let (read, errors) = read(changes);
            assert!(read.is_none(), "{changes:?}");
            assert!(errors.get(field).is_some(), "{changes:?} should be said on {field}: {errors:?}");
        }
    }
}
