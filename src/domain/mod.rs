//! Shared value types that parse rather than validate: once built, they are known to be good.

pub mod actor;
pub mod email;
pub mod identity;
pub mod lima_time;
pub mod password;
pub mod prefs;
pub mod region;
pub mod ruc;
pub mod small_counts;
pub mod wording;
pub mod year_month;

pub use actor::{Actor, Role, RoleGrant};
pub use email::Email;
pub use identity::{ConadisNumber, DocumentType, IdentityDocument};
pub use password::NewPassword;
pub use region::Region;
pub use ruc::Ruc;
pub use year_month::YearMonth;
