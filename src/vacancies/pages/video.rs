//! The page where an employer or counsellor attaches a vacancy's sign-language video (the form
//! is every slot's: `media::slot_form`).

use crate::components::notice::sign_in_first;
use crate::components::status_page::{ErrorPage, NotFoundPage};
use crate::media::slot_form::VideoSlotForm;
use crate::ui::use_ui;
use crate::vacancies::api::{read_video_slot, VideoSlot};
use crate::vacancies::vacancy_path;
use crate::vacancies::{REMOVE_VACANCY_VIDEO_PATH, VACANCY_VIDEO_PATH};
use leptos::prelude::*;

/// The page of vacancy `?id=`'s sign-language video, for whoever may change its text.
#[component]
pub fn VacancyVideoPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, &ui.path) {
        return away;
    }
    let Some(id) = ui.query_id("id") else {
        return view! { <NotFoundPage /> }.into_any();
    };
    let slot = Resource::new_blocking(move || id, read_video_slot);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match slot.await {
                    Ok(found) => view! { <VideoForm found /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn VideoForm(found: VideoSlot) -> impl IntoView {
    let id = found.vacancy_id;
    view! {
        <VideoSlotForm
            title=found.title
            upload_action=format!("{VACANCY_VIDEO_PATH}?id={id}")
            remove_action=REMOVE_VACANCY_VIDEO_PATH
            owner_field="vacancy"
            owner_id=id
            back=vacancy_path(id)
            video=found.video
            max_bytes=found.max_bytes
        />
    }
}
