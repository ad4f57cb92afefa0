//! What a fair came to, for its organisers, and what a stand came to, for its company: the
//! totals, the fair's conversations and interviews, and the same people broken down by sex,
//! disability type and region — data tables that scroll sideways in their own region on a
//! narrow screen. Every count arrives protected; "<10" is read out in words.

use crate::components::private_page::{PrivateRecordPage, RecordFrame};
use crate::domain::small_counts::Shown;
use crate::domain::Region;
use crate::fairs::fair_path;
use crate::fairs::outcomes::api::{read_fair_outcomes, read_stand_outcomes};
use crate::fairs::outcomes::{Group, Measure, OutcomeRow, Outcomes};
use crate::i18n::{t, t_with, Key, Lang};
use crate::ui::use_ui;
use leptos::prelude::*;

/// The outcomes of fair `?id=`, for its organisers.
#[component]
pub fn FairOutcomesPage() -> impl IntoView {
    view! { <PrivateRecordPage param="id" read=read_fair_outcomes show=|found| view! { <OutcomesView found /> } /> }
}

/// The outcomes of stand `?id=`, for its company.
#[component]
pub fn StandOutcomesPage() -> impl IntoView {
    view! { <PrivateRecordPage param="id" read=read_stand_outcomes show=|found| view! { <OutcomesView found /> } /> }
}

#[component]
fn OutcomesView(found: Outcomes) -> impl IntoView {
    let lang = use_ui().lang;
    let title = match &found.company {
        Some(company) => t_with(lang, Key::outcomes_stand_title, &[("company", company), ("fair", &found.fair_title)]),
        None => t_with(lang, Key::outcomes_title, &[("fair", &found.fair_title)]),
    };
    let still = (!found.over).then(|| view! { <p>{t(lang, Key::outcomes_not_over)}</p> });
    let totals = found
        .measures
        .iter()
        .zip(&found.totals)
        .map(|(measure, count)| {
            view! {
                <tr>
                    <th scope="row">{t(lang, measure.label())}</th>
                    <td class="app-table__number">{shown(lang, *count)}</td>
                </tr>
            }
        })
        .collect_view();
    let a = found.activity;
    let activity = [
        (Key::outcomes_conversations, a.conversations),
        (Key::outcomes_slots_published, a.slots_published),
        (Key::outcomes_slots_booked, a.slots_booked),
        (Key::outcomes_slots_held, a.slots_held),
    ]
    .into_iter()
    .map(|(key, count)| {
        view! {
            <tr>
                <th scope="row">{t(lang, key)}</th>
                <td class="app-table__number">{shown(lang, count)}</td>
            </tr>
        }
    })
    .collect_view();
    let measures = found.measures.clone();
    let breakdown = move |id: &'static str, caption: Key, rows: Vec<OutcomeRow>| {
        view! { <Breakdown id caption=t(lang, caption) measures=measures.clone() rows totals=found.totals.clone() /> }
    };
    view! {
        <RecordFrame title lead=t(lang, Key::outcomes_lead).to_string()>
            {still}
            <p>{t(lang, Key::outcomes_suppressed)}</p>
            <div class="app-table-wrap" role="region" aria-labelledby="outcomes-totals" tabindex="0">
                <table class="app-table app-table--narrow">
                    <caption id="outcomes-totals">{t(lang, Key::outcomes_totals)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(lang, Key::outcomes_measure)}</th>
                            <th scope="col" class="app-table__number">{t(lang, Key::outcomes_people)}</th>
                        </tr>
                    </thead>
                    <tbody>{totals}</tbody>
                </table>
            </div>
            <div class="app-table-wrap" role="region" aria-labelledby="outcomes-activity" tabindex="0">
                <table class="app-table app-table--narrow">
                    <caption id="outcomes-activity">{t(lang, Key::outcomes_activity)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(lang, Key::outcomes_what)}</th>
                            <th scope="col" class="app-table__number">{t(lang, Key::outcomes_how_many)}</th>
                        </tr>
                    </thead>
                    <tbody>{activity}</tbody>
                </table>
            </div>
            {breakdown("outcomes-sex", Key::outcomes_by_sex, found.by_sex)}
            <p>{t(lang, Key::outcomes_disability_consent)}</p>
            {breakdown("outcomes-disability", Key::outcomes_by_disability, found.by_disability)}
            {breakdown("outcomes-region", Key::outcomes_by_region, found.by_region)}
            <p><a href=fair_path(found.fair_id)>{t(lang, Key::registration_back)}</a></p>
        </RecordFrame>
    }
}

/// One breakdown: a row per group, a column per measure, and everyone's row last.
#[component]
fn Breakdown(
    id: &'static str,
    caption: &'static str,
    measures: Vec<Measure>,
    rows: Vec<OutcomeRow>,
    totals: Vec<Shown>,
) -> impl IntoView {
    let lang = use_ui().lang;
    let heads = measures
        .iter()
        .map(|m| view! { <th scope="col" class="app-table__number">{t(lang, m.label())}</th> })
        .collect_view();
    let cells = |counts: Vec<Shown>| {
        counts.into_iter().map(|c| view! { <td class="app-table__number">{shown(lang, c)}</td> }).collect_view()
    };
    let body = rows
        .into_iter()
        .map(|row| view! { <tr><th scope="row">{group(lang, &row.group)}</th>{cells(row.counts)}</tr> })
        .collect_view();
    view! {
        <div class="app-table-wrap" role="region" aria-labelledby=id tabindex="0">
            <table class="app-table">
                <caption id=id>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(lang, Key::outcomes_group)}</th>
                        {heads}
                    </tr>
                </thead>
                <tbody>
                    {body}
                    <tr class="app-table__total">
                        <th scope="row">{t(lang, Key::outcomes_everyone)}</th>
                        {cells(totals)}
                    </tr>
                </tbody>
            </table>
        </div>
    }
}

/// A protected count: "<10" is said in words to a screen reader.
fn shown(lang: Lang, count: Shown) -> AnyView {
    match count {
        Shown::Count(n) => n.to_string().into_any(),
        Shown::FewerThanTen => view! {
            <span aria-hidden="true">"<10"</span>
            <span class="app-visually-hidden">{t(lang, Key::outcomes_fewer_than_ten)}</span>
        }
        .into_any(),
        Shown::Withheld => t(lang, Key::outcomes_withheld).into_any(),
    }
}

fn group(lang: Lang, group: &Group) -> String {
    match group {
        Group::Sex(sex) => t(lang, sex.label()).to_string(),
        Group::Disability { name_es, name_en } => match lang {
            Lang::Es => name_es.clone(),
            Lang::En => name_en.clone(),
        },
        Group::WithoutStatisticsConsent => t(lang, Key::outcomes_without_consent).to_string(),
        Group::Region(slug) => Region::parse(slug).map_or_else(|| slug.clone(), |r| r.name().to_string()),
        Group::NotRecorded => t(lang, Key::outcomes_not_recorded).to_string(),
    }
}
