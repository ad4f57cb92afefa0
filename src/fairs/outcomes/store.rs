//! Storage read for a fair's outcomes: what each person did there, with what the register says
//! of them, and the fair's counts that are not of people; and the organiser's attendance mark.
//! Counting and protecting is the rules' work, not SQL's.

use super::rules::Person;
use crate::server::db::DbResult;
use async_trait::async_trait;

/// Counts of a fair (or a stand) that are not of people.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StoredActivity {
    pub conversations: i64,
    pub slots_published: i64,
    pub slots_booked: i64,
    pub slots_held: i64,
}

#[async_trait]
pub trait OutcomeStore: Send + Sync + 'static {
    /// Everyone who did anything counted at fair `fair_id` (only at stand `stand` when given:
    /// then registering and coming to the fair are not counted), as of `now`.
    async fn fair_people(&self, fair_id: i64, stand: Option<i64>, now: i64) -> DbResult<Vec<Person>>;

    /// The fair's (or the stand's) conversations and interviews, as of `now`.
    async fn fair_activity(&self, fair_id: i64, stand: Option<i64>, now: i64) -> DbResult<StoredActivity>;

    /// Marks whether the person of a registration in force at fair `fair_id` came; false,
    /// nothing written, when the fair has no such registration.
    async fn mark_attendance(
        &self,
        fair_id: i64,
        registration_id: i64,
        came: bool,
        by: i64,
        now: i64,
    ) -> DbResult<bool>;
}

/// The stands a query counts: `st` of fair `$1`, and only stand `$2` unless it is 0.
macro_rules! counted_stands {
    () => {
        "st.fair_id = $1 AND ($2 = 0 OR st.id = $2)"
    };
}

/// Each thing a person did, as (measure, their register profile, their account, the
/// application it came from): `$1` the fair, `$2` the stand or 0, `$3` now.
macro_rules! deeds {
    () => {
        concat!(
            "SELECT 'registered' AS measure, s.id AS seeker_id, r.account_id AS account_id, \
             CAST(NULL AS BIGINT) AS application_id FROM fair_registrations r \
             LEFT JOIN seekers s ON s.account_id = r.account_id \
             WHERE r.fair_id = $1 AND $2 = 0 AND r.status = 'registered' \
             UNION ALL SELECT 'attended', s.id, r.account_id, NULL FROM fair_registrations r \
             LEFT JOIN seekers s ON s.account_id = r.account_id \
             WHERE r.fair_id = $1 AND $2 = 0 AND r.status = 'registered' AND r.attended_at IS NOT NULL \
             UNION ALL SELECT 'chatted', s.id, v.account_id, NULL FROM stand_visits v \
             JOIN fair_stands st ON st.id = v.stand_id LEFT JOIN seekers s ON s.account_id = v.account_id \
             WHERE ",
            $crate::fairs::outcomes::store::counted_stands!(),
            " UNION ALL SELECT CASE WHEN sl.ends_at <= $3 AND NOT b.no_show THEN 'interviewed' ELSE 'booked' END, \
             s.id, b.account_id, NULL FROM slot_bookings b JOIN interview_slots sl ON sl.id = b.slot_id \
             JOIN fair_stands st ON st.id = sl.stand_id LEFT JOIN seekers s ON s.account_id = b.account_id \
             WHERE b.status = 'booked' AND ",
            $crate::fairs::outcomes::store::counted_stands!(),
            " UNION ALL SELECT 'applied', a.seeker_id, s.account_id, a.id FROM applications a \
             JOIN fair_stands st ON st.id = a.stand_id LEFT JOIN seekers s ON s.id = a.seeker_id WHERE ",
            $crate::fairs::outcomes::store::counted_stands!(),
            " UNION ALL SELECT e.status, a.seeker_id, s.account_id, a.id FROM application_events e \
             JOIN applications a ON a.id = e.application_id JOIN fair_stands st ON st.id = a.stand_id \
             LEFT JOIN seekers s ON s.id = a.seeker_id WHERE e.status IN ('interview', 'offer', 'hired') AND ",
            $crate::fairs::outcomes::store::counted_stands!(),
            " UNION ALL SELECT 'hired', a.seeker_id, s.account_id, a.id FROM outcomes o \
             JOIN applications a ON a.id = o.application_id JOIN fair_stands st ON st.id = a.stand_id \
             LEFT JOIN seekers s ON s.id = a.seeker_id WHERE o.kind = 'hired' AND ",
            $crate::fairs::outcomes::store::counted_stands!()
        )
    };
}

/// One row of `deeds!`: the measure's code, the person's profile and account, the application.
pub(crate) type Deed = (String, Option<i64>, Option<i64>, Option<i64>);

/// Who a deed is of: their register profile, else their account, else (a profile deleted
/// since) the application itself, one unknown person each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Someone {
    Profile(i64),
    Account(i64),
    Gone(i64),
}

pub(crate) fn someone(seeker: Option<i64>, account: Option<i64>, application: Option<i64>) -> Someone {
    match (seeker, account, application) {
        (Some(id), _, _) => Someone::Profile(id),
        (None, Some(id), _) => Someone::Account(id),
        (None, None, id) => Someone::Gone(id.unwrap_or(0)),
    }
}

/// The people of the deeds, each with what the register says of them (`profiles`: sex,
/// region, consent to statistics in force; `types`: their disability types).
pub(crate) fn assemble(
    deeds: Vec<Deed>,
    profiles: Vec<(i64, String, String, bool)>,
    types: Vec<(i64, String)>,
) -> Vec<Person> {
    use super::Measure;
    use crate::seekers::Sex;
    use std::collections::BTreeMap;
    let mut people: BTreeMap<Someone, Person> = BTreeMap::new();
    for (measure, seeker, account, application) in deeds {
        let Some(measure) = Measure::from_code(&measure) else { continue };
        // Without a profile nothing is recorded of them, disability included.
        let person = people.entry(someone(seeker, account, application)).or_insert_with(|| Person {
            sex: None,
            region: None,
            disability: Some(Vec::new()),
            did: Vec::new(),
        });
        // Coming is also seen at a stand's chat and at an interview, which was booked.
        let implied: &[Measure] = match measure {
            Measure::Chatted => &[Measure::Attended],
            Measure::Interviewed => &[Measure::Attended, Measure::Booked],
            _ => &[],
        };
        for &measure in std::iter::once(&measure).chain(implied) {
            if !person.did.contains(&measure) {
                person.did.push(measure);
            }
        }
    }
    for (id, sex, region, statistics) in profiles {
        if let Some(person) = people.get_mut(&Someone::Profile(id)) {
            person.sex = Sex::from_code(&sex);
            person.region = Some(region);
            person.disability = statistics.then(Vec::new);
        }
    }
    for (id, code) in types {
        if let Some(Some(types)) = people.get_mut(&Someone::Profile(id)).map(|p| p.disability.as_mut()) {
            types.push(code);
        }
    }
    people.into_values().collect()
}

macro_rules! impl_outcome_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::fairs::outcomes::store::OutcomeStore for $store {
            async fn fair_people(
                &self,
                fair_id: i64,
                stand: Option<i64>,
                now: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::fairs::outcomes::rules::Person>> {
                use $crate::server::db::DbError;
                let (stand, pool) = (stand.unwrap_or(0), self.pool());
                // Each query reads `deeds!` with its fair, stand and moment.
                macro_rules! on_fair {
                    ($sql:expr) => {
                        sqlx::query_as($sql)
                            .bind(fair_id)
                            .bind(stand)
                            .bind(now)
                            .fetch_all(pool)
                            .await
                            .map_err(DbError::from_sqlx)?
                    };
                }
                let deeds: Vec<$crate::fairs::outcomes::store::Deed> =
                    on_fair!($crate::fairs::outcomes::store::deeds!());
                let profiles: Vec<(i64, String, String, bool)> = on_fair!(concat!(
                    "SELECT s.id, s.sex, s.region, EXISTS (SELECT 1 FROM consents c WHERE c.seeker_id = s.id \
                     AND c.kind = 'statistics' AND c.",
                    $crate::seekers::store::consent_in_force!(),
                    ") FROM seekers s WHERE s.id IN (SELECT d.seeker_id FROM (",
                    $crate::fairs::outcomes::store::deeds!(),
                    ") d)"
                ));
                let types: Vec<(i64, String)> = on_fair!(concat!(
                    "SELECT t.seeker_id, t.code FROM seeker_disability_types t WHERE t.seeker_id IN \
                     (SELECT d.seeker_id FROM (",
                    $crate::fairs::outcomes::store::deeds!(),
                    ") d) ORDER BY t.seeker_id, t.code"
                ));
                Ok($crate::fairs::outcomes::store::assemble(deeds, profiles, types))
            }

            async fn fair_activity(
                &self,
                fair_id: i64,
                stand: Option<i64>,
                now: i64,
            ) -> $crate::server::db::DbResult<$crate::fairs::outcomes::store::StoredActivity> {
                use $crate::server::db::DbError;
                let (conversations, slots_published, slots_booked, slots_held): (i64, i64, i64, i64) =
                    sqlx::query_as(concat!(
                        "SELECT (SELECT CAST(COALESCE(SUM(v.conversations), 0) AS BIGINT) FROM stand_visits v \
                         JOIN fair_stands st ON st.id = v.stand_id WHERE ",
                        $crate::fairs::outcomes::store::counted_stands!(),
                        "), (SELECT COUNT(*) FROM interview_slots sl JOIN fair_stands st ON st.id = sl.stand_id \
                         WHERE sl.status = 'open' AND ",
                        $crate::fairs::outcomes::store::counted_stands!(),
                        "), (SELECT COUNT(*) FROM slot_bookings b JOIN interview_slots sl ON sl.id = b.slot_id \
                         JOIN fair_stands st ON st.id = sl.stand_id WHERE b.status = 'booked' AND ",
                        $crate::fairs::outcomes::store::counted_stands!(),
                        "), (SELECT COUNT(*) FROM slot_bookings b JOIN interview_slots sl ON sl.id = b.slot_id \
                         JOIN fair_stands st ON st.id = sl.stand_id WHERE b.status = 'booked' \
                         AND sl.ends_at <= $3 AND NOT b.no_show AND ",
                        $crate::fairs::outcomes::store::counted_stands!(),
                        ")"
                    ))
                    .bind(fair_id)
                    .bind(stand.unwrap_or(0))
                    .bind(now)
                    .fetch_one(self.pool())
                    .await
                    .map_err(DbError::from_sqlx)?;
                Ok($crate::fairs::outcomes::store::StoredActivity {
                    conversations,
                    slots_published,
                    slots_booked,
                    slots_held,
                })
            }

            async fn mark_attendance(
                &self,
                fair_id: i64,
                registration_id: i64,
                came: bool,
                by: i64,
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                let marked = sqlx::query(
                    "UPDATE fair_registrations SET attended_at = CASE WHEN $1 THEN $2 ELSE NULL END, \
                     attendance_by = $3 WHERE id = $4 AND fair_id = $5 AND status = 'registered'",
                )
                .bind(came)
                .bind(now)
                .bind(by)
                .bind(registration_id)
                .bind(fair_id)
                .execute(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(marked.rows_affected() == 1)
            }
        }
    };
}
pub(crate) use {counted_stands, deeds, impl_outcome_store};
