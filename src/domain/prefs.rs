//! Accessibility preferences: text size, contrast theme, readable font, reduced motion and
//! read-aloud. They live in one cookie so the server can render every page already in the
//! person's settings (no flash of the wrong theme), and the same code reads and writes that
//! cookie in the browser island. The model lives here, below every page (the shell and each
//! page's `Ui` read it); the panel and its form post are the `preferences` feature's.

use serde::{Deserialize, Serialize};

/// The name of the preferences cookie.
pub const PREFS_COOKIE: &str = "senda_prefs";
/// How long a choice is remembered: a year, renewed on every change.
pub const PREFS_MAX_AGE_SECS: u32 = 365 * 24 * 60 * 60;
/// Version tag at the start of the cookie value, so a future format can ignore old values.
const FORMAT: &str = "v1";

/// The base text size, as a percentage of the browser's own default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextSize {
    #[default]
    Normal,
    Large,
    Larger,
    Largest,
}

impl TextSize {
    pub const ALL: [TextSize; 4] = [TextSize::Normal, TextSize::Large, TextSize::Larger, TextSize::Largest];

    pub fn code(self) -> &'static str {
        match self {
            TextSize::Normal => "100",
            TextSize::Large => "125",
            TextSize::Larger => "150",
            TextSize::Largest => "200",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The colour theme. `Device` is "nothing chosen": the stylesheet then follows the device's
/// `prefers-contrast` and `prefers-color-scheme`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    Device,
    HighContrastDark,
    HighContrastLight,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Device, Theme::HighContrastDark, Theme::HighContrastLight];

    pub fn code(self) -> &'static str {
        match self {
            Theme::Device => "device",
            Theme::HighContrastDark => "dark",
            Theme::HighContrastLight => "light",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// Everything a person can set, with the defaults a first visit gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prefs {
    pub text_size: TextSize,
    pub theme: Theme,
    pub readable_font: bool,
    /// `false` means "follow the device" (`prefers-reduced-motion`), not "force motion".
    pub reduce_motion: bool,
    pub read_aloud: bool,
    /// Pages with a plain-language summary (vacancies) show it before everything else.
    pub easy_read_first: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            text_size: TextSize::Normal,
            theme: Theme::Device,
            readable_font: false,
            reduce_motion: false,
            read_aloud: true,
            easy_read_first: true,
        }
    }
}

fn flag(on: bool) -> &'static str {
    if on {
        "1"
    } else {
        "0"
    }
}

impl Prefs {
    /// Reads a cookie value. Anything it does not understand — a tampered value, an unknown
    /// field, a future format — falls back to the default for that field; it never fails.
    pub fn from_cookie_value(value: &str) -> Prefs {
        let mut prefs = Prefs::default();
        let Some(body) = value.strip_prefix(FORMAT).and_then(|rest| rest.strip_prefix(':')) else {
            return prefs;
        };
        for pair in body.split('&').take(16) {
            let Some((name, val)) = pair.split_once('=') else { continue };
            match name {
                "size" => prefs.text_size = TextSize::from_code(val).unwrap_or_default(),
                "theme" => prefs.theme = Theme::from_code(val).unwrap_or_default(),
                "font" => prefs.readable_font = val == "1",
                "motion" => prefs.reduce_motion = val == "1",
                "speech" => prefs.read_aloud = val != "0",
                "easy" => prefs.easy_read_first = val != "0",
                _ => {}
            }
        }
        prefs
    }

    /// The cookie value: only characters allowed in a cookie, no quoting needed.
    pub fn to_cookie_value(&self) -> String {
        format!(
            "{FORMAT}:size={}&theme={}&font={}&motion={}&speech={}&easy={}",
            self.text_size.code(),
            self.theme.code(),
            flag(self.readable_font),
            flag(self.reduce_motion),
            flag(self.read_aloud),
            flag(self.easy_read_first),
        )
    }

    /// The `Set-Cookie` header value that stores these preferences.
    pub fn set_cookie_header(&self) -> String {
        format!("{PREFS_COOKIE}={}; Path=/; Max-Age={PREFS_MAX_AGE_SECS}; SameSite=Lax", self.to_cookie_value())
    }

    /// Classes for `<html>`; the stylesheet keys every preference off them.
    pub fn html_classes(&self) -> String {
        let mut classes = format!("app-text-{} app-theme-{}", self.text_size.code(), self.theme.code());
        if self.readable_font {
            classes.push_str(" app-font-readable");
        }
        if self.reduce_motion {
            classes.push_str(" app-motion-reduce");
        }
        if !self.read_aloud {
            classes.push_str(" app-speech-off");
        }
        classes
    }

    /// Builds preferences from submitted form fields (name, value). Checkboxes are absent when
    /// unticked, so every flag starts off; unknown values fall back to defaults.
    pub fn from_form<'a>(fields: impl IntoIterator<Item = (&'a str, &'a str)>) -> Prefs {
        let mut prefs = Prefs { read_aloud: false, easy_read_first: false, ..Prefs::default() };
        for (name, value) in fields {
            match name {
                "size" => prefs.text_size = TextSize::from_code(value).unwrap_or_default(),
                "theme" => prefs.theme = Theme::from_code(value).unwrap_or_default(),
                "font" => prefs.readable_font = true,
                "motion" => prefs.reduce_motion = true,
                "speech" => prefs.read_aloud = true,
                "easy" => prefs.easy_read_first = true,
                _ => {}
            }
        }
        prefs
    }
}

/// Finds one cookie's value in a `Cookie` request header.
pub fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|pair| {
        let (key, value) = pair.trim().split_once('=')?;
        (key.trim() == name).then(|| value.trim().trim_matches('"'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_first_visit_gets_the_defaults() {
        assert_eq!(Prefs::from_cookie_value(""), Prefs::default());
        assert_eq!(Prefs::default().html_classes(), "app-text-100 app-theme-device");
    }

    #[test]
    fn every_preference_survives_the_cookie_round_trip() {
        for text_size in TextSize::ALL {
            for theme in Theme::ALL {
                for bits in 0..16u8 {
                    let prefs = Prefs {
                        text_size,
                        theme,
                        readable_font: bits & 1 != 0,
                        reduce_motion: bits & 2 != 0,
                        read_aloud: bits & 4 != 0,
                        easy_read_first: bits & 8 != 0,
                    };
                    assert_eq!(Prefs::from_cookie_value(&prefs.to_cookie_value()), prefs);
                }
            }
        }
    }

    #[test]
    fn a_tampered_field_falls_back_to_its_default_and_keeps_the_others() {
        let prefs = Prefs::from_cookie_value("v1:size=999&theme=dark&font=1&motion=<script>");
        assert_eq!(prefs.text_size, TextSize::Normal);
        assert_eq!(prefs.theme, Theme::HighContrastDark);
        assert!(prefs.readable_font);
        assert!(!prefs.reduce_motion);
    }

    #[test]
    fn an_unknown_format_is_ignored() {
        assert_eq!(Prefs::from_cookie_value("v2:size=200"), Prefs::default());
        assert_eq!(Prefs::from_cookie_value("size=200"), Prefs::default());
    }

    #[test]
    fn unticked_checkboxes_mean_off() {
        let prefs = Prefs::from_form([("size", "150"), ("theme", "light")]);
        assert_eq!(prefs.text_size, TextSize::Larger);
        assert_eq!(prefs.theme, Theme::HighContrastLight);
        assert!(!prefs.read_aloud && !prefs.readable_font && !prefs.reduce_motion && !prefs.easy_read_first);
    }

    #[test]
    fn a_cookie_is_found_among_others() {
        let header = "a=1; senda_prefs=v1:size=125; senda_lang=en";
        assert_eq!(cookie_value(header, PREFS_COOKIE), Some("v1:size=125"));
        assert_eq!(cookie_value(header, "senda_lang"), Some("en"));
        assert_eq!(cookie_value(header, "missing"), None);
    }

    proptest! {
        #[test]
        fn any_cookie_header_parses_without_panicking(header in any::<String>()) {
            let value = cookie_value(&header, PREFS_COOKIE).unwrap_or("");
            let prefs = Prefs::from_cookie_value(value);
            // Whatever came in, what goes out is one of the known classes only.
            for class in prefs.html_classes().split(' ') {
                prop_assert!(class.starts_with("app-") && class.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
            }
        }

        #[test]
        fn garbage_after_a_valid_prefix_never_breaks_parsing(body in "[a-z=&0-9<>\"';% ]{0,200}") {
            let prefs = Prefs::from_cookie_value(&format!("v1:{body}"));
            prop_assert_eq!(Prefs::from_cookie_value(&prefs.to_cookie_value()), prefs);
        }

        #[test]
        fn the_cookie_value_has_only_cookie_safe_characters(size in 0usize..4, theme in 0usize..3, bits in 0u8..16) {
            let prefs = Prefs {
                text_size: TextSize::ALL[size],
                theme: Theme::ALL[theme],
                readable_font: bits & 1 != 0,
                reduce_motion: bits & 2 != 0,
                read_aloud: bits & 4 != 0,
                easy_read_first: bits & 8 != 0,
            };
            let value = prefs.to_cookie_value();
            prop_assert!(value.chars().all(|c| c.is_ascii_graphic() && !matches!(c, ';' | ',' | '"' | '\\')));
        }
    }
}
