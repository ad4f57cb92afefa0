//! The HTTP router: pages, server functions, form endpoints, static files, `/healthz`, and the
//! layers every request passes through (request id, logging, compression, headers).

use crate::app::{shell, App};
use crate::fairs::stands::video::StandVideos;
use crate::fairs::video::FairVideos;
use crate::media::slot::{captions_file, take_away, take_upload, video_file};
use crate::server::auth::{csrf, session};
use crate::server::error_page;
use crate::server::state::AppState;
use crate::vacancies::handlers::video::VacancyVideos;
use crate::{
    accounts, alerts, applications, casework, fairs, i18n, interviews, organisations, preferences, second_factor,
    seekers, vacancies,
};
use axum::extract::State;
use axum::handler::Handler;
use axum::http::{header, HeaderName, HeaderValue, Request, StatusCode};
use axum::routing::{get, post, MethodRouter};
use axum::Router;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use tower::ServiceBuilder;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

pub fn router(state: AppState) -> Router {
    let routes = route_list();
    let leptos = state.leptos.clone();
    // Only over https: a browser that saw this over http would be locked out of a plain-http site.
    let hsts = state
        .public_origin
        .starts_with("https://")
        .then(|| HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    let endpoints =
        route_table().into_iter().fold(Router::new(), |router, route| router.route(route.path, route.handler));
    Router::new()
        .route("/healthz", get(healthz))
        .merge(endpoints)
        .leptos_routes(&state, routes, move || shell(leptos.clone()))
        // Files of the site (scripts, stylesheet, fonts, icon) straight from disk; Leptos only
        // renders the "not found" page. Its own file handler runs outside a request's reactive
        // owner and can take the headers a page is setting at that moment on the same thread —
        // its script policy included, leaving that page without scripts (seen under load).
        .fallback_service(ServeDir::new(state.leptos.site_root.as_ref()).append_index_html_on_directories(false).fallback(
            leptos_axum::file_and_error_handler::<AppState, _>(shell).with_state(state.clone()),
        ))
        // Inner to outer: a handler's error answered in the request's language, a "not found"
        // for someone signed in logged, who is asking, then whether a write comes from our own
        // pages.
        .layer(axum::middleware::from_fn(error_page::layer))
        .layer(axum::middleware::from_fn_with_state(
            crate::server::probing::Watch::default(),
            crate::server::probing::watch,
        ))
        // After the session is known: a session owing its second factor reaches nothing else.
        .layer(axum::middleware::from_fn(crate::second_factor::gate::layer))
        .layer(axum::middleware::from_fn_with_state(state.clone(), session::attach))
        .layer(axum::middleware::from_fn_with_state(state.clone(), csrf::check))
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(|request: &Request<_>| {
                            let id = request
                                .headers()
                                .get(REQUEST_ID)
                                .and_then(|v| v.to_str().ok())
                                .unwrap_or("-");
                            tracing::info_span!("request", request_id = %id, method = %request.method(), path = %request.uri().path())
                        })
                        .on_request(())
                        .on_response(DefaultOnResponse::new().level(Level::INFO)),
                )
                .layer(PropagateRequestIdLayer::new(REQUEST_ID))
                // Not videos: they are compressed already, and a compressed byte range is no range.
                .layer(CompressionLayer::new().compress_when(DefaultPredicate::new().and(NotForContentType::const_new("video/"))))
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::X_CONTENT_TYPE_OPTIONS,
                    HeaderValue::from_static("nosniff"),
                ))
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::REFERRER_POLICY,
                    HeaderValue::from_static("same-origin"),
                ))
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::X_FRAME_OPTIONS,
                    HeaderValue::from_static("DENY"),
                ))
                // Pages set their own policy with a nonce (app.rs); everything else runs no script.
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::CONTENT_SECURITY_POLICY,
                    HeaderValue::from_static(
                        "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
                    ),
                ))
                .layer(SetResponseHeaderLayer::if_not_present(header::STRICT_TRANSPORT_SECURITY, hsts)),
        )
        .with_state(state)
}

/// The app's routes, listed once per process. Listing them runs the app with resource loading
/// suppressed by a process-wide flag, so a page rendering at that moment would wait forever
/// (leptos#4773): it must happen before any page renders, and only once — which matters where
/// several routers are built in one process, as in the tests.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// Who may call a route. The authorization test (`tests/authorization.rs`) calls every route
/// of the table as each kind of person and holds it to its rule; where the record decides
/// (whose vacancy, whose profile), the rule is `SignedIn` and the feature's own tests walk the
/// records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Everyone,
    /// Any signed-in account.
    SignedIn,
    /// Counsellors and admins, who verify companies.
    StaffReviewers,
    /// Employers and counsellors, who write vacancies.
    EmployersAndCounsellors,
    /// Admins, counsellors and employers: the people who interview and who help interview.
    Staff,
    /// Employers, who act for a company.
    Employers,
    /// Job seekers, who act for themselves.
    Seekers,
    /// Counsellors of an employment centre.
    Counsellors,
    /// Admins.
    Admins,
}

/// One route of the table: its path, what it answers (a form post, or a file read with GET),
/// who may call it, and its handler.
pub struct Route {
    pub path: &'static str,
    pub method: Method,
    pub access: Access,
    pub handler: MethodRouter<AppState>,
}

/// `GET` reads a file (a video, a PDF, a count); `POST` is a plain form's post.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Post,
}

fn form(path: &'static str, access: Access, handler: MethodRouter<AppState>) -> Route {
    Route { path, method: Method::Post, access, handler }
}

fn file(path: &'static str, access: Access, handler: MethodRouter<AppState>) -> Route {
    Route { path, method: Method::Get, access, handler }
}

/// The one route table beside the pages: every form post and every file route, with who may
/// call it. The router is made from it, and the authorization test walks it, so a route cannot
/// be added without a rule. Pages are Leptos's (`app::App`); server functions register
/// themselves and have their own rows in the authorization test.
pub fn route_table() -> Vec<Route> {
    use accounts::handlers as account;
    use Access::*;
    // Streamed to disk or read part by part with their own limits: no whole-body limit.
    let upload = |handler: MethodRouter<AppState>| handler.layer(axum::extract::DefaultBodyLimit::disable());
    vec![
        form(preferences::SAVE_PATH, Everyone, post(preferences::handlers::save)),
        form(i18n::SWITCH_PATH, Everyone, post(preferences::handlers::switch_language)),
        form(accounts::SIGN_IN_PATH, Everyone, post(account::sign_in)),
        form(accounts::SIGN_OUT_PATH, Everyone, post(account::sign_out)),
        form(accounts::SIGN_UP_PATH, Everyone, post(account::sign_up)),
        form(accounts::EMPLOYER_SIGN_UP_PATH, Everyone, post(account::sign_up_employer)),
        form(accounts::CONFIRM_EMAIL_PATH, Everyone, post(account::confirm_email)),
        form(accounts::FORGOT_PASSWORD_PATH, Everyone, post(account::forgot_password)),
        form(accounts::RESET_PASSWORD_PATH, Everyone, post(account::reset_password)),
        form(accounts::CHANGE_PASSWORD_PATH, SignedIn, post(account::change_password)),
        form(accounts::END_SESSION_PATH, SignedIn, post(account::end_session)),
        form(accounts::END_OTHER_SESSIONS_PATH, SignedIn, post(account::end_other_sessions)),
        form(accounts::KEEP_ALIVE_PATH, SignedIn, post(account::keep_alive)),
        form(accounts::CHANGE_EMAIL_PATH, SignedIn, post(account::change_email)),
        form(accounts::CONFIRM_EMAIL_CHANGE_PATH, Everyone, post(account::confirm_email_change)),
        form(accounts::CANCEL_EMAIL_CHANGE_PATH, SignedIn, post(account::cancel_email_change)),
        form(accounts::EXPORT_DATA_PATH, SignedIn, post(account::export_data)),
        form(accounts::DELETE_ACCOUNT_PATH, SignedIn, post(account::delete_account)),
        form(accounts::NEW_STAFF_PATH, Admins, post(account::create_staff)),
        form(accounts::ROLES_PATH, Admins, post(account::change_role)),
        // A sign-in owing its code is nobody's yet: the handler finds its session itself.
        form(second_factor::CODE_PATH, Everyone, post(second_factor::handlers::give_code)),
        form(second_factor::APP_PATH, SignedIn, post(second_factor::handlers::set_up_app)),
        form(second_factor::RECOVERY_CODES_PATH, SignedIn, post(second_factor::handlers::new_recovery_codes)),
        form(second_factor::REMOVE_PATH, SignedIn, post(second_factor::handlers::remove_second_factor)),
        form(second_factor::RESET_PATH, Admins, post(second_factor::handlers::reset_second_factor)),
        form(second_factor::PASSKEY_PATH, SignedIn, post(second_factor::passkey_handlers::passkey)),
        form(second_factor::PASSKEY_REMOVE_PATH, SignedIn, post(second_factor::passkey_handlers::remove_passkey)),
        // Answers JSON to the page's script: the challenge of a passkey-first sign-in.
        form(second_factor::PASSKEY_START_PATH, Everyone, post(second_factor::passkey_handlers::start_sign_in)),
        form(organisations::VERIFY_COMPANY_PATH, StaffReviewers, post(organisations::handlers::verify_company)),
        form(organisations::DECIDE_JOIN_PATH, StaffReviewers, post(organisations::handlers::decide_join)),
        form(vacancies::NEW_VACANCY_PATH, EmployersAndCounsellors, post(vacancies::handlers::save_vacancy)),
        form(vacancies::EDIT_VACANCY_PATH, EmployersAndCounsellors, post(vacancies::handlers::save_vacancy)),
        // Who may move a vacancy depends on whose it is: tests/vacancies.rs walks that.
        form(vacancies::VACANCY_STEP_PATH, SignedIn, post(vacancies::handlers::vacancy_step)),
        form(vacancies::REPORT_VACANCY_PATH, Everyone, post(vacancies::handlers::report_vacancy)),
        form(vacancies::RESOLVE_REPORT_PATH, Counsellors, post(vacancies::handlers::resolve_report)),
        form(vacancies::ACCOMMODATIONS_PATH, Admins, post(vacancies::handlers::change_accommodations)),
        file(vacancies::search::COUNT_PATH, Everyone, get(vacancies::handlers::count_matches)),
        // Whose vacancy it is decides too: tests/vacancies.rs walks that.
        form(vacancies::VACANCY_VIDEO_PATH, EmployersAndCounsellors, upload(post(take_upload::<VacancyVideos>))),
        form(vacancies::REMOVE_VACANCY_VIDEO_PATH, EmployersAndCounsellors, post(take_away::<VacancyVideos>)),
        // A published vacancy's video is everyone's; a draft's, its people's (tests/vacancies.rs).
        file(vacancies::VACANCY_VIDEO_FILE_PATH, Everyone, get(video_file::<VacancyVideos>)),
        file(vacancies::VACANCY_CAPTIONS_FILE_PATH, Everyone, get(captions_file::<VacancyVideos>)),
        form(seekers::REGISTER_SEEKER_PATH, Counsellors, post(seekers::handlers::register::register_seeker)),
        form(seekers::MY_PROFILE_PATH, SignedIn, post(seekers::handlers::register::register_self)),
        form(seekers::CONSENT_PATH, SignedIn, post(seekers::handlers::profile::change_consent)),
        form(seekers::DELETE_PROFILE_PATH, SignedIn, post(seekers::handlers::profile::delete_profile)),
        form(seekers::claim::CLAIM_PATH, SignedIn, post(seekers::handlers::register::claim_profile)),
        form(seekers::DETAILS_PATH, SignedIn, post(seekers::handlers::profile::save_details)),
        form(seekers::LANGUAGES_PATH, SignedIn, post(seekers::handlers::profile::save_languages)),
        form(seekers::EXPERIENCE_PATH, SignedIn, post(seekers::handlers::history::save_experience)),
        form(seekers::CERTIFICATES_PATH, SignedIn, post(seekers::handlers::history::save_certificates)),
        form(seekers::cv::CV_FILE_PATH, SignedIn, upload(post(seekers::handlers::cv::upload_cv_file))),
        form(seekers::cv::REMOVE_CV_FILE_PATH, SignedIn, post(seekers::handlers::cv::remove_cv_file)),
        // Whoever may read the CV page (tests/applications.rs walks whose).
        file(seekers::cv::CV_PDF_PATH, SignedIn, get(seekers::handlers::cv::cv_pdf)),
        // Only a counsellor of the person's centre: others get 404 (tests/seekers.rs walks that).
        form(seekers::claim::CONSENT_SHEET_PATH, SignedIn, post(seekers::handlers::register::new_claim_code)),
        form(seekers::DISABILITY_PATH, SignedIn, post(seekers::handlers::profile::save_disability)),
        form(alerts::MY_SEARCHES_PATH, SignedIn, post(alerts::handlers::change_saved_searches)),
        // An alert's secret allows stopping it, whoever holds it (tests/alerts.rs walks that).
        form(alerts::STOP_ALERT_PATH, Everyone, post(alerts::handlers::stop_alert)),
        // Not found for all but the person's centre's counsellors: tests/casework.rs walks that.
        form(casework::OUTCOME_PATH, SignedIn, post(casework::handlers::record_outcome)),
        form(casework::CASE_NOTE_PATH, SignedIn, post(casework::handlers::add_note)),
        form(fairs::NEW_FAIR_PATH, Counsellors, post(fairs::handlers::save_fair)),
        form(fairs::EDIT_FAIR_PATH, Counsellors, post(fairs::handlers::save_fair)),
        // Which centre organises the fair decides: tests/fairs/mod.rs walks that.
        form(fairs::FAIR_STEP_PATH, SignedIn, post(fairs::handlers::fair_step)),
        form(fairs::FAIR_VIDEO_PATH, Counsellors, upload(post(take_upload::<FairVideos>))),
        form(fairs::REMOVE_FAIR_VIDEO_PATH, Counsellors, post(take_away::<FairVideos>)),
        form(fairs::stands::ASK_STAND_PATH, Employers, post(fairs::stands::handlers::ask_stand)),
        // Which centre organises the fair, and whose company the stand is, decide: tests/fairs/stands.rs.
        form(fairs::stands::DECIDE_STAND_PATH, SignedIn, post(fairs::stands::handlers::decide_stand)),
        form(fairs::stands::WITHDRAW_STAND_PATH, SignedIn, post(fairs::stands::handlers::withdraw_stand)),
        form(fairs::stands::STAND_VIDEO_PATH, Employers, upload(post(take_upload::<StandVideos>))),
        form(fairs::stands::REMOVE_STAND_VIDEO_PATH, Employers, post(take_away::<StandVideos>)),
        form(fairs::stands::shifts::SHIFTS_PATH, Employers, post(fairs::stands::shifts::handlers::add_shift)),
        form(fairs::stands::shifts::REMOVE_SHIFT_PATH, Employers, post(fairs::stands::shifts::handlers::remove_shift)),
        form(fairs::stands::slots::SLOTS_PATH, Employers, post(fairs::stands::slots::handlers::publish_slots)),
        form(fairs::stands::slots::WITHDRAW_SLOT_PATH, Employers, post(fairs::stands::slots::handlers::withdraw_slot)),
        form(fairs::stands::slots::BOOK_SLOT_PATH, Seekers, post(fairs::stands::slots::handlers::book_slot)),
        form(fairs::stands::slots::CANCEL_BOOKING_PATH, Seekers, post(fairs::stands::slots::handlers::cancel_booking)),
        form(
            fairs::stands::questions::LEAVE_QUESTION_PATH,
            Seekers,
            post(fairs::stands::questions::handlers::leave_question),
        ),
        form(
            fairs::stands::questions::ANSWER_QUESTION_PATH,
            Employers,
            post(fairs::stands::questions::handlers::answer_question),
        ),
        // Whose conversation, and whose stand, decide the rest: tests/fairs/chat.rs walks that.
        form(fairs::stands::chat::CHAT_PATH, Seekers, post(fairs::stands::chat::handlers::write_to_stand)),
        form(fairs::stands::chat::CONVERSATION_PATH, Employers, post(fairs::stands::chat::handlers::reply_in_chat)),
        form(fairs::stands::chat::TAKE_CHAT_PATH, Employers, post(fairs::stands::chat::handlers::take_chat)),
        form(fairs::stands::chat::OFFER_SLOT_PATH, Employers, post(fairs::stands::chat::handlers::offer_slot)),
        form(fairs::stands::chat::BLOCK_CHAT_PATH, Employers, post(fairs::stands::chat::handlers::block_in_chat)),
        form(fairs::stands::chat::END_CHAT_PATH, SignedIn, post(fairs::stands::chat::handlers::end_chat)),
        form(
            fairs::stands::chat::reports::REPORT_PATH,
            SignedIn,
            post(fairs::stands::chat::reports::handlers::report_message),
        ),
        form(
            fairs::stands::chat::reports::REVIEW_REPORT_PATH,
            Counsellors,
            post(fairs::stands::chat::reports::handlers::review_report),
        ),
        // The conversation's job seeker and its stand's company's alone: tests/fairs/chat_events.rs.
        file(fairs::stands::chat::CHAT_EVENTS_PATH, SignedIn, get(fairs::stands::chat::events::follow_chat)),
        // A job seeker's own, or a person's their counsellor acts for: tests/fairs/registrations.rs.
        form(fairs::registrations::REGISTRATION_PATH, SignedIn, post(fairs::registrations::handlers::register)),
        form(
            fairs::registrations::CANCEL_REGISTRATION_PATH,
            SignedIn,
            post(fairs::registrations::handlers::cancel_registration),
        ),
        // Which centre organises the fair decides: tests/fairs/registrations.rs walks that.
        form(fairs::registrations::ANSWER_NEED_PATH, Counsellors, post(fairs::registrations::handlers::answer_need)),
        form(fairs::stands::slots::NO_SHOW_PATH, Employers, post(fairs::stands::slots::handlers::mark_no_show)),
        // Which library the template is in decides the rest: tests/interviews.rs walks that.
        form(interviews::NEW_TEMPLATE_PATH, Staff, post(interviews::handlers::create_template)),
        form(interviews::TEMPLATE_HEAD_PATH, Staff, post(interviews::handlers::save_head)),
        form(interviews::SECTION_PATH, Staff, post(interviews::handlers::save_section)),
        form(interviews::SECTION_REMOVE_PATH, Staff, post(interviews::handlers::remove_section)),
        form(interviews::QUESTION_PATH, Staff, post(interviews::handlers::save_question)),
        form(interviews::QUESTION_REMOVE_PATH, Staff, post(interviews::handlers::remove_question)),
        form(interviews::COPY_PATH, Staff, post(interviews::handlers::copy_template)),
        // Whose vacancy and whose application decide the rest: tests/interviews/records.rs.
        form(
            interviews::records::VACANCY_TEMPLATE_PATH,
            EmployersAndCounsellors,
            post(interviews::records::handlers::attach),
        ),
        form(interviews::records::RECORD_PATH, Employers, post(interviews::records::handlers::save_section)),
        form(interviews::records::RECORD_SUMMARY_PATH, Employers, post(interviews::records::handlers::save_summary)),
        form(interviews::records::ASK_PATH, Seekers, post(interviews::records::handlers::ask)),
        form(fairs::outcomes::ATTENDANCE_PATH, Counsellors, post(fairs::outcomes::handlers::mark_attendance)),
        // A stand's files are everyone's once it is public, its company's and organisers' before.
        file(fairs::stands::STAND_VIDEO_FILE_PATH, Everyone, get(video_file::<StandVideos>)),
        file(fairs::stands::STAND_CAPTIONS_FILE_PATH, Everyone, get(captions_file::<StandVideos>)),
        // A draft's files are its organisers' alone: tests/fairs/mod.rs walks that.
        file(fairs::FAIR_CALENDAR_PATH, Everyone, get(fairs::handlers::fair_calendar)),
        file(fairs::FAIR_VIDEO_FILE_PATH, Everyone, get(video_file::<FairVideos>)),
        file(fairs::FAIR_CAPTIONS_FILE_PATH, Everyone, get(captions_file::<FairVideos>)),
        // Whose vacancy and whose profile decide the rest: tests/applications.rs walks that.
        form(applications::APPLY_PATH, SignedIn, post(applications::handlers::apply)),
        form(applications::WITHDRAW_PATH, SignedIn, post(applications::handlers::withdraw)),
        form(applications::APPLICANTS_PATH, SignedIn, post(applications::handlers::move_application)),
    ]
}

/// The routes of `table` that `rows` (what the authorization test calls) leaves out: each must
/// be called, as every kind of person, before the test passes.
pub fn untested(table: &[Route], rows: &[(&str, Method)]) -> Vec<(&'static str, Method)> {
    table.iter().filter(|r| !rows.contains(&(r.path, r.method))).map(|r| (r.path, r.method)).collect()
}

/// For load balancers: 200 when this process can reach its database, 503 otherwise.
async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok\n"),
        Err(err) => {
            tracing::warn!(error = %err, "health check: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable\n")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_route_is_in_the_table_once() {
        let table = route_table();
        let mut seen = std::collections::HashSet::new();
        for route in &table {
            assert!(seen.insert((route.path, route.method)), "{} {:?} is in the table twice", route.path, route.method);
        }
    }

    #[test]
    fn a_route_the_authorization_test_does_not_call_is_reported() {
        let table = route_table();
        let rows: Vec<(&str, Method)> = table.iter().map(|r| (r.path, r.method)).collect();
        assert!(untested(&table, &rows).is_empty());
        let without_sign_in: Vec<_> =
            rows.iter().copied().filter(|(path, _)| *path != accounts::SIGN_IN_PATH).collect();
        assert_eq!(untested(&table, &without_sign_in), [(accounts::SIGN_IN_PATH, Method::Post)]);
    }
}
