//! The documents a person in Peru identifies with — DNI for Peruvians, carné de extranjería
//! for residents from abroad (many of them Venezuelan), passport otherwise — and the CONADIS
//! registration number of the national register of persons with disabilities.

use serde::{Deserialize, Serialize};

/// The kind of identity document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DocumentType {
    /// Documento Nacional de Identidad: 8 digits.
    Dni,
    /// Carné de extranjería: 9 digits (older cards: up to 12 letters and digits).
    ForeignerCard,
    /// A passport: 6 to 12 letters and digits.
    Passport,
}

impl DocumentType {
    pub const ALL: [DocumentType; 3] = [DocumentType::Dni, DocumentType::ForeignerCard, DocumentType::Passport];

    pub fn code(self) -> &'static str {
        match self {
            DocumentType::Dni => "dni",
            DocumentType::ForeignerCard => "ce",
            DocumentType::Passport => "passport",
        }
    }

    pub fn from_code(code: &str) -> Option<DocumentType> {
        DocumentType::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

/// A document whose number has the shape its kind requires, kept without the spaces, dots
/// and hyphens people type, letters upper-cased: the same document always reads the same, so
/// a second registration of it is recognised.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct IdentityDocument {
    pub kind: DocumentType,
    number: String,
}

/// Why a document number was refused, so the form can say how it should look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentError {
    Empty,
    /// A DNI is exactly 8 digits.
    DniShape,
    /// A carné de extranjería is 9 to 12 letters and digits.
    ForeignerCardShape,
    /// A passport number is 6 to 12 letters and digits.
    PassportShape,
}

impl IdentityDocument {
    pub fn parse(kind: DocumentType, input: &str) -> Result<IdentityDocument, DocumentError> {
        let number: String =
            input.chars().filter(|c| !matches!(c, ' ' | '-' | '.')).map(|c| c.to_ascii_uppercase()).collect();
        if number.is_empty() {
            return Err(DocumentError::Empty);
        }
        let alphanumeric = number.chars().all(|c| c.is_ascii_alphanumeric());
        let ok = match kind {
            DocumentType::Dni => number.len() == 8 && number.chars().all(|c| c.is_ascii_digit()),
            DocumentType::ForeignerCard => alphanumeric && (9..=12).contains(&number.len()),
            DocumentType::Passport => alphanumeric && (6..=12).contains(&number.len()),
        };
        if ok {
            Ok(IdentityDocument { kind, number })
        } else {
            Err(match kind {
                DocumentType::Dni => DocumentError::DniShape,
                DocumentType::ForeignerCard => DocumentError::ForeignerCardShape,
                DocumentType::Passport => DocumentError::PassportShape,
            })
        }
    }

    pub fn number(&self) -> &str {
        &self.number
    }
}

/// A CONADIS registration number (Registro Nacional de la Persona con Discapacidad): the
/// number on the CONADIS card, 1 to 8 digits; leading zeros are part of it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ConadisNumber(String);

impl ConadisNumber {
    /// `None` for anything but 1 to 8 digits (spaces and hyphens ignored).
    pub fn parse(input: &str) -> Option<ConadisNumber> {
        let digits: String = input.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        ((1..=8).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit())).then_some(ConadisNumber(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The youngest and oldest ages at which someone is registered as looking for work: 14 is the
/// lowest age Peruvian law allows adolescents to work with authorisation.
pub const WORKING_AGE: std::ops::RangeInclusive<u32> = 14..=100;

/// Whole years between a `yyyy-mm-dd` birth date and a `yyyy-mm-dd` day; `None` when either is
/// not such a date or the birth is after the day.
pub fn age_on(birth: &str, day: &str) -> Option<u32> {
    let parse = |date: &str| -> Option<(u32, u32, u32)> {
        let mut parts = date.trim().splitn(3, '-');
        let year = parts.next().filter(|p| p.len() == 4)?.parse().ok()?;
        let month = parts.next().filter(|p| p.len() == 2)?.parse().ok()?;
        let day = parts.next().filter(|p| p.len() == 2)?.parse().ok()?;
        crate::domain::lima_time::lima_day_start(date)?;
        Some((year, month, day))
    };
    let (by, bm, bd) = parse(birth)?;
    let (y, m, d) = parse(day)?;
    let before_birthday = (m, d) < (bm, bd);
    y.checked_sub(by)?.checked_sub(u32::from(before_birthday))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dni_is_eight_digits_as_typed_with_spaces_or_dots() {
        assert_eq!(IdentityDocument::parse(DocumentType::Dni, "45 678.912").unwrap().number(), "45678912");
        assert_eq!(IdentityDocument::parse(DocumentType::Dni, "4567891"), Err(DocumentError::DniShape));
        assert_eq!(IdentityDocument::parse(DocumentType::Dni, "4567891A"), Err(DocumentError::DniShape));
        assert_eq!(IdentityDocument::parse(DocumentType::Dni, "  "), Err(DocumentError::Empty));
    }

    #[test]
    fn other_documents_are_letters_and_digits_of_their_length_in_capitals() {
        let ce = IdentityDocument::parse(DocumentType::ForeignerCard, "001234567").unwrap();
        assert_eq!(ce.number(), "001234567");
        assert_eq!(IdentityDocument::parse(DocumentType::Passport, "ab-123456").unwrap().number(), "AB123456");
        assert_eq!(IdentityDocument::parse(DocumentType::Passport, "12345"), Err(DocumentError::PassportShape));
        assert_eq!(
            IdentityDocument::parse(DocumentType::ForeignerCard, "12345678"),
            Err(DocumentError::ForeignerCardShape)
        );
        assert_eq!(IdentityDocument::parse(DocumentType::Passport, "ÑANDÚ1234"), Err(DocumentError::PassportShape));
    }

    #[test]
    fn a_conadis_number_is_up_to_eight_digits() {
        assert_eq!(ConadisNumber::parse("00 12-345").unwrap().as_str(), "0012345");
        assert!(ConadisNumber::parse("123456789").is_none());
        assert!(ConadisNumber::parse("12A45").is_none());
        assert!(ConadisNumber::parse("").is_none());
    }

    #[test]
    fn age_counts_whole_years_to_the_birthday() {
        assert_eq!(age_on("2012-11-30", "2026-11-30"), Some(14));
        assert_eq!(age_on("2012-12-01", "2026-11-30"), Some(13));
        assert_eq!(age_on("1990-02-28", "2026-11-30"), Some(36));
        assert_eq!(age_on("2027-01-01", "2026-11-30"), None);
        assert_eq!(age_on("1990-13-01", "2026-11-30"), None);
        assert_eq!(age_on("30/11/1990", "2026-11-30"), None);
    }
}
