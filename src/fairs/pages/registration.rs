//! A job seeker's registration for a fair (works without JavaScript): the form that registers
//! them with the accommodations they need — ticked from their profile — or, once registered,
//! each request with where it stands and the button that cancels. A counsellor a person lets
//! act for them reads and does the same for that person (`&persona=`), in the third person.

use crate::components::form::{use_form_state, Choice, CsrfField, FieldError, TextArea};
use crate::components::list::list_or;
use crate::components::plain_text::PlainText;
use crate::components::private_page::{PrivateRecordPage, RecordFrame};
use crate::domain::lima_time::{format_lima, format_lima_date};
use crate::fairs::cards::when_text;
use crate::fairs::fair_path;
use crate::fairs::pages::interviews::OwnInterviews;
use crate::fairs::registrations::api::read_registration;
use crate::fairs::registrations::rules::ANSWER_WITHIN;
use crate::fairs::registrations::{
    FairNeed, Joining, NeedStatus, NeedView, OwnRegistration, RegistrationView, CANCEL_REGISTRATION_PATH, NEED_FIELD,
    OTHER_FIELD, PERSON_PARAM, REGISTER_FIELD, REGISTRATION_PATH,
};
use crate::i18n::{t, t_with, Key, Lang};
use crate::seekers::seeker_path;
use crate::ui::use_ui;
use leptos::prelude::*;

/// The registration for fair `?id=`, for the signed-in job seeker or for the person
/// `?persona=` their counsellor registers.
#[component]
pub fn RegistrationPage() -> impl IntoView {
    let person = use_ui().query_id(PERSON_PARAM);
    view! {
        <PrivateRecordPage
            param="id"
            read=move |id| read_registration(id, person)
            show=|found| view! { <RegistrationDetails found /> }
        />
    }
}

/// The words of a page read by the person (`you`) or by their counsellor (`them`).
#[derive(Clone, Copy)]
struct Voice {
    theirs: bool,
}

impl Voice {
    fn say(self, you: Key, them: Key) -> Key {
        if self.theirs {
            them
        } else {
            you
        }
    }
}

#[component]
fn RegistrationDetails(found: RegistrationView) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let fair_id = found.fair_id;
    let voice = Voice { theirs: found.person.is_some() };
    let title = match &found.person {
        Some(p) => t_with(lang, Key::registration_title_for, &[("name", &p.name), ("fair", &found.fair_title)]),
        None => t_with(lang, Key::registration_title, &[("fair", &found.fair_title)]),
    };
    let person = found.person.as_ref().map(|p| p.seeker_id);
    let about = found.person.as_ref().map(|p| {
        let (lead, back) = (t_with(lang, Key::registration_for_lead, &[("name", &p.name)]), seeker_path(p.seeker_id));
        view! {
            <p>{lead}</p>
            <p><a href=back>{t(lang, Key::registration_back_to_person)}</a></p>
        }
    });
    let no_account = found.person.as_ref().map(|p| t_with(lang, Key::registration_no_account, &[("name", &p.name)]));
    let body = match found.joining {
        Joining::Open { needs, other } => {
            let places = t_with(
                lang,
                Key::registration_places,
                &[("count", &found.places_left.to_string()), ("when", &format_lima(found.registration_closes_at))],
            );
            let other = other.iter().map(|a| a.name(lang)).collect::<Vec<_>>().join(", ");
            view! {
                <p>{places}</p>
                <NeedsForm fair_id person voice needs other />
            }
            .into_any()
        }
        Joining::Registered(own) => view! { <Registered fair_id person voice own /> }.into_any(),
        Joining::NoAccount => view! { <p>{no_account}</p> }.into_any(),
        Joining::Full => view! { <p>{t(lang, Key::registration_full)}</p> }.into_any(),
        Joining::Closed => view! { <p>{t(lang, Key::registration_closed)}</p> }.into_any(),
    };
    view! {
        <RecordFrame title=title.clone() lead=when_text(lang, found.starts_at, found.ends_at)>
            {about}
            <div id=REGISTER_FIELD tabindex="-1">
                <FieldError id=format!("{REGISTER_FIELD}-error") message=form.error(REGISTER_FIELD) />
            </div>
            {body}
            <p><a href=fair_path(fair_id)>{t(lang, Key::registration_back)}</a></p>
        </RecordFrame>
    }
}

/// The form that registers: one box per accommodation and "something else" in words. It
/// starts from the profile; a refused form comes back as it was sent.
#[component]
fn NeedsForm(fair_id: i64, person: Option<i64>, voice: Voice, needs: Vec<FairNeed>, other: String) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let sent = form.has_errors();
    let ticked = move |need: FairNeed| {
        if sent {
            form.values.iter().any(|(name, value)| name == NEED_FIELD && value == need.code())
        } else {
            needs.contains(&need)
        }
    };
    let boxes = FairNeed::ALL
        .iter()
        .filter(|need| **need != FairNeed::Other)
        .map(|need| {
            view! {
                <Choice kind="checkbox" name=NEED_FIELD value=need.code() label=t(lang, need.label()) checked=ticked(*need) />
            }
        })
        .collect_view();
    let other = if sent { use_form_state().value(OTHER_FIELD) } else { other };
    let need_error = use_form_state().error(NEED_FIELD);
    let within = (ANSWER_WITHIN / 86_400).to_string();
    view! {
        <form method="post" action=REGISTRATION_PATH novalidate>
            <CsrfField />
            <input type="hidden" name="fair" value=fair_id.to_string() />
            <PersonField person />
            <fieldset class="app-fieldset" id=NEED_FIELD tabindex="-1" aria-describedby="need-hint">
                <legend class="app-fieldset__legend">
                    {t(lang, voice.say(Key::registration_needs_legend, Key::registration_needs_legend_for))}
                </legend>
                <p class="app-hint" id="need-hint">
                    {t_with(lang, voice.say(Key::registration_needs_hint, Key::registration_needs_hint_for), &[("days", &within)])}
                </p>
                <FieldError id="need-error".to_string() message=need_error />
                {boxes}
            </fieldset>
            <TextArea
                id=OTHER_FIELD
                label=t(lang, voice.say(Key::registration_other_label, Key::registration_other_label_for))
                hint=Some(t(lang, voice.say(Key::registration_other_hint, Key::registration_other_hint_for)))
                rows=3
                value=other
                error=use_form_state().error(OTHER_FIELD)
            />
            <button class="app-button" type="submit">{t(lang, voice.say(Key::registration_submit, Key::registration_submit_for))}</button>
        </form>
    }
}

/// A registration in force: each request and where it stands, and cancelling.
#[component]
fn Registered(fair_id: i64, person: Option<i64>, voice: Voice, own: OwnRegistration) -> impl IntoView {
    let lang = use_ui().lang;
    let since = t_with(
        lang,
        voice.say(Key::registration_since, Key::registration_since_for),
        &[("day", &format_lima_date(own.registered_at))],
    );
    let needs = list_or(
        t(lang, voice.say(Key::registration_no_needs, Key::registration_no_needs_for)),
        own.needs.iter().map(|need| view! { <li>{need_state(lang, need)}</li> }).collect(),
    );
    let interviews = (!voice.theirs).then(|| view! { <OwnInterviews fair_id interviews=own.interviews.clone() /> });
    let has_interviews = !own.interviews.is_empty();
    view! {
        <p><strong>{since}</strong></p>
        {(own.by_counsellor && !voice.theirs).then(|| view! { <p>{t(lang, Key::registration_by_counsellor)}</p> })}
        <h2>{t(lang, voice.say(Key::registration_needs_h2, Key::registration_needs_h2_for))}</h2>
        {needs}
        {interviews}
        {own.may_cancel.then(|| view! {
            <h2>{t(lang, voice.say(Key::registration_cancel_h2, Key::registration_cancel_h2_for))}</h2>
            <p>{t(lang, voice.say(Key::registration_cancel_body, Key::registration_cancel_body_for))}</p>
            {has_interviews.then(|| view! { <p>{t(lang, Key::registration_cancel_interviews)}</p> })}
            <form method="post" action=CANCEL_REGISTRATION_PATH>
                <CsrfField />
                <input type="hidden" name="fair" value=fair_id.to_string() />
                <PersonField person />
                <button class="app-button app-button--secondary" type="submit">
                    {t(lang, voice.say(Key::registration_cancel, Key::registration_cancel_for))}
                </button>
            </form>
        })}
    }
}

/// The person a counsellor registers, named in the form they post.
#[component]
fn PersonField(person: Option<i64>) -> impl IntoView {
    person.map(|id| view! { <input type="hidden" name=PERSON_PARAM value=id.to_string() /> })
}

/// One request as its person reads it: what, and the organiser's answer or when it is due.
pub fn need_state(lang: Lang, need: &NeedView) -> impl IntoView {
    let what = need_words(lang, need);
    let due = format_lima(need.due_at);
    let state = match need.status {
        NeedStatus::Asked if need.late => t_with(lang, Key::registration_need_late, &[("when", &due)]),
        NeedStatus::Asked => t_with(lang, Key::registration_need_asked, &[("when", &due)]),
        status => t(lang, status.label()).to_string(),
    };
    let answer = (!need.answer.is_empty()).then(|| view! { <PlainText text=need.answer.clone() /> });
    view! {
        <p><strong>{what}</strong><br />{state}</p>
        {answer}
    }
}

/// What was asked for: its name, and the person's words.
pub fn need_words(lang: Lang, need: &NeedView) -> String {
    match (need.need, need.details.is_empty()) {
        (FairNeed::Other, _) => format!("{}: {}", t(lang, FairNeed::Other.label()), need.details),
        (_, true) => t(lang, need.need.label()).to_string(),
        (_, false) => format!("{}: {}", t(lang, need.need.label()), need.details),
    }
}
