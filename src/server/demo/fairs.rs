//! The demo's job fair: a virtual fair that is running from the moment the demo is loaded and
//! for a week after, so a first run shows every part of one — the demo company's stand with
//! its representative on duty, interview slots to book, and its live chat.
//!
//! Its organiser and representative are demo people with no password: nobody signs in as
//! them (a password nobody can match, as an invited staff member has until they set theirs).

use crate::domain::{Email, Role, RoleGrant};
use crate::fairs::stands::shifts::store::NewShift;
use crate::fairs::stands::slots::rules::block;
use crate::fairs::stands::slots::store::NewSlots;
use crate::fairs::stands::slots::SlotMode;
use crate::fairs::stands::store::{StandAnswer, StandAsk};
use crate::fairs::stands::StandStatus;
use crate::fairs::{FairDraft, FairMode, FairStatus};
use crate::server::auth::NewAccount;
use crate::server::db::prelude::*;

/// What a demo person has for a password: not a hash of anything, so no password matches it.
const NO_PASSWORD: &str = "demo: no password";
pub(super) const HOUR: i64 = 3600;
pub(super) const DAY: i64 = 86_400;
/// Lima is five hours behind UTC all year.
const LIMA: i64 = -5 * HOUR;

/// The first second of the Lima day `at` falls in.
pub(super) fn lima_midnight(at: i64) -> i64 {
    (at + LIMA).div_euclid(DAY) * DAY - LIMA
}

/// The running virtual fair: from the hour the demo is loaded until 18:00 (Lima) a week later.
fn running_fair(centre_id: i64, now: i64) -> FairDraft {
    let ends_at = lima_midnight(now) + 7 * DAY + 18 * HOUR;
    FairDraft {
        centre_id,
        title: "Feria virtual de empleo inclusivo".into(),
        description: "Una semana para conversar en vivo con empresas que contratan a personas con discapacidad, \
                      reservar entrevistas por videollamada y dejar preguntas a los stands.\n\n\
                      - Chat en vivo en cada stand, también con lector de pantalla\n\
                      - Entrevistas por videollamada con subtítulos o intérprete de LSP\n\
                      - Pide los ajustes que necesitas al inscribirte"
            .into(),
        easy_read: "Es una feria de trabajo por internet. Entras desde tu celular o tu computadora. \
                    Escribes a las empresas. Puedes pedir una entrevista."
            .into(),
        mode: FairMode::Virtual,
        starts_at: now.div_euclid(HOUR) * HOUR,
        ends_at,
        registration_closes_at: ends_at,
        capacity: 500,
        venue: None,
    }
}

/// A demo person of the given role who cannot sign in.
pub(super) fn demo_person(email: &str, name: &str, role: RoleGrant, now: i64) -> NewAccount {
    NewAccount {
        email: Email::parse(email).expect("demo address is valid"),
        name: name.into(),
        password_hash: NO_PASSWORD.into(),
        role,
        email_verified: true,
        now,
    }
}

/// Loads the running fair of the centre, with the company's stand, accepted, its
/// representative on duty throughout, and video interviews on the next two days; the demo's
/// organiser and representative, who keep the past fair too.
pub async fn seed_fair(store: &dyn Store, centre_id: i64, company_id: i64, now: i64) -> DbResult<(i64, i64)> {
    let counsellor = RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre_id) };
    let organiser =
        store.create_account(&demo_person("rosa.quispe@example.pe", "Rosa Quispe Mamani", counsellor, now)).await?;
    let employer = RoleGrant { role: Role::Employer, company_id: Some(company_id), centre_id: None };
    let representative =
        store.create_account(&demo_person("carlos.huaman@example.pe", "Carlos Huamán Ccori", employer, now)).await?;

    // Organised and published a week before it opened, as a fair is; companies joined the day
    // after.
    let draft = running_fair(centre_id, now);
    let organised = draft.starts_at - 7 * DAY;
    let fair_id = store.create_fair(&draft, organiser, organised).await?;
    store.move_fair(fair_id, FairStatus::Draft, FairStatus::Published, organised).await?;
    let joined = organised + DAY;

    let ask = StandAsk {
        fair_id,
        company_id,
        introduction: "Hacemos prendas de alpaca en Arequipa. Buscamos personas para control de calidad, \
                       atención al cliente por chat y almacén.\n\nEscríbenos por el chat: te respondemos en vivo."
            .into(),
        accommodations: ["sign_interpreter_interview", "remote_work", "written_instructions"]
            .map(String::from)
            .to_vec(),
        by: representative,
    };
    let Some(stand_id) = store.ask_stand(&ask, joined).await? else { return Ok((organiser, representative)) };
    let accepted = StandAnswer { stand_id, to: StandStatus::Accepted, reason: "", by: organiser, mail: None };
    store.answer_stand(&accepted, joined).await?;
    let shift = NewShift {
        stand_id,
        account_id: representative,
        starts_at: draft.starts_at,
        ends_at: draft.ends_at,
        by: representative,
    };
    store.add_shift(&shift, joined).await?;
    // Half-hour interviews with ten minutes' rest, from 10:00 to 12:00 (Lima) on the next two days.
    for day in 1..=2 {
        let from = lima_midnight(now) + day * DAY + 10 * HOUR;
        let slots = NewSlots {
            stand_id,
            interviewer_id: representative,
            spans: block(from, from + 2 * HOUR, 30 * 60, 10 * 60),
            mode: SlotMode::Video,
            by: representative,
        };
        store.publish_slots(&slots, now).await?;
    }
    Ok((organiser, representative))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fair_is_running_when_loaded_and_for_a_week() {
        // 2026-12-07 23:30 in Lima is 04:30 the next day in UTC.
        let now = 1_796_704_200;
        let fair = running_fair(1, now);
        assert!(fair.starts_at <= now && now - fair.starts_at < HOUR);
        assert_eq!(lima_midnight(now), 1_796_619_600, "2026-12-07 00:00 in Lima");
        assert_eq!(fair.ends_at, 1_796_619_600 + 7 * DAY + 18 * HOUR);
        assert_eq!(fair.registration_closes_at, fair.ends_at);
    }
}
