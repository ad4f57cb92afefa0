//! What every request handler and server function can reach: the store and the Leptos options.

use crate::error::AppError;
use crate::server::auth::password::Passwords;
use crate::server::auth::session::SessionPolicy;
use crate::server::db::Store;
use crate::server::mail::Outbox;
use axum::extract::FromRef;
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub leptos: LeptosOptions,
    pub passwords: Arc<Passwords>,
    pub sessions: SessionPolicy,
    /// `scheme://host[:port]` people reach Senda at; see `SENDA_PUBLIC_ORIGIN`.
    pub public_origin: String,
    pub outbox: Outbox,
    /// Behind a reverse proxy that sets `X-Forwarded-For`; see `SENDA_TRUST_FORWARDED_FOR`.
    pub trust_forwarded_for: bool,
    /// Accounts made from one address; see `SENDA_SIGN_UPS_PER_ADDRESS_PER_HOUR`.
    pub sign_up_per_ip: crate::server::auth::limits::Limit,
    /// The fair-wording rules vacancies are checked against.
    pub wording: Arc<crate::vacancies::wording::FairWording>,
    /// The wording rules interview templates' questions are checked against.
    pub question_wording: Arc<crate::interviews::wording::QuestionWording>,
    /// Where uploaded videos are kept.
    pub media: Arc<dyn crate::server::media_store::MediaStore>,
    /// Largest video accepted, in bytes; see `SENDA_VIDEO_MAX_MB`.
    pub video_max_bytes: u64,
    /// Bytes of videos one account may have waiting for a second try; see
    /// `SENDA_PARKED_VIDEO_MB`.
    pub parked_video_quota: u64,
    /// How long after a decision an employer still reads the applicant; see
    /// `SENDA_APPLICANT_KEPT_DAYS`.
    pub applicant_kept_secs: i64,
    /// The relying party passkeys are made for, from `SENDA_PUBLIC_ORIGIN`; `None` on a site
    /// reached at an IP address, where browsers take none.
    pub passkeys: Option<Arc<webauthn_rs::prelude::Webauthn>>,
    /// Where video interviews happen; see `SENDA_MEETING_BASE_URL`. `None`: no video slots.
    pub meeting_rooms: Option<Arc<dyn crate::fairs::stands::slots::rooms::MeetingRooms>>,
    /// How news of a stand chat reaches its followers: this server's alone until `serve`
    /// puts the database's hub here (every app server's, on PostgreSQL).
    pub chat_hub: Arc<dyn crate::fairs::stands::chat::hub::ChatHub>,
}

impl AppState {
    pub fn new(
        store: Arc<dyn Store>,
        leptos: LeptosOptions,
        config: &crate::server::config::Config,
    ) -> anyhow::Result<Self> {
        Ok(AppState {
            store,
            leptos,
            passwords: Arc::new(Passwords::new(
                config.argon2_memory_kib,
                config.argon2_iterations,
                config.password_hash_concurrency,
                config.password_hash_queue,
            )?),
            sessions: SessionPolicy::from_config(config),
            public_origin: config.public_origin.trim_end_matches('/').to_string(),
            outbox: Outbox::default(),
            trust_forwarded_for: config.trust_forwarded_for,
            sign_up_per_ip: crate::server::auth::limits::Limit {
                max: config.sign_ups_per_address_per_hour.max(1),
                ..crate::server::auth::limits::SIGN_UP_PER_IP
            },
            wording: Arc::new(crate::vacancies::wording::FairWording::load(config.fair_wording_rules.as_deref())?),
            question_wording: Arc::new(crate::interviews::wording::QuestionWording::load(
                config.interview_wording_rules.as_deref(),
            )?),
            media: Arc::new(crate::server::media_store::LocalFolder::open(&config.uploads_dir).map_err(|err| {
                anyhow::anyhow!(
                    "cannot use the uploads folder {} (SENDA_UPLOADS_DIR): {err}",
                    config.uploads_dir.display()
                )
            })?),
            video_max_bytes: config.video_max_mb.saturating_mul(1024 * 1024),
            parked_video_quota: config.parked_video_mb.saturating_mul(1024 * 1024),
            applicant_kept_secs: config.applicant_kept_days.max(0).saturating_mul(86_400),
            passkeys: crate::second_factor::passkey::relying_party(&config.public_origin).map(Arc::new),
            meeting_rooms: meeting_rooms(config.meeting_base_url.as_deref())?,
            chat_hub: Arc::new(crate::fairs::stands::chat::hub::LocalHub::new()),
        })
    }
}

/// The meeting-room provider `SENDA_MEETING_BASE_URL` names; a value that is not a usable
/// address stops the start rather than make rooms no one can open.
fn meeting_rooms(
    base: Option<&str>,
) -> anyhow::Result<Option<Arc<dyn crate::fairs::stands::slots::rooms::MeetingRooms>>> {
    use crate::fairs::stands::slots::rooms::NamedRooms;
    match base.map(str::trim).filter(|base| !base.is_empty()) {
        None => Ok(None),
        Some(base) => match NamedRooms::from_base(base) {
            Some(rooms) => Ok(Some(Arc::new(rooms))),
            None => anyhow::bail!("SENDA_MEETING_BASE_URL must be an https:// address without a query (got {base:?})"),
        },
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}

/// The store, from inside a page or server function.
pub fn store() -> Result<Arc<dyn Store>, AppError> {
    app_state().map(|state| state.store)
}

/// The whole state (settings included), from inside a page or server function.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| AppError::internal("AppState missing from the Leptos context"))
}

/// The fair-wording rules, from inside a server function.
pub fn wording() -> Result<Arc<crate::vacancies::wording::FairWording>, AppError> {
    app_state().map(|state| state.wording)
}
