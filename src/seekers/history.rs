//! A person's working life as their profile tells it: the jobs they have done and the
//! competences certified to them, each dated to the month — what a CV lists, and what people
//! remember.

pub use crate::domain::YearMonth;
use crate::i18n::{t_with, Key, Lang};
use serde::{Deserialize, Serialize};

/// One job in a person's history. Informal work counts: the employer may be left out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkExperience {
    pub id: i64,
    pub job_title: String,
    /// Who the person worked for, or where; "" when they did not say.
    pub employer: String,
    pub started: YearMonth,
    /// `None` while they still work there.
    pub ended: Option<YearMonth>,
    /// What they did, in their words; plain text.
    pub duties: String,
}

impl WorkExperience {
    /// "marzo de 2020 – junio de 2023", or "desde marzo de 2020 (hasta hoy)".
    pub fn period(&self, lang: Lang) -> String {
        match self.ended {
            Some(ended) => format!("{} – {}", self.started.words(lang), ended.words(lang)),
            None => t_with(lang, Key::experience_since, &[("month", &self.started.words(lang))]),
        }
    }
}

/// A competence certified to the person, like a labour competence certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificate {
    pub id: i64,
    /// What is certified, in the certificate's words.
    pub name: String,
    /// Who certified it.
    pub issuer: String,
    pub issued: YearMonth,
    /// The certificate's number or code, when it has one; "" otherwise.
    pub number: String,
}

/// How many jobs and certificates one profile may list: more than any CV needs, few enough
/// that nobody fills the register with them.
pub const MAX_ENTRIES: usize = 30;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_says_its_period() {
        let job = WorkExperience {
            id: 1,
            job_title: "Cajera".into(),
            employer: String::new(),
            started: YearMonth::new(2020, 3).unwrap(),
            ended: YearMonth::new(2023, 6),
            duties: String::new(),
        };
        assert_eq!(job.period(Lang::Es), "marzo de 2020 – junio de 2023");
        let current = WorkExperience { ended: None, ..job };
        assert_eq!(current.period(Lang::Es), "desde marzo de 2020 (hasta hoy)");
        assert_eq!(current.period(Lang::En), "since March 2020 (still there)");
    }
}
