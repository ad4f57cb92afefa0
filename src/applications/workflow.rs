//! Who may apply and who may move an application, and where each move may lead. Pure rules,
//! checked on the server before every change.
//!
//! The person applies themselves, or their centre's counsellor applies for them when they
//! consented to a counsellor acting for them; either may withdraw it while it is open. The
//! employer (or the vacancy's centre, which may act for a company) moves it forward or ends
//! it; nobody moves a final application.

use super::{ApplicationStatus, Side};
use crate::domain::{Actor, Role};
use crate::seekers::consent::{ConsentKind, Consents};
use crate::seekers::SeekerProfile;
use crate::vacancies::VacancyStatus;

/// Where the employer's side may move an application from `from`.
pub fn employer_moves(from: ApplicationStatus) -> &'static [ApplicationStatus] {
    use ApplicationStatus::*;
    match from {
        Submitted => &[Seen, Interview, NotSelected],
        Seen => &[Interview, Offer, NotSelected],
        Interview => &[Offer, Hired, NotSelected],
        Offer => &[Hired, NotSelected],
        Hired | NotSelected | Withdrawn => &[],
    }
}

/// Whether someone on `side` may move an application from `from` to `to`.
pub fn may_move(side: Side, from: ApplicationStatus, to: ApplicationStatus) -> bool {
    match side {
        Side::Applicant | Side::Counsellor => to == ApplicationStatus::Withdrawn && !from.is_final(),
        Side::Employer => employer_moves(from).contains(&to),
    }
}

/// Whether a vacancy takes applications at `now`: published, and its closing date ahead (the
/// job that closes vacancies may not have run yet).
pub fn takes_applications(status: VacancyStatus, closes_at: i64, now: i64) -> bool {
    status == VacancyStatus::Published && now < closes_at
}

/// On which side `actor` may act for the person whose profile this is: the person themselves,
/// or a counsellor of the centre that follows them when the person consented to a counsellor
/// acting for them. `None` for anyone else.
pub fn acts_for(actor: &Actor, profile: &SeekerProfile, consents: &Consents) -> Option<Side> {
    if profile.account_id == Some(actor.account_id) {
        return Some(Side::Applicant);
    }
    let follows = actor
        .roles
        .iter()
        .any(|g| g.role == Role::Counsellor && g.centre_id.is_some() && g.centre_id == profile.centre_id);
    (follows && consents.has(ConsentKind::CounsellorActs)).then_some(Side::Counsellor)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ApplicationStatus::*;

    #[test]
    fn the_employer_moves_forward_or_ends_and_never_from_a_final_status() {
        for from in ApplicationStatus::ALL.iter().copied() {
            for to in ApplicationStatus::ALL.iter().copied() {
                let allowed = may_move(Side::Employer, from, to);
                let forward = match (from, to) {
                    (_, NotSelected) => !from.is_final(),
                    (Submitted, Seen | Interview) | (Seen, Interview | Offer) | (Interview, Offer | Hired) => true,
                    (Offer, Hired) => true,
                    _ => false,
                };
                assert_eq!(allowed, forward, "employer {from:?} → {to:?}");
            }
        }
    }

    #[test]
    fn the_applicant_side_only_withdraws_an_open_application() {
        for side in [Side::Applicant, Side::Counsellor] {
            for from in ApplicationStatus::ALL.iter().copied() {
                for to in ApplicationStatus::ALL.iter().copied() {
                    let expected = to == Withdrawn && !matches!(from, Hired | NotSelected | Withdrawn);
                    assert_eq!(may_move(side, from, to), expected, "{side:?} {from:?} → {to:?}");
                }
            }
        }
    }

    #[test]
    fn only_a_published_vacancy_before_its_closing_date_takes_applications() {
        assert!(takes_applications(VacancyStatus::Published, 100, 99));
        assert!(!takes_applications(VacancyStatus::Published, 100, 100));
        for status in [VacancyStatus::Draft, VacancyStatus::Submitted, VacancyStatus::Returned, VacancyStatus::Closed] {
            assert!(!takes_applications(status, 100, 1));
        }
    }
}
