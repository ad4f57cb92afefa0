//! Recovery codes: ten single-use codes given once when a second factor is set up, for the day
//! the phone or key is lost. Sixteen characters of an alphabet without look-alikes (no 0/O,
//! 1/I/L, U), 80 random bits each; only their SHA-256 is kept, salted with the account.

use crate::server::auth::tokens::sha256_hex;

/// How many codes a set holds.
pub const CODES_PER_SET: usize = 10;
/// Crockford's base32: nothing a person reads two ways.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH: usize = 16;

/// A new set of codes, as shown to the person once (`ABCD-EFGH-JKMN-PQRS`).
pub fn new_set() -> Vec<String> {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    (0..CODES_PER_SET)
        .map(|_| {
            let mut bytes = [0u8; LENGTH];
            OsRng.fill_bytes(&mut bytes);
            let chars: Vec<u8> = bytes.iter().map(|b| ALPHABET[(b & 31) as usize]).collect();
            chars.chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join("-")
        })
        .collect()
}

/// A typed code as stored: hyphens and spaces dropped, upper case, and the letters people
/// mistake for digits read as those digits. `None` when it cannot be a recovery code.
pub fn normalise(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect();
    (code.len() == LENGTH && code.bytes().all(|b| ALPHABET.contains(&b))).then_some(code)
}

/// What the store keeps of a code of `account_id`.
pub fn hash(account_id: i64, code: &str) -> Option<String> {
    normalise(code).map(|code| sha256_hex(&format!("recovery\n{account_id}\n{code}")))
}

/// The hashes of a new set, as they are stored for `account_id`.
pub fn hashes(account_id: i64, codes: &[String]) -> Vec<String> {
    codes.iter().filter_map(|code| hash(account_id, code)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_holds_ten_different_well_formed_codes() {
        let set = new_set();
        assert_eq!(set.len(), CODES_PER_SET);
        let unique: std::collections::HashSet<_> = set.iter().collect();
        assert_eq!(unique.len(), CODES_PER_SET);
        for code in &set {
            assert_eq!(code.len(), 19, "{code}");
            assert_eq!(normalise(code).unwrap().len(), LENGTH);
        }
    }

    #[test]
    fn typing_slips_still_match_and_other_text_does_not() {
        let code = "AB0D-EF1H-JKMN-PQRS";
        let stored = hash(7, code).unwrap();
        assert_eq!(hash(7, "ab0d ef1h jkmn pqrs"), Some(stored.clone()));
        assert_eq!(hash(7, "ABOD-EFIH-JKMN-PQRS"), Some(stored.clone()), "O and I read as 0 and 1");
        assert_ne!(hash(8, code), Some(stored), "another account's code hashes apart");
        assert_eq!(hash(7, "123456"), None);
        assert_eq!(hash(7, "ABCD-EFGH-JKMN-PQRU"), None, "U is not in the alphabet");
    }
}
