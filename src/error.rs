//! The one application error, shared by the server and the browser. Internal causes are
//! logged on the server and never sent: `Internal` carries no payload on purpose.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// Messages for form fields, in page order so the error summary follows the form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(pub Vec<(String, String)>);

impl FieldErrors {
    /// One message, for one field.
    pub fn one(field_id: impl Into<String>, message: impl Into<String>) -> Self {
        Self(vec![(field_id.into(), message.into())])
    }

    pub fn push(&mut self, field_id: impl Into<String>, message: impl Into<String>) {
        self.0.push((field_id.into(), message.into()));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The message for one field, if it has one.
    pub fn get(&self, field_id: &str) -> Option<&str> {
        self.0.iter().find(|(id, _)| id == field_id).map(|(_, m)| m.as_str())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    /// The request itself is malformed (not a form's mistake a person can correct on a field).
    #[error("bad request")]
    BadRequest,
    #[error("the input has errors")]
    Validation(FieldErrors),
    #[error("sign-in required")]
    Unauthorized,
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("conflicts with existing data")]
    Conflict(FieldErrors),
    /// An upload or body over its limit.
    #[error("too large")]
    TooLarge,
    #[error("too many attempts; retry after {retry_after} s")]
    RateLimited { retry_after: u64 },
    #[error("internal error")]
    Internal,
    /// The request never reached our code (network, decoding): said in the browser only.
    #[error("could not reach the server")]
    Transport,
}

impl AppError {
    /// The HTTP status a page or handler answers with for this error.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::BadRequest => 400,
            AppError::Validation(_) => 422,
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::Conflict(_) => 409,
            AppError::TooLarge => 413,
            AppError::RateLimited { .. } => 429,
            AppError::Internal => 500,
            AppError::Transport => 502,
        }
    }

    /// Logs an internal cause on the server and returns the error that may be shown.
    #[cfg(feature = "ssr")]
    pub fn internal(cause: impl std::fmt::Display) -> AppError {
        tracing::error!(error = %cause, "internal error");
        AppError::Internal
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::ServerError(_) | ServerFnErrorErr::MiddlewareError(_) => AppError::Internal,
            _ => AppError::Transport,
        }
    }
}
