//! Turns the translation files in `locales/` into a Rust enum of keys and one string table per
//! language, so that a key used in the code but missing from the files fails the build.
//!
//! Spanish (`es.json`) is the source language: its keys are the catalogue. A key that English
//! lacks still builds (the Spanish text stands in, with a warning) so that a translator's gap
//! never blocks a fix; the translation-completeness test is what fails on it.

use std::{env, fs, path::Path};

fn load(path: &str) -> serde_json::Map<String, serde_json::Value> {
    println!("cargo:rerun-if-changed={path}");
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    match serde_json::from_str(&text) {
        Ok(serde_json::Value::Object(map)) => map,
        Ok(_) => panic!("{path} must be one JSON object of \"key\": \"text\""),
        Err(e) => panic!("{path} is not valid JSON: {e}"),
    }
}

fn text<'a>(map: &'a serde_json::Map<String, serde_json::Value>, file: &str, key: &str) -> Option<&'a str> {
    map.get(key)
        .map(|value| value.as_str().unwrap_or_else(|| panic!("{file}: the value of \"{key}\" must be a string")))
}

fn main() {
    let es = load("locales/es.json");
    let en = load("locales/en.json");

    let mut out = String::new();
    out.push_str("/// One visible string of the interface; the variants are the keys of `locales/es.json`.\n");
    out.push_str("#[allow(non_camel_case_types)]\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Key {\n");
    for key in es.keys() {
        assert!(
            !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "locales/es.json: key \"{key}\" must be snake_case ASCII"
        );
        out.push_str(&format!("    {key},\n"));
    }
    out.push_str("}\n\n");

    let mut es_table = String::from("pub(super) const ES: &[&str] = &[\n");
    let mut en_table = String::from("pub(super) const EN: &[&str] = &[\n");
    for key in es.keys() {
        let es_text = text(&es, "locales/es.json", key).unwrap();
        let en_text = text(&en, "locales/en.json", key).unwrap_or_else(|| {
            println!("cargo:warning=locales/en.json has no \"{key}\"; the Spanish text is used");
            es_text
        });
        es_table.push_str(&format!("    {es_text:?},\n"));
        en_table.push_str(&format!("    {en_text:?},\n"));
    }
    es_table.push_str("];\n");
    en_table.push_str("];\n");
    out.push_str(&es_table);
    out.push_str(&en_table);

    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("i18n_catalog.rs");
    fs::write(dest, out).expect("write i18n catalogue");
}
