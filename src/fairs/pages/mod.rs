//! The pages of fairs, one file each: the list (`list`), one fair (`fair`), the form that
//! writes one (`form`) and the page of its sign-language video (`video`). Forms post to `handlers`, which answer with a redirect or the page
//! again.

pub mod fair;
pub mod form;
pub mod list;
pub mod video;

pub use fair::FairPage;
pub use form::FairFormPage;
pub use list::FairsPage;
pub use video::FairVideoPage;
