//! What a page part waits for: shown once its resource is there, the error page if reading it
//! failed. Rendered on the server before the page is sent (`SsrMode::Async`).

use crate::components::status_page::ErrorPage;
use crate::error::AppError;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// `found`, shown with `show` once it is read.
#[component]
pub fn Loaded<T, Show, Shown>(found: Resource<Result<T, AppError>>, show: Show) -> impl IntoView
where
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    Show: Fn(T) -> Shown + Copy + Send + Sync + 'static,
    Shown: IntoView + 'static,
{
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(found) => show(found).into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
