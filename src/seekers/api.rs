//! Server functions of the register: a counsellor's caseload, and one person's profile as
//! the person asking may see it. Whoever may see nothing learns nothing, not even that the
//! person is registered.

use super::consent::Consents;
use super::visibility::Visible;
use super::Caseload;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One page of the people the counsellor's centre follows, found by the search in `query`
/// (the caseload page's query string).
#[server(endpoint = "seekers/caseload")]
pub async fn read_caseload(query: String) -> Result<Caseload, AppError> {
    use super::{CaseloadQuery, CASELOAD_PAGE_SIZE};
    use crate::domain::Role;
    let current = crate::server::access::acting_as(&[Role::Counsellor])?;
    let centre = current
        .actor
        .roles
        .iter()
        .find(|g| g.role == Role::Counsellor)
        .and_then(|g| g.centre_id)
        .ok_or(AppError::Forbidden)?;
    let query = CaseloadQuery::from_pairs(&crate::ui::query_pairs(&query));
    let filter = query.filter();
    let store = crate::server::state::store()?;
    let offset = (query.page - 1).saturating_mul(CASELOAD_PAGE_SIZE);
    let (mut people, total) = store.centre_seekers(centre, &filter, offset, CASELOAD_PAGE_SIZE).await?;
    let mut page = query.page;
    if people.is_empty() && total > 0 {
        // Past the last page (an old link): the last page instead.
        page = total.div_ceil(CASELOAD_PAGE_SIZE);
        people = store.centre_seekers(centre, &filter, (page - 1) * CASELOAD_PAGE_SIZE, CASELOAD_PAGE_SIZE).await?.0;
    }
    Ok(Caseload { query, people, total, page })
}

/// A profile as one viewer sees it, with the records that are theirs to read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeekerView {
    pub profile: super::visibility::ProfileView,
    /// The steps to fill the profile in, for a reader who may (the person, or a counsellor
    /// they let act for them).
    pub progress: Option<super::steps::ProfileProgress>,
    pub visible: Visible,
    pub consents: Consents,
    pub consent_history: Vec<super::consent::ConsentRecord>,
    /// Who looked at the disability data: for the person only.
    pub accesses: Vec<super::AccessRecord>,
    pub is_self: bool,
    /// The names of the disability types and accommodations the profile names.
    pub names: Vec<crate::vacancies::Accommodation>,
    /// The viewer may apply and withdraw for the person (a counsellor they let act for them).
    pub acts_for: bool,
    /// The viewer counsels at the centre that follows the person.
    pub counsels: bool,
}

/// The profile of person `id`, as whoever asks may see it; a look at disability data by
/// anyone but the person is recorded first.
#[server(endpoint = "seekers/view")]
pub async fn read_seeker(id: i64) -> Result<SeekerView, AppError> {
    use super::visibility::{visible_to, ProfileView, Viewer};
    let current = crate::server::access::signed_in()?;
    let actor = current.actor;
    let store = crate::server::state::store()?;
    let profile = store.seeker(id).await?.ok_or(AppError::NotFound)?;
    let viewer = viewer_of(&actor, &profile);
    let consents = store.consents_in_force(id).await?;
    let visible = visible_to(viewer, &consents);
    if !visible.profile {
        return Err(AppError::NotFound);
    }
    if visible.logged && profile.disability.is_some() {
        store.log_sensitive_access(id, actor.account_id, "profile", crate::server::auth::now()).await?;
    }
    let is_self = viewer == Viewer::Themselves;
    let acts_for = viewer == Viewer::CentreCounsellor && consents.has(super::consent::ConsentKind::CounsellorActs);
    let accesses = if is_self { store.sensitive_accesses(id).await? } else { Vec::new() };
    let may_change_disability = visible.disability && consents.has(super::consent::ConsentKind::DisabilityData);
    let progress =
        (is_self || acts_for).then(|| super::steps::ProfileProgress::of(&profile, is_self, may_change_disability));
    let profile = ProfileView::of(profile, visible);
    let names = match &profile.disability {
        Some(d) => {
            let (types, accommodations) = tokio::join!(store.disability_types(), store.accommodations());
            let named: Vec<&String> = d.types.iter().chain(&d.needs_at_interview).chain(&d.needs_at_work).collect();
            types?.into_iter().chain(accommodations?).filter(|entry| named.contains(&&entry.code)).collect()
        }
        None => Vec::new(),
    };
    Ok(SeekerView {
        names,
        profile,
        progress,
        visible,
        consents,
        consent_history: store.consent_history(id).await?,
        accesses,
        is_self,
        acts_for,
        counsels: viewer == Viewer::CentreCounsellor,
    })
}

/// A job seeker's own profile, or what the form to make one offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyProfile {
    pub view: Option<SeekerView>,
    /// The centres one may choose to be followed by.
    pub centres: Vec<crate::organisations::Centre>,
}

/// The signed-in person's profile, if they have one; the centres to choose from if not.
#[server(endpoint = "seekers/mine")]
pub async fn read_my_profile() -> Result<MyProfile, AppError> {
    let current = crate::server::access::signed_in()?;
    let store = crate::server::state::store()?;
    match store.seeker_of_account(current.actor.account_id).await? {
        Some(id) => Ok(MyProfile { view: Some(read_seeker(id).await?), centres: Vec::new() }),
        None => Ok(MyProfile { view: None, centres: store.list_centres().await? }),
    }
}

/// What the disability form shows: whose it is, what is stored, and the lists to choose from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisabilityForm {
    pub seeker_id: i64,
    pub full_name: String,
    pub disability: super::Disability,
    pub types: Vec<crate::vacancies::Accommodation>,
    pub accommodations: Vec<crate::vacancies::Accommodation>,
    pub is_self: bool,
}

/// The disability data of person `id` to change: for the person, or their centre's counsellor
/// when the person consented both to its processing and to the counsellor acting for them.
#[server(endpoint = "seekers/disability")]
pub async fn read_disability_form(id: i64) -> Result<DisabilityForm, AppError> {
    let current = crate::server::access::signed_in()?;
    let store = crate::server::state::store()?;
    let profile = store.seeker(id).await?.ok_or(AppError::NotFound)?;
    let consents = store.consents_in_force(id).await?;
    let viewer = viewer_of(&current.actor, &profile);
    let visible = super::visibility::visible_to(viewer, &consents);
    if !visible.profile {
        return Err(AppError::NotFound);
    }
    if !(visible.disability && consents.has(super::consent::ConsentKind::DisabilityData)) {
        return Err(AppError::Forbidden);
    }
    if visible.logged && profile.disability.is_some() {
        store.log_sensitive_access(id, current.actor.account_id, "profile", crate::server::auth::now()).await?;
    }
    let (types, accommodations) = tokio::join!(store.disability_types(), store.accommodations());
    Ok(DisabilityForm {
        seeker_id: id,
        full_name: profile.personal.full_name,
        disability: profile.disability.unwrap_or_default(),
        types: types?,
        accommodations: accommodations?,
        is_self: viewer == super::visibility::Viewer::Themselves,
    })
}

/// How `actor` stands to the person whose profile this is.
#[cfg(feature = "ssr")]
pub fn viewer_of(actor: &crate::domain::Actor, profile: &super::SeekerProfile) -> super::visibility::Viewer {
    use super::visibility::Viewer;
    use crate::domain::Role;
    if profile.account_id == Some(actor.account_id) {
        Viewer::Themselves
    } else if actor
        .roles
        .iter()
        .any(|g| g.role == Role::Counsellor && g.centre_id.is_some() && g.centre_id == profile.centre_id)
    {
        Viewer::CentreCounsellor
    } else {
        Viewer::Unrelated
    }
}

/// The profile of person `id` when `actor` counsels at the centre that follows them; not
/// found for anyone else.
#[cfg(feature = "ssr")]
pub async fn follows(
    store: &dyn crate::server::db::Store,
    actor: &crate::domain::Actor,
    id: i64,
) -> Result<super::SeekerProfile, AppError> {
    let profile = store.seeker(id).await?.ok_or(AppError::NotFound)?;
    match viewer_of(actor, &profile) {
        super::visibility::Viewer::CentreCounsellor => Ok(profile),
        _ => Err(AppError::NotFound),
    }
}

/// The person `actor` acts as: themselves (`seeker` empty), or the person `seeker` when the
/// actor may act for them (`visibility::acting`). `None` when the actor has no profile; not
/// found when they may not act for `seeker`.
#[cfg(feature = "ssr")]
pub async fn acting_as(
    store: &dyn crate::server::db::Store,
    actor: &crate::domain::Actor,
    seeker: Option<i64>,
) -> Result<Option<(super::SeekerProfile, super::consent::ConsentStanding, super::visibility::Acting)>, AppError> {
    let id = match seeker {
        Some(id) => id,
        None => match store.seeker_of_account(actor.account_id).await? {
            Some(id) => id,
            None => return Ok(None),
        },
    };
    let profile = store.seeker(id).await?.ok_or(AppError::NotFound)?;
    let consents = store.consent_standing(id).await?;
    let acting = super::visibility::acting(viewer_of(actor, &profile), &consents.in_force).ok_or(AppError::NotFound)?;
    Ok(Some((profile, consents, acting)))
}

/// A person's consent sheet, to print and hand to them: who they are, each consent in force
/// with when and by whom it was recorded, and how to reach their profile themselves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentSheet {
    pub seeker_id: i64,
    pub full_name: String,
    pub document: crate::domain::IdentityDocument,
    pub consents: Vec<super::consent::ConsentRecord>,
    /// The person has joined the profile to their account: no code is needed.
    pub signed_up: bool,
    /// Where Senda is, as people type it.
    pub origin: String,
}

/// The consent sheet of person `id`, for a counsellor of the centre that follows them.
#[server(endpoint = "seekers/consent-sheet")]
pub async fn read_consent_sheet(id: i64) -> Result<ConsentSheet, AppError> {
    let current = crate::server::access::signed_in()?;
    let state = crate::server::state::app_state()?;
    let store = state.store.as_ref();
    let profile = follows(store, &current.actor, id).await?;
    let consents = store.consent_history(id).await?.into_iter().filter(|c| c.revoked_at.is_none()).collect();
    Ok(ConsentSheet {
        seeker_id: id,
        full_name: profile.personal.full_name,
        document: profile.personal.document,
        consents,
        signed_up: profile.account_id.is_some(),
        origin: state.public_origin.clone(),
    })
}

/// What a step of the profile shows: whose profile, where the steps stand, and what the
/// profile says now of the topics a step page shows (never disability data: its own page
/// reads it, and records the look).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileStepForm {
    pub full_name: String,
    /// The first step's: who the person is and how to reach them, what they studied and can do.
    pub personal: super::PersonalDetails,
    pub education: Option<super::Education>,
    pub skills: Vec<String>,
    pub progress: super::steps::ProfileProgress,
    pub languages: Vec<super::SpokenLanguage>,
    pub experience: Vec<super::history::WorkExperience>,
    pub certificates: Vec<super::history::Certificate>,
    pub cv_file: Option<super::cv::CvFileView>,
}

impl ProfileStepForm {
    pub fn is_self(&self) -> bool {
        self.progress.is_self
    }
}

/// The signed-in person's profile as its step pages show it, or with `seeker` the profile of
/// the person a counsellor acts for.
#[server(endpoint = "seekers/step")]
pub async fn read_profile_step(seeker: Option<i64>) -> Result<ProfileStepForm, AppError> {
    use super::consent::ConsentKind;
    let current = crate::server::access::signed_in()?;
    let store = crate::server::state::store()?;
    let (profile, consents, acting) =
        acting_as(store.as_ref(), &current.actor, seeker).await?.ok_or(AppError::NotFound)?;
    let is_self = acting == super::visibility::Acting::Themselves;
    let progress =
        super::steps::ProfileProgress::of(&profile, is_self, consents.in_force.has(ConsentKind::DisabilityData));
    Ok(ProfileStepForm {
        full_name: profile.personal.full_name.clone(),
        personal: profile.personal,
        education: profile.education,
        skills: profile.skills,
        progress,
        languages: profile.languages,
        experience: profile.experience,
        certificates: profile.certificates,
        cv_file: profile.cv_file.map(super::cv::CvFileView::from),
    })
}
