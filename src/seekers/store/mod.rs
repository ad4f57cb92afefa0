//! The register of job seekers: profiles, their consents, and the record of who looked at
//! their disability data. The consent rules that storage can keep, it keeps in the same
//! transaction as the data: no profile without consent to the register, no disability data
//! without consent to its processing, and revoking that consent deletes it at once.
//!
//! One trait per part of the register, each in its file with the SQL both engines share:
//! `profile` (who the person is, their disability data and languages), `history` (jobs,
//! certified competences, the uploaded CV), `consents` (consents and the record of who read
//! the disability data) and `caseload` (a centre's people, claiming a profile, leaving the
//! register). Here: the rows they read and the statements more than one of them needs.

mod caseload;
mod consents;
mod history;
mod profile;

pub use caseload::CaseloadStore;
pub use consents::ConsentStore;
pub use history::HistoryStore;
pub use profile::SeekerStore;
pub(crate) use {
    caseload::impl_caseload_store, consents::impl_consent_store, history::impl_history_store,
    profile::impl_profile_store,
};

use crate::domain::IdentityDocument;
use crate::seekers::consent::RecordedBy;
use crate::seekers::history::{Certificate, WorkExperience, YearMonth};
use crate::seekers::{Disability, Education, PersonalDetails, SeekerProfile};

/// A profile about to enter the register.
#[derive(Clone, Debug)]
pub struct NewSeeker {
    pub personal: PersonalDetails,
    pub account_id: Option<i64>,
    pub centre_id: Option<i64>,
    pub education: Option<Education>,
    pub skills: Vec<String>,
}

/// Who recorded a consent, and when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConsentGiven {
    pub by: RecordedBy,
    pub recorder_id: i64,
    pub at: i64,
}

/// What a counsellor learns of a person already in the register under the same document:
/// that they are, and which centre follows them — nothing of the profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AlreadyRegistered {
    pub id: i64,
    pub centre_id: Option<i64>,
}

/// A row of `seekers`.
#[derive(sqlx::FromRow)]
pub(crate) struct SeekerRow {
    pub id: i64,
    pub account_id: Option<i64>,
    pub centre_id: Option<i64>,
    pub full_name: String,
    pub document_type: String,
    pub document_number: String,
    pub birth_date: String,
    pub sex: String,
    pub region: String,
    pub province: String,
    pub district: String,
    pub phone: String,
    pub email: String,
    pub channel: String,
    pub education: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

pub(crate) const SELECT_SEEKER: &str = "SELECT id, account_id, centre_id, full_name, document_type, document_number, \
     birth_date, sex, region, province, district, phone, email, channel, education, created_at, updated_at FROM seekers";

impl SeekerRow {
    /// The profile, or `None` if a stored code is one this build does not know.
    pub(crate) fn into_profile(
        self,
        skills: Vec<String>,
        languages: Vec<crate::seekers::SpokenLanguage>,
        disability: Option<Disability>,
    ) -> Option<SeekerProfile> {
        use crate::domain::{DocumentType, Region};
        use crate::seekers::{ContactChannel, Sex};
        let document =
            IdentityDocument::parse(DocumentType::from_code(&self.document_type)?, &self.document_number).ok()?;
        let education = match self.education {
            Some(code) => Some(Education::from_code(&code)?),
            None => None,
        };
        Some(SeekerProfile {
            id: self.id,
            account_id: self.account_id,
            centre_id: self.centre_id,
            personal: PersonalDetails {
                full_name: self.full_name,
                document,
                birth_date: self.birth_date,
                sex: Sex::from_code(&self.sex)?,
                region: Region::parse(&self.region)?,
                province: self.province,
                district: self.district,
                phone: self.phone,
                email: self.email,
                channel: ContactChannel::from_code(&self.channel)?,
            },
            education,
            skills,
            languages,
            experience: Vec::new(),
            certificates: Vec::new(),
            cv_file: None,
            disability,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

/// A row of `seeker_experience`.
#[derive(sqlx::FromRow)]
pub(crate) struct ExperienceRow {
    id: i64,
    job_title: String,
    employer: String,
    started: String,
    ended: Option<String>,
    duties: String,
}

/// Current jobs first, then the most recently ended.
pub(crate) const SELECT_EXPERIENCE: &str = "SELECT id, job_title, employer, started, ended, duties \
     FROM seeker_experience WHERE seeker_id = $1 ORDER BY COALESCE(ended, '9999-99') DESC, started DESC, id DESC";

impl ExperienceRow {
    /// The job, or `None` if a stored month is not one (the table's checks keep them so).
    pub(crate) fn into_entry(self) -> Option<WorkExperience> {
        let ended = match self.ended {
            Some(code) => Some(YearMonth::parse(&code)?),
            None => None,
        };
        Some(WorkExperience {
            id: self.id,
            job_title: self.job_title,
            employer: self.employer,
            started: YearMonth::parse(&self.started)?,
            ended,
            duties: self.duties,
        })
    }
}

/// A row of `seeker_certificates`.
#[derive(sqlx::FromRow)]
pub(crate) struct CertificateRow {
    id: i64,
    name: String,
    issuer: String,
    issued: String,
    number: String,
}

pub(crate) const SELECT_CERTIFICATES: &str =
    "SELECT id, name, issuer, issued, number FROM seeker_certificates WHERE seeker_id = $1 ORDER BY issued DESC, id DESC";

impl CertificateRow {
    pub(crate) fn into_entry(self) -> Option<Certificate> {
        Some(Certificate {
            id: self.id,
            name: self.name,
            issuer: self.issuer,
            issued: YearMonth::parse(&self.issued)?,
            number: self.number,
        })
    }
}

/// The stored `(code, level)` pairs as a profile lists them: in the order of the list of
/// languages; codes this build does not know are left out.
pub(crate) fn languages_in_order(stored: &[(String, String)]) -> Vec<crate::seekers::SpokenLanguage> {
    use crate::seekers::{Language, LanguageLevel, SpokenLanguage};
    Language::ALL
        .iter()
        .filter_map(|language| {
            let (_, level) = stored.iter().find(|(code, _)| code == language.code())?;
            Some(SpokenLanguage { language: *language, level: LanguageLevel::from_code(level)? })
        })
        .collect()
}

/// The `WHERE` of a caseload search after `centre_id = $1`, and the values it binds from `$2`
/// on. Name words are matched at the start of a word of the folded name.
pub(crate) fn caseload_conditions(filter: &crate::seekers::CaseloadFilter) -> (String, Vec<String>) {
    use crate::seekers::CaseloadFilter;
    let mut conditions = String::from("centre_id = $1");
    let values = match filter {
        CaseloadFilter::Everyone => Vec::new(),
        CaseloadFilter::Document(number) => vec![number.clone()],
        CaseloadFilter::Name(words) => words.iter().map(|word| format!("% {word}%")).collect(),
    };
    let column = if matches!(filter, CaseloadFilter::Document(_)) { "document_number =" } else { "name_key LIKE" };
    for n in 0..values.len() {
        conditions.push_str(&format!(" AND {column} ${}", n + 2));
    }
    (conditions, values)
}

/// Erases person `$seeker` in transaction `$tx` at time `$now`: each open application becomes
/// withdrawn (recorded as the applicant's move), every application loses the message, the
/// accommodations, the disclosure, the notes addressed to the person, its interview record and
/// any link to them; then the profile goes, and with it (ON DELETE CASCADE) skills, disability
/// data, consents, access records, case notes and outcomes. Evaluates to whether there was such a profile.
macro_rules! erase_seeker {
    ($tx:expr, $seeker:expr, $now:expr) => {{
        use $crate::server::db::DbError;
        const OPEN: &str = "('submitted', 'seen', 'interview', 'offer')";
        sqlx::query(&format!(
            "INSERT INTO application_events (application_id, status, side, by_account, note, at) \
             SELECT id, 'withdrawn', 'applicant', NULL, '', $2 FROM applications \
             WHERE seeker_id = $1 AND status IN {OPEN}"
        ))
        .bind($seeker)
        .bind($now)
        .execute(&mut *$tx)
        .await
        .map_err(DbError::from_sqlx)?;
        for sql in [
            "UPDATE application_events SET note = '', \
             by_account = CASE WHEN side = 'applicant' THEN NULL ELSE by_account END \
             WHERE application_id IN (SELECT id FROM applications WHERE seeker_id = $1)",
            "DELETE FROM application_needs WHERE application_id IN (SELECT id FROM applications WHERE seeker_id = $1)",
            "DELETE FROM interview_records WHERE application_id IN (SELECT id FROM applications WHERE seeker_id = $1)",
        ] {
            sqlx::query(sql).bind($seeker).execute(&mut *$tx).await.map_err(DbError::from_sqlx)?;
        }
        sqlx::query(&format!(
            "UPDATE applications SET status = CASE WHEN status IN {OPEN} THEN 'withdrawn' ELSE status END, \
             message = '', disclose = FALSE, updated_at = $2, seeker_id = NULL WHERE seeker_id = $1"
        ))
        .bind($seeker)
        .bind($now)
        .execute(&mut *$tx)
        .await
        .map_err(DbError::from_sqlx)?;
        sqlx::query("DELETE FROM seekers WHERE id = $1")
            .bind($seeker)
            .execute(&mut *$tx)
            .await
            .map_err(DbError::from_sqlx)?
            .rows_affected()
            == 1
    }};
}

/// Binds the personal details in the column order of `seekers` from `full_name` to `channel`,
/// then the name as searched (`name_key`).
macro_rules! bind_personal {
    ($query:expr, $p:expr) => {
        $query
            .bind(&$p.full_name)
            .bind($p.document.kind.code())
            .bind($p.document.number())
            .bind(&$p.birth_date)
            .bind($p.sex.code())
            .bind($p.region.slug())
            .bind(&$p.province)
            .bind(&$p.district)
            .bind(&$p.phone)
            .bind(&$p.email)
            .bind($p.channel.code())
            .bind($crate::seekers::name_key(&$p.full_name))
    };
}

/// Adds one entry to a list of profile `$id` (table `$table`) with `$insert`, a query that
/// returns the new id, in one transaction with the profile's time of change: `None` if there
/// is no such profile, `Conflict` when the list is full.
macro_rules! add_entry {
    ($store:expr, $id:expr, $now:expr, $table:literal, $insert:expr) => {{
        use $crate::server::db::DbError;
        let mut tx = $store.begin_write().await?;
        let found = $crate::seekers::store::touch_seeker!(&mut *tx, $id, $now);
        if found == 0 {
            return Ok(None);
        }
        let listed: i64 = sqlx::query_scalar(concat!("SELECT COUNT(*) FROM ", $table, " WHERE seeker_id = $1"))
            .bind($id)
            .fetch_one(&mut *tx)
            .await
            .map_err(DbError::from_sqlx)?;
        if listed >= $crate::seekers::history::MAX_ENTRIES as i64 {
            return Err(DbError::Conflict($crate::server::db::Rule::ListFull));
        }
        let entry: i64 = $insert.fetch_one(&mut *tx).await.map_err(DbError::from_sqlx)?;
        tx.commit().await.map_err(DbError::from_sqlx)?;
        Ok(Some(entry))
    }};
}

/// Deletes entry `$entry` of profile `$id` from `$table`, noting the profile's time of change.
macro_rules! remove_entry {
    ($store:expr, $id:expr, $entry:expr, $now:expr, $table:literal) => {{
        use $crate::server::db::DbError;
        let mut tx = $store.begin_write().await?;
        let gone = sqlx::query(concat!("DELETE FROM ", $table, " WHERE id = $1 AND seeker_id = $2"))
            .bind($entry)
            .bind($id)
            .execute(&mut *tx)
            .await
            .map_err(DbError::from_sqlx)?
            .rows_affected()
            == 1;
        if gone {
            $crate::seekers::store::touch_seeker!(&mut *tx, $id, $now);
        }
        tx.commit().await.map_err(DbError::from_sqlx)?;
        Ok(gone)
    }};
}

/// Notes in `$tx` that profile `$id` changed at `$now`; 0 if there is no such profile.
macro_rules! touch_seeker {
    ($tx:expr, $id:expr, $now:expr) => {
        sqlx::query("UPDATE seekers SET updated_at = $1 WHERE id = $2")
            .bind($now)
            .bind($id)
            .execute($tx)
            .await
            .map_err($crate::server::db::DbError::from_sqlx)?
            .rows_affected()
    };
}

/// Inserts the skills `$skills` of profile `$id` in `$tx`, each once.
macro_rules! insert_skills {
    ($tx:expr, $id:expr, $skills:expr) => {
        for skill in $skills {
            sqlx::query("INSERT INTO seeker_skills (seeker_id, skill) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .bind($id)
                .bind(skill)
                .execute($tx)
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
        }
    };
}

/// Inserts one consent row in `$tx`.
macro_rules! insert_consent {
    ($tx:expr, $id:expr, $kind:expr, $given:expr) => {
        sqlx::query(
            "INSERT INTO consents (seeker_id, kind, text_version, given_at, recorded_by, awaiting_person, recorder_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind($id)
        .bind($kind.code())
        .bind($kind.version())
        .bind($given.at)
        .bind($given.by.stored().0)
        .bind($given.by.stored().1)
        .bind($given.recorder_id)
        .execute($tx)
        .await
        .map_err($crate::server::db::DbError::from_sqlx)?
    };
}

/// The SQL condition of a consent in force: not revoked, and not waiting for the person who
/// has yet to confirm what someone else recorded for them.
macro_rules! consent_in_force {
    () => {
        "revoked_at IS NULL AND (awaiting_person = FALSE OR confirmed_at IS NOT NULL)"
    };
}

/// Each live consent of person `$1` with whether it is in force (`consent_in_force!`): the
/// rows of `standing`.
macro_rules! consent_standing {
    () => {
        concat!(
            "SELECT kind, ",
            $crate::seekers::store::consent_in_force!(),
            " FROM consents WHERE seeker_id = $1 AND revoked_at IS NULL"
        )
    };
}

/// Where the consents stand from the rows `consent_standing!` reads; unknown kinds are skipped.
pub fn standing(rows: Vec<(String, bool)>) -> crate::seekers::consent::ConsentStanding {
    use crate::seekers::consent::{ConsentKind, ConsentStanding};
    ConsentStanding::of(rows.iter().filter_map(|(code, holds)| Some((ConsentKind::from_code(code)?, *holds))))
}

macro_rules! impl_seeker_store {
    ($store:ty) => {
        $crate::seekers::store::impl_profile_store!($store);
        $crate::seekers::store::impl_history_store!($store);
        $crate::seekers::store::impl_consent_store!($store);
        $crate::seekers::store::impl_caseload_store!($store);
    };
}
pub(crate) use {
    add_entry, bind_personal, consent_in_force, consent_standing, erase_seeker, impl_seeker_store, insert_consent,
    insert_skills, remove_entry, touch_seeker,
};
