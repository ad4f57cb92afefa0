//! The daily look at saved searches. Every app server runs it every few minutes; each saved
//! search is taken by one of them when its day comes, searched for what was published since it
//! last told, and — when something was — told in one message, queued in the outbox in the
//! same transaction as the mark that it was told.

use super::{describe, stop_alert_path, ALERT_PERIOD_SECS, MAX_LISTED, MY_SEARCHES_PATH};
use crate::alerts::store::DueAlert;
use crate::i18n::{t, t_with, Key, Lang};
use crate::server::db::prelude::*;
use crate::server::mail::OutgoingMail;
use crate::vacancies::search::{SearchQuery, SearchResults, SortOrder};
use crate::vacancies::Accommodation;

/// Looks at every saved search due at `now`; returns how many messages it queued.
pub async fn send_due_alerts(store: &dyn Store, origin: &str, now: i64) -> DbResult<usize> {
    let mut queued = 0;
    let mut accommodations: Option<Vec<Accommodation>> = None;
    while let Some(due) = store.claim_due_alert(now, ALERT_PERIOD_SECS).await? {
        let saved = SearchQuery::from_pairs(&crate::ui::query_pairs(&due.query));
        let new = SearchQuery { sort: Some(SortOrder::Newest), published_after: Some(due.told_until), ..saved.clone() };
        let results = store.search_vacancies(&new, now).await?;
        let mail = if results.hits.is_empty() {
            None
        } else {
            if accommodations.is_none() {
                accommodations = Some(store.accommodations().await?);
            }
            let names = accommodations.as_deref().unwrap_or_default();
            Some(alert_mail(&due, &saved, &results, names, origin))
        };
        // Told up to now: a failure before this line leaves it to tell tomorrow.
        store.alert_told(due.id, now, mail.as_ref(), now).await?;
        queued += usize::from(mail.is_some());
    }
    Ok(queued)
}

/// The message of one alert: the new vacancies (the first [`MAX_LISTED`]), the search to
/// see them all, and how to stop it.
pub fn alert_mail(
    due: &DueAlert,
    saved: &SearchQuery,
    results: &SearchResults,
    accommodations: &[Accommodation],
    origin: &str,
) -> OutgoingMail {
    let lang = due.language.as_deref().and_then(Lang::from_code).unwrap_or_default();
    let search = describe(lang, saved, accommodations);
    let listed: Vec<String> = results
        .hits
        .iter()
        .take(MAX_LISTED)
        .map(|hit| {
            let place = crate::domain::Region::parse(&hit.region).map_or(hit.region.as_str(), |r| r.name());
            format!(
                "- {} — {}, {} ({})\n  {origin}{}",
                hit.title,
                hit.company_name,
                place,
                t(lang, hit.modality.label()),
                crate::vacancies::vacancy_path(hit.id)
            )
        })
        .collect();
    let count = if results.total == 1 {
        t(lang, Key::search_count_one).to_string()
    } else {
        t_with(lang, Key::search_count_many, &[("count", &results.total.to_string())])
    };
    let saved_search = super::KeptSearch { id: due.id, query: due.query.clone() };
    let stop = format!("{origin}{}", stop_alert_path(&due.unsubscribe_token));
    let body = t_with(
        lang,
        Key::alert_mail_body,
        &[
            ("count", &count),
            ("search", &search),
            ("list", &listed.join("\n")),
            ("all", &format!("{origin}{}", saved_search.path())),
            ("stop", &stop),
            ("mine", &format!("{origin}{MY_SEARCHES_PATH}")),
        ],
    );
    OutgoingMail {
        to: due.email.clone(),
        subject: t_with(lang, Key::alert_mail_subject, &[("count", &count), ("search", &search)]),
        body: format!("{body}\n\n-- \n{}\n", t(lang, Key::mail_signature)),
        unsubscribe: Some(stop),
        ..OutgoingMail::default()
    }
}
