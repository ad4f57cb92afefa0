//! Email addresses, the sign-in name of every account.

use serde::{Deserialize, Serialize};

/// An email address: trimmed, lower-cased, plain ASCII, with one `@` and a dotted domain.
/// Lower-casing makes sign-in case-insensitive; refusing non-ASCII shuts out look-alike
/// (confusable) addresses such as a Cyrillic "а" in place of a Latin "a".
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

/// Why an address was refused, so the form can say what to fix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmailError {
    Empty,
    TooLong,
    Invalid,
}

impl Email {
    pub fn parse(input: &str) -> Result<Email, EmailError> {
        let email = input.trim().to_ascii_lowercase();
        if email.is_empty() {
            return Err(EmailError::Empty);
        }
        if email.len() > 254 {
            return Err(EmailError::TooLong);
        }
        let (local, domain) = email.split_once('@').ok_or(EmailError::Invalid)?;
        let allowed_local = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c);
        let allowed_domain = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '.';
        let labels_ok = domain
            .split('.')
            .all(|label| !label.is_empty() && label.len() <= 63 && !label.starts_with('-') && !label.ends_with('-'));
        let valid = !local.is_empty()
            && local.len() <= 64
            && local.chars().all(allowed_local)
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && domain.contains('.')
            && domain.chars().all(allowed_domain)
            && labels_ok;
        if valid {
            Ok(Email(email))
        } else {
            Err(EmailError::Invalid)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_trimmed_and_lower_cased() {
        assert_eq!(Email::parse("  Rosa.Quispe@Example.PE ").unwrap().as_str(), "rosa.quispe@example.pe");
    }

    #[test]
    fn malformed_addresses_are_refused() {
        for bad in [
            "rosa",
            "rosa@",
            "@example.pe",
            "rosa@example",
            "ro sa@example.pe",
            "rosa@@example.pe",
            "rosa@-x.pe",
            ".rosa@example.pe",
            "ro..sa@example.pe",
            "<script>@x.pe",
        ] {
            assert_eq!(Email::parse(bad), Err(EmailError::Invalid), "{bad}");
        }
        assert_eq!(Email::parse("   "), Err(EmailError::Empty));
        assert_eq!(Email::parse(&format!("{}@example.pe", "a".repeat(250))), Err(EmailError::TooLong));
    }

    #[test]
    fn look_alike_letters_from_other_scripts_are_refused() {
        // The first "а" is Cyrillic.
        assert_eq!(Email::parse("\u{430}na@example.pe"), Err(EmailError::Invalid));
        assert_eq!(Email::parse("ana@ex\u{430}mple.pe"), Err(EmailError::Invalid));
    }
}
