//! The form posts of saved searches: keeping a search (from the search page) or deleting one
//! (from the list), and stopping an alert from its message — with no sign-in, since the
//! message's secret is what allows it, and from a mail program's own "unsubscribe" button
//! (RFC 8058: a POST to the address in the message's `List-Unsubscribe` header).

use super::fields::{ACTION, DELETE, QUERY, SAVE};
use super::{saved_form, ALERT_PERIOD_SECS, MY_SEARCHES_PATH, STOP_ALERT_PATH, TOKEN_FIELD};
use crate::components::notice::Notice;
use crate::error::AppError;
use crate::i18n::Key;
use crate::server::auth::now;
use crate::server::db::{DbError, Rule};
use crate::server::form_fields::value;
use crate::server::forms::read;
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use crate::vacancies::search::SearchQuery;
use axum::extract::{Request, State};
use axum::response::Response;

/// Keeps a search (from the search page) or deletes one (from the list).
pub async fn change_saved_searches(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(MY_SEARCHES_PATH)) };
    Ok(match value(&fields, ACTION) {
        SAVE => {
            let query = SearchQuery::from_pairs(&crate::ui::query_pairs(value(&fields, QUERY)));
            let token = crate::server::auth::tokens::new_token();
            let kept = saved_form(&query);
            match state.store.save_search(actor.account_id, &kept, &token, now(), ALERT_PERIOD_SECS).await {
                Ok(Some(id)) => {
                    tracing::info!(saved_search = id, "search saved");
                    see_other(&Notice::SearchSaved.on(MY_SEARCHES_PATH))
                }
                Ok(None) => see_other(&Notice::SearchSavedAlready.on(MY_SEARCHES_PATH)),
                Err(DbError::Conflict(Rule::SavedSearchesFull)) => {
                    see_other(&Notice::SearchesFull.on(MY_SEARCHES_PATH))
                }
                Err(err) => return Err(err.into()),
            }
        }
        DELETE => {
            let Ok(id) = value(&fields, "id").parse::<i64>() else { return Ok(see_other(MY_SEARCHES_PATH)) };
            if state.store.delete_saved_search(actor.account_id, id).await? {
                see_other(&Notice::SearchDeleted.on(MY_SEARCHES_PATH))
            } else {
                // Deleted already, or not theirs: the list shows what they have.
                see_other(MY_SEARCHES_PATH)
            }
        }
        _ => see_other(MY_SEARCHES_PATH),
    })
}

/// Stops the alert whose secret the address (a mail program's post) or the form carries, and
/// shows the page that says so.
pub async fn stop_alert(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let from_address = ui.query_pairs().into_iter().find(|(name, _)| name == TOKEN_FIELD).map(|(_, token)| token);
    let token = from_address.unwrap_or_else(|| value(&fields, TOKEN_FIELD).to_string());
    if !crate::server::auth::tokens::well_formed(&token) {
        return Ok(see_other(&Notice::AlertStopped.on(STOP_ALERT_PATH)));
    }
    // A mail program's own button posts `List-Unsubscribe=One-Click` and follows no redirect.
    let one_click = value(&fields, "List-Unsubscribe") == "One-Click";
    let stopped = state.store.stop_alert(&token).await?;
    tracing::info!(stopped, one_click, "alert stop asked");
    Ok(if one_click {
        plain_page::respond(
            ui.lang,
            axum::http::StatusCode::OK,
            Key::alert_stopped_title,
            Key::alert_stopped_title,
            Key::notice_alert_stopped,
            (MY_SEARCHES_PATH, Key::alerts_title),
        )
    } else {
        see_other(&Notice::AlertStopped.on(STOP_ALERT_PATH))
    })
}
