//! The pages of vacancies, one file each: a vacancy (`vacancy`, with its management panel
//! in `manage` for the people responsible for it), the form that writes one (`form`), an
//! employer's or centre's list (`mine`), the job search (`search`), the page of a vacancy's
//! sign-language video (`video`) and the admins' accommodations list (`accommodations`). Forms post to `handlers`, which answer with a
//! redirect or the page again. Shared here: a vacancy's title, place and salary as they read.

pub mod accommodations;
pub mod form;
pub mod manage;
pub mod mine;
pub mod search;
pub mod vacancy;
pub mod video;

pub use accommodations::AccommodationsPage;
pub use form::VacancyFormPage;
pub use mine::MyVacanciesPage;
pub use search::SearchPage;
pub use vacancy::VacancyPage;

use crate::components::format::{place_of, soles};
use crate::i18n::{t, t_with, Key, Lang};

/// Where the job is, most precise first: "Wanchaq, Cusco, Cusco".
fn place(d: &crate::vacancies::VacancyDraft) -> String {
    place_of(&d.district, &d.province, &d.region)
}

/// A vacancy's salary in words: one amount, a range, or "to be agreed".
pub(super) fn salary_text(lang: Lang, salary: Option<(i64, i64)>) -> String {
    match salary {
        Some((min, max)) if min == max => t_with(lang, Key::vacancy_salary_one, &[("amount", &soles(min))]),
        Some((min, max)) => t_with(lang, Key::vacancy_salary_range, &[("min", &soles(min)), ("max", &soles(max))]),
        None => t(lang, Key::vacancy_salary_agreed).to_string(),
    }
}
