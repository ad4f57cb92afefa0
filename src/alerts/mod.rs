//! Saved searches and their alerts: a job seeker keeps a search, and once a day is told by
//! email of the vacancies published since that match it — each message with a link that stops
//! that alert in one step, and the header mail programs use for their own "unsubscribe".

#[cfg(feature = "ssr")]
pub mod handlers;
pub mod pages;
pub mod save_button;
#[cfg(feature = "ssr")]
pub mod sender;
#[cfg(feature = "ssr")]
pub mod store;

use crate::i18n::{t, t_with, Key, Lang};
use crate::vacancies::search::{SearchQuery, SEARCH_PATH};
use crate::vacancies::Accommodation;
use serde::{Deserialize, Serialize};

/// The person's saved searches (the forms that keep or delete one post here too).
pub const MY_SEARCHES_PATH: &str = "/mis-busquedas";
/// Where an alert's "stop" link leads: `?t=` is the alert's secret. A plain visit only asks;
/// the button on it (or a mail program's own unsubscribe) posts here and stops it.
pub const STOP_ALERT_PATH: &str = "/avisos/dejar";

/// The fields of the forms that post to [`MY_SEARCHES_PATH`].
pub mod fields {
    /// What the post does: [`SAVE`] or [`DELETE`].
    pub const ACTION: &str = "accion";
    pub const SAVE: &str = "guardar";
    pub const DELETE: &str = "borrar";
    /// The search to keep, as the search page's query string.
    pub const QUERY: &str = "consulta";
}

/// The name of the field that carries the secret of the alert to stop.
pub const TOKEN_FIELD: &str = "t";

/// How many searches one account may keep.
pub const MAX_SAVED: usize = 10;
/// How often a saved search is looked at: once a day.
pub const ALERT_PERIOD_SECS: i64 = 86_400;
/// How many new vacancies a message lists; the rest are one link away.
pub const MAX_LISTED: usize = 10;

pub fn stop_alert_path(token: &str) -> String {
    format!("{STOP_ALERT_PATH}?{TOKEN_FIELD}={}", crate::ui::percent_encode(token))
}

/// A search someone keeps, as stored: with the secret of its "stop" link and how far its
/// alerts have told.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct SavedSearch {
    pub id: i64,
    /// The search's query string, as [`saved_form`] writes it.
    pub query: String,
    pub created_at: i64,
    /// Vacancies published up to this second have been told of.
    pub told_until: i64,
    pub unsubscribe_token: String,
}

/// A kept search as its owner's list shows it: what it looks for, and which one to delete.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptSearch {
    pub id: i64,
    /// The search's query string, as [`saved_form`] writes it.
    pub query: String,
}

impl KeptSearch {
    pub fn search(&self) -> SearchQuery {
        SearchQuery::from_pairs(&crate::ui::query_pairs(&self.query))
    }

    /// The search page with this search.
    pub fn path(&self) -> String {
        if self.query.is_empty() {
            SEARCH_PATH.to_string()
        } else {
            format!("{SEARCH_PATH}?{}", self.query)
        }
    }
}

/// The query string a search is kept as: what it looks for, in the search page's own order,
/// without the page, the order or "published in the last days" (an alert tells what is new).
pub fn saved_form(query: &SearchQuery) -> String {
    let kept = SearchQuery { page: 1, sort: None, days: None, bad_salary: None, ..query.clone() };
    kept.path_for_page(1).split_once('?').map(|(_, query)| query.to_string()).unwrap_or_default()
}

/// A search in words, for the list of saved searches and the alert's subject line:
/// «cocina» · Cusco · Remoto · Intérprete de lengua de señas en la entrevista · desde S/ 1,200.
pub fn describe(lang: Lang, query: &SearchQuery, accommodations: &[Accommodation]) -> String {
    let mut parts = Vec::new();
    if !query.words.is_empty() {
        parts.push(format!("«{}»", query.words));
    }
    if let Some(region) = query.region.as_deref().and_then(crate::domain::Region::parse) {
        parts.push(region.name().to_string());
    }
    parts.extend(query.modality.map(|m| t(lang, m.label()).to_string()));
    parts.extend(query.contract.map(|c| t(lang, c.label()).to_string()));
    parts.extend(query.hours.map(|h| t(lang, h.label()).to_string()));
    for code in &query.accommodations {
        let name = accommodations.iter().find(|a| &a.code == code).map_or(code.as_str(), |a| a.name(lang));
        parts.push(name.to_string());
    }
    if let Some(amount) = query.min_salary {
        parts.push(t_with(lang, Key::alerts_from_salary, &[("amount", &crate::components::format::soles(amount))]));
    }
    if parts.is_empty() {
        t(lang, Key::alerts_every_vacancy).to_string()
    } else {
        parts.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(address: &str) -> SearchQuery {
        SearchQuery::from_pairs(&crate::ui::query_pairs(address))
    }

    #[test]
    fn a_search_is_kept_without_its_page_order_or_days_and_said_in_words() {
        let asked = query(
            "q=cocina&region=cusco&modalidad=remote&ajuste=job_coach&sueldo=1200&dias=7&orden=recientes&pagina=3",
        );
        let kept = saved_form(&asked);
        assert_eq!(kept, "q=cocina&region=cusco&modalidad=remote&ajuste=job_coach&sueldo=1200");
        assert_eq!(saved_form(&query("pagina=2&dias=1")), "");
        let coach = Accommodation {
            code: "job_coach".into(),
            name_es: "Preparador laboral".into(),
            name_en: "Job coach".into(),
        };
        assert_eq!(
            describe(Lang::Es, &query(&kept), &[coach]),
            "«cocina» · Cusco · Remoto · Preparador laboral · desde S/ 1,200"
        );
        assert_eq!(describe(Lang::Es, &query(""), &[]), "Todas las vacantes");
        let saved = KeptSearch { id: 1, query: kept };
        assert_eq!(saved.path(), "/empleos?q=cocina&region=cusco&modalidad=remote&ajuste=job_coach&sueldo=1200");
        assert_eq!(stop_alert_path("a b"), "/avisos/dejar?t=a+b");
    }
}
