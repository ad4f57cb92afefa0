//! The pages of a template in use, rendering only: the template panel on a vacancy's page,
//! an applicant's interview record (a form per section without JavaScript; also printed), and
//! the candidate's page to prepare and read the record. Each reads through `../api.rs`.

mod prepare;
mod record;
mod vacancy;

pub use prepare::PreparePage;
pub use record::RecordPage;
pub use vacancy::VacancyTemplatePanel;
