//! Demo records for an empty database, so a first run shows a working board. Realistic but
//! invented: the RUC has a valid check digit and belongs to no company we know of.

use crate::domain::{Region, Ruc};
use crate::organisations::{NewCentre, NewCompany};
use crate::server::db::prelude::*;

fn region(slug: &str) -> Region {
    Region::parse(slug).expect("demo data names a known region")
}

fn centres() -> Vec<NewCentre> {
    vec![NewCentre {
        name: "Centro de Empleo Lima Metropolitana".into(),
        region: region("lima-metropolitana"),
        address: "Av. Salaverry 655, Jesús María, Lima".into(),
        phone: "(01) 630-6000".into(),
        email: "centrodeempleo.lima@example.pe".into(),
    }]
}

fn companies() -> Vec<NewCompany> {
    vec![NewCompany {
        legal_name: "Textiles Andinos S.A.C.".into(),
        ruc: Ruc::parse("20601234565").expect("demo RUC is valid"),
        sector: "Industria textil".into(),
        region: region("arequipa"),
        verified: true,
    }]
}

/// Loads the demo records if the database holds no organisations yet.
pub async fn seed(store: &dyn Store) -> DbResult<bool> {
    store.seed_if_empty(&centres(), &companies()).await
}
