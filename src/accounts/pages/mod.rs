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

use crate::i18n::{page_title, Key};
use crate::ui::use_ui;

/// A page title, with "Error: " in front when the form on it came back with problems.
fn form_title(key: Key, has_errors: bool) -> String {
    let ui = use_ui();
    let title = page_title(ui.lang, key);
    if has_errors {
        format!("{}: {title}", ui.t(Key::form_error_prefix))
    } else {
        title
    }
}
