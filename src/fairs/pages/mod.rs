//! The pages of fairs, one file each: the list (`list`), one fair (`fair`, with its stands from
//! `stands`), the form that writes one (`form`), the page of its sign-language video (`video`),
//! a company's stand (`stand`), the form that asks for one (`stand_form`) and the page of its
//! video (`stand_video`). Forms post to `handlers` and `stands::handlers`, which answer with a
//! redirect or the page again.

pub mod fair;
pub mod form;
pub mod list;
pub mod stand;
pub mod stand_form;
pub mod stand_video;
pub mod stands;
pub mod video;

pub use fair::FairPage;
pub use form::FairFormPage;
pub use list::FairsPage;
pub use stand::StandPage;
pub use stand_form::StandFormPage;
pub use stand_video::StandVideoPage;
pub use video::FairVideoPage;
