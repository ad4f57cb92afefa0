//! When a person may register for a fair, and when the organiser's answer to an accommodation
//! request is due: pure rules, checked on the server before every change (the writes check the
//! fair's status, clock and capacity again) and used by the pages.

use super::NeedStatus;
use crate::fairs::rules::{phase, Facts, Phase};

/// How long the organiser has to answer a request, at most: two days, and never past the
/// fair's start, so the person knows before they go.
pub const ANSWER_WITHIN: i64 = 2 * 86_400;

/// Why a registration is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Closed {
    /// Registration closed (its deadline passed), or the fair is over, cancelled or a draft.
    Deadline,
    /// Every place is taken.
    Full,
}

/// Whether someone may register now for `fair`, which closes registration at `closes_at`,
/// takes `capacity` people and has `registered` already.
pub fn may_register(fair: &Facts, closes_at: i64, capacity: i64, registered: i64, now: i64) -> Result<(), Closed> {
    let open = matches!(phase(fair, now), Phase::Upcoming | Phase::Running) && now < closes_at;
    if !open {
        Err(Closed::Deadline)
    } else if registered >= capacity {
        Err(Closed::Full)
    } else {
        Ok(())
    }
}

/// When the organiser must have answered a request made at `asked_at` for a fair starting at
/// `starts_at`: within [`ANSWER_WITHIN`], but by the fair's start when that comes first (and
/// never before the request itself, for one made while the fair is on).
pub fn answer_due(asked_at: i64, starts_at: i64) -> i64 {
    (asked_at + ANSWER_WITHIN).min(starts_at).max(asked_at)
}

/// Whether a request in `status`, due at `due_at`, is late at `now`: still unanswered after it.
pub fn is_late(status: NeedStatus, due_at: i64, now: i64) -> bool {
    status == NeedStatus::Asked && now > due_at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fairs::FairStatus;

    const DAY: i64 = 86_400;

    fn fair(status: FairStatus) -> Facts {
        Facts { centre_id: 1, status, starts_at: 10 * DAY, ends_at: 10 * DAY + 8 * 3_600 }
    }

    #[test]
    fn people_register_while_registration_is_open_and_places_remain() {
        let published = fair(FairStatus::Published);
        let closes = 9 * DAY;
        assert_eq!(may_register(&published, closes, 300, 0, DAY), Ok(()));
        assert_eq!(may_register(&published, closes, 300, 299, closes - 1), Ok(()));
        assert_eq!(may_register(&published, closes, 300, 300, DAY), Err(Closed::Full));
        assert_eq!(may_register(&published, closes, 300, 0, closes), Err(Closed::Deadline));
        for status in [FairStatus::Draft, FairStatus::Cancelled] {
            assert_eq!(may_register(&fair(status), closes, 300, 0, DAY), Err(Closed::Deadline), "{status:?}");
        }
        // Registration may stay open until the fair ends; it never outlives it.
        let late = 11 * DAY;
        assert_eq!(may_register(&published, late, 300, 0, 10 * DAY + 3_600), Ok(()));
        assert_eq!(may_register(&published, late, 300, 0, 10 * DAY + 8 * 3_600), Err(Closed::Deadline));
    }

    #[test]
    fn an_answer_is_due_within_two_days_and_before_the_fair() {
        assert_eq!(answer_due(DAY, 10 * DAY), 3 * DAY);
        assert_eq!(answer_due(9 * DAY, 10 * DAY), 10 * DAY, "by the start");
        assert_eq!(answer_due(10 * DAY + 60, 10 * DAY), 10 * DAY + 60, "asked during the fair: due at once");
        assert!(is_late(NeedStatus::Asked, 3 * DAY, 3 * DAY + 1));
        assert!(!is_late(NeedStatus::Asked, 3 * DAY, 3 * DAY));
        assert!(!is_late(NeedStatus::Arranged, 3 * DAY, 5 * DAY));
        assert!(!is_late(NeedStatus::NotPossible, 3 * DAY, 5 * DAY));
    }
}
