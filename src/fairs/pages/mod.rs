//! The pages of fairs, one file each: the list (`list`), one fair (`fair`, with its stands from
//! `stands`), the form that writes one (`form`), a company's stand (`stand`), the form that
//! asks for one (`stand_form`), who keeps it when (`stand_shifts`), the questions left at it
//! (`questions` on the stand's and the fair's pages, `stand_questions` for its company to
//! answer), a person's registration with the accommodations they ask for (`registration`) and
//! the organiser's list of them (`registrations`), interview slots — a stand's employers'
//! page (`stand_slots`), booking one (`book_slot`), and where people meet them
//! (`interviews`) — the live chat at a stand (`chat` for job seekers, `stand_chats` for its
//! company, `chat_live` the script that brings new messages in, `chat_report` reporting a
//! message and the organisers' list of reports), what a fair and a stand came to (`outcomes`),
//! and the pages of a fair's and a stand's
//! sign-language video (`video`). Forms post to the features' handlers, which answer with a
//! redirect or the page again.

pub mod book_slot;
pub mod chat;
pub mod chat_live;
pub mod chat_report;
pub mod fair;
pub mod form;
pub mod interviews;
pub mod list;
pub mod outcomes;
pub mod questions;
pub mod registration;
pub mod registrations;
pub mod stand;
pub mod stand_chats;
pub mod stand_form;
pub mod stand_questions;
pub mod stand_shifts;
pub mod stand_slots;
pub mod stands;
pub mod video;

pub use book_slot::BookSlotPage;
pub use chat::StandChatPage;
pub use chat_report::{FairReportsPage, ReportMessagePage};
pub use fair::FairPage;
pub use form::FairFormPage;
pub use list::FairsPage;
pub use outcomes::{FairOutcomesPage, StandOutcomesPage};
pub use registration::RegistrationPage;
pub use registrations::FairRegistrationsPage;
pub use stand::StandPage;
pub use stand_chats::{ConversationPage, StandChatsPage};
pub use stand_form::StandFormPage;
pub use stand_questions::StandQuestionsPage;
pub use stand_shifts::StandShiftsPage;
pub use stand_slots::StandSlotsPage;
pub use video::{FairVideoPage, StandVideoPage};
