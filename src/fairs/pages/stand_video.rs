//! The page where a company's employer attaches its stand's sign-language introduction (the
//! form is every slot's: `media::slot_form`).

use crate::components::notice::sign_in_first;
use crate::components::status_page::{ErrorPage, NotFoundPage};
use crate::fairs::stands::api::{read_stand_video_slot, StandVideoSlot};
use crate::fairs::stands::{stand_path, REMOVE_STAND_VIDEO_PATH, STAND_VIDEO_PATH};
use crate::media::slot_form::VideoSlotForm;
use crate::ui::use_ui;
use leptos::prelude::*;

/// The page of stand `?id=`'s sign-language video, for its company's employers.
#[component]
pub fn StandVideoPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, &ui.path) {
        return away;
    }
    let Some(id) = ui.query_id("id") else {
        return view! { <NotFoundPage /> }.into_any();
    };
    let slot = Resource::new_blocking(move || id, read_stand_video_slot);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match slot.await {
                    Ok(found) => view! { <StandVideoForm found /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn StandVideoForm(found: StandVideoSlot) -> impl IntoView {
    let id = found.stand_id;
    view! {
        <VideoSlotForm
            title=found.title
            upload_action=format!("{STAND_VIDEO_PATH}?id={id}")
            remove_action=REMOVE_STAND_VIDEO_PATH
            owner_field="stand"
            owner_id=id
            back=stand_path(id)
            video=found.video
            max_bytes=found.max_bytes
        />
    }
}
