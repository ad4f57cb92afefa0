//! Counts of people fit to be shown: a small group is never exposed. A count from 1 to 9 is
//! shown as "<10"; where groups add up to a total that is shown, enough other groups are
//! withheld with it that no small count comes back by subtraction (complementary suppression:
//! the withheld groups of a total always add up to 10 or more). Zero is shown: it names no
//! one. The fairs' outcomes use it and the register's indicators are meant to.

use serde::{Deserialize, Serialize};

/// The smallest count shown as it is.
pub const SMALLEST_SHOWN: u32 = 10;

/// A count as it may be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shown {
    Count(u32),
    /// From 1 to 9.
    FewerThanTen,
    /// 10 or more, withheld so that a small count beside it cannot be worked out from a total.
    Withheld,
}

impl Shown {
    /// One count on its own (no total it adds up to).
    pub fn of(count: u32) -> Shown {
        if (1..SMALLEST_SHOWN).contains(&count) {
            Shown::FewerThanTen
        } else {
            Shown::Count(count)
        }
    }
}

/// Counts of groups that add up to `total` (each person in one group), as they may be shown,
/// and the total. When the total is shown, the groups withheld add up to 0 or to 10 or more:
/// the smallest groups still shown are withheld until they do.
pub fn protect(groups: &[u32], total: u32) -> (Vec<Shown>, Shown) {
    let mut shown: Vec<Shown> = groups.iter().map(|&count| Shown::of(count)).collect();
    let total_shown = Shown::of(total);
    if total_shown == Shown::FewerThanTen {
        return (shown, total_shown);
    }
    let hidden = |shown: &[Shown]| -> u32 {
        groups.iter().zip(shown).filter(|(_, s)| !matches!(s, Shown::Count(_))).map(|(count, _)| count).sum()
    };
    while (1..SMALLEST_SHOWN).contains(&hidden(&shown)) {
        let next = groups
            .iter()
            .enumerate()
            .filter(|&(i, &count)| count > 0 && matches!(shown[i], Shown::Count(_)))
            .min_by_key(|&(i, &count)| (count, i))
            .map(|(i, _)| i);
        match next {
            Some(i) => shown[i] = Shown::Withheld,
            // Groups not adding up to the total (never by construction): nothing left to hide.
            None => break,
        }
    }
    (shown, total_shown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Shown::*;

    /// What a reader can still work out of one group from the rest: its count when every other
    /// group and the total are shown.
    fn recoverable(groups: &[u32], shown: &[Shown], total: Shown) -> Vec<Option<u32>> {
        let Count(total) = total else { return vec![None; groups.len()] };
        let unknown: Vec<usize> = (0..groups.len()).filter(|&i| !matches!(shown[i], Count(_))).collect();
        let known: u32 = groups.iter().zip(shown).filter(|(_, s)| matches!(s, Count(_))).map(|(c, _)| c).sum();
        (0..groups.len())
            .map(|i| match (unknown.as_slice(), shown[i]) {
                (_, Count(count)) => Some(count),
                ([only], _) if *only == i => Some(total - known),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_count_from_one_to_nine_is_shown_as_fewer_than_ten_and_zero_and_ten_as_they_are() {
        assert_eq!(Shown::of(0), Count(0));
        assert_eq!(Shown::of(1), FewerThanTen);
        assert_eq!(Shown::of(9), FewerThanTen);
        assert_eq!(Shown::of(10), Count(10));
    }

    #[test]
    fn one_small_group_takes_the_smallest_other_group_with_it() {
        let (shown, total) = protect(&[40, 3, 12, 25], 80);
        assert_eq!(shown, vec![Count(40), FewerThanTen, Withheld, Count(25)]);
        assert_eq!(total, Count(80));
    }

    #[test]
    fn two_small_groups_that_add_up_to_less_than_ten_take_a_third() {
        let (shown, _) = protect(&[2, 3, 30, 15], 50);
        assert_eq!(shown, vec![FewerThanTen, FewerThanTen, Count(30), Withheld]);
    }

    #[test]
    fn small_groups_that_add_up_to_ten_or_more_protect_each_other() {
        let (shown, _) = protect(&[6, 7, 30], 43);
        assert_eq!(shown, vec![FewerThanTen, FewerThanTen, Count(30)]);
    }

    #[test]
    fn zero_groups_stay_shown_and_are_never_withheld() {
        let (shown, _) = protect(&[0, 4, 0, 20], 24);
        assert_eq!(shown, vec![Count(0), FewerThanTen, Count(0), Withheld]);
    }

    #[test]
    fn a_small_total_is_fewer_than_ten_with_its_groups() {
        let (shown, total) = protect(&[0, 4, 3], 7);
        assert_eq!(shown, vec![Count(0), FewerThanTen, FewerThanTen]);
        assert_eq!(total, FewerThanTen);
    }

    #[test]
    fn no_small_group_is_ever_recoverable_from_the_total() {
        // Every split of up to 30 people into four groups.
        for a in 0..=30u32 {
            for b in 0..=30 - a {
                for c in 0..=30 - a - b {
                    for d in [0, 1, 9, 10, 11, 40] {
                        let groups = [a, b, c, d];
                        let (shown, total) = protect(&groups, a + b + c + d);
                        for (i, got) in recoverable(&groups, &shown, total).into_iter().enumerate() {
                            if let Some(count) = got {
                                assert!(
                                    count == 0 || count >= SMALLEST_SHOWN,
                                    "{groups:?} gives group {i} ({count}) back"
                                );
                            }
                        }
                        let hidden: u32 =
                            groups.iter().zip(&shown).filter(|(_, s)| !matches!(s, Count(_))).map(|(c, _)| c).sum();
                        if matches!(total, Count(_)) {
                            assert!(hidden == 0 || hidden >= SMALLEST_SHOWN, "{groups:?}: {hidden} withheld");
                        }
                    }
                }
            }
        }
    }
}
