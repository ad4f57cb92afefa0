//! Server functions for organisations.

use super::Directory;
use crate::error::AppError;
use leptos::prelude::*;

/// The public directory of centres and companies. Public data: no sign-in needed.
#[server(endpoint = "organisations/directory")]
pub async fn list_directory() -> Result<Directory, AppError> {
    let store = crate::server::state::store()?;
    let (centres, companies) = tokio::join!(store.list_centres(), store.list_companies());
    Ok(Directory { centres: centres?, companies: companies? })
}
