//! The fairs on a person's page, for a counsellor they let act for them: each fair ahead with
//! the way to register them, or to their registration. The app puts it on the register's
//! profile page.

use super::{registration_page_for, SeekerFairs};
use crate::components::list::list_or;
use crate::components::loaded::Loaded;
use crate::error::AppError;
use crate::fairs::cards::when_text;
use crate::fairs::fair_path;
use crate::i18n::{t, Key};
use crate::ui::use_ui;
use leptos::prelude::*;

/// The fairs person `found` names may be registered for, loaded when the page starts
/// (`app::profile_parts`).
#[component]
pub fn SeekerFairsSection(found: Resource<Result<SeekerFairs, AppError>>) -> impl IntoView {
    let lang = use_ui().lang;
    let show = move |found: SeekerFairs| {
        let seeker_id = found.seeker_id;
        let body = if !found.has_account {
            view! { <p>{t(lang, Key::seeker_fairs_no_account)}</p> }.into_any()
        } else {
            let items = found
                .fairs
                .into_iter()
                .map(|fair| {
                    let link = if fair.registered { Key::seeker_fairs_registered } else { Key::seeker_fairs_register };
                    view! {
                        <li>
                            <a href=fair_path(fair.fair_id)>{fair.title.clone()}</a>
                            <br />
                            {when_text(lang, fair.starts_at, fair.ends_at)}
                            <br />
                            <a href=registration_page_for(fair.fair_id, seeker_id)>{t(lang, link)}</a>
                        </li>
                    }
                })
                .collect();
            list_or(t(lang, Key::seeker_fairs_none), items)
        };
        view! {
            <section aria-labelledby="seeker-fairs-h">
                <h2 id="seeker-fairs-h">{t(lang, Key::seeker_fairs_h2)}</h2>
                {body}
            </section>
        }
    };
    view! { <Loaded found show /> }
}
