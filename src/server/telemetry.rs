//! Logging: `tracing` to stdout, as JSON lines or text, filtered by `RUST_LOG`. Every line
//! written while a request is handled carries that request's id (see `server::http`).

use crate::server::config::LogFormat;
use tracing_subscriber::{fmt, layer::SubscriberExt, util::SubscriberInitExt, EnvFilter};

pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let registry = tracing_subscriber::registry().with(filter);
    match format {
        LogFormat::Json => {
            registry.with(fmt::layer().json().flatten_event(true).with_current_span(true).with_span_list(false)).init()
        }
        LogFormat::Text => registry.with(fmt::layer().with_target(false)).init(),
    }
}
