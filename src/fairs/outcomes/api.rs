//! What the outcome pages read: a fair's for its organisers, a stand's for its company (and
//! the fair's organisers); unknown to anyone else. Only protected counts leave the server.

use super::Outcomes;
use crate::error::AppError;
use leptos::prelude::*;

/// The outcomes of fair `id`, for its organisers.
#[server(endpoint = "fairs/outcomes")]
pub async fn read_fair_outcomes(id: i64) -> Result<Outcomes, AppError> {
    use crate::domain::Role;
    let current = crate::server::access::acting_as(&[Role::Counsellor])?;
    let store = crate::server::state::store()?;
    let fair = store.fair(id).await?.ok_or(AppError::NotFound)?;
    if !crate::fairs::rules::may_manage(&current.actor, fair.draft.centre_id) {
        return Err(AppError::NotFound);
    }
    outcomes(store.as_ref(), id, fair.draft.title, fair.draft.ends_at, None).await
}

/// The outcomes of stand `id`, for its company and the fair's organisers.
#[server(endpoint = "fairs/stand-outcomes")]
pub async fn read_stand_outcomes(id: i64) -> Result<Outcomes, AppError> {
    use crate::fairs::rules::may_manage;
    use crate::fairs::stands::rules::acts_for;
    let current = crate::server::access::signed_in()?;
    let store = crate::server::state::store()?;
    let stand = store.stand(id).await?.ok_or(AppError::NotFound)?;
    if !acts_for(&current.actor, stand.company_id) && !may_manage(&current.actor, stand.fair.centre_id) {
        return Err(AppError::NotFound);
    }
    let (fair, ends) = (stand.fair_title, stand.fair.ends_at);
    outcomes(store.as_ref(), stand.fair_id, fair, ends, Some((id, stand.company_name))).await
}

/// Counts, breaks down and protects what people did at the fair (or at `stand`).
#[cfg(feature = "ssr")]
async fn outcomes(
    store: &dyn crate::server::db::Store,
    fair_id: i64,
    fair_title: String,
    ends_at: i64,
    stand: Option<(i64, String)>,
) -> Result<Outcomes, AppError> {
    use super::rules::{table, totals, DisabilityGroup, MULTIPLE};
    use super::{Activity, Group, Measure};
    use crate::domain::small_counts::Shown;
    use crate::domain::Region;
    use crate::seekers::Sex;
    let now = crate::server::auth::now();
    let stand_id = stand.as_ref().map(|(id, _)| *id);
    let (people, activity, types) = tokio::join!(
        store.fair_people(fair_id, stand_id, now),
        store.fair_activity(fair_id, stand_id, now),
        store.disability_types()
    );
    let (people, activity, types) = (people?, activity?, types?);
    let measures = if stand.is_some() { Measure::OF_STAND } else { Measure::OF_FAIR };
    let by_sex = {
        let order = Sex::ALL.iter().copied().map(Some).chain([None]).collect();
        table(&people, measures, |p| p.sex, order, |sex| sex.map_or(Group::NotRecorded, Group::Sex))
    };
    let by_disability = {
        let mut order: Vec<DisabilityGroup> = types.iter().map(|t| DisabilityGroup::Type(t.code.clone())).collect();
        if !types.iter().any(|t| t.code == MULTIPLE) {
            order.push(DisabilityGroup::Type(MULTIPLE.to_string()));
        }
        order.extend([DisabilityGroup::NotRecorded, DisabilityGroup::WithoutConsent]);
        let name = |code: &str| match types.iter().find(|t| t.code == code) {
            Some(t) => Group::Disability { name_es: t.name_es.clone(), name_en: t.name_en.clone() },
            None => Group::Disability { name_es: code.to_string(), name_en: code.to_string() },
        };
        table(
            &people,
            measures,
            |p| p.disability_group(),
            order,
            |group| match group {
                DisabilityGroup::Type(code) => name(&code),
                DisabilityGroup::NotRecorded => Group::NotRecorded,
                DisabilityGroup::WithoutConsent => Group::WithoutStatisticsConsent,
            },
        )
    };
    let by_region = {
        let region_of = |p: &super::rules::Person| p.region.as_deref().and_then(Region::parse).map(Region::slug);
        let order = crate::domain::region::ALL.iter().map(|r| Some(r.slug())).chain([None]).collect();
        table(&people, measures, region_of, order, |slug| {
            slug.map_or(Group::NotRecorded, |slug| Group::Region(slug.to_string()))
        })
    };
    Ok(Outcomes {
        fair_id,
        fair_title,
        company: stand.map(|(_, company)| company),
        over: ends_at <= now,
        measures: measures.to_vec(),
        totals: totals(&people, measures),
        by_sex,
        by_disability,
        by_region,
        activity: Activity {
            conversations: Shown::of(activity.conversations as u32),
            slots_published: Shown::of(activity.slots_published as u32),
            slots_booked: Shown::of(activity.slots_booked as u32),
            slots_held: Shown::of(activity.slots_held as u32),
        },
    })
}
