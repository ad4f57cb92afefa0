//! What the page being rendered is for: the person's language and preferences and the page's
//! own address. Read once per request from its headers and given to every component through
//! context, so each can say things in the right language. The server reads it from a request
//! in `server::request_ui`.

use crate::domain::prefs::Prefs;
use crate::domain::Actor;
use crate::i18n::{self, Key, Lang};
use leptos::prelude::*;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ui {
    pub lang: Lang,
    pub prefs: Prefs,
    /// Path and query of the current page, for forms that return to it.
    pub path: String,
    /// Who is signed in, if anyone.
    pub actor: Option<Actor>,
    /// The signed-in session's form token, for the hidden field of every form that posts.
    pub form_token: Option<String>,
}

impl Ui {
    /// The text of `key` in this page's language.
    pub fn t(&self, key: Key) -> &'static str {
        i18n::t(self.lang, key)
    }

    /// The value of one query parameter of the current page's address.
    pub fn query(&self, name: &str) -> Option<String> {
        self.query_pairs().into_iter().find_map(|(key, value)| (key == name).then_some(value))
    }

    /// A query parameter that names a record by its number; `None` when absent or not a number.
    pub fn query_id(&self, name: &str) -> Option<i64> {
        self.query(name).and_then(|id| id.parse::<i64>().ok())
    }

    /// Every parameter of the current page's address, decoded, in order; a name may repeat.
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        self.path.split_once('?').map(|(_, query)| query_pairs(query)).unwrap_or_default()
    }

    /// The query string of the current page's address, without the `?`.
    pub fn query_string(&self) -> &str {
        self.path.split_once('?').map(|(_, query)| query).unwrap_or("")
    }
}

/// Where the sign-in form lives and posts to: every page that needs a signed-in person sends
/// others there, so it sits below the features (the accounts feature serves it).
pub const SIGN_IN_PATH: &str = "/entrar";

/// Where a signed-in person downloads everything Senda keeps about them: linked from the
/// account and from the register's pages, so it sits below the features too (the accounts
/// feature answers it).
pub const EXPORT_DATA_PATH: &str = "/cuenta/mis-datos";

/// The sign-in page, returning to `back_to` (a local path) once signed in.
pub fn sign_in_returning_to(back_to: &str) -> String {
    format!("{SIGN_IN_PATH}?volver={}", back_to.replace('/', "%2F"))
}

/// The current page's [`Ui`]; defaults outside a request.
pub fn use_ui() -> Ui {
    use_context::<Ui>().unwrap_or_default()
}

/// The parameters of a query string (without its `?`), decoded, in order; a name may repeat.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(key), percent_decode(value))
        })
        .collect()
}

/// Encodes a query value so it survives in an address: what is not a letter, digit or one of
/// `-_.~` becomes `%XX` (UTF-8), a space `+`.
pub fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(byte as char),
            b' ' => out.push('+'),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// Like [`percent_encode`], but keeping the bytes of `keep` as they are and writing a space as
/// `%20`: for a path inside a query value (`volver`), a `data:` link, an `otpauth:` label.
pub fn percent_encode_keeping(value: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(byte as char),
            kept if keep.contains(&kept) => out.push(kept as char),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` of a query value; malformed escapes are kept as they are.
fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16) {
                    Ok(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_decoded() {
        let ui = Ui { path: "/entrar?volver=%2Fcuenta%3Fa%3D1&x=a+b".into(), ..Ui::default() };
        assert_eq!(ui.query("volver").as_deref(), Some("/cuenta?a=1"));
        assert_eq!(ui.query("x").as_deref(), Some("a b"));
        assert_eq!(ui.query("missing"), None);
        let bad = Ui { path: "/?v=%zz%4".into(), ..Ui::default() };
        assert_eq!(bad.query("v").as_deref(), Some("%zz%4"));
    }

    #[test]
    fn repeated_parameters_are_all_kept_and_encoding_round_trips() {
        let ui = Ui { path: "/empleos?ajuste=a&q=t%C3%A9cnico+contable&ajuste=b&vacio".into(), ..Ui::default() };
        let pairs = ui.query_pairs();
        assert_eq!(pairs.len(), 4);
        assert_eq!(pairs[1], ("q".to_string(), "técnico contable".to_string()));
        assert_eq!(pairs[3], ("vacio".to_string(), String::new()));
        let text = "año & 50% = «sí»/no?";
        assert_eq!(percent_decode(&percent_encode(text)), text);
        assert_eq!(percent_encode("a b"), "a+b");
    }
}
