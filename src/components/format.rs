//! How shared values read on a page: amounts of soles, regions and places, and the title of a
//! page named after what it shows. Used by every
//! feature that shows them, so one vacancy, one alert and one match say them the same way.

use crate::domain::Region;

/// A number with thousands separated, as amounts of soles are written in Peru: 2500 → "2,500".
pub fn soles(amount: i64) -> String {
    let digits = amount.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A region's name from its slug; an unknown slug as it is.
pub fn region_name(slug: &str) -> String {
    Region::parse(slug).map(|r| r.name().to_string()).unwrap_or_else(|| slug.to_string())
}

/// A place from its district, province and region slug, most precise first: "Wanchaq, Cusco,
/// Cusco".
pub fn place_of(district: &str, province: &str, region: &str) -> String {
    [district.to_string(), province.to_string(), region_name(region)]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A page title naming what the page shows (a vacancy, a fair), with "Error: " in front when a
/// form on it came back. Escaped here: `<Title>` writes its text into the page as it is.
pub fn named_title(lang: crate::i18n::Lang, name: &str, has_errors: bool) -> String {
    use crate::i18n::{t, t_with, Key};
    let title = t_with(lang, Key::title_pattern, &[("page", &crate::components::form::escape_text(name))]);
    if has_errors {
        format!("{}: {title}", t(lang, Key::form_error_prefix))
    } else {
        title
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_of_soles_have_their_thousands_separated() {
        assert_eq!(soles(950), "950");
        assert_eq!(soles(2500), "2,500");
        assert_eq!(soles(1_234_567), "1,234,567");
    }

    #[test]
    fn a_place_leaves_out_what_it_does_not_know() {
        assert_eq!(place_of("", "", "cusco"), "Cusco");
        assert_eq!(place_of("Wanchaq", "Cusco", "no-such-region"), "Wanchaq, Cusco, no-such-region");
    }
}
