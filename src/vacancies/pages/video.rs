//! The page where an employer or counsellor attaches a vacancy's sign-language video (the page
//! is every slot's: `media::slot_form`).

use crate::media::slot_form::VideoSlotPage;
use crate::vacancies::api::read_video_slot;
use crate::vacancies::{vacancy_path, REMOVE_VACANCY_VIDEO_PATH, VACANCY_VIDEO_PATH};
use leptos::prelude::*;

/// The page of vacancy `?id=`'s sign-language video, for whoever may change its text.
#[component]
pub fn VacancyVideoPage() -> impl IntoView {
    view! {
        <VideoSlotPage
            read=read_video_slot
            upload_path=VACANCY_VIDEO_PATH
            remove_action=REMOVE_VACANCY_VIDEO_PATH
            owner_field="vacancy"
            back=vacancy_path
        />
    }
}
