//! The pages of applications, one file each: the form to apply (`apply`), a person's
//! applications (`mine`) and a vacancy's applicants (`applicants`). Forms post to `handlers`.

pub mod applicants;
pub mod apply;
pub mod mine;

pub use applicants::ApplicantsPage;
pub use apply::ApplyPage;
pub use mine::MyApplicationsPage;
