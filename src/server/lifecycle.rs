//! Starting and stopping: open and migrate the database, serve, and on SIGTERM or Ctrl-C stop
//! taking connections, let in-flight requests finish for a bounded time, close the pool.

use crate::server::config::Config;
use crate::server::db::{self, prelude::*, OpenError};
use crate::server::mail::Transport;
use crate::server::{demo, http, state::AppState};
use leptos::prelude::LeptosOptions;
use std::sync::Arc;
use tokio::sync::Notify;

/// Opens the database `config` names and brings its schema up to date.
pub async fn open_store(config: &Config) -> Result<Arc<dyn Store>, OpenError> {
    let store = db::open(&config.database_url, config.db_max_connections).await?;
    store.migrate().await?;
    Ok(store)
}

/// Serves until a shutdown signal, then drains and closes.
pub async fn serve(config: Config, leptos: LeptosOptions) -> anyhow::Result<()> {
    let store = open_store(&config).await?;
    if config.demo_data && demo::seed(store.as_ref()).await? {
        let board = demo::seed_board(store.as_ref(), config.demo_vacancies).await?;
        tracing::info!(board, "empty database: demo records loaded (SENDA_DEMO_DATA=false turns this off)");
    }
    let addr = leptos.site_addr;
    let chat_hub = crate::fairs::stands::chat::hub::hub_for(&config.database_url)
        .await
        .map_err(|err| anyhow::anyhow!("cannot listen for stand chat news on the database: {err}"))?;
    let state = AppState { chat_hub, ..AppState::new(store.clone(), leptos, &config)? };
    let (background_stop, stopped) = tokio::sync::watch::channel(false);
    let transport = Transport::from_config(&config)?;
    tracing::info!("{}", transport.describe());
    let sender = tokio::spawn(state.outbox.clone().run_sender(store.clone(), transport, stopped.clone()));
    let purger = tokio::spawn(purge_expired_regularly(
        store.clone(),
        state.media.clone(),
        state.outbox.clone(),
        state.public_origin.clone(),
        config.retention(),
        stopped,
    ));
    // The peer address feeds the per-IP rate limits.
    let app = http::router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {addr} (LEPTOS_SITE_ADDR): {e}"))?;
    match store.describe().await {
        Ok(settings) => tracing::info!(database = %db::redact(&config.database_url), %settings, "database ready"),
        Err(err) => tracing::warn!(error = %err, "cannot read the database settings"),
    }
    tracing::info!(%addr, "Senda is listening on http://{addr}");

    let stop = Arc::new(Notify::new());
    let server = {
        let stop = stop.clone();
        tokio::spawn(async move {
            axum::serve(listener, app).with_graceful_shutdown(async move { stop.notified().await }).await
        })
    };
    let mut server = std::pin::pin!(server);
    tokio::select! {
        result = &mut server => {
            result??;
        }
        () = shutdown_signal() => {
            let grace = config.shutdown_grace();
            tracing::info!(grace_secs = grace.as_secs(), "shutting down: finishing requests in flight");
            stop.notify_one();
            match tokio::time::timeout(grace, &mut server).await {
                Ok(result) => {
                    result??;
                    tracing::info!("all requests finished");
                }
                Err(_) => tracing::warn!("drain time over: exiting with requests still in flight"),
            }
        }
    }
    let _ = background_stop.send(true);
    let _ = tokio::join!(sender, purger);
    store.close().await;
    tracing::info!("database closed; bye");
    Ok(())
}

/// Every ten minutes, on every app server: deletes expired sessions, links and counters, old
/// delivered mail, the stand chats of fairs long over, and scratch files past their day (this
/// server's own folder), closes the vacancies whose closing date has ended (both are
/// idempotent, so servers need not agree on whose turn it is; pages never show a vacancy past
/// its date meanwhile), and sends the saved searches' alerts that are due (each is taken by one
/// server only).
async fn purge_expired_regularly(
    store: Arc<dyn Store>,
    media: Arc<dyn crate::server::media_store::MediaStore>,
    outbox: crate::server::mail::Outbox,
    origin: String,
    kept: crate::server::db::Retention,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    loop {
        let now = crate::server::auth::now();
        match store.purge_expired(now, &kept).await {
            Ok(0) => {}
            Ok(purged) => {
                tracing::info!(purged, "expired sessions, links, counters, delivered mail and old stand chats deleted")
            }
            Err(err) => tracing::warn!(error = %err, "cannot delete expired rows"),
        }
        match crate::media::parked::sweep(media.scratch(), crate::media::parked::KEPT_FOR).await {
            0 => {}
            deleted => tracing::info!(deleted, "scratch files past their day deleted"),
        }
        match store.close_expired(now).await {
            Ok(0) => {}
            Ok(closed) => tracing::info!(closed, "vacancies closed at the end of their closing date"),
            Err(err) => tracing::warn!(error = %err, "cannot close the vacancies past their closing date"),
        }
        match crate::alerts::sender::send_due_alerts(store.as_ref(), &origin, now).await {
            Ok(0) => {}
            Ok(queued) => {
                tracing::info!(queued, "saved-search alerts queued");
                outbox.queued();
            }
            Err(err) => tracing::warn!(error = %err, "cannot send the saved-search alerts; trying again later"),
        }
        tokio::select! {
            _ = tokio::time::sleep(std::time::Duration::from_secs(600)) => {}
            _ = stop.changed() => return,
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
