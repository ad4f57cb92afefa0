//! Server functions of stands: a view for each reader. Everyone sees a public fair's accepted
//! stands; the organisers see every request with what it says; a company's employers see
//! their company's requests and answers. A stand no one may see is not found.

use crate::error::AppError;
use crate::fairs::rules::Phase;
use crate::vacancies::Accommodation;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::StandStatus;

/// A stand as a fair's page lists it for everyone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandCard {
    pub id: i64,
    pub company_name: String,
    pub sector: String,
    pub accommodations: Vec<Accommodation>,
}

/// A company's request as the fair's organisers read it, to answer it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandRequest {
    pub id: i64,
    pub company_name: String,
    pub sector: String,
    pub introduction: String,
    pub accommodations: Vec<Accommodation>,
    pub status: StandStatus,
    pub asked_at: i64,
    pub decline_reason: String,
    /// It waits for an answer, and the fair still takes stands.
    pub may_decide: bool,
}

/// The reader's company's request at this fair, as its employers follow it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnStand {
    pub id: i64,
    pub company_name: String,
    pub status: StandStatus,
    /// Why the organiser declined it, when they did.
    pub decline_reason: String,
    pub may_withdraw: bool,
}

/// The stands part of a fair's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FairStands {
    /// Accepted stands, for everyone.
    pub stands: Vec<StandCard>,
    /// Every request, for the organisers alone; empty for anyone else.
    pub requests: Vec<StandRequest>,
    /// The requests of the companies the reader acts for.
    pub own: Vec<OwnStand>,
    /// The reader acts for a company that may ask for a stand here now.
    pub may_ask: bool,
    /// The questions the reader left at this fair's stands, oldest first.
    pub questions: Vec<super::questions::OwnQuestion>,
}

/// The stands of fair `fair_id`, as the reader may see them.
#[server(endpoint = "fairs/stands")]
pub async fn read_fair_stands(fair_id: i64) -> Result<FairStands, AppError> {
    use super::rules::{acts_for, companies_of, is_public, may_change, may_decide};
    use crate::fairs::rules::{may_manage, phase};
    let store = crate::server::state::store()?;
    let facts = store.fair_facts(fair_id).await?.ok_or(AppError::NotFound)?;
    let actor = crate::server::auth::session::current().map(|current| current.actor);
    let phase = phase(&facts, crate::server::auth::now());
    let organiser = actor.as_ref().is_some_and(|actor| may_manage(actor, facts.centre_id));
    if !phase.is_public() && !organiser {
        return Err(AppError::NotFound);
    }
    let companies = async {
        match &actor {
            Some(actor) if !companies_of(actor).is_empty() => store.companies_of_account(actor.account_id).await,
            _ => Ok(Vec::new()),
        }
    };
    let questions = async {
        match &actor {
            Some(actor) if actor.has(crate::domain::Role::Seeker) => {
                store.questions_asked(actor.account_id, fair_id).await
            }
            _ => Ok(Vec::new()),
        }
    };
    let (stored, list, companies, questions) =
        tokio::join!(store.fair_stands(fair_id), store.accommodation_list(), companies, questions);
    let (stored, list, companies) = (stored?, list?, companies?);
    let questions = questions?.into_iter().map(super::questions::api::own_question).collect();
    let named = |codes: &[String]| named_accommodations(&list, codes);
    let stands = stored
        .iter()
        .filter(|s| is_public(s.status, phase))
        .map(|s| StandCard {
            id: s.id,
            company_name: s.company_name.clone(),
            sector: s.sector.clone(),
            accommodations: named(&s.accommodations),
        })
        .collect();
    let requests = match (&actor, organiser) {
        (Some(actor), true) => stored
            .iter()
            .map(|s| StandRequest {
                id: s.id,
                company_name: s.company_name.clone(),
                sector: s.sector.clone(),
                introduction: s.introduction.clone(),
                accommodations: named(&s.accommodations),
                status: s.status,
                asked_at: s.asked_at,
                decline_reason: s.decline_reason.clone(),
                may_decide: may_decide(actor, facts.centre_id, phase, s.status).is_ok(),
            })
            .collect(),
        _ => Vec::new(),
    };
    let (own, may_ask) = match &actor {
        Some(actor) => {
            let own = stored
                .iter()
                .filter(|s| acts_for(actor, s.company_id))
                .map(|s| OwnStand {
                    id: s.id,
                    company_name: s.company_name.clone(),
                    status: s.status,
                    decline_reason: s.decline_reason.clone(),
                    may_withdraw: may_change(actor, s.company_id, phase, s.status).is_ok(),
                })
                .collect();
            let may_ask = companies.iter().any(|company| {
                let current = stored.iter().find(|s| s.company_id == company.id).map(|s| s.status);
                super::rules::may_ask(actor, company.id, company.verified, phase, current).is_ok()
            });
            (own, may_ask)
        }
        None => (Vec::new(), false),
    };
    Ok(FairStands { stands, requests, own, may_ask, questions })
}

/// A vacancy a stand links to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandVacancy {
    pub id: i64,
    pub title: String,
    /// A region slug.
    pub region: String,
    pub closes_at: i64,
}

/// One stand's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandView {
    pub id: i64,
    pub fair_id: i64,
    pub fair_title: String,
    pub fair_phase: Phase,
    pub company_name: String,
    pub sector: String,
    /// A region slug.
    pub region: String,
    pub introduction: String,
    pub accommodations: Vec<Accommodation>,
    /// The company's vacancies open now, to read and apply to.
    pub vacancies: Vec<StandVacancy>,
    /// Accepted for everyone; the company and the organisers see it in every status.
    pub status: StandStatus,
    /// Its sign-language introduction, when it has one.
    pub video: Option<crate::media::SignVideo>,
    /// Who keeps it and when, soonest first.
    pub on_duty: Vec<super::shifts::OnDuty>,
    /// Questions left at it: the reader's own, whether they may leave one, and for its
    /// employers how many wait.
    pub questions: super::questions::StandQuestionsPart,
    /// Its interview slots: the free ones, and what the reader may do about them.
    pub slots: super::slots::api::SlotsPart,
    /// Its live chat while the fair runs: the way in for the reader.
    pub chat: super::chat::StandChatPart,
    /// The reader acts for the company and may change the stand: its video, or take it back.
    pub may_change: bool,
    /// The reader acts for the company, or organises the fair: the stand's outcomes are theirs
    /// to read once it is accepted.
    pub reads_outcomes: bool,
    /// The reader acts for the company and may follow up its interviews: also some weeks past
    /// the fair, when nothing else of the stand changes.
    pub follows_up: bool,
}

/// The stand `id`: everyone's once accepted at a public fair; its company's and the fair's
/// organisers' in every status; unknown to anyone else.
#[server(endpoint = "fairs/stand")]
pub async fn read_stand(id: i64) -> Result<StandView, AppError> {
    use super::rules::{acts_for, is_public, may_change, may_follow_up};
    use crate::fairs::rules::{may_manage, phase};
    use crate::vacancies::VacancyStatus;
    let store = crate::server::state::store()?;
    let stand = store.stand(id).await?.ok_or(AppError::NotFound)?;
    let facts = stand.fair;
    let now = crate::server::auth::now();
    let phase = phase(&facts, now);
    let actor = crate::server::auth::session::current().map(|current| current.actor);
    let own = actor.as_ref().is_some_and(|actor| acts_for(actor, stand.company_id));
    let organiser = actor.as_ref().is_some_and(|actor| may_manage(actor, facts.centre_id));
    if !is_public(stand.status, phase) && !own && !organiser {
        return Err(AppError::NotFound);
    }
    let (list, vacancies, video, shifts, questions, slots, chat) = tokio::join!(
        store.accommodation_list(),
        store.company_vacancies(stand.company_id),
        store.sign_video(crate::media::store::VideoOwner::Stand(id)),
        store.stand_shifts(id),
        super::questions::api::questions_part(store.as_ref(), actor.as_ref(), &stand, now),
        super::slots::api::slots_part(store.as_ref(), actor.as_ref(), &stand, now),
        super::chat::api::chat_part(store.as_ref(), actor.as_ref(), &stand, now)
    );
    let (questions, slots, chat) = (questions?, slots?, chat?);
    let on_duty = shifts?
        .into_iter()
        .map(|s| super::shifts::OnDuty { name: s.name, starts_at: s.starts_at, ends_at: s.ends_at })
        .collect();
    let vacancies = vacancies?
        .into_iter()
        .filter(|v| v.status == VacancyStatus::Published && v.closes_at > now)
        .map(|v| StandVacancy { id: v.id, title: v.title, region: v.region, closes_at: v.closes_at })
        .collect();
    Ok(StandView {
        id: stand.id,
        fair_id: stand.fair_id,
        fair_title: stand.fair_title,
        fair_phase: phase,
        company_name: stand.company_name,
        sector: stand.sector,
        region: stand.region,
        introduction: stand.introduction,
        accommodations: named_accommodations(&list?, &stand.accommodations),
        vacancies,
        status: stand.status,
        video: video?,
        on_duty,
        questions,
        slots,
        chat,
        reads_outcomes: (own || organiser) && stand.status == super::StandStatus::Accepted,
        follows_up: actor
            .as_ref()
            .is_some_and(|actor| may_follow_up(actor, stand.company_id, &facts, now, stand.status).is_ok()),
        may_change: actor.is_some_and(|actor| may_change(&actor, stand.company_id, phase, stand.status).is_ok()),
    })
}

/// The video slot of stand `id`, for its company's employers while they may change it.
#[server(endpoint = "fairs/stand-video-slot")]
pub async fn read_stand_video_slot(id: i64) -> Result<crate::media::slot_form::VideoSlot, AppError> {
    use super::rules::{may_change, Refusal};
    use crate::domain::Role;
    use crate::fairs::rules::phase;
    let current = crate::server::access::acting_as(&[Role::Employer])?;
    let state = crate::server::state::app_state()?;
    let stand = state.store.stand(id).await?.ok_or(AppError::NotFound)?;
    match may_change(&current.actor, stand.company_id, phase(&stand.fair, crate::server::auth::now()), stand.status) {
        Ok(()) => {}
        Err(Refusal::NotYours) => return Err(AppError::NotFound),
        Err(_) => return Err(AppError::Forbidden),
    }
    // The company's name says whose stand.
    crate::media::slot::slot_view(&state, crate::media::store::VideoOwner::Stand(id), stand.company_name).await
}

/// A company the reader may ask a stand for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AskingCompany {
    pub id: i64,
    pub name: String,
}

/// What the request form starts from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandForm {
    pub fair_id: i64,
    pub fair_title: String,
    /// The reader's companies that may ask here now; empty says none may (the page says why).
    pub companies: Vec<AskingCompany>,
    /// The accommodations a stand may offer.
    pub accommodations: Vec<Accommodation>,
}

/// The request form for fair `fair_id`, for employers; not found unless the fair is public.
#[server(endpoint = "fairs/stand-form")]
pub async fn read_stand_form(fair_id: i64) -> Result<StandForm, AppError> {
    use super::rules::may_ask;
    use crate::domain::Role;
    use crate::fairs::rules::phase;
    let current = crate::server::access::acting_as(&[Role::Employer])?;
    let store = crate::server::state::store()?;
    let fair = store.fair(fair_id).await?.ok_or(AppError::NotFound)?;
    let phase = phase(&fair.facts(), crate::server::auth::now());
    if !phase.is_public() {
        return Err(AppError::NotFound);
    }
    let (stored, list, companies) = tokio::join!(
        store.fair_stands(fair_id),
        store.accommodations(),
        store.companies_of_account(current.actor.account_id)
    );
    let (stored, companies) = (stored?, companies?);
    let companies = companies
        .into_iter()
        .filter(|c| {
            let status = stored.iter().find(|s| s.company_id == c.id).map(|s| s.status);
            may_ask(&current.actor, c.id, c.verified, phase, status).is_ok()
        })
        .map(|c| AskingCompany { id: c.id, name: c.legal_name })
        .collect();
    Ok(StandForm { fair_id, fair_title: fair.draft.title, companies, accommodations: list? })
}

/// The entries of the whole list (retired ones too: a stand keeps what it offered) whose codes
/// are `codes`, in the list's order.
#[cfg(feature = "ssr")]
fn named_accommodations(list: &[crate::vacancies::ListedAccommodation], codes: &[String]) -> Vec<Accommodation> {
    list.iter().filter(|a| codes.contains(&a.entry.code)).map(|a| a.entry.clone()).collect()
}
