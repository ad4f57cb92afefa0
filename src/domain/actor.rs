//! Who is asking: an account's roles and the organisation each acts for. Every page, handler
//! and server function decides with these; the accounts feature makes and keeps them.

use serde::{Deserialize, Serialize};

/// What an account may act as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Seeker,
    Employer,
    Counsellor,
    Admin,
}

impl Role {
    pub fn label(self) -> crate::i18n::Key {
        use crate::i18n::Key;
        match self {
            Role::Seeker => Key::role_seeker,
            Role::Employer => Key::role_employer,
            Role::Counsellor => Key::role_counsellor,
            Role::Admin => Key::role_admin,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Role::Seeker => "seeker",
            Role::Employer => "employer",
            Role::Counsellor => "counsellor",
            Role::Admin => "admin",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        [Role::Seeker, Role::Employer, Role::Counsellor, Role::Admin].into_iter().find(|r| r.code() == code)
    }

    /// Staff sessions (everyone but job seekers) get the shorter NIST AAL2 timeouts.
    pub fn is_staff(self) -> bool {
        self != Role::Seeker
    }
}

/// One role of an account, with the organisation it acts for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleGrant {
    pub role: Role,
    pub company_id: Option<i64>,
    pub centre_id: Option<i64>,
}

/// The signed-in person a request comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub account_id: i64,
    pub name: String,
    pub email: String,
    pub roles: Vec<RoleGrant>,
}

impl Actor {
    pub fn has(&self, role: Role) -> bool {
        self.roles.iter().any(|g| g.role == role)
    }

    pub fn is_staff(&self) -> bool {
        self.roles.iter().any(|g| g.role.is_staff())
    }
}
