//! The allow-lists of the fairs' server functions, as `allowed.rs` has them for the rest: a
//! fair, its stands and their interview slots, the registrations, for each reader of the story.

use super::allowed::Reader;
use Reader::*;

/// A fair's or a stand's outcomes, as the story's fair has them: every count protected
/// (`Shown`: a count, "<10" or withheld); its people fall in groups of sexes and regions, none
/// counted by disability.
const OUTCOMES: &str = "activity activity.conversations activity.slots_booked activity.slots_held \
     activity.slots_held.Count activity.slots_published by_disability by_disability[].counts \
     by_disability[].counts[].Count by_disability[].group by_region by_region[].counts by_region[].counts[].Count \
     by_region[].group by_region[].group.Region by_sex by_sex[].counts by_sex[].counts[].Count by_sex[].group \
     by_sex[].group.Sex company fair_id fair_title measures over totals totals[].Count ";

/// `(server function, its readers, form body, every field of its answer, space-separated)`, as
/// [`super::allowed::ANSWERS`].
pub const FAIR_ANSWERS: &[(&str, &[Reader], &str, &str)] = &[
    (
        "/api/fairs/view",
        &[Anonymous, Person, Employer],
        "id={fair}",
        concat!(
            fair!("fair", "fair"),
            centre!("centre", "centre"),
            "address attendance manage phase registration_open video "
        ),
    ),
    (
        "/api/fairs/view",
        &[Counsellor],
        "id={fair}",
        concat!(
            fair!("fair", "fair"),
            centre!("centre", "centre"),
            "address attendance manage manage.late manage.may_edit manage.reports_to_review manage.steps \
             manage.to_arrange phase registration_open video "
        ),
    ),
    (
        "/api/fairs/list",
        &[Anonymous, Person, Employer],
        "",
        concat!(fair_cards!("ahead", "ahead[]"), fair_cards!("past", "past[]"), "may_organise own "),
    ),
    (
        "/api/fairs/list",
        &[Counsellor],
        "",
        concat!(
            fair_cards!("ahead", "ahead[]"),
            fair_cards!("own", "own[]"),
            fair_cards!("past", "past[]"),
            "may_organise "
        ),
    ),
    ("/api/fairs/upcoming", &[Anonymous], "", fair_cards!("", "[]")),
    ("/api/fairs/form", &[Counsellor], "", concat!(centre!("centres", "centres[]"), "fair ")),
    ("/api/fairs/form", &[Counsellor], "id={fair}", concat!(centre!("centres", "centres[]"), fair!("fair", "fair"))),
    ("/api/fairs/video-slot", &[Counsellor], "id={fair}", "max_bytes owner_id title video "),
    ("/api/fairs/stands", &[Anonymous], "fair_id={fair}", concat!(stand_cards!(), "may_ask own questions requests ")),
    (
        "/api/fairs/stands",
        &[Person],
        "fair_id={fair}",
        concat!(stand_cards!(), own_questions!("questions", "questions[]"), "may_ask own requests "),
    ),
    (
        "/api/fairs/stands",
        &[Employer],
        "fair_id={fair}",
        concat!(
            stand_cards!(),
            fields!("own", "own[]", ["company_name", "decline_reason", "id", "may_withdraw", "status"]),
            "may_ask questions requests "
        ),
    ),
    (
        "/api/fairs/stands",
        &[Counsellor],
        "fair_id={fair}",
        concat!(
            stand_cards!(),
            named!("requests[].accommodations", "requests[].accommodations[]"),
            fields!(
                "requests",
                "requests[]",
                ["asked_at", "company_name", "decline_reason", "id", "introduction", "may_decide", "sector", "status"]
            ),
            "may_ask own questions "
        ),
    ),
    (
        "/api/fairs/stand",
        &[Anonymous, Employer, Counsellor],
        "id={stand}",
        concat!(stand_view!(), "questions questions.asking questions.own questions.unanswered slots.mine "),
    ),
    (
        "/api/fairs/stand",
        &[Person],
        "id={stand}",
        concat!(
            stand_view!(),
            own_questions!("questions.own", "questions.own[]"),
            "questions questions.asking questions.asking.Open questions.asking.Open.closes_at questions.unanswered ",
            fields!("slots.mine", "slots.mine", ["ends_at", "mode", "starts_at"])
        ),
    ),
    ("/api/fairs/stand-video-slot", &[Employer], "id={stand}", "max_bytes owner_id title video "),
    (
        "/api/fairs/registration",
        &[Person],
        "id={fair}",
        concat!(
            "joining joining.Registered joining.Registered.by_counsellor joining.Registered.may_cancel ",
            need_views!("joining.Registered.needs", "joining.Registered.needs[]"),
            fields!(
                "joining.Registered.interviews",
                "joining.Registered.interviews[]",
                [
                    "booking_id",
                    "company_name",
                    "ends_at",
                    "interviewer",
                    "may_change",
                    "mode",
                    "phone",
                    "room_url",
                    "shared_needs",
                    "stand_id",
                    "starts_at"
                ]
            ),
            "joining.Registered.registered_at ends_at fair_id fair_title person places_left registration_closes_at \
             starts_at "
        ),
    ),
    (
        "/api/fairs/slot-booking",
        &[Person],
        "slot={slot}",
        concat!(
            shared_needs!("needs", "needs[]"),
            fields!("replacing", "replacing", ["booking_id", "ends_at", "starts_at"]),
            "company_name ends_at fair_id fair_title interviewer mode phone place slot_id stand_id starts_at state "
        ),
    ),
    (
        "/api/fairs/stand-slots",
        &[Employer],
        "id={stand}",
        concat!(
            fields!("representatives", "representatives[]", ["account_id", "name"]),
            fields!(
                "slots",
                "slots[]",
                [
                    "buffer_minutes",
                    "candidate",
                    "ends_at",
                    "id",
                    "interviewer",
                    "may_withdraw",
                    "mode",
                    "over",
                    "starts_at"
                ]
            ),
            fields!(
                "slots[].candidate",
                "slots[].candidate",
                ["booked_at", "name", "no_show", "phone", "room_url", "shared"]
            ),
            shared_needs!("slots[].candidate.shared", "slots[].candidate.shared[]"),
            "company_name fair_ends_at fair_starts_at fair_title may_publish modes stand_id "
        ),
    ),
    (
        "/api/fairs/registration",
        &[Counsellor],
        "id={fair}&person={seeker}",
        concat!(
            "joining joining.Registered joining.Registered.by_counsellor joining.Registered.may_cancel ",
            need_views!("joining.Registered.needs", "joining.Registered.needs[]"),
            "joining.Registered.interviews joining.Registered.registered_at ends_at fair_id fair_title person \
             person.name person.seeker_id \
             places_left registration_closes_at starts_at "
        ),
    ),
    (
        "/api/fairs/seeker-fairs",
        &[Counsellor],
        "seeker={seeker}",
        concat!(
            fields!("fairs", "fairs[]", ["ends_at", "fair_id", "registered", "starts_at", "title"]),
            "has_account seeker_id "
        ),
    ),
    (
        "/api/fairs/registrations",
        &[Counsellor],
        "id={fair}",
        concat!(
            fields!("people", "people[]", ["attended_at", "by_counsellor", "name", "registered_at", "registration_id"]),
            need_views!("people[].needs", "people[].needs[]"),
            "capacity fair_id fair_title marks_attendance starts_at "
        ),
    ),
    ("/api/fairs/outcomes", &[Counsellor], "id={fair}", OUTCOMES),
    ("/api/fairs/stand-outcomes", &[Employer], "id={stand}", OUTCOMES),
    (
        "/api/fairs/stand-questions",
        &[Employer],
        "id={stand}",
        concat!(
            fields!("questions", "questions[]", ["answer", "answered_at", "asked_at", "asker_name", "id", "question"]),
            "company_name fair_title stand_id "
        ),
    ),
    (
        "/api/fairs/stand-chat",
        &[Person],
        "id={stand}",
        concat!(
            fields!(
                "conversation.lines",
                "conversation.lines[]",
                ["author", "body", "from_company", "id", "mine", "offer", "sent_at"]
            ),
            fields!("earlier", "earlier[]", ["id", "lines", "opened_at"]),
            fields!(
                "earlier[].lines",
                "earlier[].lines[]",
                ["author", "body", "from_company", "id", "mine", "offer", "sent_at"]
            ),
            "company_name conversation conversation.id conversation.queue_place conversation.taken_by door \
             door.NotYet door.NotYet.starts_at fair_title stand_id "
        ),
    ),
    (
        "/api/fairs/stand-chats",
        &[Employer],
        "id={stand}",
        concat!(
            fields!("taken", "taken[]", ["id", "mine", "opened_at", "seeker_name", "taken_by"]),
            fields!("ended", "ended[]", ["id", "mine", "opened_at", "seeker_name", "taken_by"]),
            "company_name fair_title live queue stand_id "
        ),
    ),
    (
        "/api/fairs/chat-conversation",
        &[Employer],
        "id={chat}",
        concat!(
            fields!("lines", "lines[]", ["author", "body", "from_company", "id", "mine", "offer", "sent_at"]),
            // Offered only while the fair runs (tests/fairs/chat_offers.rs reads them on the page).
            "colleagues company_name id live mine offerable seeker_name stand_id status taken_by taken_by_id "
        ),
    ),
    (
        "/api/fairs/chat-report",
        &[Person, Employer],
        "id={chat}",
        concat!(
            fields!("lines", "lines[]", ["author", "body", "from_company", "id", "mine", "offer", "sent_at"]),
            "back conversation_id other_side reported seeker_side "
        ),
    ),
    (
        "/api/fairs/chat-reports",
        &[Counsellor],
        "id={fair}",
        concat!(
            fields!(
                "reports",
                "reports[]",
                [
                    "author",
                    "body",
                    "company_name",
                    "from_company",
                    "id",
                    "reason",
                    "reported_at",
                    "reporter",
                    "reviewed_at",
                    "sent_at"
                ]
            ),
            "fair_id fair_title "
        ),
    ),
    (
        "/api/fairs/stand-shifts",
        &[Employer],
        "id={stand}",
        concat!(
            fields!("representatives", "representatives[]", ["account_id", "name"]),
            fields!("shifts", "shifts[]", ["ends_at", "id", "name", "starts_at"]),
            "company_name fair_ends_at fair_starts_at fair_title stand_id "
        ),
    ),
    (
        "/api/fairs/stand-form",
        &[Employer],
        "fair_id={fair}",
        concat!(named!("accommodations", "accommodations[]"), "companies fair_id fair_title "),
    ),
];
