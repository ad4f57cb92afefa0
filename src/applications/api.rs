//! Server functions of applications: the form to apply, a person's applications, and the
//! applicants to a vacancy as its employer may see them. Whoever may not see something learns
//! nothing of it, not even that it exists.

use super::ApplicationStatus;
use crate::error::AppError;
use crate::vacancies::Accommodation;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// An application made before to the vacancy of an apply form: when, and where it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierApplication {
    pub created_at: i64,
    pub status: super::ApplicationStatus,
}

/// Who is applying, as the apply form needs to know them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplyingAs {
    pub seeker_id: i64,
    pub full_name: String,
    /// The person themselves, not their counsellor.
    pub is_self: bool,
    /// Consent to share the profile with employers applied to is in force.
    pub shares: bool,
    /// Consent to share the profile was asked for on the person's behalf and waits for them.
    pub share_awaits: bool,
    /// Consent to process disability data is in force: the accommodations can be asked for.
    pub disability_consented: bool,
    /// The profile names kinds of disability the person could choose to tell.
    pub may_disclose: bool,
    /// From the profile: what to tick at first.
    pub needs_at_interview: Vec<String>,
    /// The application made to this vacancy before, if any.
    pub already: Option<EarlierApplication>,
}

/// What the apply form shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplyForm {
    pub vacancy_id: i64,
    pub vacancy_title: String,
    pub company_name: String,
    /// The vacancy takes applications now.
    pub open: bool,
    /// `None` when the signed-in person has no profile yet.
    pub applying: Option<ApplyingAs>,
    /// Codes the vacancy offers, to say so beside each accommodation.
    pub offered: Vec<String>,
    /// The accommodations list to choose from.
    pub accommodations: Vec<Accommodation>,
}

/// The form to apply to `vacancy`, for the signed-in person or (`seeker`) for a person their
/// counsellor acts for.
#[server(endpoint = "applications/form")]
pub async fn read_apply_form(vacancy: i64, seeker: Option<i64>) -> Result<ApplyForm, AppError> {
    use crate::seekers::consent::ConsentKind;
    use crate::vacancies::VacancyStatus;
    let current = crate::server::access::signed_in()?;
    let store = crate::server::state::store()?;
    let found = store.vacancy(vacancy).await?.ok_or(AppError::NotFound)?;
    if !matches!(found.status, VacancyStatus::Published | VacancyStatus::Closed) {
        return Err(AppError::NotFound);
    }
    let now = crate::server::auth::now();
    let applying = match crate::seekers::api::acting_as(store.as_ref(), &current.actor, seeker).await? {
        Some((profile, consents, acting)) => {
            let is_self = acting == crate::seekers::visibility::Acting::Themselves;
            if !is_self && profile.disability.is_some() {
                // The needs come from the disability data: a counsellor reading them is a look.
                store.log_sensitive_access(profile.id, current.actor.account_id, "profile", now).await?;
            }
            let already = match store.application_to(vacancy, profile.id).await? {
                Some(id) => store.application(id).await?,
                None => None,
            }
            .map(|earlier| EarlierApplication { created_at: earlier.created_at, status: earlier.status });
            let disability = profile.disability.unwrap_or_default();
            Some(ApplyingAs {
                seeker_id: profile.id,
                full_name: profile.personal.full_name,
                is_self,
                shares: consents.in_force.has(ConsentKind::ShareWithEmployers),
                share_awaits: consents.awaiting.has(ConsentKind::ShareWithEmployers),
                disability_consented: consents.in_force.has(ConsentKind::DisabilityData),
                may_disclose: !disability.types.is_empty(),
                needs_at_interview: disability.needs_at_interview,
                already,
            })
        }
        None => None,
    };
    Ok(ApplyForm {
        vacancy_id: vacancy,
        vacancy_title: found.draft.title,
        company_name: found.company_name,
        open: super::workflow::takes_applications(found.status, found.draft.closes_at, now),
        applying,
        offered: found.draft.accommodations,
        accommodations: store.accommodations().await?,
    })
}

/// A person's applications as their centre's counsellor sees them on the person's page, with
/// the names of the disability types and accommodations they name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeekerApplications {
    pub applications: Vec<super::PersonsApplication>,
    pub names: Vec<Accommodation>,
}

/// The applications of person `seeker`, for a counsellor of the centre that follows them (the
/// accommodations asked for only when they may see disability data); not found for anyone
/// else.
#[server(endpoint = "applications/of-seeker")]
pub async fn read_seeker_applications(seeker: i64) -> Result<SeekerApplications, AppError> {
    use crate::seekers::visibility::{visible_to, Viewer};
    let current = crate::server::access::signed_in()?;
    let store = crate::server::state::store()?;
    crate::seekers::api::follows(store.as_ref(), &current.actor, seeker).await?;
    let consents = store.consents_in_force(seeker).await?;
    let visible = visible_to(Viewer::CentreCounsellor, &consents);
    let acts = consents.has(crate::seekers::consent::ConsentKind::CounsellorActs);
    let mut applications = Vec::new();
    for application in store.seeker_applications(seeker).await? {
        let guided = acts && crate::interviews::records::api::reading::guided(store.as_ref(), &application).await?;
        applications.push(super::PersonsApplication::of(application, visible.needs, guided));
    }
    let names = if visible.needs && !applications.is_empty() {
        let (types, accommodations) = tokio::join!(store.disability_types(), store.accommodations());
        types?.into_iter().chain(accommodations?).collect()
    } else {
        Vec::new()
    };
    Ok(SeekerApplications { applications, names })
}

/// The person `actor` applies as and on which side: themselves, or (`seeker`) a person they
/// act for (`seekers::api::acting_as`).
#[cfg(feature = "ssr")]
pub async fn applicant(
    store: &dyn crate::server::db::Store,
    actor: &crate::domain::Actor,
    seeker: Option<i64>,
) -> Result<Option<(crate::seekers::SeekerProfile, crate::seekers::consent::ConsentStanding, super::Side)>, AppError> {
    let found = crate::seekers::api::acting_as(store, actor, seeker).await?;
    Ok(found.map(|(profile, consents, acting)| (profile, consents, super::Side::from(acting))))
}

/// A person's applications, with the names of the accommodations they name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyApplications {
    /// `None` when the signed-in person has no profile yet.
    pub seeker_id: Option<i64>,
    pub applications: Vec<super::PersonsApplication>,
    pub accommodations: Vec<Accommodation>,
}

/// The signed-in person's applications, newest first.
#[server(endpoint = "applications/mine")]
pub async fn read_my_applications() -> Result<MyApplications, AppError> {
    let current = crate::server::access::signed_in()?;
    let store = crate::server::state::store()?;
    let Some(id) = store.seeker_of_account(current.actor.account_id).await? else {
        return Ok(MyApplications { seeker_id: None, applications: Vec::new(), accommodations: Vec::new() });
    };
    let (found, accommodations) = tokio::join!(store.seeker_applications(id), store.accommodations());
    let mut applications = Vec::new();
    for application in found? {
        let guided = crate::interviews::records::api::reading::guided(store.as_ref(), &application).await?;
        applications.push(super::PersonsApplication::of(application, true, guided));
    }
    Ok(MyApplications { seeker_id: Some(id), applications, accommodations: accommodations? })
}

/// One applicant as the vacancy's employer, or its centre's counsellor, may see them: what is
/// needed to contact and assess the person and to prepare the interview. Made field by field
/// for this viewer (see the table in `seekers::visibility`), never a profile with parts taken
/// out: a field added to the profile reaches nobody here until it is added to this type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicantView {
    pub application_id: i64,
    pub status: ApplicationStatus,
    pub applied_at: i64,
    pub message: String,
    /// What the person asked for at the interview with this application; empty unless their
    /// consent to the processing of disability data stands.
    pub needs_at_interview: Vec<String>,
    /// The counsellor who applied for the person, when one did.
    pub applied_by_counsellor: Option<String>,
    /// The application's steps, oldest first, with the notes written to the person.
    pub history: Vec<super::ApplicationEvent>,
    pub person: ApplicantPerson,
    /// Where the employer may move the application now.
    pub moves: Vec<ApplicationStatus>,
}

/// Who applied, as far as they let the employer know.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApplicantPerson {
    /// The person lets the employers they apply to see their profile.
    Shared(ApplicantProfile),
    /// They took back their consent to share the profile with employers.
    NotShared,
    /// They deleted their profile: the application stays, withdrawn, with nobody behind it.
    Deleted,
    /// They withdrew the application: the employer no longer sees them, nor what they wrote.
    Withdrawn,
    /// It was decided longer ago than the employer may keep reading (`SENDA_APPLICANT_KEPT_DAYS`).
    Closed,
}

/// The part of a profile an employer gets: how to reach the person and what they can do.
/// Never the identity document, the birth date, the sex or the home address (none is needed
/// to assess someone, and each invites discrimination), nor the account behind the profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicantProfile {
    pub full_name: String,
    pub phone: String,
    pub email: String,
    pub channel: crate::seekers::ContactChannel,
    /// The region the person lives in; the province and district stay with them.
    pub region: crate::domain::Region,
    pub education: Option<crate::seekers::Education>,
    pub skills: Vec<String>,
    pub languages: Vec<crate::seekers::SpokenLanguage>,
    /// The kinds of disability, only when the person said them in this application and
    /// consented to the processing of that data.
    pub disability_types: Vec<String>,
}

#[cfg(feature = "ssr")]
impl ApplicantProfile {
    /// What `visible` lets an employer have of `profile`.
    fn of(profile: crate::seekers::SeekerProfile, visible: crate::seekers::visibility::Visible) -> ApplicantProfile {
        let personal = profile.personal;
        let disability_types = match profile.disability {
            Some(disability) if visible.disability => disability.types,
            _ => Vec::new(),
        };
        ApplicantProfile {
            full_name: personal.full_name,
            phone: personal.phone,
            email: personal.email,
            channel: personal.channel,
            region: personal.region,
            education: profile.education,
            skills: profile.skills,
            languages: profile.languages,
            disability_types,
        }
    }
}

/// The applicants to a vacancy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applicants {
    pub vacancy_id: i64,
    pub vacancy_title: String,
    pub applicants: Vec<ApplicantView>,
    /// The names of the accommodations and disability types shown.
    pub names: Vec<Accommodation>,
    /// The vacancy's interviews follow a template and the reader writes their records.
    pub records: bool,
}

/// The applicants to `vacancy`, for its company's employers and its centre's counsellors.
/// Each sees of each applicant only what the applicant's consents allow, and only while the
/// application is open or decided lately (`seekers::visibility::employer_still_reads`); a look
/// at what an applicant needs is recorded for the applicant to read.
#[server(endpoint = "applications/applicants")]
pub async fn read_applicants(vacancy: i64) -> Result<Applicants, AppError> {
    use crate::seekers::visibility::{employer_still_reads, visible_to, ApplicationStage, Viewer};
    let current = crate::server::access::signed_in()?;
    let store = crate::server::state::store()?;
    let facts = store.vacancy_facts(vacancy).await?.ok_or(AppError::NotFound)?;
    if !crate::vacancies::workflow::may_manage(&current.actor, &facts) {
        return Err(AppError::NotFound);
    }
    let found = store.vacancy(vacancy).await?.ok_or(AppError::NotFound)?;
    let now = crate::server::auth::now();
    let kept_secs = crate::server::state::app_state()?.applicant_kept_secs;
    let mut applicants = Vec::new();
    for mut application in store.vacancy_applications(vacancy).await? {
        let mut needs_at_interview = Vec::new();
        let stage = application.stage();
        let person = match application.seeker_id {
            None => ApplicantPerson::Deleted,
            Some(_) if !employer_still_reads(stage, now, kept_secs) => {
                application.message.clear();
                match stage {
                    ApplicationStage::Withdrawn => ApplicantPerson::Withdrawn,
                    _ => ApplicantPerson::Closed,
                }
            }
            Some(seeker) => {
                let consents = store.consents_in_force(seeker).await?;
                let visible = visible_to(Viewer::EmployerAppliedTo { disclosed: application.disclose }, &consents);
                if visible.needs {
                    needs_at_interview = application.needs_at_interview.clone();
                }
                match store.seeker(seeker).await?.filter(|_| visible.profile) {
                    Some(profile) => {
                        let shown = ApplicantProfile::of(profile, visible);
                        if visible.logged && (!shown.disability_types.is_empty() || !needs_at_interview.is_empty()) {
                            store.log_sensitive_access(seeker, current.actor.account_id, "application", now).await?;
                        }
                        ApplicantPerson::Shared(shown)
                    }
                    None => ApplicantPerson::NotShared,
                }
            }
        };
        applicants.push(ApplicantView {
            application_id: application.id,
            status: application.status,
            applied_at: application.created_at,
            message: application.message,
            needs_at_interview,
            applied_by_counsellor: application.applied_by_counsellor,
            history: application.events,
            person,
            moves: super::workflow::employer_moves(application.status).to_vec(),
        });
    }
    let (types, accommodations) = tokio::join!(store.disability_types(), store.accommodations());
    let records = crate::interviews::rules::acts_for_company(&current.actor, facts.company_id)
        && store.vacancy_template(vacancy).await?.is_some();
    Ok(Applicants {
        vacancy_id: vacancy,
        vacancy_title: found.draft.title,
        applicants,
        names: types?.into_iter().chain(accommodations?).collect(),
        records,
    })
}
