//! The register's pages: a counsellor's caseload, registering a person who is with them (with
//! every consent read out in plain words), and a person's profile as the viewer may see it.

use super::api::{
    read_caseload, read_disability_form, read_my_profile, read_seeker, DisabilityForm, MyProfile, SeekerView,
};
use super::consent::{ConsentKind, RecordedBy};
use super::{
    seeker_path, Caseload, CaseloadQuery, SeekerSummary, CASELOAD_PATH, CONSENT_PATH, CONSENT_REGISTER_FIELD,
    DELETE_PROFILE_PATH, MY_PROFILE_PATH, REGISTER_SEEKER_PATH,
};
use crate::accounts::Role;
use crate::components::form::{use_form_state, Choice, CsrfField, ErrorSummary, SelectField, TextField};
use crate::components::notice::{sign_in_first, NoticeBanner};
use crate::components::pagination::Pagination;
use crate::components::status_page::{ErrorPage, NotFoundPage};
use crate::domain::lima_time::{format_lima, format_lima_date};
use crate::domain::DocumentType;
use crate::i18n::{page_title, t, t_with, Key, Lang};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

pub(crate) fn document_label(lang: Lang, kind: DocumentType) -> &'static str {
    t(
        lang,
        match kind {
            DocumentType::Dni => Key::document_dni,
            DocumentType::ForeignerCard => Key::document_ce,
            DocumentType::Passport => Key::document_passport,
        },
    )
}

/// Counsellors only; anyone else is told so.
fn counsellor_only(ui: &crate::ui::Ui) -> Option<AnyView> {
    (!ui.actor.as_ref().is_some_and(|a| a.has(Role::Counsellor)))
        .then(|| view! { <ErrorPage error=crate::error::AppError::Forbidden /> }.into_any())
}

#[component]
pub fn CaseloadPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, super::CASELOAD_PATH) {
        return away;
    }
    if let Some(refused) = counsellor_only(&ui) {
        return refused;
    }
    let lang = ui.lang;
    let query = ui.query_string().to_string();
    let caseload = Resource::new_blocking(move || query.clone(), read_caseload);
    view! {
        <Title text=page_title(lang, Key::caseload_title) />
        <div class="app-width">
            <NoticeBanner />
            <h1>{t(lang, Key::caseload_h1)}</h1>
            <p>
                <a class="app-button" href=REGISTER_SEEKER_PATH>{t(lang, Key::register_seeker_h1)}</a>
            </p>
            <Suspense>
                {move || Suspend::new(async move {
                    match caseload.await {
                        Ok(caseload) => view! { <CaseloadResults caseload /> }.into_any(),
                        Err(error) => view! { <ErrorPage error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
    .into_any()
}

/// The search form, how many it found, one page of people and the links to the others.
#[component]
fn CaseloadResults(caseload: Caseload) -> impl IntoView {
    let lang = use_ui().lang;
    let (page, pages, total) = (caseload.page, caseload.pages(), caseload.total);
    let query = caseload.query.clone();
    let words = query.words.clone();
    let count = match (words.is_empty(), total) {
        (true, 1) => t(lang, Key::caseload_count_one).to_string(),
        (true, _) => t_with(lang, Key::caseload_count, &[("count", &total.to_string())]),
        (false, 1) => t_with(lang, Key::caseload_count_for_one, &[("words", &words)]),
        (false, _) => t_with(lang, Key::caseload_count_for, &[("count", &total.to_string()), ("words", &words)]),
    };
    let heading = if pages > 1 {
        let page_of =
            t_with(lang, Key::caseload_page_of, &[("page", &page.to_string()), ("pages", &pages.to_string())]);
        format!("{count} — {page_of}")
    } else {
        count
    };
    let body = match (caseload.people.is_empty(), words.is_empty()) {
        (true, true) => view! { <p>{t(lang, Key::caseload_empty)}</p> }.into_any(),
        (true, false) => view! {
            <p>
                {t(lang, Key::caseload_none_found)} " "
                <a href=CASELOAD_PATH>{t(lang, Key::caseload_show_everyone)}</a>
            </p>
        }
        .into_any(),
        (false, _) => view! { <CaseloadTable people=caseload.people /> }.into_any(),
    };
    view! {
        <form class="app-caseload__search" method="get" action=CASELOAD_PATH role="search" aria-labelledby="caseload-search-h">
            <h2 id="caseload-search-h" class="app-visually-hidden">{t(lang, Key::caseload_search_h2)}</h2>
            <TextField
                id=CaseloadQuery::WORDS
                label=t(lang, Key::caseload_search_label)
                hint=Some(t(lang, Key::caseload_search_hint))
                input_type="search"
                autocomplete="off"
                value=words.clone()
            />
            <button class="app-button" type="submit">{t(lang, Key::caseload_search_submit)}</button>
        </form>
        <section aria-labelledby="caseload-count">
            <h2 id="caseload-count">{heading}</h2>
            {body}
            <Pagination page pages link=move |number| query.path_for_page(number) />
        </section>
    }
}

#[component]
fn CaseloadTable(people: Vec<SeekerSummary>) -> impl IntoView {
    let lang = use_ui().lang;
    let rows = people
        .into_iter()
        .map(|person| {
            let document = format!("{} {}", document_label(lang, person.document.kind), person.document.number());
            let signed = if person.signed_up { Key::caseload_signed_up } else { Key::caseload_not_signed_up };
            view! {
                <tr>
                    <th scope="row">
                        <a href=seeker_path(person.id)>{person.full_name}</a>
                    </th>
                    <td>{document}</td>
                    <td>{format_lima_date(person.created_at)}</td>
                    <td>{t(lang, signed)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="app-table-wrap" role="region" aria-labelledby="caseload-caption" tabindex="0">
            <table class="app-table">
                <caption id="caseload-caption">{t(lang, Key::caseload_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(lang, Key::seeker_full_name)}</th>
                        <th scope="col">{t(lang, Key::seeker_document)}</th>
                        <th scope="col">{t(lang, Key::caseload_registered)}</th>
                        <th scope="col">{t(lang, Key::caseload_account)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
pub fn RegisterSeekerPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, REGISTER_SEEKER_PATH) {
        return away;
    }
    if let Some(refused) = counsellor_only(&ui) {
        return refused;
    }
    view! {
        <RegistrationForm
            action=REGISTER_SEEKER_PATH
            heading=Key::register_seeker_h1
            intro=Key::register_seeker_intro
            consents_hint=Key::register_seeker_consents_hint
            submit=Key::register_seeker_submit
            centres=None
        />
    }
    .into_any()
}

/// The registration form: who the person is, how to reach them, and each consent in plain
/// words. With `centres`, the person chooses the centre that follows them (self-registration).
#[component]
fn RegistrationForm(
    action: &'static str,
    heading: Key,
    intro: Key,
    consents_hint: Key,
    submit: Key,
    centres: Option<Vec<crate::organisations::Centre>>,
) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let title = if form.has_errors() {
        format!("{}: {}", t(lang, Key::form_error_prefix), page_title(lang, heading))
    } else {
        page_title(lang, heading)
    };
    let ticked: Vec<String> = form.values.iter().filter(|(k, _)| k == "consent").map(|(_, v)| v.clone()).collect();
    let register_error = form.error(CONSENT_REGISTER_FIELD);
    let register_invalid = register_error.is_some();
    let consents = ConsentKind::ALL
        .into_iter()
        .map(|kind| {
            let described_by = (kind == ConsentKind::Register && register_invalid).then(|| "consent-error".to_string());
            view! {
                <Choice
                    kind="checkbox"
                    name="consent"
                    value=kind.code()
                    label=t(lang, kind.text()).to_string()
                    checked=ticked.iter().any(|c| c == kind.code())
                    described_by
                />
            }
        })
        .collect_view();
    let is_self = centres.is_some();
    let centre_field = centres.map(|centres| {
        let options: Vec<(String, String)> = centres.iter().map(|c| (c.id.to_string(), c.name.clone())).collect();
        view! {
            <SelectField
                id="centre"
                label=t(lang, Key::seeker_centre)
                hint=Some(t(lang, Key::seeker_centre_hint))
                options
                selected=form.value("centre")
                error=form.error("centre")
                empty_label=Some(t(lang, Key::seeker_centre_none))
            />
        }
    });
    view! {
        <Title text=title />
        <div class="app-width app-narrow">
            <NoticeBanner />
            <form method="post" action=action novalidate>
                <CsrfField />
                <ErrorSummary errors=form.errors.clone() />
                <h1>{t(lang, heading)}</h1>
                <p class="app-lead">{t(lang, intro)}</p>
                {is_self.then(|| view! {
                    <p>
                        {t(lang, Key::claim_offer)} " "
                        <a href=super::claim::CLAIM_PATH>{t(lang, Key::claim_offer_link)}</a>
                    </p>
                })}
                <super::details_page::DetailsFields form=form.clone() />
                {centre_field}
                <fieldset class="app-fieldset" class:app-field--error=register_invalid>
                    <legend class="app-fieldset__legend">{t(lang, Key::register_seeker_consents)}</legend>
                    <p class="app-hint">{t(lang, consents_hint)}</p>
                    {register_error.map(|message| view! { <p class="app-field__error" id="consent-error">{message}</p> })}
                    {consents}
                </fieldset>
                <button class="app-button" type="submit">{t(lang, submit)}</button>
            </form>
        </div>
    }
}

/// A job seeker's own profile: the registration form until they have one, then the profile
/// with their consents to give, withdraw or confirm, and who looked at their data.
#[component]
pub fn MyProfilePage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, MY_PROFILE_PATH) {
        return away;
    }
    let mine = Resource::new_blocking(|| (), |_| read_my_profile());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match mine.await {
                    Ok(MyProfile { view: Some(view), .. }) => view! { <SeekerDetails view /> }.into_any(),
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
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
pub fn SeekerPage() -> impl IntoView {
    let ui = use_ui();
    let params = use_params_map();
    let Some(id) = params.read_untracked().get("id").and_then(|id| id.parse::<i64>().ok()) else {
        return view! { <NotFoundPage /> }.into_any();
    };
    if let Some(away) = sign_in_first(&ui, &seeker_path(id)) {
        return away;
    }
    let found = Resource::new_blocking(move || id, read_seeker);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(view) => view! { <SeekerDetails view /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn SeekerDetails(view: SeekerView) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let SeekerView {
        profile,
        visible,
        consents,
        consent_history,
        accesses,
        is_self,
        names,
        applications,
        acts_for,
        counsels,
        notes,
        outcomes,
    } = view;
    let may_change_disability = visible.disability && consents.has(ConsentKind::DisabilityData);
    let p = &profile.personal;
    let place = [p.district.as_str(), p.province.as_str(), p.region.name()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let education = profile.education.map_or_else(|| t(lang, Key::vacancy_not_stated), |e| t(lang, e.label()));
    let skills = if profile.skills.is_empty() {
        t(lang, Key::vacancy_not_stated).to_string()
    } else {
        profile.skills.join(", ")
    };
    let languages = super::languages_text(lang, &profile.languages);
    // The person, or a counsellor they let act for them, fills the profile in steps.
    let steps = (is_self || acts_for).then(|| {
        let progress = super::steps::ProfileProgress::of(&profile, is_self, may_change_disability);
        view! { <super::steps::ProfileSteps progress /> }
    });
    let disability = if !consents.has(ConsentKind::DisabilityData) {
        let said = if is_self { Key::seeker_no_disability_consent_self } else { Key::seeker_no_disability_consent };
        view! { <p>{t(lang, said)}</p> }.into_any()
    } else if !visible.needs {
        view! { <p>{t(lang, Key::seeker_disability_hidden)}</p> }.into_any()
    } else {
        match profile.disability.clone() {
            None => view! { <p>{t(lang, Key::vacancy_not_stated)}</p> }.into_any(),
            Some(d) => {
                let name = |code: &String| {
                    names.iter().find(|n| &n.code == code).map_or_else(|| code.clone(), |n| n.name(lang).to_string())
                };
                let list = |codes: Vec<String>| {
                    if codes.is_empty() {
                        t(lang, Key::vacancy_not_stated).to_string()
                    } else {
                        codes.iter().map(name).collect::<Vec<_>>().join(", ")
                    }
                };
                view! {
                    <dl class="app-facts">
                        <dt>{t(lang, Key::seeker_disability_types)}</dt>
                        <dd>{list(d.types)}</dd>
                        <dt>{t(lang, Key::seeker_conadis)}</dt>
                        <dd>{d.conadis.map_or_else(|| t(lang, Key::vacancy_not_stated).to_string(), |c| c.as_str().to_string())}</dd>
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
        .any(|c| c.recorded_by == RecordedBy::Counsellor && c.confirmed_at.is_none() && c.revoked_at.is_none());
    let history = consent_history
        .into_iter()
        .map(|record| {
            let by = match (record.recorded_by, record.recorder_name.as_deref()) {
                (RecordedBy::Counsellor, Some(name)) => t_with(lang, Key::consent_by_counsellor, &[("name", name)]),
                (RecordedBy::Counsellor, None) => t(lang, Key::consent_by_a_counsellor).to_string(),
                (RecordedBy::Themselves, _) => t(lang, Key::consent_by_self).to_string(),
            };
            let state = match (record.revoked_at, record.confirmed_at, record.recorded_by) {
                (Some(at), _, _) => t_with(lang, Key::consent_revoked_on, &[("when", &format_lima(at))]),
                (None, None, RecordedBy::Counsellor) => t(lang, Key::consent_unconfirmed).to_string(),
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
                        <form method="post" action=CONSENT_PATH class="app-inline-form">
                            <CsrfField />
                            <input type="hidden" name="kind" value=kind.code() />
                            <input type="hidden" name="action" value=action />
                            <button class="app-button app-button--secondary" type="submit" aria-label=label>
                                {t(lang, button)}
                            </button>
                        </form>
                    </li>
                }
            })
            .collect_view();
        let confirm = unconfirmed.then(|| {
            view! {
                <div class="app-inset">
                    <p>{t(lang, Key::consent_confirm_intro)}</p>
                    <form method="post" action=CONSENT_PATH>
                        <CsrfField />
                        <input type="hidden" name="action" value="confirmar" />
                        <button class="app-button" type="submit">{t(lang, Key::consent_confirm)}</button>
                    </form>
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
                    <dd>{if p.phone.is_empty() { t(lang, Key::vacancy_not_stated).to_string() } else { p.phone.clone() }}</dd>
                    <dt>{t(lang, Key::seeker_email)}</dt>
                    <dd>{if p.email.is_empty() { t(lang, Key::vacancy_not_stated).to_string() } else { p.email.clone() }}</dd>
                    <dt>{t(lang, Key::seeker_channel)}</dt>
                    <dd>{t(lang, p.channel.label())}</dd>
                </dl>
                {(is_self || acts_for).then(|| view! {
                    <p>
                        <a href=super::step_path(super::DETAILS_PATH, (!is_self).then_some(profile.id))>
                            {t(lang, Key::details_link)}
                        </a>
                    </p>
                })}
            </section>
            <super::history_pages::WorkHistory
                experience=profile.experience.clone()
                certificates=profile.certificates.clone()
            />
            <section aria-labelledby="disability-h">
                <h2 id="disability-h">{t(lang, Key::seeker_disability_h2)}</h2>
                {disability}
                {may_change_disability.then(|| view! {
                    <p>
                        <a class="app-button app-button--secondary" href=super::disability_path(profile.id)>
                            {t(lang, Key::disability_form_link)}
                        </a>
                    </p>
                })}
            </section>
            {manage}
            {is_self.then(|| view! {
                <ul class="app-list">
                    <li><a href=crate::matches::MATCHES_PATH>{t(lang, Key::matches_link_self)}</a></li>
                    <li><a href=crate::applications::MY_APPLICATIONS_PATH>{t(lang, Key::my_applications_title)}</a></li>
                    <li><a href=super::cv::cv_path(None)>{t(lang, Key::cv_link_self)}</a></li>
                    <li><a href=crate::alerts::MY_SEARCHES_PATH>{t(lang, Key::alerts_link)}</a></li>
                </ul>
            })}
            {counsels.then(|| view! {
                <p>
                    <a href=super::cv::cv_path(Some(profile.id))>
                        {t_with(lang, Key::cv_link, &[("name", &profile.personal.full_name)])}
                    </a>
                </p>
            })}
            {acts_for.then(|| view! {
                <p>
                    <a class="app-button" href=crate::matches::matches_path(Some(profile.id))>
                        {t(lang, Key::seeker_matches_link)}
                    </a>
                </p>
            })}
            {(!is_self).then(|| view! { <SeekerApplications applications names=names.clone() acts_for seeker_id=profile.id /> })}
            <crate::casework::pages::CaseworkSection seeker_id=profile.id notes outcomes counsels />
            <section aria-labelledby="consents-h">
                <h2 id="consents-h">{t(lang, Key::seeker_consents_h2)}</h2>
                <ul class="app-list">{history}</ul>
                {counsels.then(|| view! {
                    <p>
                        <a href=super::claim::consent_sheet_path(profile.id)>{t(lang, Key::sheet_link)}</a>
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
            <form method="post" action=crate::accounts::EXPORT_DATA_PATH>
                <CsrfField />
                <button class="app-button app-button--secondary" type="submit">{t(lang, Key::account_export)}</button>
            </form>
            <p>
                <a href=DELETE_PROFILE_PATH>{t(lang, Key::delete_profile_title)}</a>
            </p>
        </section>
    }
}

/// Deleting one's own profile: what goes, what the employers keep, that it cannot be undone;
/// a ticked confirmation and the password.
#[component]
pub fn DeleteProfilePage() -> impl IntoView {
    use crate::accounts::pages::CONFIRM_FIELD;
    use crate::components::form::{FieldError, PasswordField};
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, DELETE_PROFILE_PATH) {
        return away;
    }
    let lang = ui.lang;
    let form = use_form_state();
    let confirm_error = form.error(CONFIRM_FIELD);
    let described_by = confirm_error.as_ref().map(|_| format!("{CONFIRM_FIELD}-error"));
    let title = if form.has_errors() {
        format!("{}: {}", t(lang, Key::form_error_prefix), page_title(lang, Key::delete_profile_title))
    } else {
        page_title(lang, Key::delete_profile_title)
    };
    view! {
        <Title text=title />
        <div class="app-width app-narrow">
            <ErrorSummary errors=form.errors.clone() />
            <h1>{t(lang, Key::delete_profile_title)}</h1>
            <p>{t(lang, Key::delete_profile_what_goes)}</p>
            <p>{t(lang, Key::delete_profile_applications)}</p>
            <p>{t(lang, Key::delete_profile_account_stays)}</p>
            <p><strong>{t(lang, Key::delete_cannot_undo)}</strong> " " {t(lang, Key::delete_profile_download_first)}</p>
            <form method="post" action=crate::accounts::EXPORT_DATA_PATH>
                <CsrfField />
                <button class="app-button app-button--secondary" type="submit">{t(lang, Key::account_export)}</button>
            </form>
            <form method="post" action=DELETE_PROFILE_PATH novalidate>
                <CsrfField />
                <div class="app-field" class:app-field--error=confirm_error.is_some()>
                    <FieldError id=format!("{CONFIRM_FIELD}-error") message=confirm_error.clone() />
                    <Choice
                        kind="checkbox"
                        name="confirm"
                        value="si"
                        label=t(lang, Key::delete_profile_confirm)
                        checked=form.value("confirm") == "si"
                        described_by=described_by
                    />
                </div>
                <PasswordField id="password" label=t(lang, Key::change_password_current) error=form.error("password") />
                <button class="app-button" type="submit">{t(lang, Key::delete_profile_title)}</button>
            </form>
            <p>
                <a href=MY_PROFILE_PATH>{t(lang, Key::delete_profile_back)}</a>
            </p>
        </div>
    }
    .into_any()
}

/// A person's applications, for their centre's counsellor; one who acts for them may withdraw
/// them.
#[component]
fn SeekerApplications(
    applications: Vec<crate::applications::Application>,
    names: Vec<crate::vacancies::Accommodation>,
    acts_for: bool,
    seeker_id: i64,
) -> impl IntoView {
    use crate::applications::pages::ApplicationCard;
    let lang = use_ui().lang;
    let list = if applications.is_empty() {
        view! { <p>{t(lang, Key::seeker_applications_none)}</p> }.into_any()
    } else {
        applications
            .into_iter()
            .map(|application| view! { <ApplicationCard application names=names.clone() sub=true withdraw=acts_for record_for=Some(seeker_id) /> })
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
}

/// The disability data of one person: the CONADIS number, the kinds of disability and the
/// accommodations needed at interviews and at work, as check boxes from the maintained lists.
#[component]
pub fn DisabilityPage() -> impl IntoView {
    let ui = use_ui();
    let Some(id) = ui.query_id("id") else {
        return view! { <NotFoundPage /> }.into_any();
    };
    if let Some(away) = sign_in_first(&ui, &super::disability_path(id)) {
        return away;
    }
    let found = Resource::new_blocking(move || id, read_disability_form);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(found) => view! { <DisabilityFormView found /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn DisabilityFormView(found: DisabilityForm) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    // What a failed form brought back, else what is stored.
    let chosen = |name: &str, stored: &[String]| -> Vec<String> {
        if form.has_errors() {
            form.values.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect()
        } else {
            stored.to_vec()
        }
    };
    let boxes = |name: &'static str, list: &[crate::vacancies::Accommodation], chosen: Vec<String>| {
        list.iter()
            .map(|entry| {
                view! {
                    <Choice
                        kind="checkbox"
                        name
                        value=entry.code.clone()
                        label=entry.name(lang).to_string()
                        checked=chosen.contains(&entry.code)
                    />
                }
            })
            .collect_view()
    };
    let d = &found.disability;
    let conadis = if form.has_errors() {
        form.value("conadis")
    } else {
        d.conadis.as_ref().map(|c| c.as_str().to_string()).unwrap_or_default()
    };
    let heading = t_with(lang, Key::disability_form_h1, &[("name", &found.full_name)]);
    let title =
        if form.has_errors() { format!("{}: {heading}", t(lang, Key::form_error_prefix)) } else { heading.clone() };
    let types = boxes("types", &found.types, chosen("types", &d.types));
    let interview = boxes("interview", &found.accommodations, chosen("interview", &d.needs_at_interview));
    let work = boxes("work", &found.accommodations, chosen("work", &d.needs_at_work));
    let fieldset = |legend: Key, hint: Key, boxes: AnyView| {
        view! {
            <fieldset class="app-fieldset">
                <legend class="app-fieldset__legend">{t(lang, legend)}</legend>
                <p class="app-hint">{t(lang, hint)}</p>
                {boxes}
            </fieldset>
        }
    };
    let back = if found.is_self { MY_PROFILE_PATH.to_string() } else { seeker_path(found.seeker_id) };
    view! {
        <Title text=title />
        <div class="app-width app-narrow">
            <form method="post" action=super::disability_path(found.seeker_id) novalidate>
                <CsrfField />
                <ErrorSummary errors=form.errors.clone() />
                <h1>{heading}</h1>
                <p class="app-lead">{t(lang, Key::disability_form_intro)}</p>
                <TextField
                    id="conadis"
                    label=t(lang, Key::seeker_conadis_optional)
                    hint=Some(t(lang, Key::seeker_conadis_hint))
                    input_mode="numeric"
                    autocomplete="off"
                    value=conadis
                    error=form.error("conadis")
                />
                {fieldset(Key::seeker_disability_types, Key::disability_types_hint, types.into_any())}
                {fieldset(Key::seeker_needs_interview, Key::disability_needs_hint, interview.into_any())}
                {fieldset(Key::seeker_needs_work, Key::disability_needs_hint, work.into_any())}
                <div class="app-button-group">
                    <button class="app-button" type="submit">{t(lang, Key::disability_form_submit)}</button>
                    <a href=back>{t(lang, Key::disability_form_back)}</a>
                </div>
            </form>
        </div>
    }
}
