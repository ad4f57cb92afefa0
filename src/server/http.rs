//! The HTTP router: pages, server functions, form endpoints, static files, `/healthz`, and the
//! layers every request passes through (request id, logging, compression, headers).

use crate::app::{shell, App};
use crate::server::auth::{csrf, session};
use crate::server::state::AppState;
use crate::{accounts, alerts, applications, casework, i18n, media, organisations, preferences, seekers, vacancies};
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
    let forms = form_endpoints().into_iter().fold(Router::new(), |router, (path, handler)| router.route(path, handler));
    Router::new()
        .route("/healthz", get(healthz))
        .route(vacancies::search::COUNT_PATH, get(vacancies::routes::count_matches))
        .route("/vacante/{id}/lsp", get(media::routes::vacancy_video))
        .route("/vacante/{id}/lsp.vtt", get(media::routes::vacancy_captions))
        .route(seekers::cv::CV_PDF_PATH, get(seekers::cv_routes::cv_pdf))
        .merge(forms)
        .leptos_routes(&state, routes, move || shell(leptos.clone()))
        // Files of the site (scripts, stylesheet, fonts, icon) straight from disk; Leptos only
        // renders the "not found" page. Its own file handler runs outside a request's reactive
        // owner and can take the headers a page is setting at that moment on the same thread —
        // its script policy included, leaving that page without scripts (seen under load).
        .fallback_service(ServeDir::new(state.leptos.site_root.as_ref()).append_index_html_on_directories(false).fallback(
            leptos_axum::file_and_error_handler::<AppState, _>(shell).with_state(state.clone()),
        ))
        // Inner to outer: who is asking, then whether a write comes from our own pages.
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

/// Every plain-form endpoint and its handler. Pages post to these without JavaScript; the
/// authorization test walks this list, so an endpoint cannot be added without a rule.
pub fn form_endpoints() -> Vec<(&'static str, MethodRouter<AppState>)> {
    use accounts::routes as account;
    vec![
        (preferences::SAVE_PATH, post(preferences::routes::save)),
        (i18n::SWITCH_PATH, post(i18n::routes::switch)),
        (accounts::SIGN_IN_PATH, post(account::sign_in)),
        (accounts::SIGN_OUT_PATH, post(account::sign_out)),
        (accounts::SIGN_UP_PATH, post(account::sign_up)),
        (accounts::EMPLOYER_SIGN_UP_PATH, post(account::sign_up_employer)),
        (accounts::CONFIRM_EMAIL_PATH, post(account::confirm_email)),
        (accounts::FORGOT_PASSWORD_PATH, post(account::forgot_password)),
        (accounts::RESET_PASSWORD_PATH, post(account::reset_password)),
        (accounts::CHANGE_PASSWORD_PATH, post(account::change_password)),
        (accounts::END_SESSION_PATH, post(account::end_session)),
        (accounts::END_OTHER_SESSIONS_PATH, post(account::end_other_sessions)),
        (accounts::KEEP_ALIVE_PATH, post(account::keep_alive)),
        (accounts::CHANGE_EMAIL_PATH, post(account::change_email)),
        (accounts::CONFIRM_EMAIL_CHANGE_PATH, post(account::confirm_email_change)),
        (accounts::EXPORT_DATA_PATH, post(account::export_data)),
        (accounts::DELETE_ACCOUNT_PATH, post(account::delete_account)),
        (accounts::NEW_STAFF_PATH, post(account::create_staff)),
        (accounts::ROLES_PATH, post(account::change_role)),
        (organisations::VERIFY_COMPANY_PATH, post(organisations::routes::verify_company)),
        (organisations::DECIDE_JOIN_PATH, post(organisations::routes::decide_join)),
        (vacancies::NEW_VACANCY_PATH, post(vacancies::routes::save_vacancy)),
        (vacancies::EDIT_VACANCY_PATH, post(vacancies::routes::save_vacancy)),
        (vacancies::VACANCY_STEP_PATH, post(vacancies::routes::vacancy_step)),
        (vacancies::REPORT_VACANCY_PATH, post(vacancies::routes::report_vacancy)),
        (vacancies::RESOLVE_REPORT_PATH, post(vacancies::routes::resolve_report)),
        (vacancies::ACCOMMODATIONS_PATH, post(vacancies::routes::change_accommodations)),
        // Streamed to disk and limited field by field, so no whole-body limit (and no 2 MB default).
        (
            media::VACANCY_VIDEO_PATH,
            post(media::routes::upload_vacancy_video).layer(axum::extract::DefaultBodyLimit::disable()),
        ),
        (media::REMOVE_VACANCY_VIDEO_PATH, post(media::routes::remove_vacancy_video)),
        (seekers::REGISTER_SEEKER_PATH, post(seekers::routes::register_seeker)),
        (seekers::MY_PROFILE_PATH, post(seekers::routes::register_self)),
        (seekers::CONSENT_PATH, post(seekers::routes::change_consent)),
        (seekers::DELETE_PROFILE_PATH, post(seekers::routes::delete_profile)),
        (seekers::claim::CLAIM_PATH, post(seekers::routes::claim_profile)),
        (seekers::DETAILS_PATH, post(seekers::routes::save_details)),
        (seekers::LANGUAGES_PATH, post(seekers::routes::save_languages)),
        (seekers::EXPERIENCE_PATH, post(seekers::history_routes::save_experience)),
        (alerts::MY_SEARCHES_PATH, post(alerts::routes::change_saved_searches)),
        (alerts::STOP_ALERT_PATH, post(alerts::routes::stop_alert)),
        (seekers::CERTIFICATES_PATH, post(seekers::history_routes::save_certificates)),
        // Read field by field with its own limit (the file's), so no whole-body limit.
        (
            seekers::cv::CV_FILE_PATH,
            post(seekers::cv_routes::upload_cv_file).layer(axum::extract::DefaultBodyLimit::disable()),
        ),
        (seekers::cv::REMOVE_CV_FILE_PATH, post(seekers::cv_routes::remove_cv_file)),
        (seekers::claim::CONSENT_SHEET_PATH, post(seekers::routes::new_claim_code)),
        (seekers::DISABILITY_PATH, post(seekers::routes::save_disability)),
        (casework::OUTCOME_PATH, post(casework::routes::record_outcome)),
        ("/persona/{id}", post(casework::routes::add_note)),
        (applications::APPLY_PATH, post(applications::routes::apply)),
        (applications::WITHDRAW_PATH, post(applications::routes::withdraw)),
        (applications::APPLICANTS_PATH, post(applications::routes::move_application)),
    ]
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
