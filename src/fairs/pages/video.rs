//! The page where an organiser attaches a fair's sign-language video (the form is every
//! slot's: `media::slot_form`).

use crate::components::notice::sign_in_first;
use crate::components::status_page::{ErrorPage, NotFoundPage};
use crate::fairs::api::{read_fair_video_slot, FairVideoSlot};
use crate::fairs::{fair_path, FAIR_VIDEO_PATH, REMOVE_FAIR_VIDEO_PATH};
use crate::media::slot_form::VideoSlotForm;
use crate::ui::use_ui;
use leptos::prelude::*;

/// The page of fair `?id=`'s sign-language video, for its organisers.
#[component]
pub fn FairVideoPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, &ui.path) {
        return away;
    }
    let Some(id) = ui.query_id("id") else {
        return view! { <NotFoundPage /> }.into_any();
    };
    let slot = Resource::new_blocking(move || id, read_fair_video_slot);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match slot.await {
                    Ok(found) => view! { <FairVideoForm found /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn FairVideoForm(found: FairVideoSlot) -> impl IntoView {
    let id = found.fair_id;
    view! {
        <VideoSlotForm
            title=found.title
            upload_action=format!("{FAIR_VIDEO_PATH}?id={id}")
            remove_action=REMOVE_FAIR_VIDEO_PATH
            owner_field="fair"
            owner_id=id
            back=fair_path(id)
            video=found.video
            max_bytes=found.max_bytes
        />
    }
}
