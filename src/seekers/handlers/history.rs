//! The form posts of the work-history steps: a job or a certificate added — each field
//! checked, each problem said on its field, nothing stored half-way — or taken out.

use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, t_with, Key, Lang};
use crate::seekers::handlers::step_profile;
use crate::seekers::history::{Certificate, WorkExperience, YearMonth, MAX_ENTRIES};
use crate::seekers::pages::history::{certificate_fields, job_fields, REMOVE_FIELD};
use crate::seekers::steps::ProfileStep;
use crate::seekers::{CERTIFICATES_PATH, EXPERIENCE_PATH};
use crate::server::auth::now;
use crate::server::db::{DbError, Rule};
use crate::server::form_fields::{month, text, value, Fields};
use crate::server::forms::{kept, read, render_again};
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::response::Response;

const MAX_TITLE_CHARS: usize = 120;
const MAX_DUTIES_CHARS: usize = 1000;
const MAX_NUMBER_CHARS: usize = 60;

/// The month it is in Lima at `now`: nothing in a history may come after it.
fn this_month(now: i64) -> YearMonth {
    YearMonth::parse(&crate::domain::lima_time::lima_date(now)).expect("a Lima date is a month")
}

/// A month field that may not be in the future; `required` says what to ask when it is empty.
fn past_month(
    lang: Lang,
    fields: &Fields,
    id: &str,
    required: Option<Key>,
    today: YearMonth,
    errors: &mut FieldErrors,
) -> Option<Option<YearMonth>> {
    match month(lang, fields, id, errors)? {
        None => match required {
            Some(ask) => {
                errors.push(id, t(lang, ask));
                None
            }
            None => Some(None),
        },
        Some(given) if given > today => {
            errors.push(id, t(lang, Key::history_err_future));
            None
        }
        Some(given) => Some(Some(given)),
    }
}

/// The job the form describes.
pub fn read_job(lang: Lang, fields: &Fields, today: YearMonth, errors: &mut FieldErrors) -> Option<WorkExperience> {
    use job_fields::*;
    let job_title = text(lang, fields, TITLE, MAX_TITLE_CHARS, Some(Key::experience_err_title), errors);
    let employer = text(lang, fields, EMPLOYER, MAX_TITLE_CHARS, None, errors);
    let started = past_month(lang, fields, STARTED, Some(Key::experience_err_started), today, errors).flatten();
    let mut ended = past_month(lang, fields, ENDED, None, today, errors);
    if let (Some(started), Some(Some(end))) = (started, ended) {
        if end < started {
            errors.push(ENDED, t(lang, Key::experience_err_ended_before));
            ended = None;
        }
    }
    let duties = text(lang, fields, DUTIES, MAX_DUTIES_CHARS, None, errors);
    Some(WorkExperience {
        id: 0,
        job_title: job_title?,
        employer: employer?,
        started: started?,
        ended: ended?,
        duties: duties?,
    })
}

/// The certificate the form describes.
pub fn read_certificate(
    lang: Lang,
    fields: &Fields,
    today: YearMonth,
    errors: &mut FieldErrors,
) -> Option<Certificate> {
    use certificate_fields::*;
    let name = text(lang, fields, NAME, MAX_TITLE_CHARS, Some(Key::certificate_err_name), errors);
    let issuer = text(lang, fields, ISSUER, MAX_TITLE_CHARS, Some(Key::certificate_err_issuer), errors);
    let issued = past_month(lang, fields, ISSUED, Some(Key::certificate_err_issued), today, errors).flatten();
    let number = text(lang, fields, NUMBER, MAX_NUMBER_CHARS, None, errors);
    Some(Certificate { id: 0, name: name?, issuer: issuer?, issued: issued?, number: number? })
}

/// The entry a "take out" button names, when that is what was pressed.
fn removal(fields: &Fields) -> Option<i64> {
    value(fields, REMOVE_FIELD).parse().ok()
}

/// Where an added entry's answer leads: the step's page with `notice`, or the form again with
/// the "list is full" message on `first_field`.
struct Added<'a> {
    notice: Notice,
    back: &'a str,
    first_field: &'static str,
}

/// What the store said to an added entry, as the answer to the form: back to the step to add
/// another, or the form again when the list is full.
async fn added(
    state: &AppState,
    parts: axum::http::request::Parts,
    fields: &Fields,
    lang: Lang,
    stored: Result<Option<i64>, DbError>,
    to: Added<'_>,
) -> Result<Response, AppError> {
    let Added { notice, back, first_field } = to;
    match stored {
        Ok(Some(_)) => Ok(see_other(&notice.on(back))),
        Ok(None) => Err(AppError::NotFound),
        Err(DbError::Conflict(Rule::ListFull)) => {
            let mut errors = FieldErrors::default();
            errors.push(first_field, t_with(lang, Key::history_err_full, &[("max", &MAX_ENTRIES.to_string())]));
            Ok(render_again(state, parts, FormState { values: kept(fields), errors }).await)
        }
        Err(err) => Err(err.into()),
    }
}

/// What the store said to a removed entry.
fn removed(stored: Result<bool, DbError>, notice: Notice, back: &str) -> Result<Response, AppError> {
    Ok(if stored? {
        see_other(&notice.on(back))
    } else {
        // Taken out already (a second press, another tab): the list says so.
        see_other(back)
    })
}

/// Writes down a change a counsellor made to the person's work history (`what`); the person's
/// own are no event.
async fn audited(
    state: &AppState,
    parts: &axum::http::request::Parts,
    profile: &crate::seekers::SeekerProfile,
    changed: bool,
    what: &str,
) {
    if changed {
        let action = crate::audit::AuditAction::PersonDetailsChanged;
        crate::server::audit::record_staff_edit(state, parts, action, profile.id, profile.account_id, what).await;
    }
}

pub async fn save_experience(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let (profile, progress) = match step_profile(&state, &ui, EXPERIENCE_PATH).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    let back = progress.path(ProfileStep::Experience);
    let now = now();
    if let Some(entry) = removal(&fields) {
        let stored = state.store.remove_experience(profile.id, entry, now).await;
        audited(&state, &parts, &profile, matches!(stored, Ok(true)), "experience").await;
        return removed(stored, Notice::ExperienceRemoved, &back);
    }
    let mut errors = FieldErrors::default();
    let Some(job) = read_job(ui.lang, &fields, this_month(now), &mut errors) else {
        return Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await);
    };
    let stored = state.store.add_experience(profile.id, &job, now).await;
    tracing::info!(seeker_id = profile.id, is_self = progress.is_self, ok = stored.is_ok(), "job added");
    audited(&state, &parts, &profile, matches!(stored, Ok(Some(_))), "experience").await;
    let to = Added { notice: Notice::ExperienceAdded, back: &back, first_field: job_fields::TITLE };
    added(&state, parts, &fields, ui.lang, stored, to).await
}

pub async fn save_certificates(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let (profile, progress) = match step_profile(&state, &ui, CERTIFICATES_PATH).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    let back = progress.path(ProfileStep::Certificates);
    let now = now();
    if let Some(entry) = removal(&fields) {
        let stored = state.store.remove_certificate(profile.id, entry, now).await;
        audited(&state, &parts, &profile, matches!(stored, Ok(true)), "certificates").await;
        return removed(stored, Notice::CertificateRemoved, &back);
    }
    let mut errors = FieldErrors::default();
    let Some(certificate) = read_certificate(ui.lang, &fields, this_month(now), &mut errors) else {
        return Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await);
    };
    let stored = state.store.add_certificate(profile.id, &certificate, now).await;
    tracing::info!(seeker_id = profile.id, is_self = progress.is_self, ok = stored.is_ok(), "certificate added");
    audited(&state, &parts, &profile, matches!(stored, Ok(Some(_))), "certificates").await;
    let to = Added { notice: Notice::CertificateAdded, back: &back, first_field: certificate_fields::NAME };
    added(&state, parts, &fields, ui.lang, stored, to).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    const TODAY: YearMonth = YearMonth { year: 2026, month: 12 };

    #[test]
    fn a_job_needs_a_title_and_a_start_and_ends_after_it_starts() {
        let mut errors = FieldErrors::default();
        let good = fields(&[
            ("puesto", " Cajera "),
            ("desde", "03"),
            ("desde-anio", "2020"),
            ("hasta", ""),
            ("hasta-anio", ""),
            ("tareas", "Atender\r\nCobrar"),
        ]);
        let job = read_job(Lang::Es, &good, TODAY, &mut errors).unwrap();
        assert!(errors.is_empty());
        assert_eq!((job.job_title.as_str(), job.ended, job.duties.as_str()), ("Cajera", None, "Atender\nCobrar"));
        assert_eq!(job.started, YearMonth { year: 2020, month: 3 });

        let mut errors = FieldErrors::default();
        let bad =
            fields(&[("puesto", ""), ("desde", "03"), ("desde-anio", "20"), ("hasta", "01"), ("hasta-anio", "2027")]);
        assert!(read_job(Lang::Es, &bad, TODAY, &mut errors).is_none());
        let on: Vec<&str> = errors.0.iter().map(|(field, _)| field.as_str()).collect();
        assert_eq!(on, ["puesto", "desde", "hasta"]);

        let mut errors = FieldErrors::default();
        let backwards = fields(&[
            ("puesto", "Cajera"),
            ("desde", "03"),
            ("desde-anio", "2020"),
            ("hasta", "01"),
            ("hasta-anio", "2019"),
        ]);
        assert!(read_job(Lang::Es, &backwards, TODAY, &mut errors).is_none());
        assert_eq!(errors.0.iter().map(|(field, _)| field.as_str()).collect::<Vec<_>>(), ["hasta"]);

        let mut errors = FieldErrors::default();
        let half = fields(&[("puesto", "Cajera"), ("desde", ""), ("desde-anio", "2020")]);
        assert!(read_job(Lang::Es, &half, TODAY, &mut errors).is_none());
        assert_eq!(errors.0.iter().map(|(field, _)| field.as_str()).collect::<Vec<_>>(), ["desde"]);
    }

    #[test]
    fn a_certificate_needs_what_who_and_when() {
        let mut errors = FieldErrors::default();
        assert!(read_certificate(Lang::Es, &fields(&[]), TODAY, &mut errors).is_none());
        assert_eq!(
            errors.0.iter().map(|(field, _)| field.as_str()).collect::<Vec<_>>(),
            ["certificado", "entidad", "fecha"]
        );
        let mut errors = FieldErrors::default();
        let good = fields(&[
            ("certificado", "Operario de limpieza"),
            ("entidad", "MTPE"),
            ("fecha", "12"),
            ("fecha-anio", "2026"),
        ]);
        let certificate = read_certificate(Lang::Es, &good, TODAY, &mut errors).unwrap();
        assert_eq!((certificate.issued, certificate.number.as_str()), (TODAY, ""));
    }
}
