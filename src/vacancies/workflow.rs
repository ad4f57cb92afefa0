//! Who may do what with a vacancy, and where each step leads (journey J3): an employer of a
//! verified company drafts and submits; a counsellor of the responsible centre publishes it or
//! returns it with a comment, and may also write and publish one on a company's behalf; either
//! may close a published vacancy early or reopen it while its closing date is ahead. The
//! closing date closes it by itself. Pure rules, checked on the server before every change.

use super::VacancyStatus;
use crate::domain::{Actor, Role};
use serde::{Deserialize, Serialize};

/// A change of status someone asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    Submit,
    Publish,
    Return,
    Close,
    Reopen,
}

/// What the rules need to know about a vacancy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facts {
    pub company_id: i64,
    pub centre_id: i64,
    pub status: VacancyStatus,
    pub closes_at: i64,
    pub company_verified: bool,
}

/// Why a step is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    /// Not this person's company or centre, or not their role.
    NotYours,
    /// The vacancy is not in a status this step starts from.
    WrongStatus,
    /// The company has not been verified yet: it cannot publish.
    Unverified,
    /// The closing date has passed: change it first.
    ClosingDatePassed,
}

impl Refusal {
    /// The answer for a refused request by `actor`: a vacancy they may not manage is not found
    /// for them, exactly like one that does not exist (a draft's id tells nothing); one they
    /// manage but may not move or change now is forbidden.
    pub fn as_error(self, actor: &Actor, facts: &Facts) -> crate::error::AppError {
        if self == Refusal::NotYours && !may_manage(actor, facts) {
            crate::error::AppError::NotFound
        } else {
            crate::error::AppError::Forbidden
        }
    }
}

fn employs(actor: &Actor, company_id: i64) -> bool {
    actor.roles.iter().any(|g| g.role == Role::Employer && g.company_id == Some(company_id))
}

fn counsels(actor: &Actor, centre_id: i64) -> bool {
    actor.roles.iter().any(|g| g.role == Role::Counsellor && g.centre_id == Some(centre_id))
}

/// Whether `actor` may start a vacancy for this company, handled by this centre: its
/// employers, and the centre's counsellors. It starts as a draft either way.
pub fn may_create(actor: &Actor, company_id: i64, centre_id: i64) -> Result<(), Refusal> {
    if employs(actor, company_id) || counsels(actor, centre_id) {
        Ok(())
    } else {
        Err(Refusal::NotYours)
    }
}

/// Whether `actor` may change the vacancy's text: its employer while it is with them (a
/// draft, or returned), the centre's counsellor until it is closed.
pub fn may_edit(actor: &Actor, facts: &Facts) -> Result<(), Refusal> {
    use VacancyStatus::*;
    if counsels(actor, facts.centre_id) {
        return if facts.status == Closed { Err(Refusal::WrongStatus) } else { Ok(()) };
    }
    if employs(actor, facts.company_id) {
        return if matches!(facts.status, Draft | Returned) { Ok(()) } else { Err(Refusal::WrongStatus) };
    }
    Err(Refusal::NotYours)
}

/// The statuses in which `actor` may change a vacancy's text (see [`may_edit`]), for the write
/// to check again: the status may change between the check and the write.
pub fn editable_in(actor: &Actor, facts: &Facts) -> &'static [VacancyStatus] {
    use VacancyStatus::*;
    if counsels(actor, facts.centre_id) {
        &[Draft, Submitted, Returned, Published]
    } else if employs(actor, facts.company_id) {
        &[Draft, Returned]
    } else {
        &[]
    }
}

/// Whether a person may see the vacancy's draft, history and review comment: its company's
/// employers and its centre's counsellors.
pub fn may_manage(actor: &Actor, facts: &Facts) -> bool {
    employs(actor, facts.company_id) || counsels(actor, facts.centre_id)
}

/// The statuses `step` starts from, and where it leads.
pub fn transition(step: Step) -> (&'static [VacancyStatus], VacancyStatus) {
    use VacancyStatus::*;
    match step {
        Step::Submit => (&[Draft, Returned], Submitted),
        Step::Publish => (&[Draft, Submitted, Returned], Published),
        Step::Return => (&[Submitted], Returned),
        Step::Close => (&[Published], Closed),
        Step::Reopen => (&[Closed], Published),
    }
}

/// Where `step` takes the vacancy, if `actor` may take it at `now`.
pub fn next_status(actor: &Actor, facts: &Facts, step: Step, now: i64) -> Result<VacancyStatus, Refusal> {
    let is_employer = employs(actor, facts.company_id);
    let is_counsellor = counsels(actor, facts.centre_id);
    let allowed = match step {
        Step::Submit => is_employer,
        Step::Publish | Step::Return => is_counsellor,
        Step::Close | Step::Reopen => is_employer || is_counsellor,
    };
    if !allowed {
        return Err(Refusal::NotYours);
    }
    let (from, to) = transition(step);
    if !from.contains(&facts.status) {
        return Err(Refusal::WrongStatus);
    }
    // Everything that leads towards job seekers needs a verified company and a date ahead.
    if matches!(step, Step::Submit | Step::Publish | Step::Reopen) {
        if !facts.company_verified {
            return Err(Refusal::Unverified);
        }
        if facts.closes_at <= now {
            return Err(Refusal::ClosingDatePassed);
        }
    }
    Ok(to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RoleGrant;
    use VacancyStatus::*;

    fn person(role: Role, company_id: Option<i64>, centre_id: Option<i64>) -> Actor {
        Actor {
            account_id: 1,
            name: "Persona".into(),
            email: "persona@example.pe".into(),
            roles: vec![RoleGrant { role, company_id, centre_id }],
        }
    }

    const NOW: i64 = 1_800_000_000;

    fn facts(status: VacancyStatus) -> Facts {
        Facts { company_id: 7, centre_id: 3, status, closes_at: NOW + 86_400, company_verified: true }
    }

    #[test]
    fn each_step_is_taken_only_by_whom_the_workflow_says_and_leads_where_it_says() {
        let employer = person(Role::Employer, Some(7), None);
        let other_employer = person(Role::Employer, Some(8), None);
        let counsellor = person(Role::Counsellor, None, Some(3));
        let other_counsellor = person(Role::Counsellor, None, Some(4));
        let admin = person(Role::Admin, None, None);
        let seeker = person(Role::Seeker, None, None);
        let cases = [
            (&employer, Draft, Step::Submit, Ok(Submitted)),
            (&employer, Returned, Step::Submit, Ok(Submitted)),
            (&employer, Submitted, Step::Submit, Err(Refusal::WrongStatus)),
            (&employer, Submitted, Step::Publish, Err(Refusal::NotYours)),
            (&employer, Published, Step::Close, Ok(Closed)),
            (&employer, Closed, Step::Reopen, Ok(Published)),
            (&other_employer, Draft, Step::Submit, Err(Refusal::NotYours)),
            (&other_employer, Published, Step::Close, Err(Refusal::NotYours)),
            (&counsellor, Submitted, Step::Publish, Ok(Published)),
            (&counsellor, Draft, Step::Publish, Ok(Published)),
            (&counsellor, Submitted, Step::Return, Ok(Returned)),
            (&counsellor, Draft, Step::Return, Err(Refusal::WrongStatus)),
            (&counsellor, Published, Step::Publish, Err(Refusal::WrongStatus)),
            (&counsellor, Draft, Step::Submit, Err(Refusal::NotYours)),
            (&counsellor, Published, Step::Close, Ok(Closed)),
            (&other_counsellor, Submitted, Step::Publish, Err(Refusal::NotYours)),
            (&admin, Submitted, Step::Publish, Err(Refusal::NotYours)),
            (&seeker, Published, Step::Close, Err(Refusal::NotYours)),
        ];
        for (who, status, step, expected) in cases {
            assert_eq!(next_status(who, &facts(status), step, NOW), expected, "{:?} {status:?} {step:?}", who.roles);
        }
    }

    #[test]
    fn nothing_reaches_seekers_from_an_unverified_company_or_after_the_closing_date() {
        let employer = person(Role::Employer, Some(7), None);
        let counsellor = person(Role::Counsellor, None, Some(3));
        let unverified = Facts { company_verified: false, ..facts(Draft) };
        assert_eq!(next_status(&employer, &unverified, Step::Submit, NOW), Err(Refusal::Unverified));
        assert_eq!(next_status(&counsellor, &unverified, Step::Publish, NOW), Err(Refusal::Unverified));
        let past = Facts { closes_at: NOW, ..facts(Submitted) };
        assert_eq!(next_status(&counsellor, &past, Step::Publish, NOW), Err(Refusal::ClosingDatePassed));
        let closed = Facts { closes_at: NOW - 1, ..facts(Closed) };
        assert_eq!(next_status(&employer, &closed, Step::Reopen, NOW), Err(Refusal::ClosingDatePassed));
        // Closing needs neither: a company can always take its vacancy down.
        let published = Facts { company_verified: false, closes_at: NOW - 1, ..facts(Published) };
        assert_eq!(next_status(&employer, &published, Step::Close, NOW), Ok(Closed));
    }

    #[test]
    fn the_text_is_the_employers_while_with_them_and_the_counsellors_until_closed() {
        let employer = person(Role::Employer, Some(7), None);
        let counsellor = person(Role::Counsellor, None, Some(3));
        let stranger = person(Role::Employer, Some(8), None);
        assert_eq!(may_edit(&employer, &facts(Draft)), Ok(()));
        assert_eq!(may_edit(&employer, &facts(Returned)), Ok(()));
        assert_eq!(may_edit(&employer, &facts(Submitted)), Err(Refusal::WrongStatus));
        assert_eq!(may_edit(&employer, &facts(Published)), Err(Refusal::WrongStatus));
        assert_eq!(may_edit(&counsellor, &facts(Published)), Ok(()));
        assert_eq!(may_edit(&counsellor, &facts(Closed)), Err(Refusal::WrongStatus));
        assert_eq!(may_edit(&stranger, &facts(Draft)), Err(Refusal::NotYours));
        assert_eq!(may_create(&employer, 7, 3), Ok(()));
        assert_eq!(may_create(&counsellor, 9, 3), Ok(()), "on a company's behalf");
        assert_eq!(may_create(&stranger, 7, 3), Err(Refusal::NotYours));
        assert!(may_manage(&counsellor, &facts(Draft)) && !may_manage(&stranger, &facts(Draft)));
    }
}
