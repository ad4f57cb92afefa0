//! Registering for a fair, with the accommodations a person needs there: a job seeker
//! registers (or their counsellor registers them), within the fair's capacity and before its
//! registration closes, and asks for what they need — an LSP interpreter, live captions, extra
//! time, breaks, step-free access, a companion, materials in easy read, or something else in
//! their words. Each request goes to the organiser, who answers it by a deadline: arranged, or
//! not possible saying why.
//!
//! `rules.rs` who may register, when, and when an answer is due or late (pure); `store.rs` the
//! storage trait and its SQL.

pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;

coded_enum!(
    /// An accommodation a person may ask for at a fair.
    FairNeed {
        LspInterpreter => "lsp_interpreter",
        LiveCaptions => "live_captions",
        ExtraTime => "extra_time",
        Breaks => "breaks",
        StepFree => "step_free",
        Companion => "companion",
        EasyRead => "easy_read",
        /// Something else, said in the person's words.
        Other => "other",
    }
);

coded_enum!(
    /// Where an accommodation request stands.
    NeedStatus { Asked => "asked", Arranged => "arranged", NotPossible => "not_possible" }
);

coded_enum!(
    /// Whether a registration is in force.
    RegistrationStatus { Registered => "registered", Cancelled => "cancelled" }
);
