//! How fairs read wherever they are shown: when a fair is, in words, and fairs as cards (the
//! list of fairs and the home page show them alike).

use super::rules::Phase;
use super::{fair_path, FairSummary};
use crate::components::format::region_name;
use crate::domain::lima_time::{format_lima, format_lima_date, lima_clock, lima_date};
use crate::i18n::{t, t_with, Key, Lang};
use crate::ui::use_ui;
use leptos::prelude::*;

/// When a fair is, in Lima time: "10/12/2026, de 09:00 a 17:00", or from one day and hour to
/// another when it takes several days.
pub fn when_text(lang: Lang, starts_at: i64, ends_at: i64) -> String {
    // The last second of the fair decides its last day: a fair ending at midnight ends the
    // day before.
    if lima_date(starts_at) == lima_date(ends_at - 1) {
        t_with(
            lang,
            Key::fair_when_one_day,
            &[("day", &format_lima_date(starts_at)), ("from", &lima_clock(starts_at)), ("to", &lima_clock(ends_at))],
        )
    } else {
        t_with(lang, Key::fair_when_days, &[("from", &format_lima(starts_at)), ("to", &format_lima(ends_at))])
    }
}

/// Fairs as cards under a section's heading, each titled with a link to its page; `empty` says
/// there are none.
#[component]
pub fn FairCards(fairs: Vec<FairSummary>, empty: Key) -> impl IntoView {
    let lang = use_ui().lang;
    if fairs.is_empty() {
        return view! { <p>{t(lang, empty)}</p> }.into_any();
    }
    let cards = fairs
        .into_iter()
        .map(|fair| {
            let place = if fair.region.is_empty() {
                t(lang, fair.mode.label()).to_string()
            } else {
                format!("{} · {}", t(lang, fair.mode.label()), region_name(&fair.region))
            };
            // Only what sets a fair apart from an upcoming one is said: it is on now, over,
            // called off, or not published yet.
            let phase =
                (fair.phase != Phase::Upcoming).then(|| view! { <p class="app-tag">{t(lang, fair.phase.label())}</p> });
            view! {
                <li class="app-card">
                    <h3 class="app-card__title">
                        <a href=fair_path(fair.id)>{fair.title}</a>
                    </h3>
                    {phase}
                    <dl class="app-facts">
                        <dt>{t(lang, Key::fair_when)}</dt>
                        <dd>{when_text(lang, fair.starts_at, fair.ends_at)}</dd>
                        <dt>{t(lang, Key::fair_mode)}</dt>
                        <dd>{place}</dd>
                        <dt>{t(lang, Key::fair_organiser)}</dt>
                        <dd>{fair.centre_name}</dd>
                    </dl>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="app-sessions">{cards}</ul> }.into_any()
}
