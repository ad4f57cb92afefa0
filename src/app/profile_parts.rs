//! What the register's profile pages show from the features above it: the person's links to
//! their applications and recommended jobs, and for their centre the recommended jobs, the
//! applications, the fairs to register them for, and the case file. The app wires them in so the register names none of them.

use crate::applications::api::read_seeker_applications;
use crate::applications::section::SeekerApplicationsSection;
use crate::casework::api::read_case_file;
use crate::casework::section::CaseFileSection;
use crate::fairs::registrations::api::read_seeker_fairs;
use crate::fairs::registrations::section::SeekerFairsSection;
use crate::i18n::{t, Key};
use crate::seekers::pages::{FollowUp, ProfileParts, Reader};
use crate::ui::use_ui;
use leptos::prelude::*;

pub const PROFILE_PARTS: ProfileParts = ProfileParts { own_links, follow_up };

fn own_links() -> AnyView {
    let lang = use_ui().lang;
    view! {
        <li><a href=crate::matches::MATCHES_PATH>{t(lang, Key::matches_link_self)}</a></li>
        <li><a href=crate::applications::MY_APPLICATIONS_PATH>{t(lang, Key::my_applications_title)}</a></li>
    }
    .into_any()
}

/// Starts loading the applications and the fairs (for another person's page) and the case
/// file, and draws them, with the recommended jobs' link, for the page's reader.
fn follow_up(seeker: Option<i64>) -> FollowUp {
    let applications = seeker.map(|id| Resource::new_blocking(move || id, read_seeker_applications));
    let case_file = Resource::new_blocking(move || seeker, read_case_file);
    let fairs = seeker.map(|id| Resource::new_blocking(move || id, read_seeker_fairs));
    std::sync::Arc::new(move |reader: Reader| {
        let lang = use_ui().lang;
        let Reader { seeker_id, is_self, acts_for, .. } = reader;
        view! {
            {acts_for.then(|| view! {
                <p>
                    <a class="app-button" href=crate::matches::matches_path(Some(seeker_id))>
                        {t(lang, Key::seeker_matches_link)}
                    </a>
                </p>
            })}
            {applications
                .filter(|_| !is_self)
                .map(|found| view! { <SeekerApplicationsSection found seeker_id acts_for /> })}
            {fairs.filter(|_| acts_for).map(|found| view! { <SeekerFairsSection found /> })}
            <CaseFileSection found=case_file seeker_id />
        }
        .into_any()
    })
}
