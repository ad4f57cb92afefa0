//! Storage of stands' questions. The insert checks again, in its own statement, that the stand
//! takes questions and the person has room for one more; the answer is written once, with its
//! message queued in the same transaction.

use crate::server::db::DbResult;
use crate::server::mail::OutgoingMail;
use async_trait::async_trait;

/// A question as a job seeker leaves it (already checked).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewQuestion {
    pub stand_id: i64,
    pub by: i64,
    pub question: String,
}

/// A company's answer to a question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionAnswer<'a> {
    pub question_id: i64,
    pub stand_id: i64,
    pub answer: &'a str,
    pub by: i64,
    /// The message to the person who asked, queued with the answer.
    pub mail: Option<&'a OutgoingMail>,
}

/// A stored question with its stand's company and its asker. Never sent as it is.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct StoredQuestion {
    pub id: i64,
    pub stand_id: i64,
    pub company_name: String,
    pub asked_by: i64,
    pub asker_name: String,
    pub asker_email: String,
    pub question: String,
    pub asked_at: i64,
    pub answer: String,
    pub answered_at: Option<i64>,
}

#[async_trait]
pub trait QuestionStore: Send + Sync + 'static {
    /// Stores the question if, at `now`, the stand is accepted at a published fair that ended
    /// less than `closes_after` seconds ago (or is ahead), and its asker has fewer than
    /// `most_open` questions there waiting; `None` otherwise, nothing written.
    async fn leave_question(
        &self,
        question: &NewQuestion,
        now: i64,
        closes_after: i64,
        most_open: i64,
    ) -> DbResult<Option<i64>>;

    /// Answers a question of stand `stand_id` not answered yet, queuing its message; false
    /// (nothing written, nothing queued) otherwise.
    async fn answer_question(&self, answer: &QuestionAnswer<'_>, now: i64) -> DbResult<bool>;

    /// The questions left at a stand, oldest first.
    async fn stand_questions(&self, stand_id: i64) -> DbResult<Vec<StoredQuestion>>;

    /// The questions `account_id` left at the stands of fair `fair_id`, oldest first.
    async fn questions_asked(&self, account_id: i64, fair_id: i64) -> DbResult<Vec<StoredQuestion>>;
}

/// The columns of a question, in the order [`StoredQuestion`] reads them, `q` the question.
pub(crate) const QUESTION_SELECT: &str = "SELECT q.id, q.stand_id, co.legal_name AS company_name, q.asked_by, \
     a.name AS asker_name, a.email AS asker_email, q.question, q.asked_at, q.answer, q.answered_at \
     FROM stand_questions q JOIN fair_stands s ON s.id = q.stand_id JOIN companies co ON co.id = s.company_id \
     JOIN accounts a ON a.id = q.asked_by";

macro_rules! impl_question_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::fairs::stands::questions::store::QuestionStore for $store {
            async fn leave_question(
                &self,
                question: &$crate::fairs::stands::questions::store::NewQuestion,
                now: i64,
                closes_after: i64,
                most_open: i64,
            ) -> $crate::server::db::DbResult<Option<i64>> {
                sqlx::query_scalar(
                    "INSERT INTO stand_questions (stand_id, asked_by, question, asked_at) \
                     SELECT s.id, $2, $3, $4 FROM fair_stands s JOIN fairs f ON f.id = s.fair_id \
                     WHERE s.id = $1 AND s.status = 'accepted' AND f.status = 'published' AND f.ends_at + $5 > $4 \
                       AND (SELECT COUNT(*) FROM stand_questions o WHERE o.stand_id = s.id AND o.asked_by = $2 \
                            AND o.answered_at IS NULL) < $6 \
                     RETURNING id",
                )
                .bind(question.stand_id)
                .bind(question.by)
                .bind(&question.question)
                .bind(now)
                .bind(closes_after)
                .bind(most_open)
                .fetch_optional(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn answer_question(
                &self,
                answer: &$crate::fairs::stands::questions::store::QuestionAnswer<'_>,
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE stand_questions SET answer = $1, answered_by = $2, answered_at = $3 \
                     WHERE id = $4 AND stand_id = $5 AND answered_at IS NULL",
                )
                .bind(answer.answer)
                .bind(answer.by)
                .bind(now)
                .bind(answer.question_id)
                .bind(answer.stand_id)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                $crate::server::mail::outbox::commit_once_with_mail!(tx, done, answer.mail, now)
            }

            async fn stand_questions(
                &self,
                stand_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::fairs::stands::questions::store::StoredQuestion>> {
                sqlx::query_as(&format!(
                    "{} WHERE q.stand_id = $1 ORDER BY q.asked_at, q.id",
                    $crate::fairs::stands::questions::store::QUESTION_SELECT
                ))
                .bind(stand_id)
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn questions_asked(
                &self,
                account_id: i64,
                fair_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::fairs::stands::questions::store::StoredQuestion>> {
                sqlx::query_as(&format!(
                    "{} WHERE q.asked_by = $1 AND s.fair_id = $2 ORDER BY q.asked_at, q.id",
                    $crate::fairs::stands::questions::store::QUESTION_SELECT
                ))
                .bind(account_id)
                .bind(fair_id)
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }
        }
    };
}
pub(crate) use impl_question_store;
