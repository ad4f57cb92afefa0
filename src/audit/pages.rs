//! The admins' reader of the audit log: a plain GET form of filters (its address can be
//! kept and shared), the events newest first, and a link to older ones.

use super::api::audit_events;
use super::{AuditAction, AuditEntry, AuditFilter, AuditPage, AuditParty, AUDIT_PATH};
use crate::components::form::{SelectField, TextField};
use crate::components::notice::sign_in_first;
use crate::components::status_page::ErrorPage;
use crate::domain::lima_time::format_lima;
use crate::domain::Role;
use crate::i18n::{page_title, t_with, Key};
use crate::ui::{use_ui, Ui};
use leptos::prelude::*;
use leptos_meta::Title;

/// The filter the page's address asks for.
fn filter_of(ui: &Ui) -> AuditFilter {
    AuditFilter {
        action: ui.query("accion"),
        person: ui.query("persona"),
        from: ui.query("desde"),
        to: ui.query("hasta"),
        before: ui.query("antes").and_then(|v| v.parse().ok()),
    }
}

/// The address of the next page: the same filter, older events.
fn older_link(filter: &AuditFilter, before: i64) -> String {
    let mut pairs = vec![];
    for (name, value) in
        [("accion", &filter.action), ("persona", &filter.person), ("desde", &filter.from), ("hasta", &filter.to)]
    {
        if let Some(value) = value.as_deref().filter(|v| !v.is_empty()) {
            pairs.push(format!("{name}={}", encode(value)));
        }
    }
    pairs.push(format!("antes={before}"));
    format!("{AUDIT_PATH}?{}", pairs.join("&"))
}

/// Percent-encodes a query value (emails carry `@` and `+`).
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[component]
pub fn AuditLogPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, AUDIT_PATH) {
        return away;
    }
    if !ui.actor.as_ref().is_some_and(|a| a.has(Role::Admin)) {
        return view! { <ErrorPage error=crate::error::AppError::Forbidden /> }.into_any();
    }
    let filter = filter_of(&ui);
    let asked = filter.clone();
    let events = Resource::new_blocking(move || asked.clone(), audit_events);
    let actions = AuditAction::ALL.into_iter().map(|a| (a.code().to_string(), ui.t(a.label()).to_string())).collect();
    let shown = filter.clone();
    let value = |v: &Option<String>| v.clone().unwrap_or_default();
    view! {
        <Title text=page_title(ui.lang, Key::audit_title) />
        <div class="app-width app-narrow">
            <h1>{ui.t(Key::audit_h1)}</h1>
            <p>{ui.t(Key::audit_intro)}</p>
            <form method="get" action=AUDIT_PATH role="search" aria-labelledby="audit-filter">
                <h2 id="audit-filter">{ui.t(Key::audit_filter)}</h2>
                <SelectField id="accion" label=ui.t(Key::audit_action) hint=Some(ui.t(Key::audit_action_hint)) options=actions selected=value(&shown.action) />
                <TextField id="persona" label=ui.t(Key::audit_person) hint=Some(ui.t(Key::audit_person_hint)) autocomplete="off" value=value(&shown.person) />
                <TextField id="desde" label=ui.t(Key::audit_from) input_type="date" autocomplete="off" value=value(&shown.from) />
                <TextField id="hasta" label=ui.t(Key::audit_to) input_type="date" autocomplete="off" value=value(&shown.to) />
                <button class="app-button" type="submit">{ui.t(Key::audit_submit)}</button>
            </form>
            <Suspense>
                {move || {
                    let filter = filter.clone();
                    Suspend::new(async move {
                        match events.await {
                            Ok(page) => view! { <AuditResults page filter /> }.into_any(),
                            Err(error) => view! { <ErrorPage error /> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
    .into_any()
}

#[component]
fn AuditResults(page: AuditPage, filter: AuditFilter) -> impl IntoView {
    let ui = use_ui();
    let problem = if page.unknown_person {
        Some(Key::audit_unknown_person)
    } else if page.bad_date {
        Some(Key::audit_bad_date)
    } else if page.entries.is_empty() {
        Some(Key::audit_none)
    } else {
        None
    };
    let heading = t_with(ui.lang, Key::audit_count, &[("count", &page.entries.len().to_string())]);
    let older = page.older.map(|before| older_link(&filter, before));
    let items = page.entries.into_iter().map(|entry| view! { <AuditCard entry /> }).collect_view();
    view! {
        <section aria-labelledby="audit-results">
            <h2 id="audit-results">{heading}</h2>
            {problem.map(|key| view! { <p class="app-lead">{ui.t(key)}</p> })}
            <ul class="app-sessions">{items}</ul>
            {older.map(|href| view! { <p><a href=href>{ui.t(Key::audit_older)}</a></p> })}
        </section>
    }
}

/// An account as an event names it: name and email, or its number once deleted.
fn party(ui: &Ui, party: Option<AuditParty>) -> String {
    match party {
        None => "—".to_string(),
        Some(AuditParty { name: Some(name), email, id }) => {
            format!("{name} ({}, #{id})", email.unwrap_or_default())
        }
        Some(AuditParty { id, .. }) => t_with(ui.lang, Key::audit_deleted_account, &[("id", &id.to_string())]),
    }
}

#[component]
fn AuditCard(entry: AuditEntry) -> impl IntoView {
    let ui = use_ui();
    let action = AuditAction::from_code(&entry.action).map(|a| ui.t(a.label()).to_string()).unwrap_or(entry.action);
    view! {
        <li class="app-card">
            <h3 class="app-card__title">{format!("{action} — {}", format_lima(entry.at))}</h3>
            <dl class="app-facts">
                <dt>{ui.t(Key::audit_by)}</dt>
                <dd>{party(&ui, entry.actor)}</dd>
                <dt>{ui.t(Key::audit_about)}</dt>
                <dd>{party(&ui, entry.subject)}</dd>
                <dt>{ui.t(Key::audit_detail)}</dt>
                <dd>{if entry.detail.is_empty() { "—".to_string() } else { entry.detail }}</dd>
                <dt>{ui.t(Key::audit_ip)}</dt>
                <dd>{entry.ip}</dd>
            </dl>
        </li>
    }
}
