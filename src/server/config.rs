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
}

#[derive(Clone, Debug, clap::Args)]
pub struct Config {
    /// Where the data lives: `sqlite://path/to/file.db` (created if missing) or `postgres://…`.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://data/senda.db", global = true)]
    pub database_url: String,

    /// Load demo records (a centre, a company, …) into an empty database at start.
    #[arg(long, env = "SENDA_DEMO_DATA", default_value_t = true, action = clap::ArgAction::Set, global = true)]
    pub demo_data: bool,

    /// Most database connections this process opens.
    #[arg(long, env = "SENDA_DB_MAX_CONNECTIONS", default_value_t = 10, global = true)]
    pub db_max_connections: u32,

    /// Seconds in-flight requests get to finish after SIGTERM before the process exits.
    #[arg(long, env = "SENDA_SHUTDOWN_GRACE_SECS", default_value_t = 10, global = true)]
    pub shutdown_grace_secs: u64,

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
}
