//! Wording rules: phrases that shut people out for no reason of the task (in a vacancy, in an
//! interview question) are pointed out with why and a better way to say it, and some are
//! refused. The rules are data, a JSON list per use, plus a file of the deployment's own; this
//! is their engine. Case, accents and punctuation do not matter, and `#` in a phrase stands
//! for any number.

use serde::{Deserialize, Serialize};

/// What a rule found in a text, said in the page's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordingFlag {
    /// The form field it was found in.
    pub field: String,
    /// The words as they were written.
    pub found: String,
    pub why: String,
    pub suggestion: String,
    /// The text cannot be saved with it.
    pub blocks: bool,
}

#[cfg(feature = "ssr")]
pub use engine::WordingRules;

#[cfg(feature = "ssr")]
mod engine {
    use super::WordingFlag;
    use crate::i18n::Lang;
    use serde::Deserialize;

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
    pub struct WordingRules {
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

    impl WordingRules {
        /// The rules `built_in` (shipped with Senda), then those in `extra` (a file in the same
        /// format). `what` names them in the error that stops the start.
        pub fn load(what: &str, built_in: &str, extra: Option<&std::path::Path>) -> anyhow::Result<WordingRules> {
            let mut rules: Vec<Rule> = serde_json::from_str(built_in)?;
            if let Some(path) = extra {
                let text = std::fs::read_to_string(path)
                    .map_err(|err| anyhow::anyhow!("cannot read the {what} rules {}: {err}", path.display()))?;
                let more: Vec<Rule> = serde_json::from_str(&text)
                    .map_err(|err| anyhow::anyhow!("the {what} rules in {} are not valid: {err}", path.display()))?;
                rules.extend(more);
            }
            let rules = rules
                .into_iter()
                .map(|rule| {
                    let phrases = rule.phrases.iter().map(|p| phrase_words(p)).filter(|p| !p.is_empty()).collect();
                    (rule, phrases)
                })
                .collect();
            Ok(WordingRules { rules })
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
                        tracing::debug!(rule = %rule.id, field, "wording rule matched");
                    }
                }
            }
            flags
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        const RULES: &str = r#"[
            {"id": "age", "action": "flag", "phrases": ["menor de # anos", "jovenes"],
             "why": {"es": "Por la edad", "en": "Age"}, "suggestion": {"es": "Di qué", "en": "Say what"}},
            {"id": "money", "action": "block", "phrases": ["cuota de inscripcion"],
             "why": {"es": "Cobra", "en": "Money"}, "suggestion": {"es": "Quítalo", "en": "Remove it"}}
        ]"#;

        fn found(rules: &WordingRules, text: &str) -> Vec<(String, bool)> {
            rules.check(Lang::Es, &[("text", text)]).into_iter().map(|f| (f.found, f.blocks)).collect()
        }

        #[test]
        fn phrases_match_whole_words_whatever_the_case_accents_and_numbers() {
            let rules = WordingRules::load("test", RULES, None).unwrap();
            assert_eq!(found(&rules, "Ser MENOR de 35 años."), vec![("MENOR de 35 años".to_string(), false)]);
            assert_eq!(found(&rules, "Pago: cuota de inscripción."), vec![("cuota de inscripción".to_string(), true)]);
            assert!(found(&rules, "Menor de treinta años; jovenesmente.").is_empty(), "a number, whole words");
            let flags = rules.check(Lang::En, &[("a", "Jóvenes"), ("b", "jovenes y menor de 3 anos")]);
            let said: Vec<_> = flags.iter().map(|f| (f.field.as_str(), f.why.as_str())).collect();
            assert_eq!(said, vec![("a", "Age"), ("b", "Age")], "once per rule and field, in the page's language");
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
            let rules = WordingRules::load("test", RULES, Some(&extra)).unwrap();
            assert_eq!(found(&rules, "Solo turno noche."), vec![("Solo turno noche".to_string(), false)]);
            std::fs::write(&extra, r#"[{"id": "x", "action": "maybe", "phrases": []}]"#).unwrap();
            assert!(WordingRules::load("test", RULES, Some(&extra)).is_err());
            assert!(WordingRules::load("test", RULES, Some(&dir.join("missing.json"))).is_err());
            std::fs::remove_dir_all(&dir).unwrap();
        }
    }
}
