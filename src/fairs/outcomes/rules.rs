//! The tallies of a fair's outcomes: people counted once per measure and group, every group
//! protected against its total (`domain::small_counts::protect`). Pure.

use super::{Measure, OutcomeRow};
use crate::domain::small_counts::{protect, Shown};
use crate::fairs::rules::Phase;
use crate::seekers::Sex;

/// Whether who came to a fair may be marked: once it has begun, and after it (from the door's
/// paper list).
pub fn marks_attendance(phase: Phase) -> bool {
    matches!(phase, Phase::Running | Phase::Finished)
}

/// The disability code a person with more than one type is counted under.
pub const MULTIPLE: &str = "multiple";

/// One person as the outcomes count them: what the register says of them (nothing, when they
/// have no profile there) and what they did at the fair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub sex: Option<Sex>,
    /// The region's slug.
    pub region: Option<String>,
    /// Their disability types (none recorded, or no profile), or `None` when their consent to
    /// statistics is not in force: then they are not counted by disability.
    pub disability: Option<Vec<String>>,
    pub did: Vec<Measure>,
}

/// The group a person's disability puts them in: their one type, "multiple" for more than
/// one, none recorded, or not counted without their consent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DisabilityGroup {
    Type(String),
    NotRecorded,
    WithoutConsent,
}

impl Person {
    pub fn disability_group(&self) -> DisabilityGroup {
        match self.disability.as_deref() {
            None => DisabilityGroup::WithoutConsent,
            Some([]) => DisabilityGroup::NotRecorded,
            Some([one]) => DisabilityGroup::Type(one.clone()),
            Some(_) => DisabilityGroup::Type(MULTIPLE.to_string()),
        }
    }
}

/// How many people did each of `measures`, protected on their own.
pub fn totals(people: &[Person], measures: &[Measure]) -> Vec<Shown> {
    measures.iter().map(|m| Shown::of(count(people.iter(), *m))).collect()
}

/// One row per group of `order` that anyone is in (groups nobody is in are left out: all
/// their counts would be 0), each measure's column protected against the total.
pub fn table<G: PartialEq>(
    people: &[Person],
    measures: &[Measure],
    group_of: impl Fn(&Person) -> G,
    order: Vec<G>,
    row: impl Fn(G) -> super::Group,
) -> Vec<OutcomeRow> {
    let groups: Vec<G> =
        order.into_iter().filter(|g| people.iter().any(|p| group_of(p) == *g && !p.did.is_empty())).collect();
    let raw: Vec<Vec<u32>> = groups
        .iter()
        .map(|g| measures.iter().map(|m| count(people.iter().filter(|p| group_of(p) == *g), *m)).collect())
        .collect();
    let mut shown: Vec<Vec<Shown>> = vec![Vec::with_capacity(measures.len()); groups.len()];
    for (column, measure) in measures.iter().enumerate() {
        let counts: Vec<u32> = raw.iter().map(|r| r[column]).collect();
        let (cells, _) = protect(&counts, count(people.iter(), *measure));
        for (r, cell) in cells.into_iter().enumerate() {
            shown[r].push(cell);
        }
    }
    groups.into_iter().zip(shown).map(|(g, counts)| OutcomeRow { group: row(g), counts }).collect()
}

fn count<'a>(people: impl Iterator<Item = &'a Person>, measure: Measure) -> u32 {
    people.filter(|p| p.did.contains(&measure)).count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fairs::outcomes::Group;
    use Shown::*;

    fn people(n: usize, sex: Sex, did: &[Measure]) -> Vec<Person> {
        (0..n).map(|_| Person { sex: Some(sex), region: None, disability: None, did: did.to_vec() }).collect()
    }

    #[test]
    fn each_column_is_protected_against_its_own_total() {
        use Measure::*;
        let mut all = people(30, Sex::Female, &[Registered, Attended]);
        all.extend(people(12, Sex::Male, &[Registered, Attended]));
        all.extend(people(3, Sex::Male, &[Registered]));
        all.extend(people(2, Sex::Unstated, &[Registered]));
        let rows = table(
            &all,
            &[Registered, Attended],
            |p| p.sex,
            vec![Some(Sex::Female), Some(Sex::Male), Some(Sex::Unstated), None],
            |s| match s {
                Some(s) => Group::Sex(s),
                None => Group::NotRecorded,
            },
        );
        // Registered: 30, 15, 2 of 47 — the 2 takes the 15 with it. Attended: 30, 12, 0 of 42.
        assert_eq!(rows.len(), 3, "nobody without a profile: no such row");
        assert_eq!(rows[0].counts, vec![Count(30), Count(30)]);
        assert_eq!(rows[1].counts, vec![Withheld, Count(12)]);
        assert_eq!(rows[2].counts, vec![FewerThanTen, Count(0)]);
        assert_eq!(totals(&all, &[Registered, Attended]), vec![Count(47), Count(42)]);
    }

    #[test]
    fn disability_is_counted_only_with_consent_and_more_than_one_type_is_multiple() {
        let person = |disability: Option<Vec<&str>>| Person {
            sex: None,
            region: None,
            disability: disability.map(|d| d.into_iter().map(String::from).collect()),
            did: vec![Measure::Registered],
        };
        assert_eq!(person(None).disability_group(), DisabilityGroup::WithoutConsent);
        assert_eq!(person(Some(vec![])).disability_group(), DisabilityGroup::NotRecorded);
        assert_eq!(person(Some(vec!["visual"])).disability_group(), DisabilityGroup::Type("visual".into()));
        assert_eq!(person(Some(vec!["visual", "hearing"])).disability_group(), DisabilityGroup::Type(MULTIPLE.into()));
    }
}
