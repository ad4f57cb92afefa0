//! Languages: Spanish (Peru) first, English second. Every visible string comes from
//! `locales/*.json` through [`Key`]; the build turns those files into code, so an unknown key
//! does not compile.

mod catalog {
    include!(concat!(env!("OUT_DIR"), "/i18n_catalog.rs"));
}

pub use catalog::Key;
use serde::{Deserialize, Serialize};

/// A language Senda is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Es,
    En,
}

/// Where the language switch posts to.
pub const SWITCH_PATH: &str = "/idioma";

/// The name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "senda_lang";

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Es, Lang::En];

    /// The BCP 47 tag for `<html lang>` and speech synthesis.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Es => "es-PE",
            Lang::En => "en",
        }
    }

    /// The short code stored in the cookie and sent by the language switch.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
        }
    }

    /// The language a person switches to from this one.
    pub fn other(self) -> Lang {
        match self {
            Lang::Es => Lang::En,
            Lang::En => Lang::Es,
        }
    }

    /// Reads a cookie or form value; anything but a known code is `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim() {
            "es" => Some(Lang::Es),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the first language of an `Accept-Language` header that Senda speaks, honouring
    /// q-values; Spanish when none matches or the header is malformed.
    pub fn from_accept_language(header: &str) -> Lang {
        let mut best: Option<(u16, usize, Lang)> = None;
        for (position, item) in header.split(',').enumerate().take(32) {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("").trim();
            let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
            let Some(lang) = Lang::from_code(&primary) else { continue };
            let quality = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .filter_map(|q| q.trim().parse::<f32>().ok())
                .next()
                .unwrap_or(1.0);
            if !(quality > 0.0 && quality <= 1.0) {
                continue;
            }
            let q = (quality * 1000.0) as u16;
            // Higher quality wins; on a tie, the earlier entry does.
            if best.is_none_or(|(bq, bp, _)| q > bq || (q == bq && position < bp)) {
                best = Some((q, position, lang));
            }
        }
        best.map(|(_, _, lang)| lang).unwrap_or_default()
    }

    /// The `Set-Cookie` header value that remembers this language.
    pub fn set_cookie_header(self) -> String {
        format!(
            "{LANG_COOKIE}={}; Path=/; Max-Age={}; SameSite=Lax",
            self.code(),
            crate::domain::prefs::PREFS_MAX_AGE_SECS
        )
    }

    fn table(self) -> &'static [&'static str] {
        match self {
            Lang::Es => catalog::ES,
            Lang::En => catalog::EN,
        }
    }
}

/// The text of `key` in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    lang.table()[key as usize]
}

/// The text of `key` in `lang` with each `{name}` replaced by its value.
pub fn t_with(lang: Lang, key: Key, args: &[(&str, &str)]) -> String {
    let mut text = t(lang, key).to_string();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// The `<title>` of a page: its own name, then the site's.
pub fn page_title(lang: Lang, page: Key) -> String {
    t_with(lang, Key::title_pattern, &[("page", t(lang, page))])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn catalogue(file: &str) -> serde_json::Map<String, serde_json::Value> {
        let path = format!("{}/locales/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap();
        serde_json::from_str(&text).unwrap()
    }

    fn placeholders(text: &str) -> BTreeSet<String> {
        text.split('{').skip(1).filter_map(|rest| rest.split_once('}')).map(|(name, _)| name.to_string()).collect()
    }

    #[test]
    fn every_spanish_key_has_an_english_text_and_the_reverse() {
        let es = catalogue("es.json");
        let en = catalogue("en.json");
        let only_es: Vec<_> = es.keys().filter(|k| !en.contains_key(*k)).collect();
        let only_en: Vec<_> = en.keys().filter(|k| !es.contains_key(*k)).collect();
        assert!(only_es.is_empty(), "missing in en.json: {only_es:?}");
        assert!(only_en.is_empty(), "missing in es.json: {only_en:?}");
    }

    #[test]
    fn no_text_is_empty_and_both_languages_use_the_same_placeholders() {
        let es = catalogue("es.json");
        let en = catalogue("en.json");
        for (key, es_value) in &es {
            let es_text = es_value.as_str().unwrap();
            let en_text = en[key].as_str().unwrap();
            assert!(!es_text.trim().is_empty() && !en_text.trim().is_empty(), "{key} is empty");
            assert_eq!(placeholders(es_text), placeholders(en_text), "placeholders differ in {key}");
        }
    }

    #[test]
    fn english_texts_are_really_english_not_the_spanish_fallback() {
        // The build falls back to Spanish for a missing English key; the tables must differ
        // wherever the files do.
        let es = catalogue("es.json");
        let en = catalogue("en.json");
        for (i, (key, value)) in es.iter().enumerate() {
            assert_eq!(catalog::ES[i], value.as_str().unwrap(), "{key}");
            assert_eq!(catalog::EN[i], en[key].as_str().unwrap(), "{key}");
        }
    }

    #[test]
    fn accept_language_prefers_the_highest_quality_language_we_speak() {
        assert_eq!(Lang::from_accept_language("en-US,en;q=0.9,es;q=0.8"), Lang::En);
        assert_eq!(Lang::from_accept_language("es-PE,es;q=0.9,en;q=0.8"), Lang::Es);
        assert_eq!(Lang::from_accept_language("fr-FR, en;q=0.5, es;q=0.7"), Lang::Es);
        assert_eq!(Lang::from_accept_language("de, EN-gb;q=0.2"), Lang::En);
        assert_eq!(Lang::from_accept_language("qu-PE"), Lang::Es);
        assert_eq!(Lang::from_accept_language(""), Lang::Es);
        assert_eq!(Lang::from_accept_language(";;;,,q=x"), Lang::Es);
        assert_eq!(Lang::from_accept_language("en;q=0, es;q=0.1"), Lang::Es);
    }

    #[test]
    fn placeholders_are_filled_in() {
        assert_eq!(page_title(Lang::Es, Key::home_title), "Inicio — Senda");
        assert_eq!(page_title(Lang::En, Key::not_found_title), "Page not found — Senda");
    }
}
