//! What the register's profile pages show from the features above it: the person's links to
//! their applications and recommended jobs, and for their centre the recommended jobs, the
//! applications and the case file. The app wires them in so the register names none of them.

use crate::applications::section::SeekerApplicationsSection;
use crate::casework::section::CaseFileSection;
use crate::i18n::{t, Key};
use crate::seekers::pages::{ProfileParts, Reader};
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

fn follow_up(reader: Reader) -> AnyView {
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
        {(!is_self).then(|| view! { <SeekerApplicationsSection seeker_id acts_for /> })}
        <CaseFileSection seeker_id />
    }
    .into_any()
}
