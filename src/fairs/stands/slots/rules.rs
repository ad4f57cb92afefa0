//! The rules of interview slots, pure: which slots a block makes, what is wrong with a block,
//! and whether a person may book. The handlers check them before a write; the store checks the
//! ones that can change meanwhile again, in the write's own transaction.

use crate::fairs::rules::{phase, Facts, Phase};
use crate::fairs::stands::StandStatus;

/// A slot as its times say: from `starts_at` to `ends_at`, then `buffer` seconds of rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub starts_at: i64,
    pub ends_at: i64,
    pub buffer: i64,
}

impl Span {
    /// Whether the interviewer could not keep both: one starts before the other's rest is over.
    pub fn clashes(&self, other: &Span) -> bool {
        self.starts_at < other.ends_at + other.buffer && other.starts_at < self.ends_at + self.buffer
    }
}

/// The slots of a block from `from` to `until`: `length` seconds each, `buffer` seconds apart,
/// as many as fit whole.
pub fn block(from: i64, until: i64, length: i64, buffer: i64) -> Vec<Span> {
    let mut spans = Vec::new();
    if length <= 0 || buffer < 0 {
        return spans;
    }
    let mut starts_at = from;
    while starts_at + length <= until {
        spans.push(Span { starts_at, ends_at: starts_at + length, buffer });
        starts_at += length + buffer;
    }
    spans
}

/// What is wrong with a block of slots.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockProblem {
    EndsBeforeStart,
    /// Before the fair opens or after it closes.
    OutsideFair,
    /// It starts in the past.
    Past,
    /// Not one slot of that length fits.
    NoneFits,
    /// More than [`super::MAX_SLOTS_AT_ONCE`].
    TooMany,
    /// The interviewer has a slot then already (or its rest).
    Clashes,
}

/// What is wrong with the block from `from` to `until` at `fair` at `now`, making `spans`, its
/// interviewer having `theirs` already (their slots in force, at any stand).
pub fn block_problem(
    from: i64,
    until: i64,
    spans: &[Span],
    fair: &Facts,
    now: i64,
    theirs: &[Span],
) -> Option<BlockProblem> {
    if until <= from {
        Some(BlockProblem::EndsBeforeStart)
    } else if from < fair.starts_at || until > fair.ends_at {
        Some(BlockProblem::OutsideFair)
    } else if from <= now {
        Some(BlockProblem::Past)
    } else if spans.is_empty() {
        Some(BlockProblem::NoneFits)
    } else if spans.len() > super::MAX_SLOTS_AT_ONCE {
        Some(BlockProblem::TooMany)
    } else if spans.iter().any(|span| theirs.iter().any(|other| span.clashes(other))) {
        Some(BlockProblem::Clashes)
    } else {
        None
    }
}

/// Why a slot may not be booked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum BookingRefusal {
    /// Someone else has it.
    Taken,
    /// It has started, was withdrawn, or its stand or fair is no longer open.
    Unavailable,
    /// The person is not registered for the fair.
    NotRegistered,
    /// The person has another interview then.
    Clashes,
}

/// Whether slots at a stand in `status` at `fair` may be booked (or published) at `now`: the
/// stand accepted, the fair published and not over.
pub fn takes_bookings(status: StandStatus, fair: &Facts, now: i64) -> bool {
    status == StandStatus::Accepted && matches!(phase(fair, now), Phase::Upcoming | Phase::Running)
}

/// Whether a slot starting at `starts_at`, in force, at a stand that takes bookings, may be
/// booked at `now`: it has not started.
pub fn bookable(starts_at: i64, open: bool, takes_bookings: bool, now: i64) -> bool {
    open && takes_bookings && starts_at > now
}

/// Whether a booking of a slot starting at `starts_at` may still be cancelled or moved at
/// `now`: until it starts.
pub fn changeable(starts_at: i64, now: i64) -> bool {
    starts_at > now
}

/// When the reminders of an interview at `starts_at` booked at `now` go: the day before and
/// an hour before, each only if that moment is still ahead.
pub fn reminders(starts_at: i64, now: i64) -> Vec<(Reminder, i64)> {
    [(Reminder::DayBefore, starts_at - 86_400), (Reminder::HourBefore, starts_at - 3_600)]
        .into_iter()
        .filter(|&(_, at)| at > now)
        .collect()
}

/// Which reminder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reminder {
    DayBefore,
    HourBefore,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fairs::FairStatus;

    const HOUR: i64 = 3_600;
    const MIN: i64 = 60;

    fn fair() -> Facts {
        Facts { centre_id: 1, status: FairStatus::Published, starts_at: 10 * HOUR, ends_at: 18 * HOUR }
    }

    #[test]
    fn a_block_makes_as_many_whole_slots_as_fit_with_their_rest() {
        let spans = block(10 * HOUR, 11 * HOUR, 20 * MIN, 10 * MIN);
        let starts: Vec<i64> = spans.iter().map(|s| (s.starts_at - 10 * HOUR) / MIN).collect();
        assert_eq!(starts, vec![0, 30]);
        assert!(spans.iter().all(|s| s.ends_at - s.starts_at == 20 * MIN && s.buffer == 10 * MIN));
        // Exactly fitting: the last slot ends at the block's end.
        assert_eq!(block(10 * HOUR, 11 * HOUR, 30 * MIN, 0).len(), 2);
        assert!(block(10 * HOUR, 10 * HOUR + 10 * MIN, 15 * MIN, 0).is_empty());
        assert!(block(10 * HOUR, 11 * HOUR, 0, 0).is_empty());
    }

    #[test]
    fn a_slot_clashes_with_another_during_its_rest_but_not_after() {
        let first = Span { starts_at: 0, ends_at: 30 * MIN, buffer: 10 * MIN };
        let during_rest = Span { starts_at: 35 * MIN, ends_at: 65 * MIN, buffer: 0 };
        let after_rest = Span { starts_at: 40 * MIN, ends_at: 70 * MIN, buffer: 0 };
        assert!(first.clashes(&during_rest) && during_rest.clashes(&first));
        assert!(!first.clashes(&after_rest) && !after_rest.clashes(&first));
        // A slot whose rest runs into the next one clashes too.
        let rested = Span { starts_at: 0, ends_at: 30 * MIN, buffer: 15 * MIN };
        assert!(rested.clashes(&Span { starts_at: 40 * MIN, ends_at: 50 * MIN, buffer: 0 }));
    }

    #[test]
    fn each_block_problem_is_found() {
        let now = 9 * HOUR;
        let ok = block(11 * HOUR, 12 * HOUR, 30 * MIN, 0);
        assert_eq!(block_problem(11 * HOUR, 12 * HOUR, &ok, &fair(), now, &[]), None);
        assert_eq!(block_problem(12 * HOUR, 11 * HOUR, &[], &fair(), now, &[]), Some(BlockProblem::EndsBeforeStart));
        let early = block(9 * HOUR, 10 * HOUR, 30 * MIN, 0);
        assert_eq!(block_problem(9 * HOUR, 10 * HOUR, &early, &fair(), now, &[]), Some(BlockProblem::OutsideFair));
        assert_eq!(block_problem(17 * HOUR, 19 * HOUR, &ok, &fair(), now, &[]), Some(BlockProblem::OutsideFair));
        assert_eq!(block_problem(11 * HOUR, 12 * HOUR, &ok, &fair(), 11 * HOUR, &[]), Some(BlockProblem::Past));
        assert_eq!(block_problem(11 * HOUR, 12 * HOUR, &[], &fair(), now, &[]), Some(BlockProblem::NoneFits));
        let many = block(10 * HOUR, 18 * HOUR, 10 * MIN, 0);
        assert_eq!(block_problem(10 * HOUR, 18 * HOUR, &many, &fair(), now, &[]), Some(BlockProblem::TooMany));
        let theirs = [Span { starts_at: 11 * HOUR + 30 * MIN, ends_at: 11 * HOUR + 45 * MIN, buffer: 0 }];
        assert_eq!(block_problem(11 * HOUR, 12 * HOUR, &ok, &fair(), now, &theirs), Some(BlockProblem::Clashes));
    }

    #[test]
    fn only_accepted_stands_at_fairs_not_over_take_bookings_and_only_before_the_slot() {
        assert!(takes_bookings(StandStatus::Accepted, &fair(), 9 * HOUR));
        assert!(takes_bookings(StandStatus::Accepted, &fair(), 12 * HOUR));
        assert!(!takes_bookings(StandStatus::Accepted, &fair(), 18 * HOUR));
        assert!(!takes_bookings(StandStatus::Asked, &fair(), 9 * HOUR));
        let cancelled = Facts { status: FairStatus::Cancelled, ..fair() };
        assert!(!takes_bookings(StandStatus::Accepted, &cancelled, 9 * HOUR));
        assert!(bookable(12 * HOUR, true, true, 11 * HOUR));
        assert!(!bookable(12 * HOUR, true, true, 12 * HOUR));
        assert!(!bookable(12 * HOUR, false, true, 11 * HOUR));
        assert!(!bookable(12 * HOUR, true, false, 11 * HOUR));
        assert!(changeable(12 * HOUR, 11 * HOUR) && !changeable(12 * HOUR, 12 * HOUR));
    }

    #[test]
    fn reminders_go_the_day_before_and_an_hour_before_unless_already_past() {
        let starts = 100 * HOUR;
        assert_eq!(
            reminders(starts, 10 * HOUR),
            vec![(Reminder::DayBefore, starts - 24 * HOUR), (Reminder::HourBefore, starts - HOUR)]
        );
        assert_eq!(reminders(starts, starts - 5 * HOUR), vec![(Reminder::HourBefore, starts - HOUR)]);
        assert!(reminders(starts, starts - 30 * MIN).is_empty());
    }
}
