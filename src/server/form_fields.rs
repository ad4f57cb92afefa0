//! Reading a plain form post field by field: each value checked, each problem said on its
//! field in the page's language, so a failed form comes back with its messages in place.

use crate::error::FieldErrors;
use crate::i18n::{t, Key, Lang};

/// The fields of a form post, in order; a name may repeat (check boxes).
pub type Fields = [(String, String)];

/// The trimmed value of one field, or "".
pub fn value<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim()).unwrap_or("")
}

/// Text with control characters (other than line breaks and tabs) removed, lines trimmed at
/// the end, and Windows line breaks made plain.
pub fn clean(text: &str) -> String {
    let text: String = text.chars().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').collect();
    text.lines().map(str::trim_end).collect::<Vec<_>>().join("\n").trim().to_string()
}

/// A text field: `required` ones may not be empty; none may be longer than `max`.
pub fn text(
    lang: Lang,
    fields: &Fields,
    id: &str,
    max: usize,
    required: Option<Key>,
    errors: &mut FieldErrors,
) -> Option<String> {
    let text = clean(value(fields, id));
    if let (true, Some(empty)) = (text.is_empty(), required) {
        errors.push(id, t(lang, empty));
        return None;
    }
    if text.chars().count() > max {
        errors.push(id, crate::i18n::t_with(lang, Key::vacancy_err_too_long, &[("max", &max.to_string())]));
        return None;
    }
    Some(text)
}

pub fn choice<T>(
    lang: Lang,
    fields: &Fields,
    id: &str,
    parse: fn(&str) -> Option<T>,
    missing: Key,
    errors: &mut FieldErrors,
) -> Option<T> {
    let parsed = parse(value(fields, id));
    if parsed.is_none() {
        errors.push(id, t(lang, missing));
    }
    parsed
}

/// A whole number between `min` and `max`; `None` with no error when left empty and optional.
pub fn number(lang: Lang, fields: &Fields, id: &str, min: i64, max: i64, errors: &mut FieldErrors) -> Option<i64> {
    let raw = value(fields, id).replace([' ', ','], "");
    match raw.parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Some(n),
        _ => {
            let message = crate::i18n::t_with(
                lang,
                Key::vacancy_err_number,
                &[("min", &min.to_string()), ("max", &max.to_string())],
            );
            errors.push(id, message);
            None
        }
    }
}

/// A month and year typed in a [`MonthYearField`](crate::components::form::MonthYearField)
/// `id`: `Some(None)` when both are left empty, `None` (with the error on the field) when only
/// one is given or the year is not one.
pub fn month(
    lang: Lang,
    fields: &Fields,
    id: &str,
    errors: &mut FieldErrors,
) -> Option<Option<crate::domain::YearMonth>> {
    let month = value(fields, id);
    let year = value(fields, &format!("{id}-anio"));
    if month.is_empty() && year.is_empty() {
        return Some(None);
    }
    let parsed = match (month.parse::<u8>(), year.parse::<u16>()) {
        (Ok(month), Ok(year)) if year >= 1000 => crate::domain::YearMonth::new(year, month),
        _ => None,
    };
    if parsed.is_none() {
        let first = crate::domain::year_month::FIRST_YEAR.to_string();
        errors.push(id, crate::i18n::t_with(lang, Key::month_err, &[("first", &first)]));
        return None;
    }
    Some(parsed)
}

/// Most skills one list may have, and the longest one.
pub const MAX_SKILLS: usize = 20;
pub const MAX_SKILL_CHARS: usize = 60;

/// A list of skills typed with commas or one a line: blanks dropped, repeats (in any case)
/// kept once, in the order typed.
pub fn skill_list(lang: Lang, fields: &Fields, id: &str, errors: &mut FieldErrors) -> Vec<String> {
    let mut skills: Vec<String> = Vec::new();
    for skill in value(fields, id).split([',', '\n']).map(clean).filter(|s| !s.is_empty()) {
        if skill.chars().count() > MAX_SKILL_CHARS {
            errors.push(id, t(lang, Key::vacancy_err_skill_long));
            break;
        }
        if !skills.iter().any(|s| s.to_lowercase() == skill.to_lowercase()) {
            skills.push(skill);
        }
    }
    if skills.len() > MAX_SKILLS {
        errors.push(id, t(lang, Key::vacancy_err_skills_many));
    }
    skills
}

/// The check boxes ticked under `name`, each a code of `list`; anything else is a tampered or
/// stale form, said on the field.
pub fn codes(
    lang: Lang,
    fields: &Fields,
    name: &str,
    list: &[crate::vacancies::Accommodation],
    errors: &mut FieldErrors,
) -> Vec<String> {
    let chosen: Vec<String> = fields.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect();
    if chosen.iter().any(|code| !list.iter().any(|entry| &entry.code == code)) {
        errors.push(name, t(lang, Key::vacancy_err_accommodation));
    }
    chosen
}
