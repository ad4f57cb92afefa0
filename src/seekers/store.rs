//! The register of job seekers: profiles, their consents, and the record of who looked at
//! their disability data. The consent rules that storage can keep, it keeps in the same
//! transaction as the data: no profile without consent to the register, no disability data
//! without consent to its processing, and revoking that consent deletes it at once.

use crate::domain::IdentityDocument;
use crate::seekers::consent::{ConsentKind, ConsentRecord, Consents, RecordedBy};
use crate::seekers::history::{Certificate, WorkExperience, YearMonth};
use crate::seekers::AccessRecord;
use crate::seekers::{Disability, Education, PersonalDetails, SeekerProfile};
use async_trait::async_trait;

use crate::server::db::DbResult;

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

#[async_trait]
pub trait SeekerStore: Send + Sync + 'static {
    /// Puts a person in the register with the consents they gave. Refused (`Conflict`) without
    /// consent to the register, or when their document is already there.
    async fn register_seeker(&self, seeker: &NewSeeker, consents: &[ConsentKind], given: ConsentGiven)
        -> DbResult<i64>;

    /// Whoever is registered with this document.
    async fn seeker_with_document(&self, document: &IdentityDocument) -> DbResult<Option<AlreadyRegistered>>;

    /// The profile of job seeker `id`, with the disability data when it is stored.
    async fn seeker(&self, id: i64) -> DbResult<Option<SeekerProfile>>;

    /// The profile id of the account's holder.
    async fn seeker_of_account(&self, account_id: i64) -> DbResult<Option<i64>>;

    /// Changes who the person is, how to reach them, what they studied and can do. `Conflict`
    /// if the document is another person's; `false` if there is no such profile.
    async fn update_details(
        &self,
        id: i64,
        details: &crate::seekers::handlers::fields::Details,
        now: i64,
    ) -> DbResult<bool>;

    /// Replaces the disability data. `false`, and nothing stored, unless consent to its
    /// processing is in force.
    async fn save_disability(&self, id: i64, disability: &Disability, now: i64) -> DbResult<bool>;

    /// Replaces the languages of the profile; `false` if there is no such profile.
    async fn save_languages(&self, id: i64, languages: &[crate::seekers::SpokenLanguage], now: i64) -> DbResult<bool>;

    /// Adds a job to the profile's history. `None` if there is no such profile; `Conflict`
    /// when it lists [`MAX_ENTRIES`](crate::seekers::history::MAX_ENTRIES) already.
    async fn add_experience(&self, id: i64, job: &WorkExperience, now: i64) -> DbResult<Option<i64>>;

    /// Takes job `entry` out of profile `id`'s history; `false` if it was not there.
    async fn remove_experience(&self, id: i64, entry: i64, now: i64) -> DbResult<bool>;

    /// Adds a certified competence, like [`add_experience`](SeekerStore::add_experience).
    async fn add_certificate(&self, id: i64, certificate: &Certificate, now: i64) -> DbResult<Option<i64>>;

    /// Takes certificate `entry` out of profile `id`; `false` if it was not there.
    async fn remove_certificate(&self, id: i64, entry: i64, now: i64) -> DbResult<bool>;

    /// Makes `file` the profile's uploaded CV; the media key of the one it replaces, for the
    /// caller to delete. `Conflict` if there is no such profile.
    async fn set_cv_file(&self, id: i64, file: &crate::seekers::cv::CvFile) -> DbResult<Option<String>>;

    /// Takes the uploaded CV off the profile; its media key, for the caller to delete.
    async fn remove_cv_file(&self, id: i64, now: i64) -> DbResult<Option<String>>;

    /// The consents in force.
    async fn consents_in_force(&self, id: i64) -> DbResult<Consents>;

    /// Every consent ever given, oldest first.
    async fn consent_history(&self, id: i64) -> DbResult<Vec<ConsentRecord>>;

    /// Records a consent; `false` when it is in force already.
    async fn give_consent(&self, id: i64, kind: ConsentKind, given: ConsentGiven) -> DbResult<bool>;

    /// Marks the consents a counsellor recorded as confirmed by the person; how many.
    async fn confirm_consents(&self, id: i64, now: i64) -> DbResult<u64>;

    /// Ends a consent now; ending consent to process disability data deletes that data (the
    /// profile's, and the accommodations and disclosure its applications carry) in the
    /// same step. `false` when it was not in force.
    async fn revoke_consent(&self, id: i64, kind: ConsentKind, now: i64) -> DbResult<bool>;

    /// Writes down that `viewer` saw the person's disability data.
    async fn log_sensitive_access(&self, id: i64, viewer_id: i64, purpose: &str, now: i64) -> DbResult<()>;

    /// Who saw the person's disability data, newest first.
    async fn sensitive_accesses(&self, id: i64) -> DbResult<Vec<AccessRecord>>;

    /// The list of disability types in force, in its order.
    async fn disability_types(&self) -> DbResult<Vec<crate::vacancies::Accommodation>>;

    /// Gives a profile nobody has joined to an account yet a new claim code (its SHA-256),
    /// replacing any before; `false` when the profile has an account or does not exist.
    async fn set_claim(&self, id: i64, code_hash: &str, expires_at: i64) -> DbResult<bool>;

    /// Joins to `account_id` the profile registered under `document` whose claim code is
    /// `code_hash` and still works at `now`; the code is spent. `None` when nothing matches;
    /// `Conflict` when the account has a profile already.
    async fn claim_profile(
        &self,
        account_id: i64,
        document: &IdentityDocument,
        code_hash: &str,
        now: i64,
    ) -> DbResult<Option<i64>>;

    /// Takes the person out of the register at their own request: their applications stay
    /// with the employers, withdrawn if still open, with nothing left that says who they
    /// were; everything else of theirs goes. `false` if there is no such profile.
    async fn delete_seeker(&self, id: i64, audit: &crate::server::audit::AuditEvent) -> DbResult<bool>;

    /// The people a centre follows whom `filter` finds, newest first: `limit` of them from
    /// `offset`, and how many it finds in all.
    async fn centre_seekers(
        &self,
        centre_id: i64,
        filter: &crate::seekers::CaseloadFilter,
        offset: u32,
        limit: u32,
    ) -> DbResult<(Vec<crate::seekers::SeekerSummary>, u32)>;
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
/// accommodations, the disclosure, the notes addressed to the person and any link to them;
/// then the profile goes, and with it (ON DELETE CASCADE) skills, disability data, consents,
/// access records, case notes and outcomes. Evaluates to whether there was such a profile.
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
            "INSERT INTO consents (seeker_id, kind, text_version, given_at, recorded_by, recorder_id) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind($id)
        .bind($kind.code())
        .bind($kind.version())
        .bind($given.at)
        .bind($given.by.code())
        .bind($given.recorder_id)
        .execute($tx)
        .await
        .map_err($crate::server::db::DbError::from_sqlx)?
    };
}

macro_rules! impl_seeker_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::seekers::store::SeekerStore for $store {
            async fn register_seeker(
                &self,
                seeker: &$crate::seekers::store::NewSeeker,
                consents: &[$crate::seekers::consent::ConsentKind],
                given: $crate::seekers::store::ConsentGiven,
            ) -> $crate::server::db::DbResult<i64> {
                use $crate::seekers::consent::ConsentKind;
                use $crate::server::db::DbError;
                if !consents.contains(&ConsentKind::Register) {
                    return Err(DbError::Conflict($crate::server::db::Rule::RegisterConsentMissing));
                }
                let mut tx = self.begin_write().await?;
                let id: i64 = $crate::seekers::store::bind_personal!(
                    sqlx::query_scalar(
                        "INSERT INTO seekers (full_name, document_type, document_number, birth_date, sex, region, \
                         province, district, phone, email, channel, name_key, account_id, centre_id, education, \
                         registered_by, created_at, updated_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17) \
                         RETURNING id",
                    ),
                    seeker.personal
                )
                .bind(seeker.account_id)
                .bind(seeker.centre_id)
                .bind(seeker.education.map(|e| e.code()))
                .bind(given.recorder_id)
                .bind(given.at)
                .fetch_one(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                $crate::seekers::store::insert_skills!(&mut *tx, id, &seeker.skills);
                let mut kinds = consents.to_vec();
                kinds.dedup();
                for kind in kinds {
                    $crate::seekers::store::insert_consent!(&mut *tx, id, kind, given);
                }
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(id)
            }

            async fn seeker_with_document(
                &self,
                document: &$crate::domain::IdentityDocument,
            ) -> $crate::server::db::DbResult<Option<$crate::seekers::store::AlreadyRegistered>> {
                let row: Option<(i64, Option<i64>)> = sqlx::query_as(
                    "SELECT id, centre_id FROM seekers WHERE document_type = $1 AND document_number = $2",
                )
                .bind(document.kind.code())
                .bind(document.number())
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(row.map(|(id, centre_id)| $crate::seekers::store::AlreadyRegistered { id, centre_id }))
            }

            async fn seeker(&self, id: i64) -> $crate::server::db::DbResult<Option<$crate::seekers::SeekerProfile>> {
                use $crate::server::db::DbError;
                let row: Option<$crate::seekers::store::SeekerRow> =
                    sqlx::query_as(&format!("{} WHERE id = $1", $crate::seekers::store::SELECT_SEEKER))
                        .bind(id)
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(DbError::from_sqlx)?;
                let Some(row) = row else { return Ok(None) };
                let skills: Vec<String> =
                    sqlx::query_scalar("SELECT skill FROM seeker_skills WHERE seeker_id = $1 ORDER BY skill")
                        .bind(id)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(DbError::from_sqlx)?;
                let conadis: Option<Option<String>> =
                    sqlx::query_scalar("SELECT conadis_number FROM seeker_disability WHERE seeker_id = $1")
                        .bind(id)
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(DbError::from_sqlx)?;
                let disability = match conadis {
                    None => None,
                    Some(conadis) => {
                        let types: Vec<String> = sqlx::query_scalar(
                            "SELECT t.code FROM seeker_disability_types s JOIN disability_types t ON t.code = s.code \
                             WHERE s.seeker_id = $1 ORDER BY t.position",
                        )
                        .bind(id)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(DbError::from_sqlx)?;
                        let needs: Vec<(String, String)> = sqlx::query_as(
                            "SELECT n.code, n.moment FROM seeker_needs n JOIN accommodations a ON a.code = n.code \
                             WHERE n.seeker_id = $1 ORDER BY a.position, a.code",
                        )
                        .bind(id)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(DbError::from_sqlx)?;
                        let at = |moment: &str| {
                            needs.iter().filter(|(_, m)| m == moment).map(|(code, _)| code.clone()).collect()
                        };
                        Some($crate::seekers::Disability {
                            conadis: conadis.as_deref().and_then($crate::domain::ConadisNumber::parse),
                            types,
                            needs_at_interview: at("interview"),
                            needs_at_work: at("work"),
                        })
                    }
                };
                let spoken: Vec<(String, String)> =
                    sqlx::query_as("SELECT code, level FROM seeker_languages WHERE seeker_id = $1")
                        .bind(id)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(DbError::from_sqlx)?;
                let experience: Vec<$crate::seekers::store::ExperienceRow> =
                    sqlx::query_as($crate::seekers::store::SELECT_EXPERIENCE)
                        .bind(id)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(DbError::from_sqlx)?;
                let certificates: Vec<$crate::seekers::store::CertificateRow> =
                    sqlx::query_as($crate::seekers::store::SELECT_CERTIFICATES)
                        .bind(id)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(DbError::from_sqlx)?;
                let cv_file: Option<(String, i64, i64)> =
                    sqlx::query_as("SELECT media_key, bytes, uploaded_at FROM seeker_cv_files WHERE seeker_id = $1")
                        .bind(id)
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(DbError::from_sqlx)?;
                Ok(row.into_profile(skills, $crate::seekers::store::languages_in_order(&spoken), disability).map(
                    |mut profile| {
                        profile.experience = experience.into_iter().filter_map(|row| row.into_entry()).collect();
                        profile.certificates = certificates.into_iter().filter_map(|row| row.into_entry()).collect();
                        profile.cv_file = cv_file.map(|(media_key, bytes, uploaded_at)| {
                            $crate::seekers::cv::CvFile { media_key, bytes, uploaded_at }
                        });
                        profile
                    },
                ))
            }

            async fn set_cv_file(
                &self,
                id: i64,
                file: &$crate::seekers::cv::CvFile,
            ) -> $crate::server::db::DbResult<Option<String>> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let found = $crate::seekers::store::touch_seeker!(&mut *tx, id, file.uploaded_at);
                if found == 0 {
                    return Err(DbError::Conflict($crate::server::db::Rule::ProfileGone));
                }
                let replaced: Option<String> =
                    sqlx::query_scalar("SELECT media_key FROM seeker_cv_files WHERE seeker_id = $1")
                        .bind(id)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                sqlx::query(
                    "INSERT INTO seeker_cv_files (seeker_id, media_key, bytes, uploaded_at) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (seeker_id) DO UPDATE SET media_key = excluded.media_key, bytes = excluded.bytes, \
                     uploaded_at = excluded.uploaded_at",
                )
                .bind(id)
                .bind(&file.media_key)
                .bind(file.bytes)
                .bind(file.uploaded_at)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(replaced)
            }

            async fn remove_cv_file(&self, id: i64, now: i64) -> $crate::server::db::DbResult<Option<String>> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let removed: Option<String> =
                    sqlx::query_scalar("DELETE FROM seeker_cv_files WHERE seeker_id = $1 RETURNING media_key")
                        .bind(id)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                if removed.is_some() {
                    $crate::seekers::store::touch_seeker!(&mut *tx, id, now);
                }
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(removed)
            }

            async fn add_experience(
                &self,
                id: i64,
                job: &$crate::seekers::history::WorkExperience,
                now: i64,
            ) -> $crate::server::db::DbResult<Option<i64>> {
                $crate::seekers::store::add_entry!(
                    self,
                    id,
                    now,
                    "seeker_experience",
                    sqlx::query_scalar(
                        "INSERT INTO seeker_experience (seeker_id, job_title, employer, started, ended, duties) \
                         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                    )
                    .bind(id)
                    .bind(&job.job_title)
                    .bind(&job.employer)
                    .bind(job.started.code())
                    .bind(job.ended.map(|ended| ended.code()))
                    .bind(&job.duties)
                )
            }

            async fn remove_experience(&self, id: i64, entry: i64, now: i64) -> $crate::server::db::DbResult<bool> {
                $crate::seekers::store::remove_entry!(self, id, entry, now, "seeker_experience")
            }

            async fn add_certificate(
                &self,
                id: i64,
                certificate: &$crate::seekers::history::Certificate,
                now: i64,
            ) -> $crate::server::db::DbResult<Option<i64>> {
                $crate::seekers::store::add_entry!(
                    self,
                    id,
                    now,
                    "seeker_certificates",
                    sqlx::query_scalar(
                        "INSERT INTO seeker_certificates (seeker_id, name, issuer, issued, number) \
                         VALUES ($1, $2, $3, $4, $5) RETURNING id",
                    )
                    .bind(id)
                    .bind(&certificate.name)
                    .bind(&certificate.issuer)
                    .bind(certificate.issued.code())
                    .bind(&certificate.number)
                )
            }

            async fn remove_certificate(&self, id: i64, entry: i64, now: i64) -> $crate::server::db::DbResult<bool> {
                $crate::seekers::store::remove_entry!(self, id, entry, now, "seeker_certificates")
            }

            async fn save_languages(
                &self,
                id: i64,
                languages: &[$crate::seekers::SpokenLanguage],
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let found = $crate::seekers::store::touch_seeker!(&mut *tx, id, now);
                if found == 0 {
                    return Ok(false);
                }
                sqlx::query("DELETE FROM seeker_languages WHERE seeker_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                for spoken in languages {
                    sqlx::query(
                        "INSERT INTO seeker_languages (seeker_id, code, level) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                    )
                    .bind(id)
                    .bind(spoken.language.code())
                    .bind(spoken.level.code())
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                }
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }

            async fn seeker_of_account(&self, account_id: i64) -> $crate::server::db::DbResult<Option<i64>> {
                sqlx::query_scalar("SELECT id FROM seekers WHERE account_id = $1")
                    .bind(account_id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn update_details(
                &self,
                id: i64,
                details: &$crate::seekers::handlers::fields::Details,
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let changed = $crate::seekers::store::bind_personal!(
                    sqlx::query(
                        "UPDATE seekers SET full_name = $1, document_type = $2, document_number = $3, birth_date = $4, \
                         sex = $5, region = $6, province = $7, district = $8, phone = $9, email = $10, channel = $11, \
                         name_key = $12, education = $13, updated_at = $14 WHERE id = $15",
                    ),
                    details.personal
                )
                .bind(details.education.map(|e| e.code()))
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if changed.rows_affected() == 0 {
                    return Ok(false);
                }
                sqlx::query("DELETE FROM seeker_skills WHERE seeker_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                $crate::seekers::store::insert_skills!(&mut *tx, id, &details.skills);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }

            async fn save_disability(
                &self,
                id: i64,
                disability: &$crate::seekers::Disability,
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let consented: Option<i64> = sqlx::query_scalar(
                    "SELECT id FROM consents WHERE seeker_id = $1 AND kind = 'disability_data' AND revoked_at IS NULL",
                )
                .bind(id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if consented.is_none() {
                    return Ok(false);
                }
                sqlx::query("DELETE FROM seeker_disability WHERE seeker_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                sqlx::query("INSERT INTO seeker_disability (seeker_id, conadis_number) VALUES ($1, $2)")
                    .bind(id)
                    .bind(disability.conadis.as_ref().map(|c| c.as_str()))
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                for code in &disability.types {
                    sqlx::query("INSERT INTO seeker_disability_types (seeker_id, code) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                        .bind(id)
                        .bind(code)
                        .execute(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                }
                for (moment, codes) in [("interview", &disability.needs_at_interview), ("work", &disability.needs_at_work)] {
                    for code in codes {
                        sqlx::query(
                            "INSERT INTO seeker_needs (seeker_id, code, moment) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                        )
                        .bind(id)
                        .bind(code)
                        .bind(moment)
                        .execute(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                    }
                }
                $crate::seekers::store::touch_seeker!(&mut *tx, id, now);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }

            async fn consents_in_force(
                &self,
                id: i64,
            ) -> $crate::server::db::DbResult<$crate::seekers::consent::Consents> {
                let codes: Vec<String> =
                    sqlx::query_scalar("SELECT kind FROM consents WHERE seeker_id = $1 AND revoked_at IS NULL")
                        .bind(id)
                        .fetch_all(&self.pool)
                        .await
                        .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok($crate::seekers::consent::Consents::new(
                    codes.iter().filter_map(|c| $crate::seekers::consent::ConsentKind::from_code(c)),
                ))
            }

            async fn consent_history(
                &self,
                id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::seekers::consent::ConsentRecord>> {
                let rows: Vec<(String, String, i64, String, Option<String>, Option<i64>, Option<i64>)> = sqlx::query_as(
                    "SELECT c.kind, c.text_version, c.given_at, c.recorded_by, a.name, c.confirmed_at, c.revoked_at \
                     FROM consents c LEFT JOIN accounts a ON a.id = c.recorder_id WHERE c.seeker_id = $1 ORDER BY c.id",
                )
                .bind(id)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(rows
                    .into_iter()
                    .filter_map(|(kind, text_version, given_at, by, recorder_name, confirmed_at, revoked_at)| {
                        Some($crate::seekers::consent::ConsentRecord {
                            kind: $crate::seekers::consent::ConsentKind::from_code(&kind)?,
                            text_version,
                            given_at,
                            recorded_by: $crate::seekers::consent::RecordedBy::from_code(&by)?,
                            recorder_name,
                            confirmed_at,
                            revoked_at,
                        })
                    })
                    .collect())
            }

            async fn give_consent(
                &self,
                id: i64,
                kind: $crate::seekers::consent::ConsentKind,
                given: $crate::seekers::store::ConsentGiven,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let in_force: Option<i64> = sqlx::query_scalar(
                    "SELECT id FROM consents WHERE seeker_id = $1 AND kind = $2 AND revoked_at IS NULL",
                )
                .bind(id)
                .bind(kind.code())
                .fetch_optional(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if in_force.is_some() {
                    return Ok(false);
                }
                $crate::seekers::store::insert_consent!(&mut *tx, id, kind, given);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }

            async fn confirm_consents(&self, id: i64, now: i64) -> $crate::server::db::DbResult<u64> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE consents SET confirmed_at = $1 \
                     WHERE seeker_id = $2 AND recorded_by = 'counsellor' AND confirmed_at IS NULL AND revoked_at IS NULL",
                )
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(done.rows_affected())
            }

            async fn revoke_consent(
                &self,
                id: i64,
                kind: $crate::seekers::consent::ConsentKind,
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let ended = sqlx::query(
                    "UPDATE consents SET revoked_at = $1 WHERE seeker_id = $2 AND kind = $3 AND revoked_at IS NULL",
                )
                .bind(now)
                .bind(id)
                .bind(kind.code())
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if ended.rows_affected() == 0 {
                    return Ok(false);
                }
                if kind == $crate::seekers::consent::ConsentKind::DisabilityData {
                    // The profile's data, and what applications carry of it.
                    for sql in [
                        "DELETE FROM seeker_disability WHERE seeker_id = $1",
                        "DELETE FROM application_needs WHERE application_id IN \
                         (SELECT id FROM applications WHERE seeker_id = $1)",
                        "UPDATE applications SET disclose = FALSE WHERE seeker_id = $1",
                    ] {
                        sqlx::query(sql).bind(id).execute(&mut *tx).await.map_err(DbError::from_sqlx)?;
                    }
                }
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }

            async fn log_sensitive_access(
                &self,
                id: i64,
                viewer_id: i64,
                purpose: &str,
                now: i64,
            ) -> $crate::server::db::DbResult<()> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "INSERT INTO sensitive_access (seeker_id, viewer_id, viewer_name, purpose, at) \
                     SELECT $1, id, name, $3, $4 FROM accounts WHERE id = $2",
                )
                .bind(id)
                .bind(viewer_id)
                .bind(purpose)
                .bind(now)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(())
            }

            async fn sensitive_accesses(
                &self,
                id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::seekers::AccessRecord>> {
                let rows: Vec<(String, String, i64)> = sqlx::query_as(
                    "SELECT viewer_name, purpose, at FROM sensitive_access WHERE seeker_id = $1 ORDER BY at DESC, id DESC",
                )
                .bind(id)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(rows
                    .into_iter()
                    .map(|(viewer_name, purpose, at)| $crate::seekers::AccessRecord { viewer_name, purpose, at })
                    .collect())
            }

            async fn disability_types(&self) -> $crate::server::db::DbResult<Vec<$crate::vacancies::Accommodation>> {
                $crate::vacancies::store::entries_in_force!(self, "disability_types")
            }

            async fn set_claim(
                &self,
                id: i64,
                code_hash: &str,
                expires_at: i64,
            ) -> $crate::server::db::DbResult<bool> {
                let done = sqlx::query(
                    "UPDATE seekers SET claim_hash = $1, claim_expires_at = $2 WHERE id = $3 AND account_id IS NULL",
                )
                .bind(code_hash)
                .bind(expires_at)
                .bind(id)
                .execute(&self.pool)
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(done.rows_affected() == 1)
            }

            async fn claim_profile(
                &self,
                account_id: i64,
                document: &$crate::domain::IdentityDocument,
                code_hash: &str,
                now: i64,
            ) -> $crate::server::db::DbResult<Option<i64>> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let has: Option<i64> = sqlx::query_scalar("SELECT id FROM seekers WHERE account_id = $1")
                    .bind(account_id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                if has.is_some() {
                    return Err(DbError::Conflict($crate::server::db::Rule::HasProfile));
                }
                let claimed: Option<i64> = sqlx::query_scalar(
                    "UPDATE seekers SET account_id = $1, claim_hash = NULL, claim_expires_at = NULL, updated_at = $2 \
                     WHERE document_type = $3 AND document_number = $4 AND claim_hash = $5 AND claim_expires_at > $2 \
                     AND account_id IS NULL RETURNING id",
                )
                .bind(account_id)
                .bind(now)
                .bind(document.kind.code())
                .bind(document.number())
                .bind(code_hash)
                .fetch_optional(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(claimed)
            }

            async fn delete_seeker(
                &self,
                id: i64,
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let erased = $crate::seekers::store::erase_seeker!(tx, id, audit.at);
                if erased {
                    $crate::audit::store::insert_audit!(&mut *tx, audit);
                }
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(erased)
            }

            async fn centre_seekers(
                &self,
                centre_id: i64,
                filter: &$crate::seekers::CaseloadFilter,
                offset: u32,
                limit: u32,
            ) -> $crate::server::db::DbResult<(Vec<$crate::seekers::SeekerSummary>, u32)> {
                use $crate::server::db::DbError;
                let (conditions, values) = $crate::seekers::store::caseload_conditions(filter);
                let count_sql = format!("SELECT COUNT(*) FROM seekers WHERE {conditions}");
                let mut count = sqlx::query_scalar(&count_sql).bind(centre_id);
                for value in &values {
                    count = count.bind(value);
                }
                let total: i64 = count.fetch_one(&self.pool).await.map_err(DbError::from_sqlx)?;
                let sql = format!(
                    "SELECT id, full_name, document_type, document_number, account_id IS NOT NULL, created_at \
                     FROM seekers WHERE {conditions} ORDER BY id DESC LIMIT {limit} OFFSET {offset}"
                );
                let mut page = sqlx::query_as(&sql).bind(centre_id);
                for value in &values {
                    page = page.bind(value);
                }
                let rows: Vec<(i64, String, String, String, bool, i64)> =
                    page.fetch_all(&self.pool).await.map_err(DbError::from_sqlx)?;
                let people = rows
                    .into_iter()
                    .filter_map(|(id, full_name, kind, number, signed_up, created_at)| {
                        let kind = $crate::domain::DocumentType::from_code(&kind)?;
                        let document = $crate::domain::IdentityDocument::parse(kind, &number).ok()?;
                        Some($crate::seekers::SeekerSummary { id, full_name, document, signed_up, created_at })
                    })
                    .collect();
                Ok((people, u32::try_from(total).unwrap_or(u32::MAX)))
            }
        }
    };
}
pub(crate) use {
    add_entry, bind_personal, erase_seeker, impl_seeker_store, insert_consent, insert_skills, remove_entry,
    touch_seeker,
};
