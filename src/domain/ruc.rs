//! RUC (Registro Único de Contribuyentes): the 11-digit Peruvian taxpayer number every
//! company has, whose last digit is a check digit (modulo 11 with SUNAT's weights).

use serde::{Deserialize, Serialize};

/// A RUC whose length, digits and check digit are right.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Ruc(String);

/// Why a RUC was refused, so a form can say which rule it broke.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RucError {
    Length,
    NotDigits,
    CheckDigit,
}

const WEIGHTS: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

impl Ruc {
    /// Parses a RUC, ignoring spaces and hyphens people type for readability.
    pub fn parse(input: &str) -> Result<Ruc, RucError> {
        let digits: String = input.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(RucError::NotDigits);
        }
        if digits.len() != 11 {
            return Err(RucError::Length);
        }
        let values: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
        let sum: u32 = values.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
        let check = match 11 - sum % 11 {
            10 => 0,
            11 => 1,
            n => n,
        };
        if values[10] != check {
            return Err(RucError::CheckDigit);
        }
        Ok(Ruc(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_real_ruc_parses() {
        // SUNAT's own RUC.
        assert_eq!(Ruc::parse("20131312955").unwrap().as_str(), "20131312955");
        assert!(Ruc::parse("20-13131295-5").is_ok());
    }

    #[test]
    fn a_wrong_check_digit_is_refused() {
        assert_eq!(Ruc::parse("20131312956"), Err(RucError::CheckDigit));
    }

    #[test]
    fn wrong_length_and_letters_are_refused() {
        assert_eq!(Ruc::parse("2013131295"), Err(RucError::Length));
        assert_eq!(Ruc::parse("2013131295A"), Err(RucError::NotDigits));
        assert_eq!(Ruc::parse(""), Err(RucError::Length));
    }
}
