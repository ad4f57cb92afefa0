//! Configuration: command-line flags, each with an environment variable of the same meaning.
//! Every one is documented in README.md and `.env.example`.

use clap::{Parser, Subcommand, ValueEnum};
use std::time::Duration;

/// Senda — an accessible job board for job seekers with disabilities.
#[derive(Debug, Parser)]
#[command(name = "senda", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub config: Config,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the site (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Manage accounts from the command line.
    #[command(subcommand)]
    Admin(AdminCommand),
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create an administrator account (the first one comes from here). The password is read
    /// from a prompt, or from standard input when that is not a terminal — never from the
    /// command line, where other users and shell history could see it.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
    /// Remove an account's second factor (its authenticator app and recovery codes) and end
    /// its sessions: for the last admin, whom no other admin can reset. Written to the audit
    /// log with `--reason`; the person sets up a new one at their next sign-in.
    ResetSecondFactor {
        #[arg(long)]
        email: String,
        #[arg(long)]
        reason: String,
    },
}

#[derive(Clone, Debug, clap::Args)]
pub struct Config {
    /// Where the data lives: `sqlite://path/to/file.db` (created if missing) or `postgres://…`.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://data/senda.db", global = true)]
    pub database_url: String,

    /// Load demo records (a centre, a company, …) into an empty database at start.
    #[arg(long, env = "SENDA_DEMO_DATA", default_value_t = true, action = clap::ArgAction::Set, global = true)]
    pub demo_data: bool,

    /// How many generated vacancies the demo board adds (with the demo records, once).
    #[arg(long, env = "SENDA_DEMO_VACANCIES", default_value_t = 300, global = true)]
    pub demo_vacancies: usize,

    /// Most database connections this process opens.
    #[arg(long, env = "SENDA_DB_MAX_CONNECTIONS", default_value_t = 10, global = true)]
    pub db_max_connections: u32,

    /// Seconds in-flight requests get to finish after SIGTERM before the process exits.
    #[arg(long, env = "SENDA_SHUTDOWN_GRACE_SECS", default_value_t = 10, global = true)]
    pub shutdown_grace_secs: u64,

    /// The address people use to reach Senda, scheme included. Form posts must come from it
    /// (CSRF protection), and `https://` makes cookies `Secure`.
    #[arg(long, env = "SENDA_PUBLIC_ORIGIN", default_value = "http://localhost:3000", global = true)]
    pub public_origin: String,

    /// Set when Senda runs behind a reverse proxy that appends the client's address to
    /// `X-Forwarded-For`: the per-address rate limits then use it instead of the proxy's.
    #[arg(long, env = "SENDA_TRUST_FORWARDED_FOR", default_value_t = false, action = clap::ArgAction::Set, global = true)]
    pub trust_forwarded_for: bool,

    /// The SMTP server mail goes through, as a URL: `smtps://user:password@host` (TLS),
    /// `smtp://user:password@host:587?tls=required` (STARTTLS) or `smtp://host:25` (a local
    /// relay). Unset: mail is written to the log and kept in the outbox table.
    #[arg(long, env = "SENDA_SMTP_URL", global = true, hide_env_values = true)]
    pub smtp_url: Option<String>,

    /// Without SMTP, mail (with its sign-in and reset links) goes to the log. On a site whose
    /// `SENDA_PUBLIC_ORIGIN` is `https://` that is refused at start unless this says it is meant.
    #[arg(long, env = "SENDA_MAIL_TO_LOG", default_value_t = false, action = clap::ArgAction::Set, global = true)]
    pub mail_to_log: bool,

    /// The sender of Senda's mail.
    #[arg(long, env = "SENDA_MAIL_FROM", default_value = "Senda <no-responder@senda.localhost>", global = true)]
    pub mail_from: String,

    /// argon2id memory cost in KiB (OWASP minimum: 19456).
    #[arg(long, env = "SENDA_ARGON2_MEMORY_KIB", default_value_t = 19_456, global = true)]
    pub argon2_memory_kib: u32,

    /// argon2id iterations (OWASP minimum with 19 MiB: 2).
    #[arg(long, env = "SENDA_ARGON2_ITERATIONS", default_value_t = 2, global = true)]
    pub argon2_iterations: u32,

    /// Password hashes computed at once; each takes the argon2 memory cost.
    #[arg(long, env = "SENDA_PASSWORD_HASH_CONCURRENCY", default_value_t = 2, global = true)]
    pub password_hash_concurrency: usize,

    /// Password checks allowed to wait for a turn; beyond that, sign-ins get 429.
    #[arg(long, env = "SENDA_PASSWORD_HASH_QUEUE", default_value_t = 16, global = true)]
    pub password_hash_queue: usize,

    /// Days a delivered (or given-up) message's row is kept, its body already blanked, before
    /// it is deleted.
    #[arg(long, env = "SENDA_MAIL_KEPT_DAYS", default_value_t = 30, global = true)]
    pub mail_kept_days: i64,

    /// Days a stand's live chats are kept after their fair ends: time for a company to follow
    /// up with the people it met, and no longer.
    #[arg(long, env = "SENDA_CHATS_KEPT_DAYS", default_value_t = 30, global = true)]
    pub chats_kept_days: i64,

    /// Days an employer may still read the person behind an application that ended with a
    /// decision (hired, not selected), to answer a complaint about it; a withdrawn one, never.
    #[arg(long, env = "SENDA_APPLICANT_KEPT_DAYS", default_value_t = 90, global = true)]
    pub applicant_kept_days: i64,

    /// Accounts that may be made from one address in an hour. A centre that signs people up
    /// in a room behind one address may need more.
    #[arg(long, env = "SENDA_SIGN_UPS_PER_ADDRESS_PER_HOUR", default_value_t = 20, global = true)]
    pub sign_ups_per_address_per_hour: i64,

    /// Minutes without activity that end a staff session (NIST AAL2: 30).
    #[arg(long, env = "SENDA_STAFF_IDLE_MINUTES", default_value_t = 30, global = true)]
    pub staff_idle_minutes: i64,

    /// Hours after which a staff session ends whatever the activity (NIST AAL2: 12).
    #[arg(long, env = "SENDA_STAFF_MAX_HOURS", default_value_t = 12, global = true)]
    pub staff_max_hours: i64,

    /// Minutes without activity that end a job seeker's session.
    #[arg(long, env = "SENDA_SEEKER_IDLE_MINUTES", default_value_t = 120, global = true)]
    pub seeker_idle_minutes: i64,

    /// Hours after which a job seeker's session ends whatever the activity.
    #[arg(long, env = "SENDA_SEEKER_MAX_HOURS", default_value_t = 24, global = true)]
    pub seeker_max_hours: i64,

    /// Employers too must set up a second factor (an authenticator app) before
    /// using the site; counsellors and admins always must.
    #[arg(long, env = "SENDA_SECOND_FACTOR_FOR_EMPLOYERS", default_value_t = false, global = true)]
    pub second_factor_for_employers: bool,

    /// A JSON file of fair-wording rules of this deployment's own, added to those Senda ships
    /// (`src/vacancies/fair_wording.json`, same format). A file that cannot be read stops the start.
    #[arg(long, env = "SENDA_FAIR_WORDING_RULES", global = true)]
    pub fair_wording_rules: Option<std::path::PathBuf>,

    /// A JSON file of interview-question wording rules of this deployment's own, added to those
    /// Senda ships (`src/interviews/question_wording.json`, same format). A file that cannot be
    /// read stops the start.
    #[arg(long, env = "SENDA_INTERVIEW_WORDING_RULES", global = true)]
    pub interview_wording_rules: Option<std::path::PathBuf>,

    /// The folder uploaded files are kept in (sign-language videos), created if missing. Back
    /// it up with the database: the database names the files, the folder holds them.
    #[arg(long, env = "SENDA_UPLOADS_DIR", default_value = "data/uploads", global = true)]
    pub uploads_dir: std::path::PathBuf,

    /// Largest sign-language video accepted, in megabytes.
    #[arg(long, env = "SENDA_VIDEO_MAX_MB", default_value_t = 200, global = true)]
    pub video_max_mb: u64,

    /// Megabytes of good videos one account may have waiting on the server for their form's
    /// second try (one per form; each kept a day). A try beyond it is not kept: the form asks
    /// for the video again.
    #[arg(long, env = "SENDA_PARKED_VIDEO_MB", default_value_t = 400, global = true)]
    pub parked_video_mb: u64,

    /// The video-meeting service interviews at fairs use (Jitsi-style: a room is a name under
    /// this `https://` address, e.g. `https://meet.jit.si`). Without it, interview slots are
    /// offered by phone and in person only.
    #[arg(long, env = "SENDA_MEETING_BASE_URL", global = true)]
    pub meeting_base_url: Option<String>,

    /// Log format: `json` (one object a line, for log collectors) or `text`.
    #[arg(long, env = "SENDA_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    pub log_format: LogFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Json,
    Text,
}

impl Config {
    pub fn shutdown_grace(&self) -> Duration {
        Duration::from_secs(self.shutdown_grace_secs)
    }

    pub fn retention(&self) -> crate::server::db::Retention {
        crate::server::db::Retention {
            mail: self.mail_kept_days * 86_400,
            chats: self.chats_kept_days * 86_400,
            applicants: self.applicant_kept_days * 86_400,
        }
    }
}
