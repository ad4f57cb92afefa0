//! Joining a profile a counsellor made to the person's own account. The counsellor prints the
//! person's consent sheet with a one-off code; the person, signed in, types their document
//! number and the code, and the profile becomes theirs. The code is ten characters from an
//! alphabet without look-alikes (no 0/O, 1/I), shown in two groups of five, and typed in any
//! case, with or without the dash or spaces.

/// Where a counsellor prints a person's consent sheet: `?id=` names the person (the form that
/// makes a new code posts here too).
pub const CONSENT_SHEET_PATH: &str = "/personas/hoja";
/// Where a person joins a profile made for them to their account (the form posts here too).
pub const CLAIM_PATH: &str = "/mi-perfil/vincular";
/// The field the code is typed in.
pub const CLAIM_CODE_FIELD: &str = "claim_code";
/// How long a code works.
pub const CLAIM_DAYS: i64 = 30;

/// The characters of a code: 8 digits and 24 letters, none mistaken for another.
const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const LENGTH: usize = 10;

pub fn consent_sheet_path(id: i64) -> String {
    format!("{CONSENT_SHEET_PATH}?id={id}")
}

/// A new code from ten random bytes (50 bits), as stored: no dash.
pub fn code_from(random: [u8; LENGTH]) -> String {
    random.iter().map(|b| ALPHABET[usize::from(b % 32)] as char).collect()
}

/// The code as typed, in its stored form; `None` if it cannot be one.
pub fn normalize(typed: &str) -> Option<String> {
    let code: String =
        typed.chars().filter(|c| !matches!(c, ' ' | '-' | '\u{a0}')).map(|c| c.to_ascii_uppercase()).collect();
    (code.len() == LENGTH && code.bytes().all(|b| ALPHABET.contains(&b))).then_some(code)
}

/// The code as printed: `ABCDE-FGHJK`.
pub fn printed(code: &str) -> String {
    let (first, second) = code.split_at(code.len().min(LENGTH / 2));
    format!("{first}-{second}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_reads_without_look_alikes_and_is_typed_any_way() {
        let code = code_from([0, 1, 31, 32, 255, 10, 20, 30, 7, 8]);
        assert_eq!(code, "23Z2ZCNY9A");
        assert_eq!(printed(&code), "23Z2Z-CNY9A");
        assert_eq!(normalize(" 23z2z - cny9a ").as_deref(), Some("23Z2ZCNY9A"));
        assert_eq!(normalize("23ZZ2-CNY9"), None, "too short");
        assert_eq!(normalize("O3ZZ2-CNY9A"), None, "O is not in the alphabet");
        assert_eq!(normalize("23ZZ2-CNY9A1"), None);
    }
}
