//! Who gets which fields of each server function's answer: the allow-lists of
//! `answers::each_answer_holds_exactly_the_fields_its_reader_may_see`. Adding a field to an
//! answer's type means adding it here, for the readers who may see it.

use Reader::*;

/// The readers of the story.
#[derive(Clone, Copy, Debug)]
pub enum Reader {
    Anonymous,
    /// The person, signed in.
    Person,
    /// The employer of the company she applied to.
    Employer,
    /// A counsellor of the centre that follows her.
    Counsellor,
    Admin,
}

/// `(server function, its readers, form body, every field of its answer, space-separated)`.
/// In the body, `{vacancy}`, `{draft}`, `{fair}`, `{stand}`, `{slot}`, `{seeker}`, `{email}` and `{token}`
/// stand for the story's records. The field lists of shared parts are `parts.rs`'s macros.
pub const ANSWERS: &[(&str, &[Reader], &str, &str)] = &[
    (
        "/api/organisations/directory",
        &[Anonymous],
        "",
        concat!(centre!("centres", "centres[]"), company!("companies", "companies[]")),
    ),
    ("/api/accounts/link-is-valid", &[Anonymous], "kind=ConfirmEmail&code=00", ""),
    ("/api/accounts/my-sessions", &[Person], "", "[].current [].device [].id [].last_used [].started "),
    ("/api/accounts/pending-join", &[Employer], "", ""),
    ("/api/accounts/pending-email-change", &[Person], "", ""),
    ("/api/second-factor/mine", &[Person], "", "app passkeys passkeys_offered recovery_codes_left required "),
    // A ceremony for her own passkeys (none here: `null`); `{ceremony, options}` where she has one.
    ("/api/second-factor/code-page-passkey", &[Person], "", ""),
    ("/api/second-factor/passkeys-offered", &[Anonymous], "", ""),
    // The key to add to one's own app: shown to its owner, stored only once a code confirms it.
    ("/api/second-factor/app-setup", &[Person], "", "account grouped qr_svg secret "),
    (
        "/api/organisations/companies-for-review",
        &[Counsellor, Admin],
        "",
        concat!(company!("companies", "companies[]"), "requests "),
    ),
    (
        "/api/accounts/roles-of",
        &[Admin],
        "who={email}",
        "account_id email name roles roles[].centre_id roles[].company_id roles[].role ",
    ),
    (
        "/api/audit/events",
        &[Admin],
        "filter[action]=sign_in",
        "bad_date entries entries[].action entries[].actor entries[].actor.email \
         entries[].actor.id entries[].actor.name entries[].at entries[].detail entries[].id \
         entries[].ip entries[].subject entries[].subject.email entries[].subject.id \
         entries[].subject.name older unknown_person ",
    ),
    (
        "/api/vacancies/view",
        &[Anonymous, Person],
        "id={vacancy}",
        concat!(
            named!("accommodations", "accommodations[]"),
            centre!("centre", "centre"),
            draft!("vacancy.draft", "vacancy.draft"),
            "manage vacancy vacancy.centre_name vacancy.company_name vacancy.created_at \
             vacancy.id vacancy.published_at vacancy.status video ",
        ),
    ),
    (
        "/api/vacancies/view",
        &[Employer, Counsellor],
        "id={vacancy}",
        concat!(
            named!("accommodations", "accommodations[]"),
            centre!("centre", "centre"),
            draft!("vacancy.draft", "vacancy.draft"),
            "manage manage.closing_passed manage.company_verified manage.flags manage.history \
             manage.history[].actor_name manage.history[].at manage.history[].comment \
             manage.history[].from_status manage.history[].to_status manage.may_edit \
             manage.review_comment manage.steps vacancy vacancy.centre_name vacancy.company_name \
             vacancy.created_at vacancy.id vacancy.published_at vacancy.status video ",
        ),
    ),
    (
        "/api/vacancies/search",
        &[Anonymous],
        "address_query=q%3Dalmacen",
        concat!(
            named!("accommodations", "accommodations[]"),
            "query query.accommodations query.bad_salary query.contract query.days query.hours \
             query.min_salary query.modality query.page query.published_after query.region \
             query.sort query.words results results.capped results.hits \
             results.hits[].accommodations results.hits[].company_name results.hits[].contract \
             results.hits[].district results.hits[].hours results.hits[].id \
             results.hits[].modality results.hits[].province results.hits[].published_at \
             results.hits[].region results.hits[].salary results.hits[].title results.page \
             results.ranked results.total ",
        ),
    ),
    (
        "/api/vacancies/form-choices",
        &[Employer, Counsellor],
        "",
        concat!(
            named!("accommodations", "accommodations[]"),
            centre!("centres", "centres[]"),
            company!("companies", "companies[]"),
            "own_centre vacancy ",
        ),
    ),
    (
        "/api/vacancies/form-choices",
        &[Employer],
        "id={draft}",
        concat!(
            named!("accommodations", "accommodations[]"),
            centre!("centres", "centres[]"),
            company!("companies", "companies[]"),
            draft!("vacancy.draft", "vacancy.draft"),
            "own_centre vacancy vacancy.centre_name vacancy.company_name vacancy.created_at \
             vacancy.id vacancy.published_at vacancy.review_comment vacancy.status \
             vacancy.updated_at ",
        ),
    ),
    (
        "/api/vacancies/mine",
        &[Employer],
        "",
        "centres companies companies[].name companies[].reports companies[].vacancies \
         companies[].vacancies[].closes_at companies[].vacancies[].company_name \
         companies[].vacancies[].id companies[].vacancies[].region companies[].vacancies[].status \
         companies[].vacancies[].title companies[].vacancies[].updated_at companies[].waiting ",
    ),
    (
        "/api/vacancies/mine",
        &[Counsellor],
        "",
        "centres centres[].name centres[].reports centres[].vacancies \
         centres[].vacancies[].closes_at centres[].vacancies[].company_name \
         centres[].vacancies[].id centres[].vacancies[].region centres[].vacancies[].status \
         centres[].vacancies[].title centres[].vacancies[].updated_at centres[].waiting companies ",
    ),
    (
        "/api/vacancies/accommodations",
        &[Admin],
        "",
        concat!(named!("[].entry", "[].entry"), "[].retired [].vacancies "),
    ),
    ("/api/vacancies/video-slot", &[Employer], "id={draft}", "max_bytes owner_id title video "),
    (
        "/api/seekers/caseload",
        &[Counsellor],
        "query=",
        "page people people[].created_at people[].document people[].document.kind \
         people[].document.number people[].full_name people[].id people[].signed_up query \
         query.page query.words total ",
    ),
    (
        "/api/seekers/consent-sheet",
        &[Counsellor],
        "id={seeker}",
        concat!(
            consent!("consents", "consents[]"),
            "document document.kind document.number full_name origin seeker_id signed_up ",
        ),
    ),
    (
        "/api/seekers/step",
        &[Person, Counsellor],
        "seeker={seeker}",
        concat!(
            personal!("personal", "personal"),
            "certificates cv_file education experience full_name languages progress \
             progress.certificates progress.cv_file progress.disability progress.is_self \
             progress.jobs progress.languages progress.seeker_id skills ",
        ),
    ),
    (
        "/api/seekers/cv",
        &[Person, Counsellor],
        "seeker={seeker}",
        "back certificates channel education email experience file full_name home home.district \
         home.province languages phone region skills ",
    ),
    (
        "/api/alerts/mine",
        &[Person],
        "",
        concat!(named!("accommodations", "accommodations[]"), "email searches searches[].id searches[].query "),
    ),
    (
        "/api/alerts/stop",
        &[Anonymous],
        "token={token}",
        concat!(named!("accommodations", "accommodations[]"), "query "),
    ),
    (
        "/api/seekers/mine",
        &[Person],
        "",
        concat!(
            named!("view.names", "view.names[]"),
            personal!("view.profile.personal", "view.profile.personal"),
            consent!("view.consent_history", "view.consent_history[]"),
            fields!("view.accesses", "view.accesses[]", ["at", "purpose", "viewer_name"]),
            "centres view view.acts_for view.consents view.counsels view.is_self \
             view.profile view.profile.certificates view.profile.disability \
             view.profile.disability.conadis view.profile.disability.needs_at_interview \
             view.profile.disability.needs_at_work view.profile.disability.types \
             view.profile.education view.profile.experience view.profile.id \
             view.profile.languages view.profile.skills view.progress view.progress.certificates \
             view.progress.cv_file view.progress.disability view.progress.is_self \
             view.progress.jobs view.progress.languages view.progress.seeker_id view.visible \
             view.visible.disability view.visible.logged view.visible.needs view.visible.personal \
             view.visible.profile ",
        ),
    ),
    ("/api/seekers/mine", &[Employer], "", concat!(centre!("centres", "centres[]"), "view ")),
    (
        "/api/seekers/disability",
        &[Person, Counsellor],
        "id={seeker}",
        concat!(
            named!("accommodations", "accommodations[]"),
            named!("types", "types[]"),
            "disability disability.conadis disability.needs_at_interview disability.needs_at_work \
             disability.types full_name is_self seeker_id ",
        ),
    ),
    (
        "/api/seekers/view",
        &[Person],
        "id={seeker}",
        concat!(
            named!("names", "names[]"),
            personal!("profile.personal", "profile.personal"),
            consent!("consent_history", "consent_history[]"),
            "accesses accesses[].at accesses[].purpose accesses[].viewer_name acts_for consents \
             counsels is_self profile profile.certificates profile.disability \
             profile.disability.conadis profile.disability.needs_at_interview \
             profile.disability.needs_at_work profile.disability.types profile.education \
             profile.experience profile.id profile.languages profile.skills progress \
             progress.certificates progress.cv_file progress.disability progress.is_self \
             progress.jobs progress.languages progress.seeker_id visible visible.disability \
             visible.logged visible.needs visible.personal visible.profile ",
        ),
    ),
    (
        "/api/seekers/view",
        &[Counsellor],
        "id={seeker}",
        concat!(
            named!("names", "names[]"),
            personal!("profile.personal", "profile.personal"),
            consent!("consent_history", "consent_history[]"),
            "accesses acts_for consents counsels is_self profile profile.certificates \
             profile.disability profile.disability.conadis profile.disability.needs_at_interview \
             profile.disability.needs_at_work profile.disability.types profile.education \
             profile.experience profile.id profile.languages profile.skills progress \
             progress.certificates progress.cv_file progress.disability progress.is_self \
             progress.jobs progress.languages progress.seeker_id visible visible.disability \
             visible.logged visible.needs visible.personal visible.profile ",
        ),
    ),
    (
        "/api/applications/form",
        &[Person, Counsellor],
        "vacancy={vacancy}&seeker={seeker}",
        concat!(
            named!("accommodations", "accommodations[]"),
            "applying applying.already applying.already.created_at applying.already.status \
             applying.disability_consented applying.full_name applying.is_self \
             applying.may_disclose applying.needs_at_interview applying.seeker_id \
             applying.share_awaits applying.shares company_name offered open vacancy_id \
             vacancy_title ",
        ),
    ),
    (
        "/api/applications/mine",
        &[Person],
        "",
        concat!(
            named!("accommodations", "accommodations[]"),
            events!("applications[].events", "applications[].events[]"),
            "applications applications[].applied_by_counsellor applications[].asked \
             applications[].asked.disclose applications[].asked.needs_at_interview \
             applications[].company_name applications[].created_at applications[].id \
             applications[].interview_guide applications[].status applications[].vacancy_id \
             applications[].vacancy_title seeker_id ",
        ),
    ),
    (
        "/api/matches/for",
        &[Person, Counsellor],
        "seeker={seeker}",
        concat!(
            named!("accommodations", "accommodations[]"),
            "full_name is_self matches matches[].offers_all matches[].reasons \
             matches[].reasons[].DoesNotOffer matches[].reasons[].Offers \
             matches[].reasons[].SharedSkills matches[].score matches[].vacancy \
             matches[].vacancy.accommodations matches[].vacancy.company_name \
             matches[].vacancy.district matches[].vacancy.id matches[].vacancy.modality \
             matches[].vacancy.province matches[].vacancy.published_at matches[].vacancy.region \
             matches[].vacancy.skills matches[].vacancy.title seeker_id ",
        ),
    ),
    ("/api/casework/outcome-form", &[Counsellor], "id={seeker}", "from_application full_name outcomes seeker_id "),
];

/// Server functions whose answers are pinned, reader by reader and consent by consent, in a
/// test of their own.
pub const ELSEWHERE: &[(&str, &str)] = &[
    ("/api/applications/applicants", "tests/applications/fields.rs"),
    ("/api/applications/of-seeker", "tests/applications/fields.rs"),
    ("/api/casework/case-file", "tests/casework.rs"),
];
