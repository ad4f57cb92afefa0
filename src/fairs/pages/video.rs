//! The pages where a fair's organisers attach its sign-language video, and a company's
//! employers their stand's introduction (the page is every slot's: `media::slot_form`).

use crate::fairs::api::read_fair_video_slot;
use crate::fairs::stands::api::read_stand_video_slot;
use crate::fairs::stands::{stand_path, REMOVE_STAND_VIDEO_PATH, STAND_VIDEO_PATH};
use crate::fairs::{fair_path, FAIR_VIDEO_PATH, REMOVE_FAIR_VIDEO_PATH};
use crate::media::slot_form::VideoSlotPage;
use leptos::prelude::*;

/// The page of fair `?id=`'s sign-language video, for its organisers.
#[component]
pub fn FairVideoPage() -> impl IntoView {
    view! {
        <VideoSlotPage
            read=read_fair_video_slot
            upload_path=FAIR_VIDEO_PATH
            remove_action=REMOVE_FAIR_VIDEO_PATH
            owner_field="fair"
            back=fair_path
        />
    }
}

/// The page of stand `?id=`'s sign-language introduction, for its company's employers.
#[component]
pub fn StandVideoPage() -> impl IntoView {
    view! {
        <VideoSlotPage
            read=read_stand_video_slot
            upload_path=STAND_VIDEO_PATH
            remove_action=REMOVE_STAND_VIDEO_PATH
            owner_field="stand"
            back=stand_path
        />
    }
}
