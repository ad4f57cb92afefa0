//! The demo's past fair: in person in Lima three weeks before the demo was loaded, with what
//! it came to — forty people registered (demo people who cannot sign in, in no centre's
//! caseload), most marked at the door, interviews held at the demo company's stand,
//! applications made there and some moved on to a hire — so its organisers' outcomes page
//! shows real figures with the small groups protected.

use super::fairs::{demo_person, lima_midnight, DAY, HOUR};
use crate::applications::store::{Applied, Move, NewApplication};
use crate::applications::{ApplicationStatus, Side};
use crate::domain::{DocumentType, IdentityDocument, Region, Role, RoleGrant};
use crate::fairs::registrations::store::NewRegistration;
use crate::fairs::stands::slots::booking_store::NewBooking;
use crate::fairs::stands::slots::rules::block;
use crate::fairs::stands::slots::store::NewSlots;
use crate::fairs::stands::slots::SlotMode;
use crate::fairs::stands::store::{StandAnswer, StandAsk};
use crate::fairs::stands::StandStatus;
use crate::fairs::{FairDraft, FairMode, FairStatus, Venue, VenueAccess};
use crate::seekers::consent::{ConsentKind, RecordedBy};
use crate::seekers::store::{ConsentGiven, NewSeeker};
use crate::seekers::{ContactChannel, Disability, PersonalDetails, Sex};
use crate::server::db::prelude::*;
use crate::server::mail::OutgoingMail;

const PEOPLE: usize = 40;
/// Of them: consented to statistics, came, interviewed at the stand, applied there, then
/// called to interview, offered a job and hired.
const COUNTED: usize = 34;
const CAME: usize = 28;
const INTERVIEWED: usize = 12;
const APPLIED: usize = 14;
const CALLED: usize = 6;
const OFFERED: usize = 3;
const HIRED: usize = 2;

const FIRST: [&str; 8] = ["María", "José", "Ana", "Luis", "Carmen", "Jorge", "Rosa", "Miguel"];
const LAST: [&str; 5] = ["Quispe", "Flores", "Huamán", "Mamani", "Torres"];

fn past_fair(centre_id: i64, now: i64) -> FairDraft {
    let starts_at = lima_midnight(now) - 21 * DAY + 9 * HOUR;
    FairDraft {
        centre_id,
        title: "Feria presencial de empleo inclusivo — Lima".into(),
        description: "Un día para conocer empresas que contratan a personas con discapacidad, con entrevistas en \
                      el mismo local.\n\n- Intérpretes de LSP en el local\n- Sala tranquila\n- Entrevistas con \
                      los ajustes que pidas"
            .into(),
        easy_read: "Es una feria de trabajo en un local de Lima. Vas un día. Conversas con empresas.".into(),
        mode: FairMode::InPerson,
        starts_at,
        ends_at: starts_at + 8 * HOUR,
        registration_closes_at: starts_at - DAY,
        capacity: 200,
        venue: Some(Venue {
            name: "Coliseo Eduardo Dibós".into(),
            address: "Av. Angamos Este 2681, San Borja".into(),
            region: "lima-metropolitana".into(),
            access: VenueAccess::ALL.to_vec(),
            transport: "Metropolitano hasta la estación Angamos y bus 201 hasta la puerta principal, sin escalones."
                .into(),
        }),
    }
}

/// Person `i`: sex, region and disability types spread as a centre's people are.
fn person_facts(i: usize) -> (Sex, &'static str, &'static [&'static str]) {
    let sex = match i % 20 {
        19 => Sex::Unstated,
        n if n % 2 == 0 || n == 17 => Sex::Female,
        _ => Sex::Male,
    };
    let region = match i % 10 {
        0 => "callao",
        5 if i < 20 => "arequipa",
        3 => "callao",
        _ => "lima-metropolitana",
    };
    let types: &[&str] = match i % 10 {
        0..=2 => &["physical"],
        3 | 4 => &["visual"],
        5 | 6 => &["hearing"],
        7 => &["intellectual"],
        8 => &["psychosocial"],
        _ => &["physical", "visual"],
    };
    (sex, region, types)
}

/// Loads the past fair of the centre with the company's stand and its outcomes.
pub async fn seed_past_fair(
    store: &dyn Store,
    centre_id: i64,
    company_id: i64,
    (organiser, representative): (i64, i64),
    now: i64,
) -> DbResult<()> {
    let draft = past_fair(centre_id, now);
    let (starts, organised) = (draft.starts_at, draft.starts_at - 30 * DAY);
    let fair_id = store.create_fair(&draft, organiser, organised).await?;
    store.move_fair(fair_id, FairStatus::Draft, FairStatus::Published, organised).await?;
    let ask = StandAsk {
        fair_id,
        company_id,
        introduction: "Hacemos prendas de alpaca. Entrevistamos en el stand con intérprete de LSP.".into(),
        accommodations: vec!["sign_interpreter_interview".into()],
        by: representative,
    };
    let Some(stand_id) = store.ask_stand(&ask, organised + DAY).await? else { return Ok(()) };
    let accepted = StandAnswer { stand_id, to: StandStatus::Accepted, reason: "", by: organiser, mail: None };
    store.answer_stand(&accepted, organised + DAY).await?;
    let slots = NewSlots {
        stand_id,
        interviewer_id: representative,
        spans: block(starts + HOUR, starts + 7 * HOUR, 20 * 60, 10 * 60),
        mode: SlotMode::InPerson,
        by: representative,
    };
    let slots = store.publish_slots(&slots, organised + 2 * DAY).await?.unwrap_or_default();
    let vacancies: Vec<i64> = store.company_vacancies(company_id).await?.into_iter().map(|v| v.id).collect();

    let seeker = RoleGrant { role: Role::Seeker, company_id: None, centre_id: None };
    let registered = starts - 10 * DAY;
    for i in 0..PEOPLE {
        let name = format!("{} {} {}", FIRST[i % FIRST.len()], LAST[i % LAST.len()], LAST[(i / 3) % LAST.len()]);
        let email = format!("persona{i:02}.feria@example.pe");
        let account = store.create_account(&demo_person(&email, &name, seeker.clone(), registered)).await?;
        let (sex, region, types) = person_facts(i);
        let personal = PersonalDetails {
            full_name: name,
            document: IdentityDocument::parse(DocumentType::Dni, &format!("{:08}", 71_000_000 + i))
                .expect("demo DNI is valid"),
            birth_date: format!("{}-03-14", 1975 + i % 30),
            sex,
            region: Region::parse(region).expect("demo region is known"),
            province: String::new(),
            district: String::new(),
            phone: String::new(),
            email: email.clone(),
            channel: ContactChannel::Email,
        };
        let new = NewSeeker { personal, account_id: Some(account), centre_id: None, education: None, skills: vec![] };
        let mut consents = vec![ConsentKind::Register, ConsentKind::DisabilityData, ConsentKind::ShareWithEmployers];
        if i < COUNTED {
            consents.push(ConsentKind::Statistics);
        }
        let given = ConsentGiven { by: RecordedBy::Themselves, recorder_id: account, at: registered };
        let profile = store.register_seeker(&new, &consents, given).await?;
        let disability = Disability {
            conadis: None,
            types: types.iter().map(|t| t.to_string()).collect(),
            needs_at_interview: vec![],
            needs_at_work: vec![],
        };
        store.save_disability(profile, &disability, registered).await?;
        let registration = NewRegistration { fair_id, account_id: account, by: account, needs: vec![], mail: None };
        store.register(&registration, registered).await?;
        if i < CAME {
            if let Some(registration) = store.registration(fair_id, account).await? {
                store.mark_attendance(fair_id, registration.id, true, organiser, starts + 2 * HOUR).await?;
            }
        }
        if let (true, Some(&slot_id)) = (i < INTERVIEWED, slots.get(i)) {
            let booking = NewBooking {
                slot_id,
                account_id: account,
                room_url: String::new(),
                phone: String::new(),
                share_needs: false,
                replaces: None,
            };
            // Told nothing: the demo's people have no mailbox.
            let _ = store.book_slot(&booking, registered, &|_: i64| Vec::<OutgoingMail>::new()).await?;
        }
        if let (true, Some(&vacancy_id)) = (i < APPLIED, vacancies.get(i % vacancies.len().max(1))) {
            let applicant = Applicant { vacancy_id, seeker_id: profile, account, stand_id, i };
            applied_at_stand(store, &applicant, representative, starts).await?;
        }
    }
    Ok(())
}

/// Who applies where: person `i` of the list, from the stand.
struct Applicant {
    vacancy_id: i64,
    seeker_id: i64,
    account: i64,
    stand_id: i64,
    i: usize,
}

/// The person applies from the stand on the fair's day; the first ones are moved on afterwards
/// by the company's representative.
async fn applied_at_stand(store: &dyn Store, who: &Applicant, representative: i64, starts: i64) -> DbResult<()> {
    use ApplicationStatus::*;
    let new = NewApplication {
        vacancy_id: who.vacancy_id,
        seeker_id: who.seeker_id,
        message: "Conversamos en la feria.".into(),
        needs_at_interview: vec![],
        disclose: false,
        side: Side::Applicant,
        by: who.account,
        stand_id: Some(who.stand_id),
    };
    let Applied::Done(id) = store.apply(&new, starts + 3 * HOUR).await? else { return Ok(()) };
    let steps = [(Submitted, Interview, CALLED), (Interview, Offer, OFFERED), (Offer, Hired, HIRED)];
    for (days, (from, to, how_many)) in (2..).zip(steps) {
        if who.i >= how_many {
            break;
        }
        let step = Move { from, to, side: Side::Employer, by: representative, note: "", at: starts + days * 5 * DAY };
        store.move_application(id, &step).await?;
    }
    Ok(())
}
