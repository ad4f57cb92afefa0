//! How a stand chat's news reaches whoever follows the conversation, on whichever app server
//! they are connected to. The hub carries only "conversation N has news"; the follower then
//! reads the store after the last message it has, so a lost or repeated wake-up never loses or
//! repeats a message. One server on SQLite wakes its own followers; several app servers on one
//! PostgreSQL wake each other through `LISTEN`/`NOTIFY`.

use crate::server::db::{DbError, DbResult};
use async_trait::async_trait;
use std::sync::Arc;
use tokio::sync::broadcast;

/// The PostgreSQL channel the app servers announce on.
const CHANNEL: &str = "senda_stand_chat";
/// How many wake-ups a slow follower may fall behind before it is told it lagged (it then
/// reads again all it follows).
const BACKLOG: usize = 1_024;

#[async_trait]
pub trait ChatHub: Send + Sync + 'static {
    /// Tells every follower, on every app server, that conversation `conversation_id` has news.
    async fn announce(&self, conversation_id: i64) -> DbResult<()>;

    /// The conversations with news, as they are announced anywhere, from now on.
    fn follow(&self) -> broadcast::Receiver<i64>;
}

/// The hub of a single app server.
pub struct LocalHub {
    news: broadcast::Sender<i64>,
}

impl LocalHub {
    pub fn new() -> LocalHub {
        LocalHub { news: broadcast::channel(BACKLOG).0 }
    }
}

impl Default for LocalHub {
    fn default() -> Self {
        LocalHub::new()
    }
}

#[async_trait]
impl ChatHub for LocalHub {
    async fn announce(&self, conversation_id: i64) -> DbResult<()> {
        // No one following is fine: nobody has the conversation open.
        let _ = self.news.send(conversation_id);
        Ok(())
    }

    fn follow(&self) -> broadcast::Receiver<i64> {
        self.news.subscribe()
    }
}

/// The hub of app servers sharing one PostgreSQL: announcing is a `NOTIFY`, and one
/// connection per server `LISTEN`s and passes each on to the server's followers.
pub struct PgHub {
    pool: sqlx::PgPool,
    news: broadcast::Sender<i64>,
    listening: tokio::task::JoinHandle<()>,
}

impl PgHub {
    /// Connects to the database `url` names and starts listening.
    pub async fn start(url: &str) -> DbResult<PgHub> {
        let pool = sqlx::postgres::PgPoolOptions::new().max_connections(2).connect(url).await?;
        let mut listener = sqlx::postgres::PgListener::connect_with(&pool).await?;
        listener.listen(CHANNEL).await?;
        let news = broadcast::channel(BACKLOG).0;
        let passing = news.clone();
        let listening = tokio::spawn(async move {
            loop {
                match listener.recv().await {
                    Ok(note) => {
                        if let Ok(id) = note.payload().parse::<i64>() {
                            let _ = passing.send(id);
                        }
                    }
                    // The listener reconnects by itself on the next call; what was announced
                    // meanwhile is found by the followers' own reading of the store.
                    Err(err) => {
                        tracing::warn!(error = %err, "stand chat: the PostgreSQL listener lost its connection");
                        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                    }
                }
            }
        });
        Ok(PgHub { pool, news, listening })
    }
}

impl Drop for PgHub {
    fn drop(&mut self) {
        self.listening.abort();
    }
}

#[async_trait]
impl ChatHub for PgHub {
    async fn announce(&self, conversation_id: i64) -> DbResult<()> {
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(CHANNEL)
            .bind(conversation_id.to_string())
            .execute(&self.pool)
            .await
            .map_err(DbError::from_sqlx)?;
        Ok(())
    }

    fn follow(&self) -> broadcast::Receiver<i64> {
        self.news.subscribe()
    }
}

/// The hub for the database `url` names: PostgreSQL's when it is one, this server's alone on
/// SQLite.
pub async fn hub_for(url: &str) -> DbResult<Arc<dyn ChatHub>> {
    if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        Ok(Arc::new(PgHub::start(url).await?))
    } else {
        Ok(Arc::new(LocalHub::new()))
    }
}
