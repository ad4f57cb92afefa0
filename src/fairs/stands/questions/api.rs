//! What the company's questions page reads: the questions left at its stand, with who asked,
//! for its employers, whatever the stand's status or the fair's clock (they answer late ones).

#[cfg(feature = "ssr")]
use super::{Asking, OwnQuestion, StandQuestionsPart};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A question as the stand's company reads it, to answer it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoothQuestion {
    pub id: i64,
    /// The asker's name, to answer them as a person; never their email.
    pub asker_name: String,
    pub question: String,
    pub asked_at: i64,
    /// Empty until answered.
    pub answer: String,
    pub answered_at: Option<i64>,
}

/// The questions page of a stand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandQuestions {
    pub stand_id: i64,
    pub company_name: String,
    pub fair_title: String,
    /// Oldest first.
    pub questions: Vec<BoothQuestion>,
}

/// The questions of stand `id`, for its company's employers.
#[server(endpoint = "fairs/stand-questions")]
pub async fn read_stand_questions(id: i64) -> Result<StandQuestions, AppError> {
    use crate::domain::Role;
    use crate::fairs::stands::rules::acts_for;
    let current = crate::server::access::acting_as(&[Role::Employer])?;
    let store = crate::server::state::store()?;
    let stand = store.stand(id).await?.ok_or(AppError::NotFound)?;
    if !acts_for(&current.actor, stand.company_id) {
        return Err(AppError::NotFound);
    }
    let questions = store.stand_questions(id).await?;
    Ok(StandQuestions {
        stand_id: id,
        company_name: stand.company_name,
        fair_title: stand.fair_title,
        questions: questions
            .into_iter()
            .map(|q| BoothQuestion {
                id: q.id,
                asker_name: q.asker_name,
                question: q.question,
                asked_at: q.asked_at,
                answer: q.answer,
                answered_at: q.answered_at,
            })
            .collect(),
    })
}

/// The questions part of stand `stand`'s page for `actor` (or someone signed out) at `now`.
#[cfg(feature = "ssr")]
pub(crate) async fn questions_part(
    store: &dyn crate::server::db::Store,
    actor: Option<&crate::domain::Actor>,
    stand: &crate::fairs::stands::store::StoredStand,
    now: i64,
) -> Result<StandQuestionsPart, AppError> {
    use crate::fairs::stands::rules::{acts_for, may_leave_question, questions_close_at, QuestionRefusal};
    let Some(actor) = actor else {
        return Ok(StandQuestionsPart { own: Vec::new(), asking: Asking::SignInFirst, unanswered: None });
    };
    let unanswered = if acts_for(actor, stand.company_id) {
        Some(store.stand_questions(stand.id).await?.iter().filter(|q| q.answered_at.is_none()).count())
    } else {
        None
    };
    let own: Vec<OwnQuestion> = if actor.has(crate::domain::Role::Seeker) {
        store
            .questions_asked(actor.account_id, stand.fair_id)
            .await?
            .into_iter()
            .filter(|q| q.stand_id == stand.id)
            .map(own_question)
            .collect()
    } else {
        Vec::new()
    };
    let open = own.iter().filter(|q| q.answered_at.is_none()).count();
    let asking = match may_leave_question(actor, stand.status, &stand.fair, now, open) {
        Ok(()) => Asking::Open { closes_at: questions_close_at(&stand.fair) },
        Err(QuestionRefusal::NotSeeker) => Asking::NotAsker,
        Err(QuestionRefusal::TooMany) => Asking::TooMany,
        Err(QuestionRefusal::Closed) => Asking::Closed,
    };
    Ok(StandQuestionsPart { own, asking, unanswered })
}

/// A stored question as its asker follows it.
#[cfg(feature = "ssr")]
pub(crate) fn own_question(q: super::store::StoredQuestion) -> OwnQuestion {
    OwnQuestion {
        id: q.id,
        stand_id: q.stand_id,
        company_name: q.company_name,
        question: q.question,
        asked_at: q.asked_at,
        answer: q.answer,
        answered_at: q.answered_at,
    }
}
