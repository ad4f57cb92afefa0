//! Who sees what of a job seeker's profile. Disability data is sensitive: it reaches a
//! counsellor only with the person's consent to its processing *and* to a counsellor acting
//! for them (and every such look is logged for the person to see); an employer gets the
//! accommodations an applicant needs, to prepare, but the kind of disability only when the
//! applicant chose to say it in that application; admins run the system, not caseloads, and get
//! none of it. Pure rules, checked on the server before anything is read.
//!
//! Each viewer is answered with a type made for them, holding only these fields:
//!
//! | of the person                                  | themselves | their centre's counsellor | an employer applied to (and the vacancy's centre), while they share their profile | anyone else |
//! |------------------------------------------------|-----|------------------------------------|----------------------------------------------------------|-----|
//! | name, education, skills, languages, jobs, CV   | yes | yes                                | yes                                                      | no  |
//! | phone, email, how they like to be contacted    | yes | yes                                | yes                                                      | no  |
//! | region                                         | yes | yes                                | yes                                                      | no  |
//! | province, district, document, birth date, sex  | yes | yes                                | never                                                    | no  |
//! | accommodations needed                          | yes | with disability-data and acting consents (logged) | what this application asked for, with disability-data consent (logged) | no |
//! | kinds of disability                            | yes | with both consents (logged)        | only if said in this application, with disability-data consent (logged) | no |
//! | CONADIS number                                 | yes | with both consents (logged)        | never                                                    | no  |
//! | register id                                    | yes | yes                                | never                                                    | no  |
//! | account id, uploaded file's storage name       | never | never                            | never                                                    | no  |
//!
//! An employer applied to reads the person only while the application is open, and for
//! `SENDA_APPLICANT_KEPT_DAYS` (90 by default) after hiring or turning them down; a withdrawn
//! application closes the person to the employer at once (`employer_still_reads`).
//!
//! "Anyone else" is another centre's counsellor, another company's employer, an admin, an
//! analyst (who reads counts, never a person) and a visitor: they get "not found", which
//! does not even say the person exists. The person's and the counsellor's view of the profile is
//! `ProfileView`; the employer's is `applications::api::ApplicantView` and, for the CV,
//! `seekers::cv::Cv` without `home`.

use super::consent::{ConsentKind, Consents};
use serde::{Deserialize, Serialize};

/// How the person asking stands to the job seeker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Viewer {
    /// The job seeker themselves.
    Themselves,
    /// A counsellor of the centre that follows the job seeker.
    CentreCounsellor,
    /// An employer of a company the job seeker applied to; `disclosed` when the application
    /// says the kind of disability.
    EmployerAppliedTo { disclosed: bool },
    /// Anyone else: another centre's counsellor, another company's employer, an admin, a
    /// visitor.
    Unrelated,
}

/// Where an application stands, as far as the employer's sight of the person goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApplicationStage {
    /// Not decided yet.
    Open,
    /// Decided (hired, not selected) at `at`.
    Decided { at: i64 },
    /// The person withdrew it.
    Withdrawn,
}

/// Whether an employer applied to may still read the person behind an application at `stage`:
/// while it is open; for `kept_secs` after the decision, to answer a complaint about it
/// (`SENDA_APPLICANT_KEPT_DAYS`); never again once the person withdrew it.
pub fn employer_still_reads(stage: ApplicationStage, now: i64, kept_secs: i64) -> bool {
    match stage {
        ApplicationStage::Open => true,
        ApplicationStage::Decided { at } => now < at.saturating_add(kept_secs),
        ApplicationStage::Withdrawn => false,
    }
}

/// Who may act on the person's behalf — apply, withdraw, fill in a step of their profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Acting {
    /// The person themselves.
    Themselves,
    /// A counsellor of their centre, whom they let act for them.
    Counsellor,
}

/// Whether `viewer` may act for the person: they themselves, or their centre's counsellor when
/// the person consented to a counsellor acting for them. `None` for anyone else.
pub fn acting(viewer: Viewer, consents: &Consents) -> Option<Acting> {
    match viewer {
        Viewer::Themselves => Some(Acting::Themselves),
        Viewer::CentreCounsellor if consents.has(ConsentKind::CounsellorActs) => Some(Acting::Counsellor),
        _ => None,
    }
}

/// What of the profile may be shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visible {
    /// Name, education, experience, skills, competences, languages.
    pub profile: bool,
    /// Phone, email, address, preferred contact channel, identity document, date of birth.
    pub personal: bool,
    /// The accommodations needed at interviews and at work.
    pub needs: bool,
    /// The disability types and the CONADIS number.
    pub disability: bool,
    /// Showing it writes an access record the job seeker can read.
    pub logged: bool,
}

pub fn visible_to(viewer: Viewer, consents: &Consents) -> Visible {
    let disability_data = consents.has(ConsentKind::DisabilityData);
    match viewer {
        Viewer::Themselves => Visible { profile: true, personal: true, needs: true, disability: true, logged: false },
        Viewer::CentreCounsellor => {
            let sensitive = disability_data && consents.has(ConsentKind::CounsellorActs);
            Visible { profile: true, personal: true, needs: sensitive, disability: sensitive, logged: sensitive }
        }
        Viewer::EmployerAppliedTo { disclosed } if consents.has(ConsentKind::ShareWithEmployers) => Visible {
            profile: true,
            personal: true,
            needs: disability_data,
            disability: disability_data && disclosed,
            logged: disability_data,
        },
        Viewer::EmployerAppliedTo { .. } | Viewer::Unrelated => Visible::default(),
    }
}

/// A person's profile as the person, or their centre's counsellor, reads it on the profile
/// page: made field by field for that reader — never the stored profile with parts taken out,
/// so a field added to the stored profile reaches nobody until it is added here.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileView {
    /// The register's id.
    pub id: i64,
    pub personal: super::PersonalDetails,
    pub education: Option<super::Education>,
    pub skills: Vec<String>,
    pub languages: Vec<super::SpokenLanguage>,
    pub experience: Vec<super::history::WorkExperience>,
    pub certificates: Vec<super::history::Certificate>,
    /// What `visible` allows of the disability data: nothing without the accommodations, the
    /// kinds and the CONADIS number only with `visible.disability`.
    pub disability: Option<super::Disability>,
}

impl ProfileView {
    /// What a reader of the profile page allowed `visible` sees of `profile`. A reader allowed
    /// nothing gets nothing at all: the caller answers "not found" before this.
    pub fn of(profile: super::SeekerProfile, visible: Visible) -> ProfileView {
        let disability = profile.disability.filter(|_| visible.needs).map(|d| super::Disability {
            types: if visible.disability { d.types } else { Vec::new() },
            conadis: if visible.disability { d.conadis } else { None },
            needs_at_interview: d.needs_at_interview,
            needs_at_work: d.needs_at_work,
        });
        ProfileView {
            id: profile.id,
            personal: profile.personal,
            education: profile.education,
            skills: profile.skills,
            languages: profile.languages,
            experience: profile.experience,
            certificates: profile.certificates,
            disability,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ConsentKind::*;

    const NOTHING: Visible =
        Visible { profile: false, personal: false, needs: false, disability: false, logged: false };
    const PROFILE: Visible = Visible { profile: true, personal: true, needs: false, disability: false, logged: false };
    const NEEDS: Visible = Visible { profile: true, personal: true, needs: true, disability: false, logged: true };
    const ALL_LOGGED: Visible = Visible { profile: true, personal: true, needs: true, disability: true, logged: true };
    const OWN: Visible = Visible { profile: true, personal: true, needs: true, disability: true, logged: false };

    #[test]
    fn the_table_of_viewers_and_consents() {
        let employer = Viewer::EmployerAppliedTo { disclosed: false };
        let employer_told = Viewer::EmployerAppliedTo { disclosed: true };
        let rows: &[(Viewer, &[ConsentKind], Visible)] = &[
            (Viewer::Themselves, &[Register], OWN),
            (Viewer::Themselves, &[Register, DisabilityData], OWN),
            (Viewer::CentreCounsellor, &[Register], PROFILE),
            (Viewer::CentreCounsellor, &[Register, DisabilityData], PROFILE),
            (Viewer::CentreCounsellor, &[Register, CounsellorActs], PROFILE),
            (Viewer::CentreCounsellor, &[Register, DisabilityData, CounsellorActs], ALL_LOGGED),
            (employer, &[Register, DisabilityData], NOTHING),
            (employer, &[Register, ShareWithEmployers], PROFILE),
            (employer, &[Register, DisabilityData, ShareWithEmployers], NEEDS),
            (employer_told, &[Register, DisabilityData, ShareWithEmployers], ALL_LOGGED),
            (employer_told, &[Register, ShareWithEmployers], PROFILE),
            (Viewer::Unrelated, &[Register, DisabilityData, ShareWithEmployers, CounsellorActs, Statistics], NOTHING),
        ];
        for (viewer, consents, expected) in rows {
            assert_eq!(
                visible_to(*viewer, &Consents::new(consents.iter().copied())),
                *expected,
                "{viewer:?} with {consents:?}"
            );
        }
    }

    #[test]
    fn the_employer_reads_the_applicant_while_open_then_for_the_kept_time_and_never_once_withdrawn() {
        const DAY: i64 = 86_400;
        let (at, kept) = (1_000 * DAY, 90 * DAY);
        assert!(employer_still_reads(ApplicationStage::Open, at + 3650 * DAY, kept), "open: however old");
        let decided = ApplicationStage::Decided { at };
        assert!(employer_still_reads(decided, at, kept), "the moment it was decided");
        assert!(employer_still_reads(decided, at + kept - 1, kept), "on the last second");
        assert!(!employer_still_reads(decided, at + kept, kept), "once the time is up");
        assert!(!employer_still_reads(ApplicationStage::Withdrawn, at, kept), "withdrawn: at once");
    }

    #[test]
    fn only_the_person_and_a_counsellor_they_let_act_for_them_act() {
        let acts = Consents::new([Register, CounsellorActs]);
        let not = Consents::new([Register, DisabilityData, ShareWithEmployers]);
        assert_eq!(acting(Viewer::Themselves, &not), Some(Acting::Themselves));
        assert_eq!(acting(Viewer::CentreCounsellor, &acts), Some(Acting::Counsellor));
        assert_eq!(acting(Viewer::CentreCounsellor, &not), None);
        assert_eq!(acting(Viewer::EmployerAppliedTo { disclosed: true }, &acts), None);
        assert_eq!(acting(Viewer::Unrelated, &acts), None);
    }
}
