//! Reading the fair form: each field checked, each problem said on its field, in the page's
//! language. Dates and hours are typed in Lima time.

use super::rules::{date_problems, DateProblem};
use super::{FairDraft, FairMode, Venue, VenueAccess};
use crate::domain::lima_time::{lima_day_start, lima_moment};
use crate::domain::Region;
use crate::error::FieldErrors;
use crate::i18n::{t, Key, Lang};
use crate::server::form_fields::{choice, number, text, value, Fields};

pub const MAX_TITLE_CHARS: usize = 120;
pub const MAX_PLACE_CHARS: usize = 200;
pub const MAX_LONG_TEXT_CHARS: usize = 8_000;
/// More people than this is a typing mistake: the largest fairs in Peru take a few thousand.
pub const MAX_CAPACITY: i64 = 100_000;

/// Reads the form into a draft for `centre_id`. `stored_start` is the start of the fair being
/// changed (it may keep a start that has passed); `now` decides what is past.
pub fn read_fair(
    lang: Lang,
    fields: &Fields,
    centre_id: i64,
    stored_start: Option<i64>,
    now: i64,
    errors: &mut FieldErrors,
) -> Option<FairDraft> {
    let title = text(lang, fields, "title", MAX_TITLE_CHARS, Some(Key::fair_err_title), errors);
    let description = text(lang, fields, "description", MAX_LONG_TEXT_CHARS, Some(Key::fair_err_description), errors);
    let easy_read = text(lang, fields, "easy_read", MAX_LONG_TEXT_CHARS, Some(Key::fair_err_easy_read), errors);
    let mode = FairMode::from_code(value(fields, "mode"));
    if mode.is_none() {
        errors.push(super::FAIR_MODE_FIELD, t(lang, Key::fair_err_mode));
    }
    let starts_at = moment(lang, fields, "starts", errors);
    let ends_at = moment(lang, fields, "ends", errors);
    let registration_day = lima_day_start(value(fields, "registration_closes_on"));
    if registration_day.is_none() {
        errors.push("registration_closes_on", t(lang, Key::fair_err_registration));
    }
    let capacity = number(lang, fields, "capacity", 1, MAX_CAPACITY, errors);
    let mut registration_closes_at = None;
    if let (Some(starts), Some(ends), Some(day)) = (starts_at, ends_at, registration_day) {
        // Registration stays open to the end of the chosen day, Lima time — or, when that is
        // the fair's last day, until the fair ends.
        let closes = if day < ends { (day + 86_400).min(ends) } else { day + 86_400 };
        registration_closes_at = Some(closes);
        for problem in date_problems(starts, ends, closes, stored_start, now) {
            match problem {
                DateProblem::StartsInThePast => errors.push("starts_on", t(lang, Key::fair_err_starts_past)),
                DateProblem::EndsBeforeStart => errors.push("ends_on", t(lang, Key::fair_err_ends_before)),
                DateProblem::RegistrationAfterEnd => {
                    errors.push("registration_closes_on", t(lang, Key::fair_err_registration_late))
                }
            }
        }
    }
    let venue = match mode {
        Some(mode) if mode.has_venue() => read_venue(lang, fields, errors).map(Some),
        _ => Some(None),
    };
    if !errors.is_empty() {
        return None;
    }
    Some(FairDraft {
        centre_id,
        title: title?,
        description: description?,
        easy_read: easy_read?,
        mode: mode?,
        starts_at: starts_at?,
        ends_at: ends_at?,
        registration_closes_at: registration_closes_at?,
        capacity: capacity?,
        venue: venue?,
    })
}

/// A date and a time typed as `<name>_on` and `<name>_time`; the problem is said on the date.
fn moment(lang: Lang, fields: &Fields, name: &str, errors: &mut FieldErrors) -> Option<i64> {
    let date_id = format!("{name}_on");
    let time_id = format!("{name}_time");
    if lima_day_start(value(fields, &date_id)).is_none() {
        errors.push(&date_id, t(lang, Key::fair_err_date));
        return None;
    }
    let found = lima_moment(value(fields, &date_id), value(fields, &time_id));
    if found.is_none() {
        errors.push(&time_id, t(lang, Key::fair_err_time));
    }
    found
}

fn read_venue(lang: Lang, fields: &Fields, errors: &mut FieldErrors) -> Option<Venue> {
    let name = text(lang, fields, "venue_name", MAX_PLACE_CHARS, Some(Key::fair_err_venue_name), errors);
    let address = text(lang, fields, "venue_address", MAX_PLACE_CHARS, Some(Key::fair_err_venue_address), errors);
    let region = choice(lang, fields, "venue_region", Region::parse, Key::fair_err_venue_region, errors);
    let transport = text(lang, fields, "transport", MAX_LONG_TEXT_CHARS, None, errors);
    let ticked: Vec<&str> = fields.iter().filter(|(k, _)| k == "venue_access").map(|(_, v)| v.as_str()).collect();
    if ticked.iter().any(|code| VenueAccess::from_code(code).is_none()) {
        // Only a tampered or stale form sends this.
        errors.push("venue_access", t(lang, Key::fair_err_access));
    }
    let access = VenueAccess::ALL.iter().copied().filter(|a| ticked.contains(&a.code())).collect();
    Some(Venue { name: name?, address: address?, region: region?.slug().to_string(), access, transport: transport? })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_795_453_200; // 2026-11-23 12:00 in Lima

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        let mut all: Vec<(String, String)> = [
            ("title", "Feria de empleo inclusivo"),
            ("description", "Empresas que contratan."),
            ("easy_read", "Ven a conocer empresas."),
            ("mode", "in_person"),
            ("starts_on", "2026-12-10"),
            ("starts_time", "09:00"),
            ("ends_on", "2026-12-10"),
            ("ends_time", "17:00"),
            ("registration_closes_on", "2026-12-08"),
            ("capacity", "300"),
            ("venue_name", "Coliseo"),
            ("venue_address", "Av. Grau 123"),
            ("venue_region", "cusco"),
            ("venue_access", "step_free"),
            ("venue_access", "lsp_on_site"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        for (k, v) in pairs {
            all.retain(|(name, _)| name != k);
            if !v.is_empty() {
                all.push((k.to_string(), v.to_string()));
            }
        }
        all
    }

    fn read(pairs: &[(&str, &str)]) -> (Option<FairDraft>, Vec<String>) {
        let mut errors = FieldErrors::default();
        let draft = read_fair(Lang::Es, &form(pairs), 4, None, NOW, &mut errors);
        (draft, errors.0.iter().map(|(field, _)| field.clone()).collect())
    }

    #[test]
    fn a_whole_form_makes_a_draft_in_lima_time() {
        let (draft, errors) = read(&[]);
        assert!(errors.is_empty(), "{errors:?}");
        let draft = draft.unwrap();
        assert_eq!(draft.starts_at, lima_moment("2026-12-10", "09:00").unwrap());
        assert_eq!(draft.ends_at - draft.starts_at, 8 * 3600);
        assert_eq!(draft.registration_closes_at, lima_day_start("2026-12-09").unwrap());
        let venue = draft.venue.unwrap();
        assert_eq!(venue.access, vec![VenueAccess::StepFree, VenueAccess::LspOnSite]);
        assert_eq!(venue.region, "cusco");
    }

    #[test]
    fn a_virtual_fair_keeps_no_venue() {
        let (draft, errors) = read(&[("mode", "virtual"), ("venue_name", ""), ("venue_region", "")]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(draft.unwrap().venue, None);
    }

    #[test]
    fn registration_on_the_last_day_closes_when_the_fair_ends() {
        let (draft, errors) = read(&[("registration_closes_on", "2026-12-10")]);
        assert!(errors.is_empty(), "{errors:?}");
        let draft = draft.unwrap();
        assert_eq!(draft.registration_closes_at, draft.ends_at);
    }

    #[test]
    fn each_problem_is_said_on_its_field() {
        assert_eq!(read(&[("ends_time", "08:00")]).1, vec!["ends_on"]);
        assert_eq!(
            read(&[("starts_on", "2026-11-01"), ("ends_on", "2026-11-01"), ("registration_closes_on", "2026-10-30")]).1,
            vec!["starts_on"]
        );
        assert_eq!(read(&[("registration_closes_on", "2026-12-11")]).1, vec!["registration_closes_on"]);
        assert_eq!(read(&[("starts_time", "9h")]).1, vec!["starts_time"]);
        assert_eq!(read(&[("ends_on", "mañana")]).1, vec!["ends_on"]);
        assert_eq!(read(&[("mode", "")]).1, vec![crate::fairs::FAIR_MODE_FIELD]);
        assert_eq!(read(&[("capacity", "0")]).1, vec!["capacity"]);
        assert_eq!(read(&[("venue_name", ""), ("venue_region", "atlantis")]).1, vec!["venue_name", "venue_region"]);
        assert_eq!(read(&[("venue_access", "helipad")]).1, vec!["venue_access"]);
        assert_eq!(read(&[("title", ""), ("easy_read", "")]).1, vec!["title", "easy_read"]);
    }
}
