//! Shared value types that parse rather than validate: once built, they are known to be good.

pub mod region;

pub use region::Region;
pub mod ruc;

pub use ruc::Ruc;
pub mod email;
pub mod password;

pub use email::Email;
pub use password::NewPassword;
