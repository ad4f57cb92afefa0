//! Storage of what a template is used for: the template a vacancy's interviews follow, and each
//! applicant's interview record, kept against the version it was opened with. A record's
//! answers are saved a section (or a question) at a time, and only for questions of its own
//! version; the candidate's asking to read it is stored once, with the company's message.

use crate::interviews::Adjustment;
use crate::server::db::DbResult;
use crate::server::mail::OutgoingMail;
use async_trait::async_trait;

/// One question's score (a level of the guide, or none yet) and note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredAnswer {
    pub question_id: i64,
    pub score: Option<u8>,
    pub note: String,
}

/// An interview record as stored. Never sent as it is: the server functions make a view of it
/// for each reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredRecord {
    pub id: i64,
    pub application_id: i64,
    /// The template version it keeps.
    pub version_id: i64,
    pub summary: String,
    /// The questions answered so far, in no order.
    pub answers: Vec<StoredAnswer>,
    /// The adjustments the interviewer gave, in the list's order.
    pub adjustments: Vec<Adjustment>,
    pub opened_at: i64,
    pub updated_at: i64,
    /// When the candidate asked to read it.
    pub asked_at: Option<i64>,
}

/// A save of part of a record: these answers, and the adjustments and summary when given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordSave<'a> {
    pub record_id: i64,
    pub answers: &'a [StoredAnswer],
    pub adjustments: Option<&'a [Adjustment]>,
    pub summary: Option<&'a str>,
}

#[async_trait]
pub trait RecordStore: Send + Sync + 'static {
    /// Sets (or with `None` takes off) the template vacancy `vacancy_id`'s interviews follow;
    /// false when there is no such template.
    async fn attach_template(&self, vacancy_id: i64, template_id: Option<i64>, by: i64, now: i64) -> DbResult<bool>;

    /// The template vacancy `vacancy_id`'s interviews follow, if any.
    async fn vacancy_template(&self, vacancy_id: i64) -> DbResult<Option<i64>>;

    /// The record of application `application_id`: the one it has, or a new one kept against
    /// the current version of its vacancy's template. `None` when the vacancy has no template
    /// or the application no longer has its person.
    async fn open_record(&self, application_id: i64, by: i64, now: i64) -> DbResult<Option<i64>>;

    async fn interview_record(&self, application_id: i64) -> DbResult<Option<StoredRecord>>;

    /// Saves part of a record, whole or not at all: false (nothing changed) when the record is
    /// gone or an answer is to a question not in its version.
    async fn save_record(&self, save: &RecordSave<'_>, now: i64) -> DbResult<bool>;

    /// The name and address of each employer of vacancy `vacancy_id`'s company: whom the
    /// candidate's asking to read a record is told.
    async fn vacancy_employers(&self, vacancy_id: i64) -> DbResult<Vec<(String, String)>>;

    /// The candidate asks to read record `record_id`: stored with `mail` (to the company) the
    /// first time; false, nothing queued, after that.
    async fn ask_to_read_record(&self, record_id: i64, mail: &[OutgoingMail], now: i64) -> DbResult<bool>;
}

#[derive(sqlx::FromRow)]
pub(crate) struct RecordRow {
    pub(crate) id: i64,
    application_id: i64,
    version_id: i64,
    summary: String,
    opened_at: i64,
    updated_at: i64,
    asked_at: Option<i64>,
}

impl RecordRow {
    pub(crate) fn into_record(self, answers: Vec<(i64, Option<i64>, String)>, codes: &[String]) -> StoredRecord {
        StoredRecord {
            id: self.id,
            application_id: self.application_id,
            version_id: self.version_id,
            summary: self.summary,
            answers: answers
                .into_iter()
                .map(|(question_id, score, note)| StoredAnswer {
                    question_id,
                    score: score.and_then(|s| u8::try_from(s).ok()),
                    note,
                })
                .collect(),
            adjustments: Adjustment::ALL.iter().copied().filter(|a| codes.iter().any(|c| c == a.code())).collect(),
            opened_at: self.opened_at,
            updated_at: self.updated_at,
            asked_at: self.asked_at,
        }
    }
}

macro_rules! impl_record_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::interviews::store::RecordStore for $store {
            async fn attach_template(
                &self,
                vacancy_id: i64,
                template_id: Option<i64>,
                by: i64,
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let Some(template_id) = template_id else {
                    sqlx::query("DELETE FROM vacancy_interview_templates WHERE vacancy_id = $1")
                        .bind(vacancy_id)
                        .execute(self.pool())
                        .await
                        .map_err(DbError::from_sqlx)?;
                    return Ok(true);
                };
                let done = sqlx::query(
                    "INSERT INTO vacancy_interview_templates (vacancy_id, template_id, attached_by, attached_at) \
                     SELECT $1, id, $3, $4 FROM interview_templates WHERE id = $2 \
                     ON CONFLICT (vacancy_id) DO UPDATE SET template_id = excluded.template_id, \
                     attached_by = excluded.attached_by, attached_at = excluded.attached_at",
                )
                .bind(vacancy_id)
                .bind(template_id)
                .bind(by)
                .bind(now)
                .execute(self.pool())
                .await
                .map_err(DbError::from_sqlx)?;
                Ok(done.rows_affected() == 1)
            }

            async fn vacancy_template(&self, vacancy_id: i64) -> $crate::server::db::DbResult<Option<i64>> {
                sqlx::query_scalar("SELECT template_id FROM vacancy_interview_templates WHERE vacancy_id = $1")
                    .bind(vacancy_id)
                    .fetch_optional(self.pool())
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn open_record(
                &self,
                application_id: i64,
                by: i64,
                now: i64,
            ) -> $crate::server::db::DbResult<Option<i64>> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "INSERT INTO interview_records (application_id, version_id, opened_by, opened_at, updated_at) \
                     SELECT a.id, (SELECT v.id FROM interview_template_versions v WHERE v.template_id = vt.template_id \
                     ORDER BY v.number DESC LIMIT 1), $2, $3, $3 \
                     FROM applications a JOIN vacancy_interview_templates vt ON vt.vacancy_id = a.vacancy_id \
                     WHERE a.id = $1 AND a.seeker_id IS NOT NULL \
                     ON CONFLICT (application_id) DO NOTHING",
                )
                .bind(application_id)
                .bind(by)
                .bind(now)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                let id = sqlx::query_scalar("SELECT id FROM interview_records WHERE application_id = $1")
                    .bind(application_id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(id)
            }

            async fn interview_record(
                &self,
                application_id: i64,
            ) -> $crate::server::db::DbResult<Option<$crate::interviews::store::StoredRecord>> {
                use $crate::interviews::store::RecordRow;
                use $crate::server::db::DbError;
                let row: Option<RecordRow> = sqlx::query_as(
                    "SELECT id, application_id, version_id, summary, opened_at, updated_at, asked_at \
                     FROM interview_records WHERE application_id = $1",
                )
                .bind(application_id)
                .fetch_optional(self.pool())
                .await
                .map_err(DbError::from_sqlx)?;
                let Some(row) = row else { return Ok(None) };
                let answers = sqlx::query_as(
                    "SELECT question_id, score, note FROM interview_answers WHERE record_id = $1 ORDER BY question_id",
                )
                .bind(row.id)
                .fetch_all(self.pool())
                .await
                .map_err(DbError::from_sqlx)?;
                let codes: Vec<String> =
                    sqlx::query_scalar("SELECT code FROM interview_record_adjustments WHERE record_id = $1")
                        .bind(row.id)
                        .fetch_all(self.pool())
                        .await
                        .map_err(DbError::from_sqlx)?;
                Ok(Some(row.into_record(answers, &codes)))
            }

            async fn save_record(
                &self,
                save: &$crate::interviews::store::RecordSave<'_>,
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::interviews::store::run;
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let version: Option<i64> = sqlx::query_scalar(&format!(
                    "SELECT version_id FROM interview_records WHERE id = $1{}",
                    <$store as $crate::server::db::EngineStore>::ROW_LOCK
                ))
                .bind(save.record_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                let Some(version) = version else { return Ok(false) };
                for answer in save.answers {
                    let kept = run!(
                        tx,
                        "INSERT INTO interview_answers (record_id, question_id, score, note) \
                         SELECT $1, q.id, $3, $4 FROM interview_questions q \
                         JOIN interview_sections s ON s.id = q.section_id WHERE q.id = $2 AND s.version_id = $5 \
                         ON CONFLICT (record_id, question_id) DO UPDATE SET score = excluded.score, note = excluded.note",
                        save.record_id,
                        answer.question_id,
                        answer.score.map(i64::from),
                        &answer.note,
                        version
                    );
                    if kept != 1 {
                        return Ok(false);
                    }
                }
                if let Some(adjustments) = save.adjustments {
                    run!(tx, "DELETE FROM interview_record_adjustments WHERE record_id = $1", save.record_id);
                    for adjustment in adjustments {
                        run!(
                            tx,
                            "INSERT INTO interview_record_adjustments (record_id, code) VALUES ($1, $2)",
                            save.record_id,
                            adjustment.code()
                        );
                    }
                }
                if let Some(summary) = save.summary {
                    run!(tx, "UPDATE interview_records SET summary = $2 WHERE id = $1", save.record_id, summary);
                }
                run!(tx, "UPDATE interview_records SET updated_at = $2 WHERE id = $1", save.record_id, now);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }

            async fn vacancy_employers(
                &self,
                vacancy_id: i64,
            ) -> $crate::server::db::DbResult<Vec<(String, String)>> {
                sqlx::query_as(
                    "SELECT a.name, a.email FROM accounts a JOIN account_roles r ON r.account_id = a.id \
                     JOIN vacancies v ON v.company_id = r.company_id WHERE v.id = $1 AND r.role = 'employer' \
                     ORDER BY a.id",
                )
                .bind(vacancy_id)
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn ask_to_read_record(
                &self,
                record_id: i64,
                mail: &[$crate::server::mail::OutgoingMail],
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                let mut tx = self.begin_write().await?;
                let done = sqlx::query("UPDATE interview_records SET asked_at = $2 WHERE id = $1 AND asked_at IS NULL")
                    .bind(record_id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)?;
                $crate::server::mail::outbox::commit_once_with_mail!(tx, done, mail, now)
            }
        }
    };
}
pub(crate) use impl_record_store;
