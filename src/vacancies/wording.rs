//! Fair wording: phrases in a vacancy that shut people out for no reason of the job (age
//! limits, "buena presencia", a driving licence for an office job…) are pointed out with why
//! and a better way to say it; the poster may still submit, and the reviewing counsellor sees
//! them too. Ads that ask applicants for money or for medical reports are refused. The rules
//! are data: `src/vacancies/fair_wording.json`, plus a file of the deployment's own
//! (`SENDA_FAIR_WORDING_RULES`).

use serde::{Deserialize, Serialize};

/// What a rule found in a vacancy, said in the page's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordingFlag {
    /// The form field it was found in.
    pub field: String,
    /// The words as they were written.
    pub found: String,
    pub why: String,
    pub suggestion: String,
    /// The vacancy cannot be saved with it.
    pub blocks: bool,
}

#[cfg(feature = "ssr")]
pub use checker::FairWording;

#[cfg(feature = "ssr")]
mod checker {
    use super::WordingFlag;
    use crate::i18n::Lang;
    use crate::vacancies::VacancyDraft;
    use serde::Deserialize;

    const BUILT_IN: &str = include_str!("fair_wording.json");

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Texts {
        es: String,
        en: String,
    }

    impl Texts {
        fn get(&self, lang: Lang) -> &str {
            match lang {
                Lang::Es => &self.es,
                Lang::En => &self.en,
            }
        }
    }

    #[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Action {
        Flag,
        Block,
    }

    /// One rule as the data file writes it. In a phrase, `#` stands for any number; case,
    /// accents and punctuation do not matter.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Rule {
        id: String,
        action: Action,
        phrases: Vec<String>,
        why: Texts,
        suggestion: Texts,
    }

    /// The rules in force, their phrases already split into words.
    pub struct FairWording {
        rules: Vec<(Rule, Vec<Vec<String>>)>,
    }

    /// A word of a text and where it stands in it.
    struct Word {
        folded: String,
        start: usize,
        end: usize,
    }

    /// Lower case without accents: "Técnico" and "tecnico" are one word.
    fn fold(c: char) -> char {
        match c {
            'á' | 'à' | 'ä' | 'â' | 'Á' | 'À' | 'Ä' | 'Â' => 'a',
            'é' | 'è' | 'ë' | 'ê' | 'É' | 'È' | 'Ë' | 'Ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' | 'Í' | 'Ì' | 'Ï' | 'Î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' | 'Ó' | 'Ò' | 'Ö' | 'Ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' | 'Ú' | 'Ù' | 'Ü' | 'Û' => 'u',
            'ñ' | 'Ñ' => 'n',
            c => c.to_lowercase().next().unwrap_or(c),
        }
    }

    fn words(text: &str) -> Vec<Word> {
        let mut out: Vec<Word> = Vec::new();
        let mut current: Option<Word> = None;
        for (at, c) in text.char_indices() {
            if c.is_alphanumeric() {
                let word = current.get_or_insert(Word { folded: String::new(), start: at, end: at });
                word.folded.push(fold(c));
                word.end = at + c.len_utf8();
            } else if let Some(word) = current.take() {
                out.push(word);
            }
        }
        out.extend(current);
        out
    }

    /// A rule's phrase as the words it matches, `#` kept as "any number".
    fn phrase_words(phrase: &str) -> Vec<String> {
        phrase
            .split_whitespace()
            .flat_map(|chunk| {
                if chunk == "#" {
                    vec!["#".to_string()]
                } else {
                    words(chunk).into_iter().map(|w| w.folded).collect()
                }
            })
            .collect()
    }

    fn is_number(word: &str) -> bool {
        !word.is_empty() && word.chars().all(|c| c.is_ascii_digit())
    }

    /// Where `phrase` first stands in `text`, as a byte range, if it does.
    fn find(phrase: &[String], text: &[Word]) -> Option<(usize, usize)> {
        if phrase.is_empty() || phrase.len() > text.len() {
            return None;
        }
        text.windows(phrase.len()).find_map(|window| {
            let hit = window.iter().zip(phrase).all(|(word, wanted)| {
                if wanted == "#" {
                    is_number(&word.folded)
                } else {
                    word.folded == *wanted
                }
            });
            hit.then(|| (window[0].start, window[window.len() - 1].end))
        })
    }

    impl FairWording {
        /// The rules shipped with Senda, then those in `extra` (a file in the same format).
        pub fn load(extra: Option<&std::path::Path>) -> anyhow::Result<FairWording> {
            let mut rules: Vec<Rule> = serde_json::from_str(BUILT_IN)?;
            if let Some(path) = extra {
                let text = std::fs::read_to_string(path)
                    .map_err(|err| anyhow::anyhow!("cannot read the fair-wording rules {}: {err}", path.display()))?;
                let more: Vec<Rule> = serde_json::from_str(&text).map_err(|err| {
                    anyhow::anyhow!("the fair-wording rules in {} are not valid: {err}", path.display())
                })?;
                rules.extend(more);
            }
            let rules = rules
                .into_iter()
                .map(|rule| {
                    let phrases = rule.phrases.iter().map(|p| phrase_words(p)).filter(|p| !p.is_empty()).collect();
                    (rule, phrases)
                })
                .collect();
            Ok(FairWording { rules })
        }

        /// What the rules find in each `(field, text)`: at most one finding per rule and field.
        pub fn check(&self, lang: Lang, texts: &[(&str, &str)]) -> Vec<WordingFlag> {
            let mut flags = Vec::new();
            for (field, text) in texts {
                let text_words = words(text);
                for (rule, phrases) in &self.rules {
                    if let Some((start, end)) = phrases.iter().find_map(|p| find(p, &text_words)) {
                        flags.push(WordingFlag {
                            field: field.to_string(),
                            found: text[start..end].to_string(),
                            why: rule.why.get(lang).to_string(),
                            suggestion: rule.suggestion.get(lang).to_string(),
                            blocks: rule.action == Action::Block,
                        });
                        tracing::debug!(rule = %rule.id, field, "fair-wording rule matched");
                    }
                }
            }
            flags
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
        fn phrases_are_found_whatever_the_case_accents_and_numbers_and_only_as_whole_words() {
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

        #[test]
        fn a_deployment_adds_its_own_rules_and_a_broken_file_stops_the_start() {
            let dir = std::env::temp_dir().join(format!("senda-wording-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            let extra = dir.join("rules.json");
            std::fs::write(
                &extra,
                r#"[{"id": "night", "action": "flag", "phrases": ["solo turno noche"],
                     "why": {"es": "Por qué", "en": "Why"}, "suggestion": {"es": "Mejor así", "en": "Better"}}]"#,
            )
            .unwrap();
            let rules = FairWording::load(Some(&extra)).unwrap();
            assert_eq!(found(&rules, "Solo turno noche."), vec![("Solo turno noche".to_string(), false)]);
            std::fs::write(&extra, r#"[{"id": "x", "action": "maybe", "phrases": []}]"#).unwrap();
            assert!(FairWording::load(Some(&extra)).is_err());
            assert!(FairWording::load(Some(&dir.join("missing.json"))).is_err());
            std::fs::remove_dir_all(&dir).unwrap();
        }
    }
}
