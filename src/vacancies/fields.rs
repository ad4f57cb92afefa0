//! Reading a vacancy form: each field checked, each problem said on its field, in the
//! page's language. Text stays plain text: it is never rendered as HTML.

use super::{ContractType, Modality, VacancyDraft, WorkingHours};
use crate::domain::lima_time::lima_day_start;
use crate::domain::Region;
use crate::error::FieldErrors;
use crate::i18n::{t, Key, Lang};
use crate::server::form_fields::{choice, number, skill_list, text, value, Fields};

pub const MAX_TITLE_CHARS: usize = 120;
pub const MAX_PLACE_CHARS: usize = 80;
pub const MAX_LONG_TEXT_CHARS: usize = 8_000;
/// A monthly salary above this is a typing mistake, not a salary.
pub const MAX_SALARY: i64 = 100_000;
pub const MAX_OPENINGS: i64 = 999;

/// Reads the form into a draft for `company_id`. `accommodations` is the list an entry must
/// come from; `now` decides whether the closing date is still ahead.
pub fn read_draft(
    lang: Lang,
    fields: &Fields,
    company_id: i64,
    accommodations: &[String],
    now: i64,
    errors: &mut FieldErrors,
) -> Option<VacancyDraft> {
    let title = text(lang, fields, "title", MAX_TITLE_CHARS, Some(Key::vacancy_err_title), errors);
    let centre_id = value(fields, "centre").parse::<i64>().ok();
    if centre_id.is_none() {
        errors.push("centre", t(lang, Key::vacancy_err_centre));
    }
    let region = choice(lang, fields, "region", Region::parse, Key::vacancy_err_region, errors);
    let province = text(lang, fields, "province", MAX_PLACE_CHARS, None, errors);
    let district = text(lang, fields, "district", MAX_PLACE_CHARS, None, errors);
    let modality = choice(lang, fields, "modality", Modality::from_code, Key::vacancy_err_modality, errors);
    let contract = choice(lang, fields, "contract", ContractType::from_code, Key::vacancy_err_contract, errors);
    let hours = choice(lang, fields, "hours", WorkingHours::from_code, Key::vacancy_err_hours, errors);
    let salary = match (value(fields, "salary_min").is_empty(), value(fields, "salary_max").is_empty()) {
        (true, true) => Some(None),
        _ => {
            let min = number(lang, fields, "salary_min", 1, MAX_SALARY, errors);
            let max = number(lang, fields, "salary_max", 1, MAX_SALARY, errors);
            match (min, max) {
                (Some(min), Some(max)) if min <= max => Some(Some((min, max))),
                (Some(_), Some(_)) => {
                    errors.push("salary_max", t(lang, Key::vacancy_err_salary_order));
                    None
                }
                _ => None,
            }
        }
    };
    let openings = number(lang, fields, "openings", 1, MAX_OPENINGS, errors);
    let description =
        text(lang, fields, "description", MAX_LONG_TEXT_CHARS, Some(Key::vacancy_err_description), errors);
    let requirements =
        text(lang, fields, "requirements", MAX_LONG_TEXT_CHARS, Some(Key::vacancy_err_requirements), errors);
    let easy_read = text(lang, fields, "easy_read", MAX_LONG_TEXT_CHARS, Some(Key::vacancy_err_easy_read), errors);
    let workplace_access = text(lang, fields, "workplace_access", MAX_LONG_TEXT_CHARS, None, errors);
    let interview = text(lang, fields, "interview", MAX_LONG_TEXT_CHARS, None, errors);
    let mut chosen: Vec<String> = Vec::new();
    for (name, code) in fields {
        if name == "accommodations" && !chosen.contains(code) {
            if accommodations.contains(code) {
                chosen.push(code.clone());
            } else {
                // Only a tampered or stale form can send this: say so once, keep nothing of it.
                errors.push("accommodations", t(lang, Key::vacancy_err_accommodation));
                break;
            }
        }
    }
    let skills = skill_list(lang, fields, "skills", errors);
    let closes_at = match lima_day_start(value(fields, "closes_on")) {
        // Open until the end of the closing day, Lima time.
        Some(start) if start + 86_400 > now => Some(start + 86_400),
        Some(_) => {
            errors.push("closes_on", t(lang, Key::vacancy_err_closes_past));
            None
        }
        None => {
            errors.push("closes_on", t(lang, Key::vacancy_err_closes_on));
            None
        }
    };
    if !errors.is_empty() {
        return None;
    }
    Some(VacancyDraft {
        company_id,
        centre_id: centre_id?,
        title: title?,
        region: region?.slug().to_string(),
        province: province?,
        district: district?,
        modality: modality?,
        contract: contract?,
        hours: hours?,
        salary: salary?,
        openings: openings?,
        description: description?,
        requirements: requirements?,
        easy_read: easy_read?,
        workplace_access: workplace_access?,
        interview: interview?,
        accommodations: chosen,
        skills,
        closes_at: closes_at?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_795_453_200; // 2026-11-23 12:00 in Lima (17:00 UTC)

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn complete() -> Vec<(String, String)> {
        form(&[
            ("title", "  Auxiliar de almacén "),
            ("centre", "3"),
            ("region", "cusco"),
            ("province", "Cusco"),
            ("district", ""),
            ("modality", "on_site"),
            ("contract", "fixed_term"),
            ("hours", "part_time"),
            ("salary_min", "1 200"),
            ("salary_max", "1500"),
            ("openings", "2"),
            ("description", "Ordenar mercadería.\r\n- Recibir pedidos\u{0007}"),
            ("requirements", "Secundaria completa."),
            ("easy_read", "Trabajo en un almacén."),
            ("accommodations", "step_free_access"),
            ("accommodations", "step_free_access"),
            ("skills", "Inventarios, excel básico, Excel básico,"),
            ("closes_on", "2026-12-15"),
        ])
    }

    fn list() -> Vec<String> {
        vec!["step_free_access".into(), "remote_work".into()]
    }

    #[test]
    fn a_complete_form_reads_into_a_clean_draft() {
        let mut errors = FieldErrors::default();
        let draft = read_draft(Lang::Es, &complete(), 7, &list(), NOW, &mut errors).expect("a draft");
        assert!(errors.is_empty());
        assert_eq!(draft.title, "Auxiliar de almacén");
        assert_eq!((draft.company_id, draft.centre_id), (7, 3));
        assert_eq!(draft.salary, Some((1_200, 1_500)));
        assert_eq!(draft.description, "Ordenar mercadería.\n- Recibir pedidos", "control characters gone");
        assert_eq!(draft.accommodations, vec!["step_free_access".to_string()]);
        assert_eq!(draft.skills, vec!["Inventarios".to_string(), "excel básico".to_string()]);
        assert_eq!(crate::domain::lima_time::format_lima(draft.closes_at - 1), "15/12/2026 23:59");
    }

    #[test]
    fn each_problem_is_said_on_its_own_field() {
        let mut fields = form(&[
            ("title", ""),
            ("region", "atlantida"),
            ("modality", "teleport"),
            ("salary_min", "2000"),
            ("salary_max", "1000"),
            ("openings", "0"),
            ("description", &"x".repeat(MAX_LONG_TEXT_CHARS + 1)),
            ("accommodations", "teleportation"),
            ("closes_on", "2026-11-01"),
        ]);
        fields.push(("skills".into(), "a, ".repeat(crate::server::form_fields::MAX_SKILLS + 1)));
        let mut errors = FieldErrors::default();
        assert!(read_draft(Lang::Es, &fields, 7, &list(), NOW, &mut errors).is_none());
        for id in [
            "title",
            "centre",
            "region",
            "modality",
            "contract",
            "hours",
            "salary_max",
            "openings",
            "description",
            "requirements",
            "easy_read",
            "accommodations",
            "closes_on",
        ] {
            assert!(errors.get(id).is_some(), "no error on {id}");
        }
        assert!(errors.get("skills").is_none(), "the same short skill repeated is one skill");
    }

    #[test]
    fn salary_is_both_or_neither_and_today_is_still_open() {
        let mut fields = complete();
        fields.retain(|(k, _)| k != "salary_min" && k != "salary_max");
        fields.retain(|(k, _)| k != "closes_on");
        fields.push(("closes_on".into(), "2026-11-23".into()));
        let mut errors = FieldErrors::default();
        let draft = read_draft(Lang::Es, &fields, 7, &list(), NOW, &mut errors).unwrap();
        assert_eq!(draft.salary, None, "to be agreed");
        let mut half = complete();
        half.retain(|(k, _)| k != "salary_max");
        let mut errors = FieldErrors::default();
        assert!(read_draft(Lang::Es, &half, 7, &list(), NOW, &mut errors).is_none());
        assert!(errors.get("salary_max").is_some());
    }
}
