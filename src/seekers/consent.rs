//! Consents, as Peru's personal-data law (Ley 29733) asks for sensitive data: express, one
//! purpose each, in plain words, recorded with the version of the words the person agreed to,
//! and revocable at any time with immediate effect.

use crate::i18n::Key;
use serde::{Deserialize, Serialize};

/// One purpose a job seeker agrees to, separately from the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConsentKind {
    /// (a) Keep my profile in the register.
    Register,
    /// (b) Process my disability data (without it, none is stored).
    DisabilityData,
    /// (c) Share my profile with the employers I apply to.
    ShareWithEmployers,
    /// (d) Let a counsellor act for me.
    CounsellorActs,
    /// (e) Use my data in anonymous statistics.
    Statistics,
}

impl ConsentKind {
    pub const ALL: [ConsentKind; 5] = [
        ConsentKind::Register,
        ConsentKind::DisabilityData,
        ConsentKind::ShareWithEmployers,
        ConsentKind::CounsellorActs,
        ConsentKind::Statistics,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ConsentKind::Register => "register",
            ConsentKind::DisabilityData => "disability_data",
            ConsentKind::ShareWithEmployers => "share_with_employers",
            ConsentKind::CounsellorActs => "counsellor_acts",
            ConsentKind::Statistics => "statistics",
        }
    }

    pub fn from_code(code: &str) -> Option<ConsentKind> {
        ConsentKind::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// The words the person agrees to. When they change, [`ConsentKind::version`] changes
    /// with them, so every record says which words were agreed to.
    pub fn text(self) -> Key {
        match self {
            ConsentKind::Register => Key::consent_register,
            ConsentKind::DisabilityData => Key::consent_disability_data,
            ConsentKind::ShareWithEmployers => Key::consent_share_with_employers,
            ConsentKind::CounsellorActs => Key::consent_counsellor_acts,
            ConsentKind::Statistics => Key::consent_statistics,
        }
    }

    /// A few words naming it, for headings and buttons.
    pub fn short(self) -> Key {
        match self {
            ConsentKind::Register => Key::consent_short_register,
            ConsentKind::DisabilityData => Key::consent_short_disability_data,
            ConsentKind::ShareWithEmployers => Key::consent_short_share_with_employers,
            ConsentKind::CounsellorActs => Key::consent_short_counsellor_acts,
            ConsentKind::Statistics => Key::consent_short_statistics,
        }
    }

    /// The version of [`ConsentKind::text`] in force.
    pub fn version(self) -> &'static str {
        "2026-11-30"
    }
}

/// Who recorded a consent, and so whether it is in force before the person confirms it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RecordedBy {
    /// The job seeker, signed in.
    Themselves,
    /// A counsellor, with the person present and signing the consent sheet: it stands at once,
    /// and the person confirms it when they first sign in.
    Counsellor,
    /// A counsellor, saying the person agreed, with no signed sheet: it waits for the person
    /// and is not in force until they confirm it.
    OnBehalf,
}

impl RecordedBy {
    /// How it is stored: `recorded_by`, and whether it awaits the person (`awaiting_person`).
    pub fn stored(self) -> (&'static str, bool) {
        match self {
            RecordedBy::Themselves => ("self", false),
            RecordedBy::Counsellor => ("counsellor", false),
            RecordedBy::OnBehalf => ("counsellor", true),
        }
    }

    pub fn from_stored(code: &str, awaiting_person: bool) -> Option<RecordedBy> {
        match (code, awaiting_person) {
            ("self", _) => Some(RecordedBy::Themselves),
            ("counsellor", false) => Some(RecordedBy::Counsellor),
            ("counsellor", true) => Some(RecordedBy::OnBehalf),
            _ => None,
        }
    }
}

/// The consents in force for one person (given, not revoked).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consents(Vec<ConsentKind>);

impl Consents {
    pub fn new(kinds: impl IntoIterator<Item = ConsentKind>) -> Consents {
        let mut kinds: Vec<ConsentKind> = kinds.into_iter().collect();
        kinds.sort_by_key(|kind| ConsentKind::ALL.iter().position(|k| k == kind));
        kinds.dedup();
        Consents(kinds)
    }

    pub fn has(&self, kind: ConsentKind) -> bool {
        self.0.contains(&kind)
    }

    pub fn kinds(&self) -> &[ConsentKind] {
        &self.0
    }
}

/// Where a person's consents stand: those in force, and those asked for on their behalf that
/// wait for them to give them. Read in one query, since deciding on one often needs the other.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentStanding {
    pub in_force: Consents,
    pub awaiting: Consents,
}

impl ConsentStanding {
    /// From each live (not revoked) consent with whether it is in force.
    pub fn of(live: impl IntoIterator<Item = (ConsentKind, bool)>) -> ConsentStanding {
        let (in_force, awaiting): (Vec<_>, Vec<_>) = live.into_iter().partition(|(_, holds)| *holds);
        ConsentStanding {
            in_force: Consents::new(in_force.into_iter().map(|(kind, _)| kind)),
            awaiting: Consents::new(awaiting.into_iter().map(|(kind, _)| kind)),
        }
    }
}

/// One consent as its history shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentRecord {
    pub kind: ConsentKind,
    pub text_version: String,
    pub given_at: i64,
    pub recorded_by: RecordedBy,
    /// The account that recorded it, while it exists.
    pub recorder_name: Option<String>,
    pub confirmed_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

impl ConsentRecord {
    /// Recorded by someone else on the person's behalf, not yet confirmed, not revoked: it
    /// waits for the person.
    pub fn awaits_person(&self) -> bool {
        self.recorded_by == RecordedBy::OnBehalf && self.confirmed_at.is_none() && self.revoked_at.is_none()
    }
}
