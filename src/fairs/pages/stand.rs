//! One company's stand at a fair: who they are (in sign language too, with captions), the
//! accommodations they offer visitors and their open vacancies (applying works as everywhere
//! else). After the fair's hours the stand stays open. Works without JavaScript and reads aloud.

use crate::components::button_form::ButtonForm;
use crate::components::form::{use_form_state, ErrorSummary};
use crate::components::format::{named_title, region_name};
use crate::components::notice::NoticeBanner;
use crate::components::plain_text::PlainText;
use crate::components::read_aloud::ListenControl;
use crate::components::status_page::{ErrorPage, NotFoundPage};
use crate::domain::lima_time::format_lima_date;
use crate::fairs::cards::when_text;
use crate::fairs::fair_path;
use crate::fairs::outcomes::stand_outcomes_page;
use crate::fairs::pages::chat::StandChatSection;
use crate::fairs::pages::interviews::StandSlotsSection;
use crate::fairs::pages::questions::StandQuestionsSection;
use crate::fairs::rules::Phase;
use crate::fairs::stands::api::{read_stand, StandView};
use crate::fairs::stands::shifts::shifts_page;
use crate::fairs::stands::slots::slots_page;
use crate::fairs::stands::{stand_captions_src, stand_video_page, stand_video_src, StandStatus, WITHDRAW_STAND_PATH};
use crate::i18n::{t, t_with, Key};
use crate::media::player::SignLanguageVideo;
use crate::ui::use_ui;
use crate::vacancies::vacancy_at_stand;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The stand from the `id` in its address.
#[component]
pub fn StandPage() -> impl IntoView {
    let params = use_params_map();
    let Some(id) = params.read_untracked().get("id").and_then(|id| id.parse::<i64>().ok()) else {
        return view! { <NotFoundPage /> }.into_any();
    };
    let found = Resource::new_blocking(move || id, read_stand);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(stand) => view! { <StandDetails stand /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn StandDetails(stand: StandView) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let title = t_with(lang, Key::stand_title, &[("company", &stand.company_name), ("fair", &stand.fair_title)]);
    let status_note = (stand.status != StandStatus::Accepted)
        .then(|| t_with(lang, Key::stand_not_public_note, &[("status", t(lang, stand.status.label()))]));
    let after_hours = (stand.fair_phase == Phase::Finished).then(|| t(lang, Key::stand_after_hours_note));
    let mut lead = t_with(lang, Key::stand_lead, &[("fair", &stand.fair_title)]);
    for part in [stand.sector.clone(), region_name(&stand.region)].into_iter().filter(|p| !p.is_empty()) {
        lead.push_str(" · ");
        lead.push_str(&part);
    }
    let offers = if stand.accommodations.is_empty() {
        view! { <p>{t(lang, Key::stand_offers_none)}</p> }.into_any()
    } else {
        let items = stand.accommodations.iter().map(|a| view! { <li>{a.name(lang).to_string()}</li> }).collect_view();
        view! { <ul class="app-list">{items}</ul> }.into_any()
    };
    let vacancies = if stand.vacancies.is_empty() {
        view! { <p>{t(lang, Key::stand_vacancies_none)}</p> }.into_any()
    } else {
        let items = stand
            .vacancies
            .iter()
            .map(|v| {
                let meta = t_with(
                    lang,
                    Key::stand_vacancy_meta,
                    &[("region", &region_name(&v.region)), ("closes", &format_lima_date(v.closes_at))],
                );
                view! {
                    <li>
                        <a href=vacancy_at_stand(v.id, stand.id)>{v.title.clone()}</a>
                        <br />
                        <span class="app-hint">{meta}</span>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="app-list">{items}</ul> }.into_any()
    };
    let on_duty = if stand.on_duty.is_empty() {
        view! { <p>{t(lang, Key::stand_on_duty_none)}</p> }.into_any()
    } else {
        let items = stand
            .on_duty
            .iter()
            .map(|d| view! { <li><strong>{d.name.clone()}</strong> " · " {when_text(lang, d.starts_at, d.ends_at)}</li> })
            .collect_view();
        view! { <ul class="app-list">{items}</ul> }.into_any()
    };
    let has_video = stand.video.is_some();
    let changes = stand.may_change.then(|| {
        let video_label = if has_video { Key::video_change } else { Key::video_add };
        view! {
            <p><a href=stand_video_page(stand.id)>{t(lang, video_label)}</a></p>
            <p><a href=shifts_page(stand.id)>{t(lang, Key::stand_shifts_link)}</a></p>
            <ButtonForm action=WITHDRAW_STAND_PATH label=t(lang, Key::stands_withdraw_stand) fields=vec![("stand", stand.id.to_string())] secondary=true />
        }
    });
    // The interviews are followed up past the fair: who came to the last ones.
    let interviews_link = if stand.may_change { Key::stand_slots_link } else { Key::stand_interviews_after_link };
    let interviews =
        stand.follows_up.then(|| view! { <p><a href=slots_page(stand.id)>{t(lang, interviews_link)}</a></p> });
    let outcomes = stand
        .reads_outcomes
        .then(|| view! { <p><a href=stand_outcomes_page(stand.id)>{t(lang, Key::outcomes_stand_link)}</a></p> });
    // Its company while it may change it; afterwards, and for the organisers, its outcomes alone.
    let heading = if stand.may_change { Key::stand_manage_h2 } else { Key::outcomes_stand_h2 };
    let manage = (stand.may_change || stand.reads_outcomes || stand.follows_up).then(|| {
        view! {
            <section class="app-section app-manage" aria-labelledby="stand-manage-h">
                <h2 id="stand-manage-h">{t(lang, heading)}</h2>
                {outcomes}
                {interviews}
                {changes}
            </section>
        }
    });
    let video = stand.video.clone().map(|video| {
        let (src, captions_src) =
            (stand_video_src(stand.id, video.version), stand_captions_src(stand.id, video.version));
        view! { <SignLanguageVideo id="lsp" heading=t(lang, Key::video_stand_h2).to_string() video src captions_src /> }
    });
    view! {
        <Title text=named_title(lang, &title, form.has_errors()) />
        <article class="app-width app-narrow">
            <NoticeBanner />
            <ErrorSummary errors=form.errors.clone() />
            {status_note.map(|note| view! { <p class="app-inset">{note}</p> })}
            {after_hours.map(|note| view! { <p class="app-inset">{note}</p> })}
            <div data-read-aloud>
                <h1>{t_with(lang, Key::stand_h1, &[("company", &stand.company_name)])}</h1>
                <p class="app-lead">{lead}</p>
            </div>
            <ListenControl />
            {video}
            <section aria-labelledby="stand-about-h" data-read-aloud>
                <h2 id="stand-about-h">{t(lang, Key::stand_about_h2)}</h2>
                <PlainText text=stand.introduction.clone() />
            </section>
            <section aria-labelledby="stand-offers-h" data-read-aloud>
                <h2 id="stand-offers-h">{t(lang, Key::stand_offers_h2)}</h2>
                {offers}
            </section>
            <section aria-labelledby="stand-duty-h" data-read-aloud>
                <h2 id="stand-duty-h">{t(lang, Key::stand_on_duty_h2)}</h2>
                {on_duty}
            </section>
            <section aria-labelledby="stand-jobs-h" data-read-aloud>
                <h2 id="stand-jobs-h">{t(lang, Key::stand_vacancies_h2)}</h2>
                {vacancies}
            </section>
            <StandChatSection stand_id=stand.id part=stand.chat.clone() />
            <StandSlotsSection fair_id=stand.fair_id part=stand.slots.clone() />
            <StandQuestionsSection stand_id=stand.id part=stand.questions.clone() />
            {manage}
            <p><a href=fair_path(stand.fair_id)>{t(lang, Key::stand_back)}</a></p>
        </article>
    }
}
