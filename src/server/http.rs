//! The HTTP router: pages, server functions, form endpoints, static files, `/healthz`, and the
//! layers every request passes through (request id, logging, compression, headers).

use crate::app::{shell, App};
use crate::server::auth::{csrf, session};
use crate::server::state::AppState;
use crate::{accounts, i18n, preferences};
use axum::extract::State;
use axum::http::{header, HeaderName, HeaderValue, Request, StatusCode};
use axum::routing::{get, post};
use axum::Router;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let leptos = state.leptos.clone();
    Router::new()
        .route("/healthz", get(healthz))
        .route(preferences::SAVE_PATH, post(preferences::routes::save))
        .route(i18n::SWITCH_PATH, post(i18n::routes::switch))
        .route(accounts::SIGN_IN_PATH, post(accounts::routes::sign_in))
        .route(accounts::SIGN_OUT_PATH, post(accounts::routes::sign_out))
        .leptos_routes(&state, routes, move || shell(leptos.clone()))
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
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
                .layer(CompressionLayer::new())
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
                )),
        )
        .with_state(state)
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
