//! Authenticator-app codes (TOTP, RFC 6238 over HOTP, RFC 4226): six digits from HMAC-SHA1 of
//! the 30-second step, the secret shown as base32 (RFC 4648) for apps and screen readers.

use hmac::{Hmac, Mac};
use sha1::Sha1;

/// Seconds per code.
pub const STEP_SECS: i64 = 30;
/// Steps of clock drift accepted either way: a phone's clock a little off still works.
pub const DRIFT_STEPS: i64 = 1;
/// Bytes of a new secret (160 bits, RFC 4226's recommendation).
const SECRET_BYTES: usize = 20;
const BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// A new random secret, in base32 without padding (32 letters and digits).
pub fn new_secret() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let mut bytes = [0u8; SECRET_BYTES];
    OsRng.fill_bytes(&mut bytes);
    encode(&bytes)
}

fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(BASE32[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(BASE32[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// The bytes of a base32 secret (spaces and case ignored, as apps show it); `None` if it is
/// not base32 or too short to be one Senda made.
pub fn decode(secret: &str) -> Option<Vec<u8>> {
    let (mut out, mut buffer, mut bits) = (Vec::new(), 0u32, 0u32);
    for c in secret.chars().filter(|c| !c.is_whitespace() && *c != '=') {
        let value = BASE32.iter().position(|&b| b == c.to_ascii_uppercase() as u8)? as u32;
        buffer = (buffer << 5) | value;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    (out.len() >= 16).then_some(out)
}

/// The step `now` falls in.
pub fn step_of(now: i64) -> i64 {
    now.div_euclid(STEP_SECS)
}

/// The six-digit code of `step` for the secret `key`.
pub fn code_at(key: &[u8], step: i64) -> String {
    let mut mac = Hmac::<Sha1>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(&step.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = (digest[19] & 0x0f) as usize;
    let number =
        u32::from_be_bytes([digest[offset] & 0x7f, digest[offset + 1], digest[offset + 2], digest[offset + 3]]);
    format!("{:06}", number % 1_000_000)
}

/// The step whose code `typed` is, within the drift allowed around `now`, and newer than
/// `last_step` (the newest already used): a code works once, and never one older than a code
/// already used. `typed` may hold spaces (apps show "123 456").
pub fn verify(key: &[u8], typed: &str, now: i64, last_step: i64) -> Option<i64> {
    let digits: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let current = step_of(now);
    (current - DRIFT_STEPS..=current + DRIFT_STEPS)
        .filter(|step| *step > last_step)
        .find(|step| constant_time_eq(code_at(key, *step).as_bytes(), digits.as_bytes()))
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Whether `typed` looks like an app's code (six digits, spaces allowed) rather than a
/// recovery code.
pub fn looks_like_code(typed: &str) -> bool {
    let digits: Vec<char> = typed.chars().filter(|c| !c.is_whitespace()).collect();
    digits.len() == 6 && digits.iter().all(char::is_ascii_digit)
}

/// The `otpauth://` address an authenticator app reads from the QR code.
pub fn provisioning_uri(secret: &str, issuer: &str, account: &str) -> String {
    let label = format!("{issuer}:{account}");
    format!(
        "otpauth://totp/{}?secret={secret}&issuer={}&algorithm=SHA1&digits=6&period={STEP_SECS}",
        crate::ui::percent_encode_keeping(&label, b"@"),
        crate::ui::percent_encode_keeping(issuer, b"@")
    )
}

/// The secret in groups of four, as a person reads or types it into an app.
pub fn grouped(secret: &str) -> String {
    secret.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 6238 appendix B: the SHA-1 secret "12345678901234567890"; its eight-digit codes end
    // in these six.
    const RFC_KEY: &[u8] = b"12345678901234567890";

    #[test]
    fn codes_match_the_rfc_6238_test_vectors() {
        for (time, code) in [
            (59, "287082"),
            (1111111109, "081804"),
            (1111111111, "050471"),
            (1234567890, "005924"),
            (2000000000, "279037"),
        ] {
            assert_eq!(code_at(RFC_KEY, step_of(time)), code, "at {time}");
        }
    }

    #[test]
    fn base32_round_trips_and_matches_rfc_4648() {
        assert_eq!(encode(b"foobar"), "MZXW6YTBOI");
        let secret = encode(RFC_KEY);
        assert_eq!(secret, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assert_eq!(decode(&secret.to_lowercase()).unwrap(), RFC_KEY);
        assert_eq!(decode(&grouped(&secret)).unwrap(), RFC_KEY);
        assert!(decode("not base32!").is_none());
        assert!(decode("MZXW6").is_none(), "too short to be a secret");
        let fresh = new_secret();
        assert_eq!(fresh.len(), 32);
        assert_eq!(decode(&fresh).unwrap().len(), SECRET_BYTES);
    }

    #[test]
    fn a_code_works_within_one_step_of_drift_either_way_and_no_further() {
        let now = 1_111_111_111;
        let step = step_of(now);
        for drift in [-1, 0, 1] {
            let code = code_at(RFC_KEY, step + drift);
            assert_eq!(verify(RFC_KEY, &code, now, 0), Some(step + drift), "drift {drift}");
        }
        for drift in [-2, 2] {
            let code = code_at(RFC_KEY, step + drift);
            assert_eq!(verify(RFC_KEY, &code, now, 0), None, "drift {drift}");
        }
    }

    #[test]
    fn a_code_is_accepted_once_and_never_one_older_than_the_last_used() {
        let now = 1_234_567_890;
        let step = step_of(now);
        let code = code_at(RFC_KEY, step);
        let used = verify(RFC_KEY, &code, now, 0).unwrap();
        assert_eq!(verify(RFC_KEY, &code, now, used), None, "replayed");
        let older = code_at(RFC_KEY, step - 1);
        assert_eq!(verify(RFC_KEY, &older, now, used), None, "older than the last used");
        let newer = code_at(RFC_KEY, step + 1);
        assert_eq!(verify(RFC_KEY, &newer, now, used), Some(step + 1));
    }

    #[test]
    fn typed_codes_may_hold_spaces_but_nothing_else() {
        let now = 59;
        let code = code_at(RFC_KEY, step_of(now));
        let spaced = format!("{} {}", &code[..3], &code[3..]);
        assert!(looks_like_code(&spaced));
        assert_eq!(verify(RFC_KEY, &spaced, now, 0), Some(step_of(now)));
        assert_eq!(verify(RFC_KEY, "28708", now, 0), None);
        assert_eq!(verify(RFC_KEY, "2870822", now, 0), None);
        assert_eq!(verify(RFC_KEY, "28708a", now, 0), None);
        assert!(!looks_like_code("ABCD-EFGH-JKMN-PQRS"));
    }

    #[test]
    fn a_code_of_another_secret_is_refused() {
        let now = 2_000_000_000;
        let other = decode(&new_secret()).unwrap();
        let code = code_at(&other, step_of(now));
        // One chance in a million that the two secrets share this step's code.
        if code != code_at(RFC_KEY, step_of(now)) {
            assert_eq!(verify(RFC_KEY, &code, now, 0), None);
        }
    }

    #[test]
    fn the_app_address_names_the_site_and_the_account() {
        let uri = provisioning_uri("GEZDGNBV", "Senda", "ana.torres@senda.test");
        assert_eq!(
            uri,
            "otpauth://totp/Senda%3Aana.torres@senda.test?secret=GEZDGNBV&issuer=Senda&algorithm=SHA1&digits=6&period=30"
        );
    }
}
