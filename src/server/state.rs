//! What every request handler and server function can reach: the store and the Leptos options.

use crate::error::AppError;
use crate::server::db::Store;
use axum::extract::FromRef;
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub leptos: LeptosOptions,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}

/// The store, from inside a page or server function.
pub fn store() -> Result<Arc<dyn Store>, AppError> {
    use_context::<AppState>()
        .map(|state| state.store)
        .ok_or_else(|| AppError::internal("AppState missing from the Leptos context"))
}
