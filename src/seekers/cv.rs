//! The CV the register makes from a profile: what an employer needs to read about a person's
//! work — who they are, how to reach them, what they know and have done — as one accessible
//! page that prints (or saves as PDF from the browser) cleanly. It leaves out what a CV need
//! not say and an employer should not weigh: the identity document, the date of birth, and
//! anything about disability (the accommodations asked for travel with each application).

use super::history::{Certificate, WorkExperience};
use super::{ContactChannel, Education, SpokenLanguage};
use crate::domain::Region;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Where a CV is read: the signed-in person's own; `?persona=` a person of the counsellor's
/// centre; `?postulacion=` an applicant to one of the employer's vacancies.
pub const CV_PATH: &str = "/cv";

pub fn cv_path(seeker: Option<i64>) -> String {
    super::step_path(CV_PATH, seeker)
}

pub fn applicant_cv_path(application: i64) -> String {
    format!("{CV_PATH}?postulacion={application}")
}

/// Where the person (or the counsellor acting for them, `?persona=`) uploads a CV as a PDF, or
/// takes it away ([`REMOVE_CV_FILE_PATH`]).
pub const CV_FILE_PATH: &str = "/mi-perfil/cv-pdf";
pub const REMOVE_CV_FILE_PATH: &str = "/mi-perfil/cv-pdf/quitar";
/// Where the uploaded PDF is read, with the same `?persona=` / `?postulacion=` as [`CV_PATH`].
pub const CV_PDF_PATH: &str = "/cv.pdf";
/// The largest PDF taken.
pub const MAX_CV_BYTES: usize = 5 * 1024 * 1024;

/// The address of the uploaded PDF for the reader of the CV page at `cv_page` (same query).
pub fn pdf_path(cv_page: &str) -> String {
    cv_page.replacen(CV_PATH, CV_PDF_PATH, 1)
}

/// A CV uploaded as a PDF, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CvFile {
    /// Where the media store keeps it.
    pub media_key: String,
    pub bytes: i64,
    pub uploaded_at: i64,
}

/// An uploaded CV as its readers are told of it: how big, since when. Where it is kept never
/// leaves the server; the file is read at [`CV_PDF_PATH`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CvFileView {
    pub bytes: i64,
    pub uploaded_at: i64,
}

impl From<CvFile> for CvFileView {
    fn from(file: CvFile) -> CvFileView {
        CvFileView { bytes: file.bytes, uploaded_at: file.uploaded_at }
    }
}

/// Whether a file starts as a PDF does (its name and the type the browser claims are whatever
/// the sender says).
pub fn is_pdf(head: &[u8]) -> bool {
    head.starts_with(b"%PDF-")
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cv {
    pub full_name: String,
    pub region: Region,
    /// Where in the region the person lives: for the person and their centre; an employer
    /// learns the region alone.
    pub home: Option<Home>,
    pub phone: String,
    pub email: String,
    pub channel: ContactChannel,
    pub education: Option<Education>,
    pub skills: Vec<String>,
    pub languages: Vec<SpokenLanguage>,
    pub experience: Vec<WorkExperience>,
    pub certificates: Vec<Certificate>,
    /// The PDF the person uploaded, if they did.
    pub file: Option<CvFileView>,
    /// Where the reader came from: their profile, the person's page, the applicants.
    pub back: String,
}

/// The province and district a person lives in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Home {
    pub province: String,
    pub district: String,
}

impl Cv {
    /// The CV of `profile` as `viewer` may read it.
    pub fn of(profile: super::SeekerProfile, viewer: super::visibility::Viewer, back: String) -> Cv {
        use super::visibility::Viewer;
        let p = profile.personal;
        let home = match viewer {
            Viewer::Themselves | Viewer::CentreCounsellor => Some(Home { province: p.province, district: p.district }),
            Viewer::EmployerAppliedTo { .. } | Viewer::Unrelated => None,
        };
        Cv {
            full_name: p.full_name,
            region: p.region,
            home,
            phone: p.phone,
            email: p.email,
            channel: p.channel,
            education: profile.education,
            skills: profile.skills,
            languages: profile.languages,
            experience: profile.experience,
            certificates: profile.certificates,
            file: profile.cv_file.map(CvFileView::from),
            back,
        }
    }
}

/// The CV of the signed-in person, of `seeker` for a counsellor of their centre, or of the
/// applicant of `application` for an employer (or counsellor) who manages its vacancy — in
/// each case only while the person's consents let that reader see their profile. Anyone else
/// learns nothing, not even that the person exists.
#[server(endpoint = "seekers/cv")]
pub async fn read_cv(seeker: Option<i64>, application: Option<i64>) -> Result<Cv, AppError> {
    let current = crate::server::access::signed_in()?;
    let store = crate::server::state::store()?;
    let kept_secs = crate::server::state::app_state()?.applicant_kept_secs;
    let (id, viewer, back) = cv_subject(store.as_ref(), &current.actor, seeker, application, kept_secs).await?;
    let profile = store.seeker(id).await?.ok_or(AppError::NotFound)?;
    Ok(Cv::of(profile, viewer, back))
}

/// Whose CV `actor` asks for, how they stand to the person, and where they came from — the
/// person's own; `seeker` for a counsellor of their centre; the applicant of `application` for
/// whoever manages its vacancy, while the application is open or was decided less than
/// `applicant_kept_secs` ago — while the person's consents let that reader see their profile.
/// Not found otherwise.
#[cfg(feature = "ssr")]
pub async fn cv_subject(
    store: &dyn crate::server::db::Store,
    actor: &crate::domain::Actor,
    seeker: Option<i64>,
    application: Option<i64>,
    applicant_kept_secs: i64,
) -> Result<(i64, super::visibility::Viewer, String), AppError> {
    use super::visibility::{employer_still_reads, visible_to, Viewer};
    let (id, viewer, back) = match (application, seeker) {
        (Some(application), _) => {
            let found = store.application(application).await?.ok_or(AppError::NotFound)?;
            let facts = store.vacancy_facts(found.vacancy_id).await?.ok_or(AppError::NotFound)?;
            let now = crate::server::auth::now();
            if !crate::vacancies::workflow::may_manage(actor, &facts)
                || !employer_still_reads(found.stage(), now, applicant_kept_secs)
            {
                return Err(AppError::NotFound);
            }
            let id = found.seeker_id.ok_or(AppError::NotFound)?;
            let viewer = Viewer::EmployerAppliedTo { disclosed: false };
            (id, viewer, crate::vacancies::applicants_path(found.vacancy_id))
        }
        (None, Some(id)) => {
            let profile = store.seeker(id).await?.ok_or(AppError::NotFound)?;
            (id, super::api::viewer_of(actor, &profile), super::seeker_path(id))
        }
        (None, None) => {
            let id = store.seeker_of_account(actor.account_id).await?.ok_or(AppError::NotFound)?;
            (id, Viewer::Themselves, super::MY_PROFILE_PATH.to_string())
        }
    };
    let consents = store.consents_in_force(id).await?;
    if !visible_to(viewer, &consents).profile {
        return Err(AppError::NotFound);
    }
    Ok((id, viewer, back))
}
