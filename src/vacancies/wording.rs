//! Fair wording in vacancies: phrases that shut people out for no reason of the job (age
//! limits, "buena presencia", a driving licence for an office job…) are pointed out with why
//! and a better way to say it; the poster may still submit, and the reviewing counsellor sees
//! them too. Ads that ask applicants for money or for medical reports are refused. The rules
//! are data: `src/vacancies/fair_wording.json`, plus a file of the deployment's own
//! (`SENDA_FAIR_WORDING_RULES`), read by the engine in [`crate::domain::wording`].

pub use crate::domain::wording::WordingFlag;

#[cfg(feature = "ssr")]
pub use checker::FairWording;

#[cfg(feature = "ssr")]
mod checker {
    use super::WordingFlag;
    use crate::domain::wording::WordingRules;
    use crate::i18n::Lang;
    use crate::vacancies::VacancyDraft;

    const BUILT_IN: &str = include_str!("fair_wording.json");

    /// The fair-wording rules in force for vacancies.
    pub struct FairWording(WordingRules);

    impl FairWording {
        /// The rules shipped with Senda, then those in `extra` (a file in the same format).
        pub fn load(extra: Option<&std::path::Path>) -> anyhow::Result<FairWording> {
            WordingRules::load("fair-wording", BUILT_IN, extra).map(FairWording)
        }

        /// What the rules find in each `(field, text)`.
        pub fn check(&self, lang: Lang, texts: &[(&str, &str)]) -> Vec<WordingFlag> {
            self.0.check(lang, texts)
        }

        /// The same, over every text of a vacancy.
        pub fn check_draft(&self, lang: Lang, draft: &VacancyDraft) -> Vec<WordingFlag> {
            let skills = draft.skills.join(", ");
            self.check(
                lang,
                &[
                    ("title", &draft.title),
                    ("description", &draft.description),
                    ("requirements", &draft.requirements),
                    ("skills", &skills),
                    ("easy_read", &draft.easy_read),
                    ("workplace_access", &draft.workplace_access),
                    ("interview", &draft.interview),
                ],
            )
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn found(rules: &FairWording, text: &str) -> Vec<(String, bool)> {
            rules.check(Lang::Es, &[("description", text)]).into_iter().map(|f| (f.found, f.blocks)).collect()
        }

        #[test]
        fn the_shipped_rules_find_what_shuts_people_out_and_refuse_asking_for_money_or_medical_reports() {
            let rules = FairWording::load(None).expect("the shipped rules parse");
            assert_eq!(found(&rules, "Chofer con BREVETE A-I."), vec![("BREVETE".to_string(), false)]);
            assert_eq!(found(&rules, "Ser menor de 35 años."), vec![("menor de 35 años".to_string(), false)]);
            assert_eq!(found(&rules, "Buena Presencia y puntualidad"), vec![("Buena Presencia".to_string(), false)]);
            assert_eq!(
                found(&rules, "Pago de la cuota de inscripción: S/ 50"),
                vec![("cuota de inscripción".to_string(), true)]
            );
            assert_eq!(found(&rules, "Adjuntar certificado médico"), vec![("certificado médico".to_string(), true)]);
            // Not the same words: experience is not age, "jovenes" is not inside another word.
            assert!(found(&rules, "Dos años de experiencia, trato amable con todas las personas.").is_empty());
            assert!(found(&rules, "Mayor de edad.").is_empty());
            assert_eq!(
                rules.check(Lang::En, &[("title", "Young and dynamic")])[0].suggestion,
                "Describe the experience or skills you are looking for, not an age."
            );
        }
    }
}
