//! The storage story: the same cases on SQLite always and on PostgreSQL when
//! `TEST_DATABASE_URL` is set, one file per area; `on_both_engines!` makes each story a test
//! on each engine, and the helpers each area defines are shared with the others.

use crate::common;
use senda::accounts::store::EmailChange;
use senda::accounts::{Role, RoleGrant};
use senda::audit::store::AuditQuery;
use senda::audit::AuditAction;
use senda::domain::Email;
use senda::domain::{Region, Ruc};
use senda::media::store::VideoOwner;
use senda::organisations::{NewCentre, NewCompany};
use senda::server::audit::AuditEvent;
use senda::server::auth::{NewAccount, NewSession, NewToken, TokenPurpose};
use senda::server::db::{DbError, Engine, OpenError, Retention, Rule};
use senda::server::mail::OutgoingMail;
use senda::vacancies::search::{SearchQuery, SearchResults, SortOrder};
use senda::vacancies::{ContractType, Modality, ReportReason, VacancyDraft, VacancyStatus, WorkingHours};
use sqlx::Connection;

/// Generates one `sqlite` and one `postgres` test for each story function.
macro_rules! on_both_engines {
    ($($story:ident),+ $(,)?) => {$(
        mod $story {
            use super::*;

            #[tokio::test]
            async fn sqlite() {
                let db = common::sqlite().await;
                super::$story(&db).await;
                db.cleanup().await;
            }

            #[tokio::test]
            async fn postgres() {
                match common::postgres().await {
                    Some(db) => {
                        super::$story(&db).await;
                        db.cleanup().await;
                    }
                    None => common::postgres_skipped(stringify!($story)),
                }
            }
        }
    )+};
}

mod accounts;
mod alerts;
mod applications;
mod audit;
mod chat;
mod chat_reports;
mod companies;
mod database;
mod fairs;
mod interviews;
mod outcomes;
mod passkeys;
mod questions;
mod register;
mod registrations;
mod search;
mod second_factor;
mod shifts;
mod slots;
mod stands;
mod vacancies;

#[allow(unused_imports)]
use accounts::*;
#[allow(unused_imports)]
use alerts::*;
#[allow(unused_imports)]
use applications::*;
#[allow(unused_imports)]
use audit::*;
#[allow(unused_imports)]
use companies::*;
#[allow(unused_imports)]
use database::*;
#[allow(unused_imports)]
use register::*;
#[allow(unused_imports)]
use search::*;
#[allow(unused_imports)]
use vacancies::*;

pub(crate) fn event(action: AuditAction, at: i64) -> AuditEvent {
    AuditEvent::new(action, at, "203.0.113.9")
}

pub(crate) fn admin_role() -> RoleGrant {
    RoleGrant { role: Role::Admin, company_id: None, centre_id: None }
}

/// The audit log as an admin reads it with no filter, oldest first: (action, actor, subject).
pub(crate) async fn audit_trail(store: &dyn senda::server::db::Store) -> Vec<(String, Option<i64>, Option<i64>)> {
    let query = AuditQuery { limit: 1000, ..AuditQuery::default() };
    let mut events: Vec<_> = store
        .audit_events(&query)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.action, e.actor.map(|p| p.id), e.subject.map(|p| p.id)))
        .collect();
    events.reverse();
    events
}

pub(crate) fn centre(name: &str) -> NewCentre {
    NewCentre {
        name: name.into(),
        region: Region::parse("cusco").unwrap(),
        address: "Av. El Sol 123, Cusco".into(),
        phone: "(084) 22-3344".into(),
        email: "cusco@example.pe".into(),
    }
}

pub(crate) fn company(name: &str, ruc: &str) -> NewCompany {
    NewCompany {
        legal_name: name.into(),
        ruc: Ruc::parse(ruc).unwrap(),
        sector: "Comercio".into(),
        region: Region::parse("piura").unwrap(),
        verified: false,
    }
}
