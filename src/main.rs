//! The `senda` binary: `serve` (the default) or `migrate`.

#[cfg(feature = "ssr")]
#[tokio::main]
async fn main() -> std::process::ExitCode {
    use clap::Parser;
    use senda::server::config::{AdminCommand, Cli, Command};
    use senda::server::{admin, lifecycle, telemetry};
    use std::process::ExitCode;

    let cli = Cli::parse();
    telemetry::init(cli.config.log_format);
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => match leptos::config::get_configuration(None) {
            Ok(conf) => lifecycle::serve(cli.config, conf.leptos_options).await,
            Err(err) => Err(anyhow::anyhow!("invalid Leptos configuration (LEPTOS_* variables): {err}")),
        },
        Command::Admin(AdminCommand::Create { email, name }) => match lifecycle::open_store(&cli.config).await {
            Ok(store) => admin::create_admin(store.as_ref(), &cli.config, &email, &name)
                .await
                .map(|id| println!("administrator account {id} created for {}", email.trim().to_lowercase())),
            Err(err) => Err(err.into()),
        },
        Command::Admin(AdminCommand::ResetSecondFactor { email, reason }) => {
            match lifecycle::open_store(&cli.config).await {
                Ok(store) => admin::reset_second_factor(store.as_ref(), &email, &reason)
                    .await
                    .map(|id| println!("second factor of account {id} removed; its sessions ended")),
                Err(err) => Err(err.into()),
            }
        }
        Command::Migrate => lifecycle::open_store(&cli.config)
            .await
            .map(|store| {
                tracing::info!(engine = ?store.engine(), "database is up to date");
            })
            .map_err(Into::into),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // One line, for a person reading a terminal or a service log.
            eprintln!("senda: {err:#}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "ssr"))]
fn main() {
    // The browser build has no binary; `hydrate()` in lib.rs is its entry point.
}
