//! Organisations: employment centres (Centros de Empleo) and the companies that hire through
//! Senda. Accounts and membership arrive with the accounts work; this is the public directory.

pub mod api;

use crate::domain::{Region, Ruc};
use serde::{Deserialize, Serialize};

/// An employment centre as the public directory shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Centre {
    pub id: i64,
    pub name: String,
    /// A region slug; see [`Region`].
    pub region: String,
    pub address: String,
    pub phone: String,
    pub email: String,
}

/// A company as the public directory shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Company {
    pub id: i64,
    pub legal_name: String,
    pub ruc: String,
    pub sector: String,
    pub region: String,
    /// Checked by a counsellor or admin; an unverified company cannot publish.
    pub verified: bool,
}

/// The public directory: every centre and company.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Directory {
    pub centres: Vec<Centre>,
    pub companies: Vec<Company>,
}

/// A centre to be stored, its fields already parsed.
#[derive(Clone, Debug)]
pub struct NewCentre {
    pub name: String,
    pub region: Region,
    pub address: String,
    pub phone: String,
    pub email: String,
}

/// A company to be stored, its fields already parsed.
#[derive(Clone, Debug)]
pub struct NewCompany {
    pub legal_name: String,
    pub ruc: Ruc,
    pub sector: String,
    pub region: Region,
    pub verified: bool,
}

/// The name of a stored region slug, or the slug itself if it is not one we know.
pub fn region_name(slug: &str) -> String {
    Region::parse(slug).map(|r| r.name().to_string()).unwrap_or_else(|| slug.to_string())
}
