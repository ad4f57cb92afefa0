//! Who may ask for a stand, decide on one and take one back, and when: pure rules, checked on
//! the server before every change (the writes check status and clock again) and used by the
//! pages to offer only what may be done.
//!
//! A company asks while the fair is published and not over; the organiser answers while the
//! fair is not over; the company may change or take back its request or its stand, and say who
//! keeps it when (shifts within the fair's hours), until then. Once the fair is over, nothing
//! about its stands changes but the questions: job seekers leave them at a public stand until
//! some weeks after the fair, and its company answers them.

use super::StandStatus;
use crate::domain::{Actor, Role};
use crate::fairs::rules::{may_manage, phase, Facts, Phase};
use serde::{Deserialize, Serialize};

/// Why a change to a stand is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    /// Not an employer of the company (asking, withdrawing) or a counsellor of the organising
    /// centre (deciding).
    NotYours,
    /// The company is not verified yet: nothing of it reaches job seekers.
    Unverified,
    /// The fair is not taking stands: a draft, cancelled, or over.
    Closed,
    /// The company has a request or a stand in force already (asking), or the request was
    /// answered or taken back meanwhile (deciding, withdrawing).
    WrongStatus,
}

/// Whether `actor` acts for `company_id`.
pub fn acts_for(actor: &Actor, company_id: i64) -> bool {
    actor.roles.iter().any(|g| g.role == Role::Employer && g.company_id == Some(company_id))
}

/// The companies `actor` acts for.
pub fn companies_of(actor: &Actor) -> Vec<i64> {
    actor.roles.iter().filter(|g| g.role == Role::Employer).filter_map(|g| g.company_id).collect()
}

/// Whether stands may be asked for, answered and taken back at a fair in `phase`.
pub fn takes_stands(phase: Phase) -> bool {
    matches!(phase, Phase::Upcoming | Phase::Running)
}

/// Whether `actor` may ask for a stand for `company_id` (verified or not) at a fair in `phase`,
/// the company's request there being `current`.
pub fn may_ask(
    actor: &Actor,
    company_id: i64,
    verified: bool,
    phase: Phase,
    current: Option<StandStatus>,
) -> Result<(), Refusal> {
    if !acts_for(actor, company_id) {
        return Err(Refusal::NotYours);
    }
    if !verified {
        return Err(Refusal::Unverified);
    }
    if !takes_stands(phase) {
        return Err(Refusal::Closed);
    }
    match current {
        Some(status) if status.is_active() => Err(Refusal::WrongStatus),
        _ => Ok(()),
    }
}

/// Whether `actor` may accept or decline a request in `status` at a fair of `centre_id` in
/// `phase`.
pub fn may_decide(actor: &Actor, centre_id: i64, phase: Phase, status: StandStatus) -> Result<(), Refusal> {
    if !may_manage(actor, centre_id) {
        return Err(Refusal::NotYours);
    }
    if !takes_stands(phase) {
        return Err(Refusal::Closed);
    }
    if status != StandStatus::Asked {
        return Err(Refusal::WrongStatus);
    }
    Ok(())
}

/// Whether `actor` may change the request or stand of `company_id`, in `status`, at a fair in
/// `phase`: take it back, or give it its sign-language video.
pub fn may_change(actor: &Actor, company_id: i64, phase: Phase, status: StandStatus) -> Result<(), Refusal> {
    if !acts_for(actor, company_id) {
        return Err(Refusal::NotYours);
    }
    if !takes_stands(phase) {
        return Err(Refusal::Closed);
    }
    if !status.is_active() {
        return Err(Refusal::WrongStatus);
    }
    Ok(())
}

/// Whether `actor` may follow up the interviews of the stand of `company_id`, in `status`, at
/// `fair` at `now`: read them and say who did not come. While the stand may change, and after
/// the fair for as long as it takes questions — the last interviews end with the fair.
pub fn may_follow_up(
    actor: &Actor,
    company_id: i64,
    fair: &Facts,
    now: i64,
    status: StandStatus,
) -> Result<(), Refusal> {
    let phase = phase(fair, now);
    if phase != Phase::Finished {
        return may_change(actor, company_id, phase, status);
    }
    if !acts_for(actor, company_id) {
        return Err(Refusal::NotYours);
    }
    if status != StandStatus::Accepted {
        return Err(Refusal::WrongStatus);
    }
    if now >= questions_close_at(fair) {
        return Err(Refusal::Closed);
    }
    Ok(())
}

/// Whether a stand in `status` at a fair in `phase` is everyone's to see: accepted, at a fair
/// everyone sees. Its company and the organisers see it in every status.
pub fn is_public(status: StandStatus, phase: Phase) -> bool {
    status == StandStatus::Accepted && phase.is_public()
}

/// Whether an accepted stand is past its fair's live hours: it stays open, answering later.
pub fn is_asynchronous(phase: Phase) -> bool {
    phase == Phase::Finished
}

/// What is wrong with a representative's shift from `starts` to `ends` at a fair of `fair`,
/// they being on duty at this stand already during `others`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShiftProblem {
    EndsBeforeStart,
    /// Before the fair opens or after it closes.
    OutsideFair,
    /// Over already.
    Past,
    /// The same person is on duty then already.
    Overlaps,
}

pub fn shift_problem(starts: i64, ends: i64, fair: &Facts, now: i64, others: &[(i64, i64)]) -> Option<ShiftProblem> {
    if ends <= starts {
        Some(ShiftProblem::EndsBeforeStart)
    } else if starts < fair.starts_at || ends > fair.ends_at {
        Some(ShiftProblem::OutsideFair)
    } else if ends <= now {
        Some(ShiftProblem::Past)
    } else if others.iter().any(|&(from, to)| from < ends && to > starts) {
        Some(ShiftProblem::Overlaps)
    } else {
        None
    }
}

/// How long after its fair ends a stand still takes questions: its company answers them later.
pub const QUESTIONS_DAYS_AFTER: i64 = 30;
/// How many unanswered questions one person may have at one stand.
pub const MAX_OPEN_QUESTIONS: usize = 3;

/// The last moment a stand at a fair of `fair` takes questions.
pub fn questions_close_at(fair: &Facts) -> i64 {
    fair.ends_at + QUESTIONS_DAYS_AFTER * 86_400
}

/// Why a question may not be left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionRefusal {
    /// Only job seekers leave questions, for themselves.
    NotSeeker,
    /// The stand is not public, or its fair was cancelled or ended too long ago.
    Closed,
    /// The person has [`MAX_OPEN_QUESTIONS`] waiting for an answer here already.
    TooMany,
}

/// Whether `actor` may leave a question at a stand in `status` at `fair` at `now`, having
/// `open` unanswered there.
pub fn may_leave_question(
    actor: &Actor,
    status: StandStatus,
    fair: &Facts,
    now: i64,
    open: usize,
) -> Result<(), QuestionRefusal> {
    if !actor.has(Role::Seeker) {
        return Err(QuestionRefusal::NotSeeker);
    }
    let phase = phase(fair, now);
    let live = matches!(phase, Phase::Upcoming | Phase::Running | Phase::Finished);
    if !is_public(status, phase) || !live || now >= questions_close_at(fair) {
        return Err(QuestionRefusal::Closed);
    }
    if open >= MAX_OPEN_QUESTIONS {
        return Err(QuestionRefusal::TooMany);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RoleGrant;
    use StandStatus::*;

    const COMPANY: i64 = 7;
    const CENTRE: i64 = 3;

    fn person(role: Role, company_id: Option<i64>, centre_id: Option<i64>) -> Actor {
        Actor {
            account_id: 1,
            name: "P".into(),
            email: "p@senda.test".into(),
            roles: vec![RoleGrant { role, company_id, centre_id }],
        }
    }

    fn employer() -> Actor {
        person(Role::Employer, Some(COMPANY), None)
    }

    fn organiser() -> Actor {
        person(Role::Counsellor, None, Some(CENTRE))
    }

    #[test]
    fn a_verified_companys_employer_asks_while_the_fair_is_ahead_or_on() {
        for phase in [Phase::Upcoming, Phase::Running] {
            assert_eq!(may_ask(&employer(), COMPANY, true, phase, None), Ok(()));
            for again in [Declined, Withdrawn] {
                assert_eq!(may_ask(&employer(), COMPANY, true, phase, Some(again)), Ok(()), "after {again:?}");
            }
        }
    }

    #[test]
    fn nobody_else_asks_and_nobody_asks_twice_late_or_unverified() {
        let other = person(Role::Employer, Some(COMPANY + 1), None);
        assert_eq!(may_ask(&other, COMPANY, true, Phase::Upcoming, None), Err(Refusal::NotYours));
        assert_eq!(may_ask(&organiser(), COMPANY, true, Phase::Upcoming, None), Err(Refusal::NotYours));
        assert_eq!(may_ask(&employer(), COMPANY, false, Phase::Upcoming, None), Err(Refusal::Unverified));
        for phase in [Phase::Draft, Phase::Finished, Phase::Cancelled] {
            assert_eq!(may_ask(&employer(), COMPANY, true, phase, None), Err(Refusal::Closed), "{phase:?}");
        }
        for active in [Asked, Accepted] {
            assert_eq!(may_ask(&employer(), COMPANY, true, Phase::Upcoming, Some(active)), Err(Refusal::WrongStatus));
        }
    }

    #[test]
    fn the_organiser_answers_a_request_once_while_the_fair_is_not_over() {
        assert_eq!(may_decide(&organiser(), CENTRE, Phase::Upcoming, Asked), Ok(()));
        assert_eq!(may_decide(&organiser(), CENTRE, Phase::Running, Asked), Ok(()));
        for answered in [Accepted, Declined, Withdrawn] {
            assert_eq!(may_decide(&organiser(), CENTRE, Phase::Upcoming, answered), Err(Refusal::WrongStatus));
        }
        assert_eq!(may_decide(&organiser(), CENTRE, Phase::Finished, Asked), Err(Refusal::Closed));
        assert_eq!(may_decide(&organiser(), CENTRE + 1, Phase::Upcoming, Asked), Err(Refusal::NotYours));
        assert_eq!(may_decide(&employer(), CENTRE, Phase::Upcoming, Asked), Err(Refusal::NotYours));
    }

    #[test]
    fn the_company_changes_or_takes_back_what_is_in_force_until_the_fair_is_over() {
        for status in [Asked, Accepted] {
            assert_eq!(may_change(&employer(), COMPANY, Phase::Running, status), Ok(()));
            assert_eq!(may_change(&employer(), COMPANY, Phase::Finished, status), Err(Refusal::Closed));
            assert_eq!(may_change(&organiser(), COMPANY, Phase::Running, status), Err(Refusal::NotYours));
        }
        for status in [Declined, Withdrawn] {
            assert_eq!(may_change(&employer(), COMPANY, Phase::Running, status), Err(Refusal::WrongStatus));
        }
    }

    fn fair() -> Facts {
        Facts {
            centre_id: CENTRE,
            status: crate::fairs::FairStatus::Published,
            starts_at: 1_000_000,
            ends_at: 1_036_000,
        }
    }

    #[test]
    fn the_company_follows_up_its_interviews_until_its_stand_stops_taking_questions() {
        let (during, after, late) = (fair().starts_at + 60, fair().ends_at + 86_400, questions_close_at(&fair()));
        for now in [fair().starts_at - 60, during, after, late - 1] {
            assert_eq!(may_follow_up(&employer(), COMPANY, &fair(), now, Accepted), Ok(()), "at {now}");
        }
        assert_eq!(may_follow_up(&employer(), COMPANY, &fair(), late, Accepted), Err(Refusal::Closed));
        assert_eq!(may_follow_up(&employer(), COMPANY, &fair(), during, Asked), Ok(()), "in force");
        for status in [Asked, Declined, Withdrawn] {
            assert_eq!(may_follow_up(&employer(), COMPANY, &fair(), after, status), Err(Refusal::WrongStatus));
        }
        for other in [organiser(), person(Role::Employer, Some(COMPANY + 1), None)] {
            assert_eq!(may_follow_up(&other, COMPANY, &fair(), after, Accepted), Err(Refusal::NotYours));
        }
        let cancelled = Facts { status: crate::fairs::FairStatus::Cancelled, ..fair() };
        assert_eq!(may_follow_up(&employer(), COMPANY, &cancelled, after, Accepted), Err(Refusal::Closed));
    }

    #[test]
    fn a_shift_falls_within_the_fairs_hours_ahead_and_apart_from_the_persons_others() {
        let (opens, closes) = (fair().starts_at, fair().ends_at);
        let before = opens - 3_600;
        assert_eq!(shift_problem(opens, opens + 3_600, &fair(), before, &[]), None);
        assert_eq!(shift_problem(opens, closes, &fair(), before, &[(closes, closes + 60)]), None, "touching");
        assert_eq!(shift_problem(opens + 60, opens, &fair(), before, &[]), Some(ShiftProblem::EndsBeforeStart));
        assert_eq!(shift_problem(opens, opens, &fair(), before, &[]), Some(ShiftProblem::EndsBeforeStart));
        assert_eq!(shift_problem(opens - 60, opens + 60, &fair(), before, &[]), Some(ShiftProblem::OutsideFair));
        assert_eq!(shift_problem(closes - 60, closes + 60, &fair(), before, &[]), Some(ShiftProblem::OutsideFair));
        assert_eq!(shift_problem(opens, opens + 60, &fair(), opens + 60, &[]), Some(ShiftProblem::Past));
        let others = [(opens + 1_800, opens + 5_400)];
        assert_eq!(shift_problem(opens, opens + 3_600, &fair(), before, &others), Some(ShiftProblem::Overlaps));
    }

    #[test]
    fn seekers_leave_a_few_questions_at_a_public_stand_until_weeks_after_the_fair() {
        let seeker = person(Role::Seeker, None, None);
        let before = fair().starts_at - 86_400;
        let after = fair().ends_at + 86_400;
        for now in [before, fair().starts_at + 60, after, questions_close_at(&fair()) - 1] {
            assert_eq!(may_leave_question(&seeker, Accepted, &fair(), now, 0), Ok(()), "at {now}");
        }
        let late = questions_close_at(&fair());
        assert_eq!(may_leave_question(&seeker, Accepted, &fair(), late, 0), Err(QuestionRefusal::Closed));
        for status in [Asked, Declined, Withdrawn] {
            assert_eq!(may_leave_question(&seeker, status, &fair(), before, 0), Err(QuestionRefusal::Closed));
        }
        let cancelled = Facts { status: crate::fairs::FairStatus::Cancelled, ..fair() };
        assert_eq!(may_leave_question(&seeker, Accepted, &cancelled, before, 0), Err(QuestionRefusal::Closed));
        let open = MAX_OPEN_QUESTIONS;
        assert_eq!(may_leave_question(&seeker, Accepted, &fair(), before, open), Err(QuestionRefusal::TooMany));
        for other in [employer(), organiser()] {
            assert_eq!(may_leave_question(&other, Accepted, &fair(), before, 0), Err(QuestionRefusal::NotSeeker));
        }
    }

    #[test]
    fn only_accepted_stands_of_public_fairs_are_public_and_they_outlive_the_hours() {
        assert!(is_public(Accepted, Phase::Upcoming));
        assert!(is_public(Accepted, Phase::Finished));
        assert!(!is_public(Accepted, Phase::Draft));
        for status in [Asked, Declined, Withdrawn] {
            assert!(!is_public(status, Phase::Running), "{status:?}");
        }
        assert!(is_asynchronous(Phase::Finished));
        assert!(!is_asynchronous(Phase::Running));
    }
}
