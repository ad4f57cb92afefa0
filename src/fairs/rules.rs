//! Where a fair is in its life, who may change it, and which dates make sense: pure rules,
//! checked on the server before every change and used by the pages to say how a fair stands.
//!
//! A counsellor of the organising centre writes a fair as a draft, publishes it, may change it
//! until it is over, and may cancel a published one until then. A published fair is upcoming,
//! then running (between its start and end), then finished — by the clock, never by someone
//! remembering to press a button.

use super::FairStatus;
use crate::domain::{Actor, Role};
use serde::{Deserialize, Serialize};

/// Where a fair is, from its organiser's decision and the clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    Draft,
    Upcoming,
    Running,
    Finished,
    Cancelled,
}

impl Phase {
    pub fn label(self) -> crate::i18n::Key {
        use crate::i18n::Key;
        match self {
            Phase::Draft => Key::fair_phase_draft,
            Phase::Upcoming => Key::fair_phase_upcoming,
            Phase::Running => Key::fair_phase_running,
            Phase::Finished => Key::fair_phase_finished,
            Phase::Cancelled => Key::fair_phase_cancelled,
        }
    }

    /// Whether everyone may see the fair: published, whatever the clock says, or cancelled
    /// (only a published fair can be, and whoever planned to go reads that it is off).
    pub fn is_public(self) -> bool {
        self != Phase::Draft
    }
}

/// What the rules need to know about a stored fair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facts {
    pub centre_id: i64,
    pub status: FairStatus,
    pub starts_at: i64,
    pub ends_at: i64,
}

pub fn phase(facts: &Facts, now: i64) -> Phase {
    match facts.status {
        FairStatus::Draft => Phase::Draft,
        FairStatus::Cancelled => Phase::Cancelled,
        FairStatus::Published if now < facts.starts_at => Phase::Upcoming,
        FairStatus::Published if now < facts.ends_at => Phase::Running,
        FairStatus::Published => Phase::Finished,
    }
}

/// Whether `actor` organises fairs for this centre: its counsellors.
pub fn may_manage(actor: &Actor, centre_id: i64) -> bool {
    actor.roles.iter().any(|g| g.role == Role::Counsellor && g.centre_id == Some(centre_id))
}

/// A problem with a fair's dates, said on the field it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// The end is not after the start.
    EndsBeforeStart,
    /// Registration would close after the fair is over.
    RegistrationAfterEnd,
    /// The fair would start before now: nobody could come.
    StartsInThePast,
}

/// What is wrong with these dates for a fair saved at `now`. A fair that started already may
/// keep its start (it is being corrected while it runs): `StartsInThePast` is only said when
/// the start is being changed to a past one.
pub fn date_problems(
    starts_at: i64,
    ends_at: i64,
    registration_closes_at: i64,
    stored_start: Option<i64>,
    now: i64,
) -> Vec<DateProblem> {
    let mut problems = Vec::new();
    if starts_at < now && stored_start != Some(starts_at) {
        problems.push(DateProblem::StartsInThePast);
    }
    if ends_at <= starts_at {
        problems.push(DateProblem::EndsBeforeStart);
    } else if registration_closes_at > ends_at {
        problems.push(DateProblem::RegistrationAfterEnd);
    }
    problems
}

/// A change of status someone asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    Publish,
    Cancel,
}

impl Step {
    pub const ALL: [Step; 2] = [Step::Publish, Step::Cancel];

    /// How the step is sent by its button.
    pub fn code(self) -> &'static str {
        match self {
            Step::Publish => "publicar",
            Step::Cancel => "cancelar",
        }
    }

    pub fn from_code(code: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The statuses it starts from, and where it leads.
    pub fn transition(self) -> (&'static [FairStatus], FairStatus) {
        use FairStatus::*;
        match self {
            Step::Publish => (&[Draft], Published),
            Step::Cancel => (&[Published], Cancelled),
        }
    }
}

/// Why a change is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    /// Not a counsellor of the organising centre.
    NotYours,
    /// Not in a status the step starts from.
    WrongStatus,
    /// It has started already: publishing it now would announce something past.
    AlreadyStarted,
    /// It is over: nothing about it changes any more.
    Over,
}

/// Where `step` takes the fair, if `actor` may take it at `now`.
pub fn next_status(actor: &Actor, facts: &Facts, step: Step, now: i64) -> Result<FairStatus, Refusal> {
    if !may_manage(actor, facts.centre_id) {
        return Err(Refusal::NotYours);
    }
    if now >= facts.ends_at {
        return Err(Refusal::Over);
    }
    let (from, to) = step.transition();
    if !from.contains(&facts.status) {
        return Err(Refusal::WrongStatus);
    }
    if step == Step::Publish && now >= facts.starts_at {
        return Err(Refusal::AlreadyStarted);
    }
    Ok(to)
}

/// Whether `actor` may change the fair's text now: its organisers, until it is over or
/// cancelled.
pub fn may_edit(actor: &Actor, facts: &Facts, now: i64) -> Result<(), Refusal> {
    if !may_manage(actor, facts.centre_id) {
        Err(Refusal::NotYours)
    } else if facts.status == FairStatus::Cancelled {
        Err(Refusal::WrongStatus)
    } else if facts.status == FairStatus::Published && now >= facts.ends_at {
        Err(Refusal::Over)
    } else {
        Ok(())
    }
}

/// The steps `actor` could take now, for the buttons of the organiser's panel.
pub fn steps_open(actor: &Actor, facts: &Facts, now: i64) -> Vec<Step> {
    Step::ALL.into_iter().filter(|step| next_status(actor, facts, *step, now).is_ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RoleGrant;

    const NOW: i64 = 1_795_453_200;
    const DAY: i64 = 86_400;

    fn counsellor(centre: i64) -> Actor {
        Actor {
            account_id: 1,
            name: "Ana".into(),
            email: "ana@example.pe".into(),
            roles: vec![RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre) }],
        }
    }

    fn facts(status: FairStatus, starts_in: i64) -> Facts {
        Facts { centre_id: 7, status, starts_at: NOW + starts_in, ends_at: NOW + starts_in + 8 * 3600 }
    }

    #[test]
    fn a_published_fair_is_upcoming_then_running_then_finished_by_the_clock() {
        let fair = facts(FairStatus::Published, DAY);
        assert_eq!(phase(&fair, NOW), Phase::Upcoming);
        assert_eq!(phase(&fair, fair.starts_at), Phase::Running);
        assert_eq!(phase(&fair, fair.ends_at - 1), Phase::Running);
        assert_eq!(phase(&fair, fair.ends_at), Phase::Finished);
        assert_eq!(phase(&facts(FairStatus::Draft, DAY), NOW), Phase::Draft);
        assert_eq!(phase(&facts(FairStatus::Cancelled, DAY), NOW), Phase::Cancelled);
        assert!(!Phase::Draft.is_public() && Phase::Cancelled.is_public() && Phase::Finished.is_public());
    }

    #[test]
    fn only_a_counsellor_of_the_organising_centre_manages_it() {
        let fair = facts(FairStatus::Draft, DAY);
        assert!(may_manage(&counsellor(7), 7));
        assert!(!may_manage(&counsellor(8), 7));
        let employer = Actor {
            roles: vec![RoleGrant { role: Role::Employer, company_id: Some(7), centre_id: Some(7) }],
            ..counsellor(7)
        };
        assert_eq!(next_status(&employer, &fair, Step::Publish, NOW), Err(Refusal::NotYours));
        assert_eq!(may_edit(&counsellor(8), &fair, NOW), Err(Refusal::NotYours));
    }

    #[test]
    fn a_draft_is_published_before_it_starts_and_a_published_fair_cancelled_until_it_is_over() {
        let me = counsellor(7);
        assert_eq!(next_status(&me, &facts(FairStatus::Draft, DAY), Step::Publish, NOW), Ok(FairStatus::Published));
        assert_eq!(next_status(&me, &facts(FairStatus::Draft, -60), Step::Publish, NOW), Err(Refusal::AlreadyStarted));
        assert_eq!(next_status(&me, &facts(FairStatus::Published, DAY), Step::Publish, NOW), Err(Refusal::WrongStatus));
        assert_eq!(next_status(&me, &facts(FairStatus::Published, -60), Step::Cancel, NOW), Ok(FairStatus::Cancelled));
        assert_eq!(next_status(&me, &facts(FairStatus::Published, -DAY), Step::Cancel, NOW), Err(Refusal::Over));
        assert_eq!(next_status(&me, &facts(FairStatus::Cancelled, DAY), Step::Cancel, NOW), Err(Refusal::WrongStatus));
        assert_eq!(steps_open(&me, &facts(FairStatus::Draft, DAY), NOW), vec![Step::Publish]);
        assert_eq!(steps_open(&me, &facts(FairStatus::Published, DAY), NOW), vec![Step::Cancel]);
        assert!(steps_open(&counsellor(8), &facts(FairStatus::Draft, DAY), NOW).is_empty());
        assert!(Step::ALL.iter().all(|s| Step::from_code(s.code()) == Some(*s)));
    }

    #[test]
    fn a_fair_is_edited_until_it_is_over_or_cancelled() {
        let me = counsellor(7);
        assert_eq!(may_edit(&me, &facts(FairStatus::Draft, -DAY), NOW), Ok(()));
        assert_eq!(may_edit(&me, &facts(FairStatus::Published, -60), NOW), Ok(()));
        assert_eq!(may_edit(&me, &facts(FairStatus::Published, -DAY), NOW), Err(Refusal::Over));
        assert_eq!(may_edit(&me, &facts(FairStatus::Cancelled, DAY), NOW), Err(Refusal::WrongStatus));
    }

    #[test]
    fn dates_must_follow_each_other_and_lie_ahead() {
        let start = NOW + DAY;
        assert!(date_problems(start, start + 3600, start, None, NOW).is_empty());
        assert_eq!(date_problems(start, start, start, None, NOW), vec![DateProblem::EndsBeforeStart]);
        assert_eq!(date_problems(start, start - 1, start - DAY, None, NOW), vec![DateProblem::EndsBeforeStart]);
        assert_eq!(
            date_problems(start, start + 3600, start + 3601, None, NOW),
            vec![DateProblem::RegistrationAfterEnd]
        );
        assert_eq!(date_problems(NOW - 60, NOW + 3600, NOW, None, NOW), vec![DateProblem::StartsInThePast]);
        // A running fair corrected while it runs keeps its start.
        assert!(date_problems(NOW - 60, NOW + 7200, NOW, Some(NOW - 60), NOW).is_empty());
    }
}
