//! What the pages of a template in use read: the template a vacancy's interviews follow and
//! those it could follow, an applicant's interview record for its interviewers and the
//! candidate's counsellor, and the candidate's own page to prepare and to read the record.
//! Each answer is a view made for its reader; the candidate's never carries a raw score, only
//! the level's words.

use crate::error::AppError;
use crate::interviews::api::LibraryName;
use crate::interviews::{Adjustment, QuestionDraft};
use crate::vacancies::Accommodation;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A template as a vacancy's managers choose it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateOption {
    pub id: i64,
    pub name: String,
    pub library: LibraryName,
    /// Its current version.
    pub version: i64,
    /// The reader may open it (a company's template attached by its employer is named to
    /// the vacancy's counsellor, not shown).
    pub readable: bool,
}

/// The interview template panel of a vacancy's management section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VacancyTemplate {
    pub vacancy_id: i64,
    pub attached: Option<TemplateOption>,
    /// The templates with questions this vacancy may follow, for this reader.
    pub options: Vec<TemplateOption>,
}

/// The template vacancy `vacancy`'s interviews follow and the ones it could, for its
/// company's employers and its centre's counsellors; not found for anyone else.
#[server(endpoint = "interviews/vacancy-template")]
pub async fn read_vacancy_template(vacancy: i64) -> Result<VacancyTemplate, AppError> {
    let current = crate::server::access::signed_in()?;
    let store = crate::server::state::store()?;
    let facts = store.vacancy_facts(vacancy).await?.ok_or(AppError::NotFound)?;
    if !crate::vacancies::workflow::may_manage(&current.actor, &facts) {
        return Err(AppError::NotFound);
    }
    let options = reading::options(store.as_ref(), &current.actor, facts.company_id).await?;
    let attached = match store.vacancy_template(vacancy).await? {
        Some(id) => store.template(id, None).await?.map(|found| TemplateOption {
            id: found.id,
            readable: crate::interviews::rules::may_read(&current.actor, found.library),
            library: LibraryName { kind: found.library.kind(), name: found.library_name },
            name: found.name,
            version: found.version,
        }),
        None => None,
    };
    Ok(VacancyTemplate { vacancy_id: vacancy, attached, options })
}

/// One question of a record: the template's question with its guide, and what was written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordQuestion {
    pub id: i64,
    pub draft: QuestionDraft,
    /// A level of the guide, 1 to 4, or none yet.
    pub score: Option<u8>,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordSection {
    pub position: i64,
    pub title: String,
    pub questions: Vec<RecordQuestion>,
}

/// An applicant's interview record as the vacancy's employer (who writes it) or the
/// candidate's counsellor (who reads it) sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordView {
    pub application_id: i64,
    pub vacancy_id: i64,
    pub vacancy_title: String,
    /// The candidate's name, when they share their profile with the employer.
    pub candidate: Option<String>,
    /// The reader writes it (an employer of the vacancy's company).
    pub writes: bool,
    pub template_name: String,
    pub template_version: i64,
    /// The id of the template version the page shows, sent back with each save: a record
    /// keeps the version it was opened with.
    pub version_id: i64,
    pub sections: Vec<RecordSection>,
    /// What the candidate asked for at the interview, as far as their consents let this reader
    /// know (codes, named in `names`).
    pub needs: Vec<String>,
    pub names: Vec<Accommodation>,
    /// The adjustments the interviewer gave.
    pub given: Vec<Adjustment>,
    pub summary: String,
    /// When it was last saved; `None` before its first save.
    pub saved_at: Option<i64>,
    /// When the candidate asked to read it.
    pub asked_at: Option<i64>,
}

/// The interview record of application `application`, for the vacancy's employers while they
/// may read the applicant and for the counsellor the candidate lets act for them; not found for
/// anyone else, and where the vacancy has no template and no record was kept.
#[server(endpoint = "interviews/record")]
pub async fn read_record(application: i64) -> Result<RecordView, AppError> {
    use crate::interviews::rules::RecordReader;
    use crate::seekers::visibility::{visible_to, Viewer};
    let current = crate::server::access::signed_in()?;
    let store = crate::server::state::store()?;
    let actor = &current.actor;
    let found = reading::candidate(store.as_ref(), application).await?;
    let reader = found.reader(actor).ok_or(AppError::NotFound)?;
    let viewer = match reader {
        RecordReader::Employer if found.employer_reads(crate::server::state::app_state()?.applicant_kept_secs) => {
            Viewer::EmployerAppliedTo { disclosed: found.application.disclose }
        }
        RecordReader::Counsellor => Viewer::CentreCounsellor,
        RecordReader::Employer | RecordReader::Candidate => return Err(AppError::NotFound),
    };
    let (record, version) = reading::kept(store.as_ref(), &found.application).await?;
    let visible = visible_to(viewer, &found.consents);
    let needs = if visible.needs { found.application.needs_at_interview.clone() } else { Vec::new() };
    let now = crate::server::auth::now();
    if visible.logged && !needs.is_empty() {
        store.log_sensitive_access(found.profile.id, actor.account_id, "interview", now).await?;
    }
    let answers = record.as_ref().map(|r| r.answers.as_slice()).unwrap_or_default();
    let sections = version
        .sections
        .into_iter()
        .map(|section| RecordSection {
            position: section.position,
            title: section.title,
            questions: section
                .questions
                .into_iter()
                .map(|question| {
                    let answer = answers.iter().find(|a| a.question_id == question.id);
                    RecordQuestion {
                        id: question.id,
                        draft: question.draft,
                        score: answer.and_then(|a| a.score),
                        note: answer.map(|a| a.note.clone()).unwrap_or_default(),
                    }
                })
                .collect(),
        })
        .collect();
    Ok(RecordView {
        application_id: application,
        vacancy_id: found.application.vacancy_id,
        vacancy_title: found.application.vacancy_title.clone(),
        candidate: visible.profile.then(|| found.profile.personal.full_name.clone()),
        writes: reader == RecordReader::Employer,
        template_name: version.name,
        template_version: version.version,
        version_id: version.version_id,
        sections,
        needs,
        names: if visible.needs { store.accommodations().await? } else { Vec::new() },
        given: record.as_ref().map(|r| r.adjustments.clone()).unwrap_or_default(),
        summary: record.as_ref().map(|r| r.summary.clone()).unwrap_or_default(),
        saved_at: record.as_ref().map(|r| r.updated_at),
        asked_at: record.and_then(|r| r.asked_at),
    })
}

/// A question as the candidate prepares it: the question, plain and easy read, and what they
/// may ask for with it — never the interviewer's guide.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreparedQuestion {
    pub question: String,
    pub easy_read: String,
    pub adjustments: Vec<Adjustment>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreparedSection {
    pub title: String,
    pub questions: Vec<PreparedQuestion>,
}

/// How the candidate is told the level they reached: the guide's words for it, or, where the
/// guide left that level undescribed, its plain name — never its number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reached {
    Words(String),
    Named(LevelName),
}

/// The plain name of each level of a guide, lowest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LevelName {
    Starting,
    Basic,
    Good,
    Strong,
}

impl LevelName {
    pub const ALL: [LevelName; crate::interviews::LEVELS] =
        [LevelName::Starting, LevelName::Basic, LevelName::Good, LevelName::Strong];

    pub fn label(self) -> crate::i18n::Key {
        use crate::i18n::Key;
        match self {
            LevelName::Starting => Key::record_level_starting,
            LevelName::Basic => Key::record_level_basic,
            LevelName::Good => Key::record_level_good,
            LevelName::Strong => Key::record_level_strong,
        }
    }
}

impl Reached {
    /// Level `score` (1 to 4) of a question with guide `levels`; `None` for anything else.
    pub fn of(score: u8, levels: &[String; crate::interviews::LEVELS]) -> Option<Reached> {
        let index = usize::from(score).checked_sub(1)?;
        let words = levels.get(index)?;
        Some(if words.is_empty() { Reached::Named(LevelName::ALL[index]) } else { Reached::Words(words.clone()) })
    }
}

/// One answer of the record as its candidate reads it: the level reached in words and the
/// note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadAnswer {
    pub question: String,
    /// `None` when not scored.
    pub level: Option<Reached>,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadSection {
    pub title: String,
    pub answers: Vec<ReadAnswer>,
}

/// Where the candidate stands with the record of their interview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CandidateRecord {
    /// The company has written nothing yet.
    None,
    /// There is one; the candidate may ask to read it.
    MayAsk,
    /// They asked: the record in plain words.
    Read { sections: Vec<ReadSection>, given: Vec<Adjustment>, summary: String, asked_at: i64 },
}

/// A candidate's page about the interview they were invited to: the questions to prepare,
/// the adjustments they may ask for, and the record of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preparation {
    pub application_id: i64,
    pub vacancy_id: i64,
    pub vacancy_title: String,
    pub company_name: String,
    pub sections: Vec<PreparedSection>,
    /// Every adjustment the questions offer, in the list's order.
    pub adjustments: Vec<Adjustment>,
    pub record: CandidateRecord,
}

/// The preparation page of application `application`, for the person who applied once they
/// were called to an interview for a vacancy with a template; not found for anyone else.
#[server(endpoint = "interviews/prepare")]
pub async fn read_preparation(application: i64) -> Result<Preparation, AppError> {
    let current = crate::server::access::signed_in()?;
    let store = crate::server::state::store()?;
    let found = reading::prepares(store.as_ref(), &current.actor, application).await?;
    let (record, version) = reading::kept(store.as_ref(), &found.application).await?;
    let adjustments = Adjustment::ALL
        .iter()
        .copied()
        .filter(|a| version.sections.iter().flat_map(|s| &s.questions).any(|q| q.draft.adjustments.contains(a)))
        .collect();
    let sections = version
        .sections
        .iter()
        .map(|section| PreparedSection {
            title: section.title.clone(),
            questions: section
                .questions
                .iter()
                .map(|q| PreparedQuestion {
                    question: q.draft.question.clone(),
                    easy_read: q.draft.easy_read.clone(),
                    adjustments: q.draft.adjustments.clone(),
                })
                .collect(),
        })
        .collect();
    let record = match record {
        None => CandidateRecord::None,
        Some(record) => match record.asked_at {
            None => CandidateRecord::MayAsk,
            Some(asked_at) => CandidateRecord::Read {
                sections: version
                    .sections
                    .into_iter()
                    .map(|section| ReadSection {
                        title: section.title,
                        answers: section
                            .questions
                            .into_iter()
                            .map(|q| {
                                let answer = record.answers.iter().find(|a| a.question_id == q.id);
                                let level =
                                    answer.and_then(|a| a.score).and_then(|score| Reached::of(score, &q.draft.levels));
                                ReadAnswer {
                                    question: q.draft.question,
                                    level,
                                    note: answer.map(|a| a.note.clone()).unwrap_or_default(),
                                }
                            })
                            .collect(),
                    })
                    .collect(),
                given: record.adjustments,
                summary: record.summary,
                asked_at,
            },
        },
    };
    Ok(Preparation {
        application_id: application,
        vacancy_id: found.application.vacancy_id,
        vacancy_title: found.application.vacancy_title,
        company_name: found.application.company_name,
        sections,
        adjustments,
        record,
    })
}

#[cfg(feature = "ssr")]
pub(crate) mod reading {
    use super::{LibraryName, TemplateOption};
    use crate::applications::Application;
    use crate::domain::Actor;
    use crate::error::AppError;
    use crate::interviews::rules::{acts_for_company, attachable, record_reader, Candidate, RecordReader};
    use crate::interviews::store::{Libraries, StoredRecord, StoredTemplate};
    use crate::seekers::consent::{ConsentKind, Consents};
    use crate::seekers::SeekerProfile;
    use crate::server::db::Store;

    /// The templates with questions a vacancy of `company_id` may follow, as `actor` chooses:
    /// the shared libraries', and the company's own for its employers.
    pub(crate) async fn options(
        store: &dyn Store,
        actor: &Actor,
        company_id: i64,
    ) -> Result<Vec<TemplateOption>, AppError> {
        let companies = if acts_for_company(actor, company_id) { vec![company_id] } else { Vec::new() };
        let found = store.templates(&Libraries { shared: true, companies }).await?;
        Ok(found
            .into_iter()
            .filter(|t| t.questions > 0 && attachable(t.library, company_id))
            .map(|t| TemplateOption {
                id: t.id,
                name: t.name,
                library: LibraryName { kind: t.library.kind(), name: t.library_name },
                version: t.version,
                readable: true,
            })
            .collect())
    }

    /// An application with its candidate, as the record's rules need them.
    pub(crate) struct Applicant {
        pub(crate) application: Application,
        pub(crate) profile: SeekerProfile,
        pub(crate) consents: Consents,
        pub(crate) company_id: i64,
        pub(crate) asked: bool,
    }

    impl Applicant {
        /// How `actor` reads this application's record, if at all.
        pub(crate) fn reader(&self, actor: &Actor) -> Option<RecordReader> {
            let candidate = Candidate {
                account_id: self.profile.account_id,
                counselled_at: self.profile.centre_id.filter(|_| self.consents.has(ConsentKind::CounsellorActs)),
                asked: self.asked,
            };
            record_reader(actor, self.company_id, &candidate)
        }

        /// Whether the vacancy's employer may still read the person: while the application
        /// is open, for `kept_secs` after it was decided, never once withdrawn.
        pub(crate) fn employer_reads(&self, kept_secs: i64) -> bool {
            let now = crate::server::auth::now();
            crate::seekers::visibility::employer_still_reads(self.application.stage(), now, kept_secs)
        }
    }

    /// Application `application` with its candidate; not found once the person is gone.
    pub(crate) async fn candidate(store: &dyn Store, application: i64) -> Result<Applicant, AppError> {
        let found = store.application(application).await?.ok_or(AppError::NotFound)?;
        let seeker = found.seeker_id.ok_or(AppError::NotFound)?;
        let profile = store.seeker(seeker).await?.ok_or(AppError::NotFound)?;
        let facts = store.vacancy_facts(found.vacancy_id).await?.ok_or(AppError::NotFound)?;
        let asked = store.interview_record(application).await?.is_some_and(|r| r.asked_at.is_some());
        Ok(Applicant {
            consents: store.consents_in_force(seeker).await?,
            company_id: facts.company_id,
            application: found,
            profile,
            asked,
        })
    }

    /// The record of `application`, if one was opened, and the template version it keeps — or,
    /// before its first save, the current version of the vacancy's template; not found when
    /// there is neither.
    pub(crate) async fn kept(
        store: &dyn Store,
        application: &Application,
    ) -> Result<(Option<StoredRecord>, StoredTemplate), AppError> {
        let record = store.interview_record(application.id).await?;
        let version = match &record {
            Some(record) => store.template_version(record.version_id).await?,
            None => match store.vacancy_template(application.vacancy_id).await? {
                Some(template) => store.template(template, None).await?,
                None => None,
            },
        };
        Ok((record, version.ok_or(AppError::NotFound)?))
    }

    /// Whether `application`'s person was called to an interview that follows a template, and
    /// has not withdrawn.
    pub(crate) async fn guided(store: &dyn Store, application: &Application) -> Result<bool, AppError> {
        let statuses: Vec<_> = application.events.iter().map(|e| e.status).collect();
        if application.status == crate::applications::ApplicationStatus::Withdrawn
            || !crate::interviews::rules::invited_to_interview(&statuses)
        {
            return Ok(false);
        }
        Ok(store.vacancy_template(application.vacancy_id).await?.is_some()
            || store.interview_record(application.id).await?.is_some())
    }

    /// Application `application` when `actor` is the person who made it, was called to an
    /// interview for it and has not withdrawn it; not found otherwise.
    pub(crate) async fn prepares(store: &dyn Store, actor: &Actor, application: i64) -> Result<Applicant, AppError> {
        let found = candidate(store, application).await?;
        let statuses: Vec<_> = found.application.events.iter().map(|e| e.status).collect();
        let own = found.profile.account_id == Some(actor.account_id);
        let withdrawn = found.application.status == crate::applications::ApplicationStatus::Withdrawn;
        if !own || withdrawn || !crate::interviews::rules::invited_to_interview(&statuses) {
            return Err(AppError::NotFound);
        }
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_candidate_reads_the_level_in_words_never_its_number() {
        let levels = ["Con ayuda".to_string(), String::new(), "Solo".to_string(), String::new()];
        assert_eq!(Reached::of(1, &levels), Some(Reached::Words("Con ayuda".into())));
        assert_eq!(Reached::of(2, &levels), Some(Reached::Named(LevelName::Basic)));
        assert_eq!(Reached::of(4, &levels), Some(Reached::Named(LevelName::Strong)));
        assert_eq!(Reached::of(0, &levels), None);
        assert_eq!(Reached::of(5, &levels), None);
    }
}
