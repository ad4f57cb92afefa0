//! The wording rules of interview questions: a question about a diagnosis, a medical history or
//! "what is wrong with you" is refused, and words that describe a person by what they lack
//! are pointed out. The rules are data, `src/interviews/question_wording.json`, read by the
//! engine vacancies use ([`crate::domain::wording`]), plus a file of the deployment's own.

#[cfg(feature = "ssr")]
pub use checker::QuestionWording;

#[cfg(feature = "ssr")]
mod checker {
    use crate::domain::wording::{WordingFlag, WordingRules};
    use crate::i18n::Lang;

    const BUILT_IN: &str = include_str!("question_wording.json");

    /// The wording rules in force for interview questions.
    pub struct QuestionWording(WordingRules);

    impl QuestionWording {
        /// The rules shipped with Senda, then those in `extra` (a file in the same format).
        pub fn load(extra: Option<&std::path::Path>) -> anyhow::Result<QuestionWording> {
            WordingRules::load("interview-question wording", BUILT_IN, extra).map(QuestionWording)
        }

        /// What the rules find in each `(field, text)` of a template.
        pub fn check(&self, lang: Lang, texts: &[(&str, &str)]) -> Vec<WordingFlag> {
            self.0.check(lang, texts)
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn found(text: &str) -> Vec<(String, bool)> {
            let rules = QuestionWording::load(None).expect("the shipped rules parse");
            rules.check(Lang::Es, &[("question", text)]).into_iter().map(|f| (f.found, f.blocks)).collect()
        }

        #[test]
        fn questions_about_a_diagnosis_or_health_are_refused() {
            assert_eq!(found("¿Cuál es su diagnóstico?"), vec![("su diagnóstico".into(), true)]);
            assert_eq!(found("¿Qué le pasó?"), vec![("Qué le pasó".into(), true)]);
            assert_eq!(found("Cuéntenos sobre su discapacidad."), vec![("su discapacidad".into(), true)]);
            assert_eq!(found("¿Toma medicamentos?"), vec![("medicamentos".into(), true)]);
            assert_eq!(found("What is wrong with you?"), vec![("What is wrong with you".into(), true)]);
        }

        #[test]
        fn words_of_lack_are_pointed_out_and_ability_questions_pass() {
            assert_eq!(found("Si la persona padece sordera…"), vec![("padece".into(), false)]);
            assert!(found("¿Cómo organizarías la atención de tres clientes a la vez?").is_empty());
            assert!(
                found("¿Qué necesitas para hacer tu mejor trabajo? Puedes mostrarlo en vez de contarlo.").is_empty()
            );
            assert!(found("Describe una tarea que hiciste con mucha atención al detalle.").is_empty());
            assert!(found("¿Cómo haces el diagnóstico de una falla en las operaciones del almacén?").is_empty());
        }
    }
}
