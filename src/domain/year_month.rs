//! A month of a year: how far back people date the jobs they did and the certificates they
//! earned.

use crate::i18n::{t, t_with, Key, Lang};
use serde::{Deserialize, Serialize};

/// A month of a year. Serialized as `yyyy-mm`, which also sorts as time does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct YearMonth {
    pub year: u16,
    pub month: u8,
}

/// The names of the months, January first.
pub const MONTHS: [Key; 12] = [
    Key::month_01,
    Key::month_02,
    Key::month_03,
    Key::month_04,
    Key::month_05,
    Key::month_06,
    Key::month_07,
    Key::month_08,
    Key::month_09,
    Key::month_10,
    Key::month_11,
    Key::month_12,
];

/// The earliest year a job or certificate may be dated: nobody of working age started before.
pub const FIRST_YEAR: u16 = 1940;

impl YearMonth {
    pub fn new(year: u16, month: u8) -> Option<YearMonth> {
        ((1..=12).contains(&month) && (FIRST_YEAR..=9999).contains(&year)).then_some(YearMonth { year, month })
    }

    /// `yyyy-mm`, as stored.
    pub fn code(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// A `yyyy-mm` code, or the month of a `yyyy-mm-dd` day.
    pub fn parse(code: &str) -> Option<YearMonth> {
        let mut parts = code.split('-');
        let year = parts.next().filter(|p| p.len() == 4)?.parse().ok()?;
        let month = parts.next().filter(|p| p.len() == 2)?.parse().ok()?;
        YearMonth::new(year, month)
    }

    /// "marzo de 2024", "March 2024".
    pub fn words(self, lang: Lang) -> String {
        let month = t(lang, MONTHS[usize::from(self.month - 1)]);
        t_with(lang, Key::year_month, &[("month", month), ("year", &self.year.to_string())])
    }
}

impl From<YearMonth> for String {
    fn from(month: YearMonth) -> String {
        month.code()
    }
}

impl TryFrom<String> for YearMonth {
    type Error = String;

    fn try_from(code: String) -> Result<YearMonth, String> {
        YearMonth::parse(&code).ok_or_else(|| format!("not a yyyy-mm month: {code}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_is_kept_as_yyyy_mm_and_said_in_words() {
        let march = YearMonth::parse("2024-03").unwrap();
        assert_eq!(march, YearMonth { year: 2024, month: 3 });
        assert_eq!(march.code(), "2024-03");
        assert_eq!(YearMonth::parse("2024-03-15"), Some(march));
        assert_eq!(march.words(Lang::Es), "marzo de 2024");
        assert_eq!(march.words(Lang::En), "March 2024");
        for bad in ["", "2024", "2024-13", "2024-00", "24-03", "1900-01", "2024-3"] {
            assert_eq!(YearMonth::parse(bad), None, "{bad}");
        }
        assert!(YearMonth::parse("2019-12") < Some(march));
        assert_eq!(serde_json::to_string(&march).unwrap(), "\"2024-03\"");
        assert_eq!(serde_json::from_str::<YearMonth>("\"2024-03\"").unwrap(), march);
        assert!(serde_json::from_str::<YearMonth>("\"2024-13\"").is_err());
    }
}
