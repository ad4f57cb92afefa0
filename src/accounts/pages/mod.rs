//! The pages of accounts. Each form posts to its own address, handled in `routes`, which
//! answers with a redirect or with the same page again, showing what is wrong.

mod account;
mod employer;
mod links;
mod my_data;
mod roles;
mod sign_in;
mod sign_up;
mod staff;

pub use account::{AccountPage, ChangePasswordPage, SessionsPage};
pub use employer::EmployerSignUpPage;
pub use links::{CheckEmailPage, ConfirmEmailPage, ForgotPasswordPage, ResetPasswordPage};
pub use my_data::{
    CancelEmailChangePage, ChangeEmailPage, ConfirmEmailChangePage, DeleteAccountPage, DownloadDataPage,
};
pub use roles::{RolesPage, GRANT_ROLE_FIELD, WHO};
pub use sign_in::SignInPage;
pub use sign_up::SignUpPage;
pub use staff::{NewStaffPage, ROLE_FIELD};

use crate::components::form::form_title;
