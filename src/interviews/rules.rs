//! Who writes, reads and copies the templates of which library, when an edit makes a new
//! version, which templates a vacancy may follow and who prepares from one, who keeps and
//! reads an interview record, and what a score may be: pure rules,
//! checked on the server before every change and used by the pages to offer only what may be
//! done.

use super::{Library, LEVELS};
use crate::applications::ApplicationStatus;
use crate::domain::{Actor, Role};

/// Whether `actor` is an employer of company `company_id`.
pub fn acts_for_company(actor: &Actor, company_id: i64) -> bool {
    actor.roles.iter().any(|g| g.role == Role::Employer && g.company_id == Some(company_id))
}

fn counsels_at(actor: &Actor, centre_id: i64) -> bool {
    actor.roles.iter().any(|g| g.role == Role::Counsellor && g.centre_id == Some(centre_id))
}

/// Whether `actor` writes the templates of `library`: the national one its admins, a centre's
/// its counsellors, a company's its employers once the company is verified
/// (`company_verified`, read for that company).
pub fn may_write(actor: &Actor, library: Library, company_verified: bool) -> bool {
    match library {
        Library::National => actor.has(Role::Admin),
        Library::Centre(centre_id) => counsels_at(actor, centre_id),
        Library::Company(company_id) => company_verified && acts_for_company(actor, company_id),
    }
}

/// Whether `actor` reads the templates of `library`: the national and the centres' libraries
/// are shared with every counsellor, admin and employer, to use and to copy; a company's
/// stays with its employers.
pub fn may_read(actor: &Actor, library: Library) -> bool {
    match library {
        Library::National | Library::Centre(_) => {
            actor.has(Role::Admin) || actor.has(Role::Counsellor) || actor.has(Role::Employer)
        }
        Library::Company(company_id) => acts_for_company(actor, company_id),
    }
}

/// Whether `actor` copies a template of `from` into `to` to adapt it there: one they read,
/// into a library they write. A company's own templates never leave it.
pub fn may_copy(actor: &Actor, from: Library, to: Library, to_verified: bool) -> bool {
    let shared = !matches!(from, Library::Company(_)) || from == to;
    shared && may_read(actor, from) && may_write(actor, to, to_verified)
}

/// Whether `library` is a company's among `verified` (the ids of verified companies).
pub fn in_verified(library: Library, verified: &[i64]) -> bool {
    matches!(library, Library::Company(id) if verified.contains(&id))
}

/// The libraries `actor` writes into, for the "copy into" choice: `verified` are the companies
/// of theirs that are verified.
pub fn own_libraries(actor: &Actor, verified: &[i64]) -> Vec<Library> {
    let mut out = Vec::new();
    if actor.has(Role::Admin) {
        out.push(Library::National);
    }
    for grant in &actor.roles {
        let library = match (grant.role, grant.centre_id, grant.company_id) {
            (Role::Counsellor, Some(centre), _) => Library::Centre(centre),
            (Role::Employer, _, Some(company)) if verified.contains(&company) => Library::Company(company),
            _ => continue,
        };
        if !out.contains(&library) {
            out.push(library);
        }
    }
    out
}

/// How an edit is kept: over the current version while no interview has used it, or as a new
/// version once one has — an interview keeps the questions it was held with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    InPlace,
    NewVersion,
}

pub fn edit_kind(in_use: bool) -> Edit {
    if in_use {
        Edit::NewVersion
    } else {
        Edit::InPlace
    }
}

/// Whether a vacancy of company `company_id` may follow a template of `library`: the shared
/// libraries' (national and centres'), or the company's own — never another company's.
pub fn attachable(library: Library, company_id: i64) -> bool {
    match library {
        Library::National | Library::Centre(_) => true,
        Library::Company(id) => id == company_id,
    }
}

/// Whether someone whose application went through `statuses` (oldest first) was invited to
/// an interview, and so may prepare from the vacancy's template.
pub fn invited_to_interview(statuses: &[ApplicationStatus]) -> bool {
    statuses.contains(&ApplicationStatus::Interview)
}

/// Who reads an interview record, and so how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordReader {
    /// An employer of the vacancy's company: writes it, reads its scores and notes.
    Employer,
    /// The candidate's counsellor, whom the candidate lets act for them.
    Counsellor,
    /// The candidate, once they asked to read it: in plain words, never raw numbers.
    Candidate,
}

/// The candidate of a record, as its reading rules need them.
pub struct Candidate {
    pub account_id: Option<i64>,
    /// The centre whose counsellors the candidate lets act for them, if any.
    pub counselled_at: Option<i64>,
    /// The candidate asked to read the record.
    pub asked: bool,
}

/// How `actor` reads the record of an interview for a vacancy of `company_id` with
/// `candidate`, or `None` when it is not theirs to read.
pub fn record_reader(actor: &Actor, company_id: i64, candidate: &Candidate) -> Option<RecordReader> {
    if acts_for_company(actor, company_id) {
        Some(RecordReader::Employer)
    } else if candidate.counselled_at.is_some_and(|centre| counsels_at(actor, centre)) {
        Some(RecordReader::Counsellor)
    } else if candidate.asked && candidate.account_id == Some(actor.account_id) && actor.has(Role::Seeker) {
        Some(RecordReader::Candidate)
    } else {
        None
    }
}

/// A score as the form sends it: blank is "not scored yet"; otherwise one of the guide's levels.
pub fn score(text: &str) -> Result<Option<u8>, ScoreOutsideGuide> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u8>() {
        Ok(level) if (1..=LEVELS as u8).contains(&level) => Ok(Some(level)),
        _ => Err(ScoreOutsideGuide),
    }
}

/// A score that is not one of the scoring guide's levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScoreOutsideGuide;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RoleGrant;

    const CENTRE: i64 = 3;
    const COMPANY: i64 = 7;

    fn person(id: i64, grants: &[(Role, Option<i64>, Option<i64>)]) -> Actor {
        Actor {
            account_id: id,
            name: "P".into(),
            email: "p@senda.test".into(),
            roles: grants
                .iter()
                .map(|&(role, centre_id, company_id)| RoleGrant { role, company_id, centre_id })
                .collect(),
        }
    }

    fn admin() -> Actor {
        person(1, &[(Role::Admin, None, None)])
    }
    fn counsellor() -> Actor {
        person(2, &[(Role::Counsellor, Some(CENTRE), None)])
    }
    fn employer() -> Actor {
        person(3, &[(Role::Employer, None, Some(COMPANY))])
    }
    fn seeker() -> Actor {
        person(4, &[(Role::Seeker, None, None)])
    }

    #[test]
    fn each_library_is_written_by_its_own_people_and_a_company_once_verified() {
        assert!(may_write(&admin(), Library::National, false));
        assert!(!may_write(&counsellor(), Library::National, false));
        assert!(may_write(&counsellor(), Library::Centre(CENTRE), false));
        assert!(!may_write(&counsellor(), Library::Centre(CENTRE + 1), false));
        assert!(!may_write(&admin(), Library::Centre(CENTRE), false));
        assert!(may_write(&employer(), Library::Company(COMPANY), true));
        assert!(!may_write(&employer(), Library::Company(COMPANY), false), "not verified");
        assert!(!may_write(&employer(), Library::Company(COMPANY + 1), true));
        for library in [Library::National, Library::Centre(CENTRE), Library::Company(COMPANY)] {
            assert!(!may_write(&seeker(), library, true));
        }
    }

    #[test]
    fn the_national_and_centre_libraries_are_shared_and_a_companys_stays_with_it() {
        for reader in [admin(), counsellor(), employer()] {
            assert!(may_read(&reader, Library::National) && may_read(&reader, Library::Centre(CENTRE + 5)));
        }
        assert!(!may_read(&seeker(), Library::National) && !may_read(&seeker(), Library::Centre(CENTRE)));
        assert!(may_read(&employer(), Library::Company(COMPANY)));
        for other in [admin(), counsellor(), person(9, &[(Role::Employer, None, Some(COMPANY + 1))])] {
            assert!(!may_read(&other, Library::Company(COMPANY)));
        }
    }

    #[test]
    fn a_copy_goes_from_what_one_reads_into_what_one_writes() {
        let own = Library::Company(COMPANY);
        assert!(may_copy(&employer(), Library::National, own, true));
        assert!(may_copy(&employer(), Library::Centre(CENTRE), own, true));
        assert!(may_copy(&employer(), own, own, true), "a variant of its own");
        assert!(!may_copy(&employer(), Library::National, own, false), "not verified");
        assert!(!may_copy(&employer(), Library::National, Library::Centre(CENTRE), true));
        assert!(may_copy(&counsellor(), Library::Centre(CENTRE + 1), Library::Centre(CENTRE), false));
        assert!(may_copy(&counsellor(), Library::National, Library::Centre(CENTRE), false));
        assert!(may_copy(&admin(), Library::Centre(CENTRE), Library::National, false), "curated");
        // A company's templates never leave it, even for someone who acts for both.
        let both = person(5, &[(Role::Employer, None, Some(COMPANY)), (Role::Counsellor, Some(CENTRE), None)]);
        assert!(!may_copy(&both, own, Library::Centre(CENTRE), false));
        assert!(!may_copy(&seeker(), Library::National, Library::Company(COMPANY), true));
    }

    #[test]
    fn the_libraries_one_writes_are_offered_once_each() {
        let many = person(
            6,
            &[
                (Role::Admin, None, None),
                (Role::Counsellor, Some(CENTRE), None),
                (Role::Employer, None, Some(COMPANY)),
                (Role::Employer, None, Some(COMPANY + 1)),
                (Role::Counsellor, Some(CENTRE), None),
            ],
        );
        assert_eq!(
            own_libraries(&many, &[COMPANY]),
            vec![Library::National, Library::Centre(CENTRE), Library::Company(COMPANY)]
        );
        assert!(own_libraries(&seeker(), &[COMPANY]).is_empty());
    }

    #[test]
    fn an_edit_once_an_interview_used_the_template_is_a_new_version() {
        assert_eq!(edit_kind(false), Edit::InPlace);
        assert_eq!(edit_kind(true), Edit::NewVersion);
    }

    #[test]
    fn a_record_is_read_by_the_company_the_counsellor_let_act_and_the_candidate_who_asked() {
        let candidate = |asked, counselled_at| Candidate { account_id: Some(4), counselled_at, asked };
        assert_eq!(record_reader(&employer(), COMPANY, &candidate(false, None)), Some(RecordReader::Employer));
        assert_eq!(
            record_reader(&counsellor(), COMPANY, &candidate(false, Some(CENTRE))),
            Some(RecordReader::Counsellor)
        );
        assert_eq!(record_reader(&counsellor(), COMPANY, &candidate(false, None)), None, "not let act");
        assert_eq!(record_reader(&counsellor(), COMPANY, &candidate(false, Some(CENTRE + 1))), None);
        assert_eq!(record_reader(&seeker(), COMPANY, &candidate(true, None)), Some(RecordReader::Candidate));
        assert_eq!(record_reader(&seeker(), COMPANY, &candidate(false, None)), None, "not asked");
        let someone_else = person(8, &[(Role::Seeker, None, None)]);
        assert_eq!(record_reader(&someone_else, COMPANY, &candidate(true, None)), None);
        let other_company = person(9, &[(Role::Employer, None, Some(COMPANY + 1))]);
        assert_eq!(record_reader(&other_company, COMPANY, &candidate(true, Some(CENTRE))), None);
        assert_eq!(record_reader(&admin(), COMPANY, &candidate(true, Some(CENTRE))), None);
    }

    #[test]
    fn a_vacancy_follows_a_shared_template_or_one_of_its_own_company() {
        assert!(attachable(Library::National, COMPANY));
        assert!(attachable(Library::Centre(CENTRE), COMPANY));
        assert!(attachable(Library::Company(COMPANY), COMPANY));
        assert!(!attachable(Library::Company(COMPANY + 1), COMPANY));
    }

    #[test]
    fn only_someone_called_to_an_interview_prepares_from_its_template() {
        use ApplicationStatus::*;
        assert!(invited_to_interview(&[Submitted, Seen, Interview]));
        assert!(invited_to_interview(&[Submitted, Interview, Offer, Hired]));
        assert!(!invited_to_interview(&[Submitted, Seen, NotSelected]));
        assert!(!invited_to_interview(&[Submitted, Withdrawn]));
        assert!(!invited_to_interview(&[]));
    }

    #[test]
    fn a_score_is_blank_or_one_of_the_guides_levels() {
        assert_eq!(score(""), Ok(None));
        assert_eq!(score("  "), Ok(None));
        for level in 1..=4u8 {
            assert_eq!(score(&level.to_string()), Ok(Some(level)));
        }
        for outside in ["0", "5", "-1", "2.5", "dos", "300"] {
            assert_eq!(score(outside), Err(ScoreOutsideGuide), "{outside}");
        }
    }
}
