//! Outgoing mail. Every message is written to the outbox table in the same transaction as the
//! change it tells about; a sender task on each app server then claims and delivers them,
//! through SMTP (`SENDA_SMTP_URL`). Without an SMTP server configured, delivering means
//! writing the message to the log, so development and tests can read it — never a silent
//! no-op.

/// The outbox table: messages waiting, claimed and sent.
pub mod outbox;

use crate::i18n::{t, t_with, Key, Lang};
use crate::server::db::prelude::*;
use lettre::message::{header::ContentType, Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

/// A message to queue.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct OutgoingMail {
    pub to: String,
    pub subject: String,
    pub body: String,
    /// Where a mail program's own "unsubscribe" button posts (RFC 8058), for messages the
    /// person can stop.
    pub unsubscribe: Option<String>,
    /// A calendar entry sent with it.
    pub calendar: Option<CalendarFile>,
    /// Not sent before this second (a reminder); at once when `None`.
    pub send_at: Option<i64>,
    /// The messages of one thing (a booking), withdrawn together while still unsent when that
    /// thing is undone (`outbox::withdraw_in!`).
    pub thread: Option<String>,
}

/// An iCalendar file sent with a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarFile {
    /// The file's name, `*.ics`.
    pub name: String,
    pub content: String,
}

/// The body holds single-use links: kept out of `Debug` output.
impl std::fmt::Debug for OutgoingMail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OutgoingMail").field("subject", &self.subject).finish_non_exhaustive()
    }
}

/// A message in the outbox.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct QueuedMail {
    pub id: i64,
    pub to_address: String,
    pub subject: String,
    pub body: String,
    pub created_at: i64,
    pub attempts: i64,
    pub sent_at: Option<i64>,
    pub sent_via: Option<String>,
    pub unsubscribe_url: Option<String>,
    pub attachment_name: Option<String>,
    pub attachment: Option<String>,
}

/// A message in `lang` from a subject key and a body key whose `{placeholders}` are filled
/// from `args`, with the site's signature.
pub fn compose(lang: Lang, to: &str, subject: Key, body: Key, args: &[(&str, &str)]) -> OutgoingMail {
    OutgoingMail {
        to: to.to_string(),
        subject: t(lang, subject).to_string(),
        body: format!("{}\n\n-- \n{}\n", t_with(lang, body, args), t(lang, Key::mail_signature)),
        ..OutgoingMail::default()
    }
}

/// How claimed messages leave.
pub enum Transport {
    /// No SMTP server configured: each message is written to the log.
    Log,
    /// An SMTP server from `SENDA_SMTP_URL`, sending as `SENDA_MAIL_FROM`.
    Smtp(Box<Smtp>),
}

/// A configured SMTP server and the sender of every message.
pub struct Smtp {
    mailer: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

/// Attempts after which a message that keeps failing is given up (and logged as an error).
const MAX_ATTEMPTS: i64 = 10;

impl Transport {
    /// SMTP when `SENDA_SMTP_URL` is set, otherwise the log — but not on a live site
    /// (`https://`) unless `SENDA_MAIL_TO_LOG` says it is meant: the log would then hold every
    /// working reset and sign-in link, and people would get no mail.
    pub fn from_config(config: &crate::server::config::Config) -> anyhow::Result<Transport> {
        let Some(url) = config.smtp_url.as_deref().filter(|u| !u.trim().is_empty()) else {
            if config.public_origin.starts_with("https://") && !config.mail_to_log {
                anyhow::bail!(
                    "SENDA_SMTP_URL is not set while SENDA_PUBLIC_ORIGIN is https://: mail, with its \
                     reset and sign-in links, would only be written to the log. Set SENDA_SMTP_URL, or \
                     SENDA_MAIL_TO_LOG=true if this site is meant to send no mail"
                );
            }
            return Ok(Transport::Log);
        };
        // The URL may hold a password: errors name the variable, never the value.
        let mailer = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| anyhow::anyhow!("SENDA_SMTP_URL is not a usable SMTP address: {e}"))?
            .build();
        let from = config
            .mail_from
            .parse::<Mailbox>()
            .map_err(|e| anyhow::anyhow!("SENDA_MAIL_FROM is not a usable sender address: {e}"))?;
        Ok(Transport::Smtp(Box::new(Smtp { mailer, from })))
    }

    /// What the start-up log says about mail.
    pub fn describe(&self) -> &'static str {
        match self {
            Transport::Log => {
                "no SMTP server configured (SENDA_SMTP_URL): mail is kept in the outbox and written to the log"
            }
            Transport::Smtp(_) => "mail goes out through the SMTP server of SENDA_SMTP_URL",
        }
    }

    /// Sends one message; `Err(permanent)` when it could not go.
    async fn send(&self, mail: &QueuedMail) -> Result<&'static str, SendError> {
        match self {
            Transport::Log => {
                tracing::info!(
                    to = %mail.to_address,
                    subject = %mail.subject,
                    body = %mail.body,
                    attachment = mail.attachment_name.as_deref().unwrap_or(""),
                    "mail written to the log (no SMTP server configured)"
                );
                Ok("log")
            }
            Transport::Smtp(smtp) => {
                let Smtp { mailer, from } = smtp.as_ref();
                let to = mail
                    .to_address
                    .parse::<Mailbox>()
                    .map_err(|e| SendError { permanent: true, cause: e.to_string() })?;
                let mut builder = Message::builder().from(from.clone()).to(to).subject(mail.subject.clone());
                if let Some(url) = &mail.unsubscribe_url {
                    builder = builder
                        .header(ListUnsubscribe(format!("<{url}>")))
                        .header(ListUnsubscribePost("List-Unsubscribe=One-Click".into()));
                }
                let text = SinglePart::plain(mail.body.clone());
                let built = match (&mail.attachment_name, &mail.attachment) {
                    (Some(name), Some(content)) => {
                        let calendar = Attachment::new(name.clone()).body(
                            content.clone(),
                            ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH")
                                .map_err(|e| SendError { permanent: true, cause: e.to_string() })?,
                        );
                        builder.multipart(MultiPart::mixed().singlepart(text).singlepart(calendar))
                    }
                    _ => builder.singlepart(text),
                };
                let message = built.map_err(|e| SendError { permanent: true, cause: e.to_string() })?;
                mailer
                    .send(message)
                    .await
                    .map(|_| "smtp")
                    .map_err(|e| SendError { permanent: e.is_permanent(), cause: e.to_string() })
            }
        }
    }
}

/// Declares a header that is one line of text.
macro_rules! text_header {
    ($name:ident, $field:literal) => {
        #[derive(Clone)]
        struct $name(String);

        impl lettre::message::header::Header for $name {
            fn name() -> lettre::message::header::HeaderName {
                lettre::message::header::HeaderName::new_from_ascii_str($field)
            }

            fn parse(value: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
                Ok($name(value.to_string()))
            }

            fn display(&self) -> lettre::message::header::HeaderValue {
                lettre::message::header::HeaderValue::new(Self::name(), self.0.clone())
            }
        }
    };
}

text_header!(ListUnsubscribe, "List-Unsubscribe");
text_header!(ListUnsubscribePost, "List-Unsubscribe-Post");

struct SendError {
    permanent: bool,
    cause: String,
}

/// How long a claimed message is reserved for one sender before another may retry it.
const LEASE_SECS: i64 = 300;

/// Wakes the sender as soon as something is queued, instead of at its next poll.
#[derive(Clone, Default)]
pub struct Outbox {
    wake: Arc<Notify>,
}

impl Outbox {
    pub fn queued(&self) {
        self.wake.notify_one();
    }

    /// Delivers queued messages until `stop` is notified: everything due, then waits for a
    /// wake-up or the next poll. Messages queued by other app servers are found by the poll.
    pub async fn run_sender(
        self,
        store: Arc<dyn Store>,
        transport: Transport,
        mut stop: tokio::sync::watch::Receiver<bool>,
    ) {
        loop {
            if let Err(err) = deliver_due(store.as_ref(), &transport).await {
                tracing::warn!(error = %err, "cannot deliver queued mail; retrying later");
            }
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(Duration::from_secs(30)) => {}
                _ = stop.changed() => return,
            }
        }
    }
}

/// Delivers every message due now; returns how many went. A failure that may pass (the
/// server is down) ends the round, leaving the message claimed until its lease lapses; one
/// that will not (a malformed address), or one that failed too often, is given up and logged.
pub async fn deliver_due(store: &dyn Store, transport: &Transport) -> DbResult<usize> {
    let mut sent = 0;
    while let Some(mail) = store.claim_mail(crate::server::auth::now(), LEASE_SECS).await? {
        match transport.send(&mail).await {
            Ok(via) => {
                store.mark_mail_sent(mail.id, via, crate::server::auth::now()).await?;
                sent += 1;
            }
            Err(err) if err.permanent || mail.attempts >= MAX_ATTEMPTS => {
                tracing::error!(mail_id = mail.id, attempts = mail.attempts, cause = %err.cause, "mail given up");
                store.mark_mail_sent(mail.id, "abandoned", crate::server::auth::now()).await?;
            }
            Err(err) => {
                tracing::warn!(mail_id = mail.id, attempts = mail.attempts, cause = %err.cause, "mail not sent; will retry");
                break;
            }
        }
    }
    Ok(sent)
}
