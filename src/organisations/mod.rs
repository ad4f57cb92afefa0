//! Organisations: employment centres (Centros de Empleo) and the companies that hire through
//! Senda: the public directory, and the verification of new companies by staff.

pub mod api;
#[cfg(feature = "ssr")]
pub mod handlers;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;

/// Counsellors and admins verify the companies that registered.
pub const COMPANY_REVIEW_PATH: &str = "/empresas/verificacion";
pub const VERIFY_COMPANY_PATH: &str = "/empresas/verificacion/verificar";
/// Where a counsellor or admin approves or turns down a request to join a company.
pub const DECIDE_JOIN_PATH: &str = "/empresas/verificacion/solicitud";

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

/// Someone who signed up to act for a company already registered, waiting for a counsellor
/// or admin to approve.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct JoinRequest {
    pub account_id: i64,
    pub name: String,
    pub email: String,
    pub company_id: i64,
    pub company_name: String,
    pub ruc: String,
    /// Unix seconds.
    pub requested_at: i64,
}

/// What the verification page shows: every company, and the requests to join one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyReview {
    pub companies: Vec<Company>,
    pub requests: Vec<JoinRequest>,
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
