//! A person's applications on their page, for their centre's counsellor: each as a card, with
//! the withdraw button when the person lets the counsellor act for them. The app puts it on
//! the register's profile page.

use super::api::SeekerApplications;
use super::card::ApplicationCard;
use crate::components::loaded::Loaded;
use crate::error::AppError;
use crate::i18n::{t, Key};
use crate::ui::use_ui;
use leptos::prelude::*;

/// The applications of person `seeker_id`, loaded by `found` (made when the page starts:
/// `app::profile_parts`); `acts_for` when the reader may withdraw them.
#[component]
pub fn SeekerApplicationsSection(
    found: Resource<Result<SeekerApplications, AppError>>,
    seeker_id: i64,
    acts_for: bool,
) -> impl IntoView {
    let lang = use_ui().lang;
    let show = move |found: SeekerApplications| {
        let list = if found.applications.is_empty() {
            view! { <p>{t(lang, Key::seeker_applications_none)}</p> }.into_any()
        } else {
            let names = found.names;
            found
                        .applications
                        .into_iter()
                        .map(|application| view! {
                            <ApplicationCard application names=names.clone() sub=true withdraw=acts_for record_for=Some(seeker_id) />
                        })
                        .collect_view()
                        .into_any()
        };
        view! {
            <section aria-labelledby="applications-h">
                <h2 id="applications-h">{t(lang, Key::seeker_applications_h2)}</h2>
                {(!acts_for).then(|| view! { <p>{t(lang, Key::seeker_applications_no_acting)}</p> })}
                {list}
            </section>
        }
    };
    view! { <Loaded found show /> }
}
