//! The fairs: on now and coming (soonest first), and past ones; for a counsellor, first their
//! centre's fairs, drafts included, and the way to organise a new one.

use crate::components::notice::NoticeBanner;
use crate::components::status_page::ErrorPage;
use crate::fairs::api::{read_fairs, FairsView};
use crate::fairs::cards::FairCards;
use crate::fairs::NEW_FAIR_PATH;
use crate::i18n::{page_title, t, Key};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn FairsPage() -> impl IntoView {
    let found = Resource::new_blocking(|| (), |_| read_fairs());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(fairs) => view! { <FairsList fairs /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn FairsList(fairs: FairsView) -> impl IntoView {
    let lang = use_ui().lang;
    let FairsView { ahead, past, own, may_organise } = fairs;
    let organiser = may_organise.then(|| {
        view! {
            <section class="app-section" aria-labelledby="own-fairs-h">
                <h2 id="own-fairs-h">{t(lang, Key::fairs_own_h2)}</h2>
                <p>
                    <a class="app-button" href=NEW_FAIR_PATH>{t(lang, Key::fairs_new_link)}</a>
                </p>
                <FairCards fairs=own empty=Key::fairs_own_none />
            </section>
        }
    });
    view! {
        <Title text=page_title(lang, Key::fairs_title) />
        <Meta name="description" content=t(lang, Key::fairs_intro) />
        <div class="app-width app-narrow">
            <NoticeBanner />
            <h1>{t(lang, Key::fairs_h1)}</h1>
            <p class="app-lead">{t(lang, Key::fairs_intro)}</p>
            {organiser}
            <section class="app-section" aria-labelledby="fairs-ahead-h">
                <h2 id="fairs-ahead-h">{t(lang, Key::fairs_ahead_h2)}</h2>
                <FairCards fairs=ahead empty=Key::fairs_ahead_none />
            </section>
            <section class="app-section" aria-labelledby="fairs-past-h">
                <h2 id="fairs-past-h">{t(lang, Key::fairs_past_h2)}</h2>
                <FairCards fairs=past empty=Key::fairs_past_none />
            </section>
        </div>
    }
}
