//! The parts answers share, as field lists for `allowed.rs`: each macro gives `$name` and,
//! under `$at` (`$name` itself for one, `$name[]` for each of a list), the part's fields.

macro_rules! fields {
    ($name:literal, $at:literal, [$($field:literal),*]) => {
        concat!($name, " ", $($at, ".", $field, " "),*)
    };
}
/// Accommodations or kinds of disability: a code and the names in each language.
macro_rules! named {
    ($name:literal, $at:literal) => {
        fields!($name, $at, ["code", "name_en", "name_es"])
    };
}
macro_rules! centre {
    ($name:literal, $at:literal) => {
        fields!($name, $at, ["address", "email", "id", "name", "phone", "region"])
    };
}
macro_rules! company {
    ($name:literal, $at:literal) => {
        fields!($name, $at, ["id", "legal_name", "region", "ruc", "sector", "verified"])
    };
}
/// A vacancy's text as its form and page hold it.
macro_rules! draft {
    ($name:literal, $at:literal) => {
        fields!(
            $name,
            $at,
            [
                "accommodations",
                "centre_id",
                "closes_at",
                "company_id",
                "contract",
                "description",
                "district",
                "easy_read",
                "hours",
                "interview",
                "modality",
                "openings",
                "province",
                "region",
                "requirements",
                "salary",
                "skills",
                "title",
                "workplace_access"
            ]
        )
    };
}
/// A fair as its page and form hold it (in person: with its venue).
macro_rules! fair {
    ($name:literal, $at:literal) => {
        concat!(
            fields!($name, $at, ["centre_name", "draft", "id", "registered", "revision", "status"]),
            fields!(
                "",
                $at,
                [
                    "draft.capacity",
                    "draft.centre_id",
                    "draft.description",
                    "draft.easy_read",
                    "draft.ends_at",
                    "draft.mode",
                    "draft.registration_closes_at",
                    "draft.starts_at",
                    "draft.title",
                    "draft.venue",
                    "draft.venue.access",
                    "draft.venue.address",
                    "draft.venue.name",
                    "draft.venue.region",
                    "draft.venue.transport"
                ]
            )
        )
    };
}
/// A fair's accepted stands, as everyone reads them.
macro_rules! stand_cards {
    () => {
        concat!(
            named!("stands[].accommodations", "stands[].accommodations[]"),
            fields!("stands", "stands[]", ["company_name", "id", "sector"])
        )
    };
}
/// Fairs in a list.
macro_rules! fair_cards {
    ($name:literal, $at:literal) => {
        fields!($name, $at, ["centre_name", "ends_at", "id", "mode", "phase", "region", "starts_at", "title"])
    };
}
/// Who a person is and how to reach them: for the person and their centre, never an employer.
macro_rules! personal {
    ($name:literal, $at:literal) => {
        fields!(
            $name,
            $at,
            [
                "birth_date",
                "channel",
                "district",
                "document",
                "document.kind",
                "document.number",
                "email",
                "full_name",
                "phone",
                "province",
                "region",
                "sex"
            ]
        )
    };
}
macro_rules! consent {
    ($name:literal, $at:literal) => {
        fields!(
            $name,
            $at,
            ["confirmed_at", "given_at", "kind", "recorded_by", "recorder_name", "revoked_at", "text_version"]
        )
    };
}
/// An application's steps, with the notes written to the person.
macro_rules! events {
    ($name:literal, $at:literal) => {
        fields!($name, $at, ["at", "note", "side", "status"])
    };
}
/// A question at a stand as the person who left it follows it.
macro_rules! own_questions {
    ($name:literal, $at:literal) => {
        fields!($name, $at, ["answer", "answered_at", "asked_at", "company_name", "id", "question", "stand_id"])
    };
}
/// One stand's page, but for its questions part.
macro_rules! stand_view {
    () => {
        concat!(
            named!("accommodations", "accommodations[]"),
            fields!("on_duty", "on_duty[]", ["ends_at", "name", "starts_at"]),
            fields!("vacancies", "vacancies[]", ["closes_at", "id", "region", "title"]),
            fields!("slots.free", "slots.free[]", ["ends_at", "id", "interviewer", "mode", "starts_at"]),
            "chat company_name fair_id fair_phase fair_title follows_up id introduction may_change reads_outcomes region \
             sector slots slots.chance status video "
        )
    };
}
/// The fair's requests as the interviewer and the person who shares them read them.
macro_rules! shared_needs {
    ($name:literal, $at:literal) => {
        fields!($name, $at, ["details", "need", "status"])
    };
}
/// Accommodation requests for a fair, as the person and the organiser both read them.
macro_rules! need_views {
    ($name:literal, $at:literal) => {
        fields!($name, $at, ["answer", "details", "due_at", "late", "need", "status"])
    };
}
