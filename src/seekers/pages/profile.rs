//! A profile as its viewer may see it: the person's own (with their data rights), or the one
//! a counsellor of their centre follows, with the consent sheet. What the features above the
//! register add — applications, recommended jobs, casework — comes in as `ProfileParts`.

use super::document_label;
use super::register::RegistrationForm;
use crate::components::button_form::ButtonForm;
use crate::components::form::{use_form_state, ErrorSummary};
use crate::components::notice::{sign_in_first, NoticeBanner};
use crate::components::status_page::{ErrorPage, NotFoundPage};
use crate::domain::lima_time::format_lima;
use crate::i18n::{t, t_with, Key};
use crate::seekers::api::{read_my_profile, read_seeker, MyProfile, SeekerView};
use crate::seekers::consent::{ConsentKind, RecordedBy};
use crate::seekers::{seeker_path, CONSENT_PATH, DELETE_PROFILE_PATH, MY_PROFILE_PATH};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// What a profile page shows from the features that follow the person — their applications,
/// recommended jobs, casework. The app gives it (`app::profile_parts`): the register, below
/// those features, names none of them.
#[derive(Clone, Copy)]
pub struct ProfileParts {
    /// On the person's own profile: list items linking to what is theirs elsewhere.
    pub own_links: fn() -> AnyView,
    /// Below the profile, for whoever reads it: what is done with and for the person. Called
    /// when the page starts, with the person's id (`None`: the signed-in person's own), so
    /// it starts loading its data beside the profile's; the view it gives is drawn once the
    /// reader is known.
    pub follow_up: fn(Option<i64>) -> FollowUp,
}

/// The follow-up part of a profile page, drawn for its reader. Its data is loaded by
/// resources made when the page starts, never inside the profile's `<Suspense>`: a resource
/// made while a Suspense renders can keep the server's answer from ever ending
/// (leptos-rs/leptos#4866), and loading side by side is quicker anyway.
pub type FollowUp = std::sync::Arc<dyn Fn(Reader) -> AnyView + Send + Sync>;

/// Whose profile is read and how its reader stands to them, for `ProfileParts::follow_up`.
#[derive(Clone, Copy, Debug)]
pub struct Reader {
    pub seeker_id: i64,
    /// The person themselves.
    pub is_self: bool,
    /// A counsellor of the centre that follows them.
    pub counsels: bool,
    /// A counsellor they let act for them.
    pub acts_for: bool,
}

/// A job seeker's own profile: the registration form until they have one, then the profile
/// with their consents to give, withdraw or confirm, and who looked at their data.
#[component]
pub fn MyProfilePage(parts: ProfileParts) -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, MY_PROFILE_PATH) {
        return away;
    }
    let mine = Resource::new_blocking(|| (), |_| read_my_profile());
    let follow_up = (parts.follow_up)(None);
    view! {
        <Suspense>
            {move || {
                let follow_up = follow_up.clone();
                Suspend::new(async move {
                match mine.await {
                    Ok(MyProfile { view: Some(view), .. }) => {
                        view! { <SeekerDetails view parts follow_up /> }.into_any()
                    }
                    Ok(MyProfile { view: None, centres }) => view! {
                        <RegistrationForm
                            action=MY_PROFILE_PATH
                            heading=Key::my_profile_new_h1
                            intro=Key::my_profile_new_intro
                            consents_hint=Key::my_profile_consents_hint
                            submit=Key::my_profile_submit
                            centres=Some(centres)
                        />
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })
            }}
        </Suspense>
    }
    .into_any()
}

/// The profile of one person, for their centre's counsellor (or the person themselves).
#[component]
pub fn SeekerPage(parts: ProfileParts) -> impl IntoView {
    let ui = use_ui();
    let params = use_params_map();
    let Some(id) = params.read_untracked().get("id").and_then(|id| id.parse::<i64>().ok()) else {
        return view! { <NotFoundPage /> }.into_any();
    };
    if let Some(away) = sign_in_first(&ui, &seeker_path(id)) {
        return away;
    }
    let found = Resource::new_blocking(move || id, read_seeker);
    let follow_up = (parts.follow_up)(Some(id));
    view! {
        <Suspense>
            {move || {
                let follow_up = follow_up.clone();
                Suspend::new(async move {
                    match found.await {
                        Ok(view) => view! { <SeekerDetails view parts follow_up /> }.into_any(),
                        Err(error) => view! { <ErrorPage error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

#[component]
fn SeekerDetails(view: SeekerView, parts: ProfileParts, follow_up: FollowUp) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let SeekerView {
        profile,
        progress,
        visible,
        consents,
        consent_history,
        accesses,
        is_self,
        names,
        acts_for,
        counsels,
    } = view;
    let may_change_disability = visible.disability && consents.has(ConsentKind::DisabilityData);
    let p = &profile.personal;
    let place = [p.district.as_str(), p.province.as_str(), p.region.name()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let education = profile.education.map_or_else(|| t(lang, Key::person_not_stated), |e| t(lang, e.label()));
    let skills =
        if profile.skills.is_empty() { t(lang, Key::person_not_stated).to_string() } else { profile.skills.join(", ") };
    let languages = crate::seekers::languages_text(lang, &profile.languages);
    // The person, or a counsellor they let act for them, fills the profile in steps.
    let steps = progress.map(|progress| view! { <crate::seekers::steps::ProfileSteps progress /> });
    let disability = if !consents.has(ConsentKind::DisabilityData) {
        let said = if is_self { Key::seeker_no_disability_consent_self } else { Key::seeker_no_disability_consent };
        view! { <p>{t(lang, said)}</p> }.into_any()
    } else if !visible.needs {
        view! { <p>{t(lang, Key::seeker_disability_hidden)}</p> }.into_any()
    } else {
        match profile.disability.clone() {
            None => view! { <p>{t(lang, Key::person_not_stated)}</p> }.into_any(),
            Some(d) => {
                let name = |code: &String| {
                    names.iter().find(|n| &n.code == code).map_or_else(|| code.clone(), |n| n.name(lang).to_string())
                };
                let list = |codes: Vec<String>| {
                    if codes.is_empty() {
                        t(lang, Key::person_not_stated).to_string()
                    } else {
                        codes.iter().map(name).collect::<Vec<_>>().join(", ")
                    }
                };
                view! {
                    <dl class="app-facts">
                        <dt>{t(lang, Key::seeker_disability_types)}</dt>
                        <dd>{list(d.types)}</dd>
                        <dt>{t(lang, Key::seeker_conadis)}</dt>
                        <dd>{d.conadis.map_or_else(|| t(lang, Key::person_not_stated).to_string(), |c| c.as_str().to_string())}</dd>
                        <dt>{t(lang, Key::seeker_needs_interview)}</dt>
                        <dd>{list(d.needs_at_interview)}</dd>
                        <dt>{t(lang, Key::seeker_needs_work)}</dt>
                        <dd>{list(d.needs_at_work)}</dd>
                    </dl>
                }
                .into_any()
            }
        }
    };
    let unconfirmed = consent_history
        .iter()
        .any(|c| c.recorded_by != RecordedBy::Themselves && c.confirmed_at.is_none() && c.revoked_at.is_none());
    let awaiting: Vec<ConsentKind> = consent_history.iter().filter(|c| c.awaits_person()).map(|c| c.kind).collect();
    let history = consent_history
        .into_iter()
        .map(|record| {
            let by = match (record.recorded_by, record.recorder_name.as_deref()) {
                (RecordedBy::Counsellor | RecordedBy::OnBehalf, Some(name)) => {
                    t_with(lang, Key::consent_by_counsellor, &[("name", name)])
                }
                (RecordedBy::Counsellor | RecordedBy::OnBehalf, None) => t(lang, Key::consent_by_a_counsellor).to_string(),
                (RecordedBy::Themselves, _) => t(lang, Key::consent_by_self).to_string(),
            };
            let state = match (record.revoked_at, record.confirmed_at, record.recorded_by) {
                (Some(at), _, _) => t_with(lang, Key::consent_revoked_on, &[("when", &format_lima(at))]),
                (None, None, RecordedBy::Counsellor) => t(lang, Key::consent_unconfirmed).to_string(),
                (None, None, RecordedBy::OnBehalf) => t(lang, Key::consent_awaiting).to_string(),
                (None, _, _) => t(lang, Key::consent_in_force).to_string(),
            };
            view! {
                <li>
                    <p>{t(lang, record.kind.text())}</p>
                    <p class="app-hint">
                        {format!("{} · {} · {} · {}", format_lima(record.given_at), by, state, t_with(lang, Key::consent_version, &[("version", &record.text_version)]))}
                    </p>
                </li>
            }
        })
        .collect_view();
    // The person's own: each consent to give or withdraw, and those their centre recorded to
    // confirm. Withdrawing the register's own is deleting the profile, which is another step.
    let manage = is_self.then(|| {
        let rows = ConsentKind::ALL
            .into_iter()
            .filter(|kind| *kind != ConsentKind::Register)
            .map(|kind| {
                let given = consents.has(kind);
                let (action, button, state) = if given {
                    ("retirar", Key::consent_revoke, Key::consent_in_force)
                } else if awaiting.contains(&kind) {
                    ("dar", Key::consent_give, Key::consent_awaits_you)
                } else {
                    ("dar", Key::consent_give, Key::consent_not_given)
                };
                let label = format!("{}: {}", t(lang, button), t(lang, kind.short()));
                view! {
                    <li>
                        <p>
                            <strong>{t(lang, kind.short())}</strong>
                            {format!(" — {}", t(lang, state))}
                        </p>
                        <p>{t(lang, kind.text())}</p>
                        <ButtonForm
                            action=CONSENT_PATH
                            label=t(lang, button)
                            aria_label=label
                            fields=vec![("kind", kind.code().to_string()), ("action", action.to_string())]
                            secondary=true
                        />
                    </li>
                }
            })
            .collect_view();
        let confirm = unconfirmed.then(|| {
            view! {
                <div class="app-inset">
                    <p>{t(lang, Key::consent_confirm_intro)}</p>
                    <ButtonForm
                        action=CONSENT_PATH
                        label=t(lang, Key::consent_confirm)
                        fields=vec![("action", "confirmar".to_string())]
                        inline=false
                    />
                </div>
            }
        });
        view! {
            <section aria-labelledby="my-consents-h">
                <h2 id="my-consents-h">{t(lang, Key::my_consents_h2)}</h2>
                {confirm}
                <ul class="app-list app-consents">{rows}</ul>
            </section>
        }
    });
    let accesses = is_self.then(|| {
        let items = accesses
            .into_iter()
            .map(|a| view! { <li>{format!("{} — {}", format_lima(a.at), a.viewer_name)}</li> })
            .collect_view();
        view! {
            <section aria-labelledby="accesses-h">
                <h2 id="accesses-h">{t(lang, Key::seeker_accesses_h2)}</h2>
                <ul class="app-list">{items}</ul>
            </section>
        }
    });
    view! {
        <Title text=if form.has_errors() { format!("{}: {}", t(lang, Key::form_error_prefix), p.full_name) } else { p.full_name.clone() } />
        <article class="app-width app-narrow">
            <NoticeBanner />
            <ErrorSummary errors=form.errors.clone() />
            <h1>{p.full_name.clone()}</h1>
            {steps}
            <section aria-labelledby="personal-h">
                <h2 id="personal-h">{t(lang, Key::register_seeker_who)}</h2>
                <dl class="app-facts">
                    <dt>{t(lang, Key::seeker_document)}</dt>
                    <dd>{format!("{} {}", document_label(lang, p.document.kind), p.document.number())}</dd>
                    <dt>{t(lang, Key::seeker_birth_date)}</dt>
                    <dd>{p.birth_date.clone()}</dd>
                    <dt>{t(lang, Key::seeker_sex)}</dt>
                    <dd>{t(lang, p.sex.label())}</dd>
                    <dt>{t(lang, Key::seeker_education)}</dt>
                    <dd>{education}</dd>
                    <dt>{t(lang, Key::seeker_skills)}</dt>
                    <dd>{skills}</dd>
                    <dt>{t(lang, Key::seeker_languages)}</dt>
                    <dd>{languages}</dd>
                    <dt>{t(lang, Key::vacancy_place)}</dt>
                    <dd>{place}</dd>
                    <dt>{t(lang, Key::seeker_phone)}</dt>
                    <dd>{if p.phone.is_empty() { t(lang, Key::person_not_stated).to_string() } else { p.phone.clone() }}</dd>
                    <dt>{t(lang, Key::seeker_email)}</dt>
                    <dd>{if p.email.is_empty() { t(lang, Key::person_not_stated).to_string() } else { p.email.clone() }}</dd>
                    <dt>{t(lang, Key::seeker_channel)}</dt>
                    <dd>{t(lang, p.channel.label())}</dd>
                </dl>
                {(is_self || acts_for).then(|| view! {
                    <p>
                        <a href=crate::seekers::step_path(crate::seekers::DETAILS_PATH, (!is_self).then_some(profile.id))>
                            {t(lang, Key::details_link)}
                        </a>
                    </p>
                })}
            </section>
            <crate::seekers::pages::history::WorkHistory
                experience=profile.experience.clone()
                certificates=profile.certificates.clone()
            />
            <section aria-labelledby="disability-h">
                <h2 id="disability-h">{t(lang, Key::seeker_disability_h2)}</h2>
                {disability}
                {may_change_disability.then(|| view! {
                    <p>
                        <a class="app-button app-button--secondary" href=crate::seekers::disability_path(profile.id)>
                            {t(lang, Key::disability_form_link)}
                        </a>
                    </p>
                })}
            </section>
            {manage}
            {is_self.then(|| view! {
                <ul class="app-list">
                    {(parts.own_links)()}
                    <li><a href=crate::seekers::cv::cv_path(None)>{t(lang, Key::cv_link_self)}</a></li>
                    <li><a href=crate::alerts::MY_SEARCHES_PATH>{t(lang, Key::alerts_link)}</a></li>
                </ul>
            })}
            {counsels.then(|| view! {
                <p>
                    <a href=crate::seekers::cv::cv_path(Some(profile.id))>
                        {t_with(lang, Key::cv_link, &[("name", &profile.personal.full_name)])}
                    </a>
                </p>
            })}
            {follow_up(Reader { seeker_id: profile.id, is_self, counsels, acts_for })}
            <section aria-labelledby="consents-h">
                <h2 id="consents-h">{t(lang, Key::seeker_consents_h2)}</h2>
                <ul class="app-list">{history}</ul>
                {counsels.then(|| view! {
                    <p>
                        <a href=crate::seekers::claim::consent_sheet_path(profile.id)>{t(lang, Key::sheet_link)}</a>
                    </p>
                })}
            </section>
            {accesses}
            {is_self.then(|| view! { <MyDataRights /> })}
        </article>
    }
}

/// The person's rights over what the register keeps: to download all of it, and to delete
/// the profile.
#[component]
fn MyDataRights() -> impl IntoView {
    let lang = use_ui().lang;
    view! {
        <section aria-labelledby="my-data-h">
            <h2 id="my-data-h">{t(lang, Key::my_profile_data_h2)}</h2>
            <p>{t(lang, Key::my_profile_data_body)}</p>
            <ul class="app-list app-list--links">
                <li><a href=crate::ui::EXPORT_DATA_PATH>{t(lang, Key::account_export)}</a></li>
                <li><a href=DELETE_PROFILE_PATH>{t(lang, Key::delete_profile_title)}</a></li>
            </ul>
        </section>
    }
}
