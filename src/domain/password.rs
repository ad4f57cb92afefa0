//! New passwords, as NIST SP 800-63B asks: 8 to 128 characters, any characters at all, no
//! composition rules, and not one of the 10 000 most common passwords.
//!
//! `common_passwords.txt` (one a line, most common first) is the first 10 000 entries of the
//! list Django ships (`django/contrib/auth/common-passwords.txt.gz`, BSD-3-Clause), compiled by
//! Royce Williams from public breach corpora.

use std::fmt;

/// A password someone chose, already checked. Never serialised, and redacted in `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordError {
    TooShort,
    TooLong,
    TooCommon,
}

pub const MIN_CHARS: usize = 8;
pub const MAX_CHARS: usize = 128;

impl NewPassword {
    pub fn parse(input: &str) -> Result<NewPassword, PasswordError> {
        let chars = input.chars().count();
        if chars < MIN_CHARS {
            return Err(PasswordError::TooShort);
        }
        if chars > MAX_CHARS {
            return Err(PasswordError::TooLong);
        }
        if is_common(input) {
            return Err(PasswordError::TooCommon);
        }
        Ok(NewPassword(input.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

/// Whether `password` is on the shipped list of common passwords, ignoring case.
pub fn is_common(password: &str) -> bool {
    use std::collections::HashSet;
    use std::sync::LazyLock;
    static COMMON: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| include_str!("common_passwords.txt").lines().filter(|l| !l.is_empty()).collect());
    COMMON.contains(password.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_list_holds_ten_thousand_passwords() {
        let entries = include_str!("common_passwords.txt").lines().filter(|l| !l.is_empty()).count();
        assert_eq!(entries, 10_000);
    }

    #[test]
    fn common_passwords_are_refused_whatever_their_case() {
        assert_eq!(NewPassword::parse("password1"), Err(PasswordError::TooCommon));
        assert_eq!(NewPassword::parse("PassWord1"), Err(PasswordError::TooCommon));
        assert_eq!(NewPassword::parse("12345678"), Err(PasswordError::TooCommon));
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert_eq!(NewPassword::parse("ñandú12"), Err(PasswordError::TooShort));
        assert!(NewPassword::parse("ñandú123").is_ok());
        assert!(NewPassword::parse(&"á".repeat(128)).is_ok());
        assert_eq!(NewPassword::parse(&"á".repeat(129)), Err(PasswordError::TooLong));
    }

    #[test]
    fn any_characters_are_allowed_and_nothing_is_required() {
        assert!(NewPassword::parse("mi perro se llama Tito").is_ok());
        assert!(NewPassword::parse("长城长城长城长城").is_ok());
    }

    #[test]
    fn debug_never_shows_the_password() {
        let password = NewPassword::parse("una clave secreta").unwrap();
        assert_eq!(format!("{password:?}"), "NewPassword(***)");
    }
}
