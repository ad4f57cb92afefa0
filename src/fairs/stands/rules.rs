//! Who may ask for a stand, decide on one and take one back, and when: pure rules, checked on
//! the server before every change (the writes check status and clock again) and used by the
//! pages to offer only what may be done.
//!
//! A company asks while the fair is published and not over; the organiser answers while the
//! fair is not over; the company may change or take back its request or its stand until then. Once the
//! fair is over, nothing about its stands changes.

use super::StandStatus;
use crate::domain::{Actor, Role};
use crate::fairs::rules::{may_manage, Phase};
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

/// Whether a stand in `status` at a fair in `phase` is everyone's to see: accepted, at a fair
/// everyone sees. Its company and the organisers see it in every status.
pub fn is_public(status: StandStatus, phase: Phase) -> bool {
    status == StandStatus::Accepted && phase.is_public()
}

/// Whether an accepted stand is past its fair's live hours: it stays open, answering later.
pub fn is_asynchronous(phase: Phase) -> bool {
    phase == Phase::Finished
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
