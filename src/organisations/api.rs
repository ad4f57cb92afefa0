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

/// Every company and every request to join one, for counsellors and admins to decide.
#[server(endpoint = "organisations/companies-for-review")]
pub async fn companies_for_review() -> Result<super::CompanyReview, AppError> {
    use crate::domain::Role;
    crate::server::access::acting_as(&[Role::Counsellor, Role::Admin])?;
    let store = crate::server::state::store()?;
    let (companies, requests) = tokio::join!(store.list_companies(), store.join_requests());
    Ok(super::CompanyReview { companies: companies?, requests: requests? })
}
