//! One fair's page: for everyone once published (easy-read summary, the sign-language video,
//! when and where, the venue's accessibility, the calendar file, schema.org `Event` data), and
//! with the organiser's panel for the centre's counsellors.

use crate::components::button_form::ButtonForm;
use crate::components::form::{use_form_state, ErrorSummary, FieldError};
use crate::components::format::{named_title, region_name};
use crate::components::notice::NoticeBanner;
use crate::components::plain_text::PlainText;
use crate::components::read_aloud::ListenControl;
use crate::components::status_page::{ErrorPage, NotFoundPage};
use crate::domain::lima_time::format_lima;
use crate::fairs::api::{read_fair, Attendance, FairManagement, FairView};
use crate::fairs::cards::when_text;
use crate::fairs::outcomes::fair_outcomes_page;
use crate::fairs::pages::stands::StandsSection;
use crate::fairs::registrations::{registration_page, registrations_page};
use crate::fairs::rules::{Phase, Step};
use crate::fairs::stands::api::{read_fair_stands, FairStands};
use crate::fairs::stands::chat::reports::fair_reports_page;
use crate::fairs::{
    edit_fair_path, fair_calendar_path, Venue, VenueAccess, FAIRS_PATH, FAIR_STEPS_FIELD, FAIR_STEP_PATH,
};
use crate::fairs::{fair_captions_src, fair_video_page, fair_video_src};
use crate::i18n::{t, t_with, Key};
use crate::media::player::SignLanguageVideo;
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// One fair, from the `id` in its address.
#[component]
pub fn FairPage() -> impl IntoView {
    let params = use_params_map();
    let Some(id) = params.read_untracked().get("id").and_then(|id| id.parse::<i64>().ok()) else {
        return view! { <NotFoundPage /> }.into_any();
    };
    let found = Resource::new_blocking(move || id, read_fair);
    let stands = Resource::new_blocking(move || id, read_fair_stands);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match (found.await, stands.await) {
                    (Ok(view), Ok(stands)) => view! { <FairDetails view stands /> }.into_any(),
                    (Err(error), _) | (_, Err(error)) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn FairDetails(view: FairView, stands: FairStands) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    let form = use_form_state();
    let FairView { fair, phase, registration_open, centre, manage, address, video, attendance } = view;
    let has_video = video.is_some();
    let d = fair.draft.clone();
    let json_ld = phase.is_public().then(|| event_data(&fair, phase, &address)).flatten();
    let status_note = match phase {
        Phase::Upcoming => None,
        Phase::Draft => Some(t(lang, Key::fair_draft_note)),
        Phase::Running => Some(t(lang, Key::fair_running_note)),
        Phase::Finished => Some(t(lang, Key::fair_finished_note)),
        Phase::Cancelled => Some(t(lang, Key::fair_cancelled_note)),
    };
    let lead = t_with(lang, Key::fair_lead, &[("centre", &fair.centre_name), ("mode", t(lang, d.mode.label()))]);
    let easy_first = ui.prefs.easy_read_first;
    let easy_read = {
        let text = d.easy_read.clone();
        move || {
            view! {
                <section class="app-easy-read" aria-labelledby="easy-read-h" data-read-aloud>
                    <h2 id="easy-read-h">{t(lang, Key::fair_easy_read_h2)}</h2>
                    <PlainText text=text.clone() />
                </section>
            }
        }
    };
    let registration = if registration_open {
        t_with(lang, Key::fair_registration_until, &[("when", &format_lima(d.registration_closes_at))])
    } else {
        t(lang, Key::fair_registration_closed).to_string()
    };
    let place = match d.venue.clone() {
        Some(venue) => view! { <VenueSection venue /> }.into_any(),
        None => view! {
            <section aria-labelledby="place-h" data-read-aloud>
                <h2 id="place-h">{t(lang, Key::fair_online_h2)}</h2>
                <p>{t(lang, Key::fair_online_body)}</p>
            </section>
        }
        .into_any(),
    };
    let contact = centre.map(|centre| {
        view! {
            <section aria-labelledby="contact-h" data-read-aloud>
                <h2 id="contact-h">{t(lang, Key::fair_contact_h2)}</h2>
                <p>{t_with(lang, Key::fair_contact_body, &[("centre", &centre.name)])}</p>
                <dl class="app-facts">
                    <dt>{t(lang, Key::home_directory_phone)}</dt>
                    <dd><a href=format!("tel:{}", centre.phone.replace(['(', ')', ' ', '-'], ""))>{centre.phone.clone()}</a></dd>
                    <dt>{t(lang, Key::home_directory_email)}</dt>
                    <dd><a href=format!("mailto:{}", centre.email)>{centre.email.clone()}</a></dd>
                </dl>
            </section>
        }
    });
    let calendar = (phase != Phase::Finished).then(|| {
        view! {
            <p>
                <a href=fair_calendar_path(fair.id) download=format!("feria-{}.ics", fair.id)>{t(lang, Key::fair_calendar_link)}</a>
            </p>
        }
    });
    let joining = phase.is_public().then(|| {
        let places_left = (d.capacity - fair.registered).max(0);
        view! { <JoinSection id=fair.id attendance open=registration_open places_left capacity=d.capacity /> }
    });
    let organiser = manage.is_some();
    let panel = manage.map(|manage| view! { <OrganiserPanel id=fair.id manage has_video /> });
    let stands = phase.is_public().then(|| view! { <StandsSection fair_id=fair.id phase stands organiser /> });
    let title = format!("{} · {}", d.title, fair.centre_name);
    view! {
        <Title text=named_title(lang, &title, form.has_errors()) />
        {json_ld.map(|json| view! { <script type="application/ld+json" inner_html=json></script> })}
        <article class="app-width app-narrow">
            <NoticeBanner />
            <ErrorSummary errors=form.errors.clone() />
            {status_note.map(|note| view! { <p class="app-inset">{note}</p> })}
            <div data-read-aloud>
                <h1>{d.title.clone()}</h1>
                <p class="app-lead">{lead}</p>
            </div>
            <ListenControl />
            {easy_first.then(easy_read.clone())}
            {video.map(|video| {
                let (src, captions_src) = (fair_video_src(fair.id, video.version), fair_captions_src(fair.id, video.version));
                view! { <SignLanguageVideo id="lsp" heading=t(lang, Key::video_fair_h2).to_string() video src captions_src /> }
            })}
            <dl class="app-facts">
                <dt>{t(lang, Key::fair_when)}</dt>
                <dd>{when_text(lang, d.starts_at, d.ends_at)}</dd>
                <dt>{t(lang, Key::fair_mode)}</dt>
                <dd>{t(lang, d.mode.label())}</dd>
                <dt>{t(lang, Key::fair_registration)}</dt>
                <dd>{registration}</dd>
                <dt>{t(lang, Key::fair_capacity)}</dt>
                <dd>{t_with(lang, Key::fair_capacity_value, &[("count", &d.capacity.to_string())])}</dd>
            </dl>
            {calendar}
            {joining}
            <section aria-labelledby="about-h" data-read-aloud>
                <h2 id="about-h">{t(lang, Key::fair_about_h2)}</h2>
                <PlainText text=d.description.clone() />
            </section>
            {(!easy_first).then(easy_read)}
            {place}
            {contact}
            {stands}
            {panel}
            <p><a href=FAIRS_PATH>{t(lang, Key::fair_back)}</a></p>
        </article>
    }
}

/// Where an in-person or hybrid fair is, what it offers for access, and how to get there.
#[component]
fn VenueSection(venue: Venue) -> impl IntoView {
    let lang = use_ui().lang;
    let offered = VenueAccess::ALL
        .iter()
        .map(|access| {
            let (mark, words) = if venue.access.contains(access) {
                (Key::fair_access_yes, t(lang, access.label()))
            } else {
                (Key::fair_access_not_stated, t(lang, access.label()))
            };
            view! { <li>{t_with(lang, mark, &[("what", words)])}</li> }
        })
        .collect_view();
    let transport = (!venue.transport.is_empty()).then(|| {
        view! {
            <h3>{t(lang, Key::fair_transport_h3)}</h3>
            <PlainText text=venue.transport.clone() />
        }
    });
    view! {
        <section aria-labelledby="place-h" data-read-aloud>
            <h2 id="place-h">{t(lang, Key::fair_venue_h2)}</h2>
            <p>
                <strong>{venue.name.clone()}</strong>
                <br />
                {format!("{}, {}", venue.address, region_name(&venue.region))}
            </p>
            <h3>{t(lang, Key::fair_access_h3)}</h3>
            <ul class="app-list">{offered}</ul>
            {transport}
        </section>
    }
}

/// Registering: how many places are left, and the way in for whoever reads — their
/// registration, the form, or signing in first.
#[component]
fn JoinSection(id: i64, attendance: Attendance, open: bool, places_left: i64, capacity: i64) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    let page = registration_page(id);
    let places = (open && attendance != Attendance::Registered).then(|| {
        let words = t_with(
            lang,
            Key::fair_places_left,
            &[("count", &places_left.to_string()), ("capacity", &capacity.to_string())],
        );
        view! { <p>{words}</p> }
    });
    let way_in = match attendance {
        Attendance::Registered => view! {
            <p><strong>{t(lang, Key::fair_you_registered)}</strong></p>
            <p><a href=page>{t(lang, Key::fair_your_registration)}</a></p>
        }
        .into_any(),
        _ if !open => None::<()>.into_any(),
        _ if places_left == 0 => view! { <p>{t(lang, Key::registration_full)}</p> }.into_any(),
        Attendance::NotRegistered => {
            view! { <p><a class="app-button" href=page>{t(lang, Key::fair_register)}</a></p> }.into_any()
        }
        Attendance::NotSeeker if ui.actor.is_none() => view! {
            <p><a href=crate::ui::sign_in_returning_to(&page)>{t(lang, Key::fair_sign_in_to_register)}</a></p>
        }
        .into_any(),
        Attendance::NotSeeker => None::<()>.into_any(),
    };
    view! {
        <section aria-labelledby="join-h">
            <h2 id="join-h">{t(lang, Key::fair_join_h2)}</h2>
            {places}
            {way_in}
        </section>
    }
}

/// What the organising centre's counsellors may do: change the fair, publish or cancel it.
#[component]
fn OrganiserPanel(id: i64, manage: FairManagement, has_video: bool) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let refused = form.error(FAIR_STEPS_FIELD);
    let registrations_link = t_with(
        lang,
        Key::fair_registrations_link,
        &[("count", &manage.to_arrange.to_string()), ("late", &manage.late.to_string())],
    );
    let buttons = manage
        .steps
        .iter()
        .map(|step| {
            let (secondary, words) = match step {
                Step::Publish => (false, Key::fair_step_publish),
                Step::Cancel => (true, Key::fair_step_cancel),
            };
            view! {
                <ButtonForm
                    action=FAIR_STEP_PATH
                    label=t(lang, words)
                    fields=vec![("fair", id.to_string()), ("step", step.code().to_string())]
                    secondary=secondary
                />
            }
        })
        .collect_view();
    view! {
        <section class="app-section app-manage" aria-labelledby="organise-h" id=FAIR_STEPS_FIELD tabindex="-1">
            <h2 id="organise-h">{t(lang, Key::fair_organise_h2)}</h2>
            <FieldError id="fair-steps-error".to_string() message=refused />
            <p><a href=registrations_page(id)>{registrations_link}</a></p>
            <p><a href=fair_outcomes_page(id)>{t(lang, Key::outcomes_link)}</a></p>
            <p><a href=fair_reports_page(id)>{t_with(lang, Key::fair_reports_link, &[("count", &manage.reports_to_review.to_string())])}</a></p>
            {manage.may_edit.then(|| {
                let video_label = if has_video { Key::video_change } else { Key::video_add };
                view! {
                    <p><a href=edit_fair_path(id)>{t(lang, Key::fair_edit_link)}</a></p>
                    <p><a href=fair_video_page(id)>{t(lang, video_label)}</a></p>
                }
            })}
            {buttons}
        </section>
    }
}

/// The fair as schema.org `Event`, for search engines and calendars. `<` is escaped, so nothing
/// typed can end the script element.
#[cfg(feature = "ssr")]
fn event_data(fair: &crate::fairs::Fair, phase: Phase, url: &str) -> Option<String> {
    use crate::domain::lima_time::format_lima_iso;
    use crate::fairs::FairMode;
    let d = &fair.draft;
    let online = serde_json::json!({ "@type": "VirtualLocation", "url": url });
    let place = d.venue.as_ref().map(|venue| {
        serde_json::json!({
            "@type": "Place",
            "name": venue.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": venue.address,
                "addressRegion": region_name(&venue.region),
                "addressCountry": "PE"
            }
        })
    });
    let (mode, location) = match (d.mode, place) {
        (FairMode::InPerson, Some(place)) => ("OfflineEventAttendanceMode", place),
        (FairMode::Hybrid, Some(place)) => ("MixedEventAttendanceMode", serde_json::json!([place, online])),
        _ => ("OnlineEventAttendanceMode", online),
    };
    let event = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": d.title,
        "description": d.description,
        "startDate": format_lima_iso(d.starts_at),
        "endDate": format_lima_iso(d.ends_at),
        "eventStatus": if phase == Phase::Cancelled { "https://schema.org/EventCancelled" } else { "https://schema.org/EventScheduled" },
        "eventAttendanceMode": format!("https://schema.org/{mode}"),
        "location": location,
        "organizer": { "@type": "Organization", "name": fair.centre_name },
        "isAccessibleForFree": true,
        "maximumAttendeeCapacity": d.capacity,
        "url": url,
    });
    serde_json::to_string(&event).ok().map(|json| json.replace('<', "\\u003c"))
}

#[cfg(not(feature = "ssr"))]
fn event_data(_fair: &crate::fairs::Fair, _phase: Phase, _url: &str) -> Option<String> {
    None
}
