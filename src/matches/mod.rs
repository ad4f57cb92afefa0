//! Matches: for one job seeker, the open vacancies that suit them best, each with the reasons
//! in words — where it is, the skills they share, and whether the employer offers every
//! accommodation the person needs. Ranked here, from candidates storage picks by place.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;

use crate::vacancies::Modality;
use serde::{Deserialize, Serialize};

/// An open vacancy in the person's region or done remotely, as matching needs it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub id: i64,
    pub title: String,
    pub company_name: String,
    /// Region slug.
    pub region: String,
    pub province: String,
    pub district: String,
    pub modality: Modality,
    pub published_at: i64,
    /// Codes of the accommodations offered.
    pub accommodations: Vec<String>,
    pub skills: Vec<String>,
}

/// Why a vacancy was picked, or what it lacks; the page says each in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reason {
    /// In the person's region.
    SameRegion,
    /// Done from home.
    Remote,
    /// Skills the vacancy asks for that the person has, as the vacancy writes them.
    SharedSkills(Vec<String>),
    /// Offers this accommodation the person needs.
    Offers(String),
    /// Does not say it offers this accommodation the person needs.
    DoesNotOffer(String),
}

/// A vacancy for the person, with why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Match {
    pub vacancy: Candidate,
    pub reasons: Vec<Reason>,
    /// Offers every accommodation the person needs (true when they need none).
    pub offers_all: bool,
    pub score: i64,
}

/// What the person brings to matching.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seeking<'a> {
    pub region: &'a str,
    pub skills: &'a [String],
    /// Accommodations needed at interviews and at work, each once.
    pub needs: Vec<String>,
}

/// How many matches a page shows.
pub const SHOWN: usize = 20;
/// How many candidates storage hands over to be ranked: the newest in the region or remote.
pub const CANDIDATES: i64 = 400;

/// A skill as compared: lower case, accents folded, words single-spaced.
fn skill_key(skill: &str) -> String {
    crate::vacancies::search::folded_words(skill).join(" ")
}

/// Ranks `candidates` for the person: the place counts (their region 3, remote 2), each shared
/// skill 2, offering every accommodation they need 4 and each one offered 1; ties go to the
/// newest. Returns the best [`SHOWN`].
pub fn rank(seeking: &Seeking<'_>, candidates: Vec<Candidate>) -> Vec<Match> {
    let mine: Vec<String> = seeking.skills.iter().map(|s| skill_key(s)).collect();
    let mut matches: Vec<Match> = candidates
        .into_iter()
        .map(|vacancy| {
            let mut reasons = Vec::new();
            let mut score = 0;
            if vacancy.region == seeking.region {
                reasons.push(Reason::SameRegion);
                score += 3;
            }
            if vacancy.modality == Modality::Remote {
                reasons.push(Reason::Remote);
                score += 2;
            }
            let shared: Vec<String> = vacancy.skills.iter().filter(|s| mine.contains(&skill_key(s))).cloned().collect();
            if !shared.is_empty() {
                score += 2 * shared.len() as i64;
                reasons.push(Reason::SharedSkills(shared));
            }
            let mut offers_all = true;
            for need in &seeking.needs {
                if vacancy.accommodations.contains(need) {
                    score += 1;
                    reasons.push(Reason::Offers(need.clone()));
                } else {
                    offers_all = false;
                    reasons.push(Reason::DoesNotOffer(need.clone()));
                }
            }
            if offers_all && !seeking.needs.is_empty() {
                score += 4;
            }
            Match { vacancy, reasons, offers_all, score }
        })
        .collect();
    matches.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(b.vacancy.published_at.cmp(&a.vacancy.published_at))
            .then(b.vacancy.id.cmp(&a.vacancy.id))
    });
    matches.truncate(SHOWN);
    matches
}

/// The matches of the signed-in person; `?persona=` names a person a counsellor acts for.
pub const MATCHES_PATH: &str = "/recomendadas";

pub fn matches_path(seeker_id: Option<i64>) -> String {
    match seeker_id {
        Some(id) => format!("{MATCHES_PATH}?persona={id}"),
        None => MATCHES_PATH.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(id: i64, region: &str, modality: Modality, accommodations: &[&str], skills: &[&str]) -> Candidate {
        Candidate {
            id,
            title: format!("Vacante {id}"),
            company_name: "Empresa".into(),
            region: region.into(),
            province: String::new(),
            district: String::new(),
            modality,
            published_at: 1_000 + id,
            accommodations: accommodations.iter().map(|s| s.to_string()).collect(),
            skills: skills.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn place_skills_and_every_need_offered_rank_a_vacancy_with_the_reasons_said() {
        let skills = vec!["Atención al cliente".to_string(), "excel basico".to_string()];
        let seeking = Seeking {
            region: "cusco",
            skills: &skills,
            needs: vec!["sign_interpreter_interview".into(), "written_instructions".into()],
        };
        let all_needs = ["sign_interpreter_interview", "written_instructions"];
        let ranked = rank(
            &seeking,
            vec![
                candidate(1, "cusco", Modality::OnSite, &[], &[]),
                candidate(2, "lima", Modality::Remote, &all_needs, &["Excel básico"]),
                candidate(3, "cusco", Modality::OnSite, &["written_instructions"], &["ATENCIÓN AL CLIENTE"]),
                candidate(4, "cusco", Modality::OnSite, &all_needs, &[]),
            ],
        );
        assert_eq!(ranked.iter().map(|m| m.vacancy.id).collect::<Vec<_>>(), [2, 4, 3, 1]);
        assert_eq!(
            ranked[0].reasons,
            [
                Reason::Remote,
                Reason::SharedSkills(vec!["Excel básico".into()]),
                Reason::Offers("sign_interpreter_interview".into()),
                Reason::Offers("written_instructions".into()),
            ]
        );
        assert!(ranked[0].offers_all && !ranked[2].offers_all);
        assert!(ranked[2].reasons.contains(&Reason::DoesNotOffer("sign_interpreter_interview".into())));
        assert!(ranked[2].reasons.contains(&Reason::SharedSkills(vec!["ATENCIÓN AL CLIENTE".into()])));
    }

    #[test]
    fn with_nothing_else_to_tell_them_apart_the_newest_comes_first_and_only_the_best_are_kept() {
        let seeking = Seeking { region: "piura", ..Default::default() };
        let candidates = (1..=30).map(|id| candidate(id, "piura", Modality::OnSite, &[], &[])).collect();
        let ranked = rank(&seeking, candidates);
        assert_eq!(ranked.len(), SHOWN);
        assert_eq!(ranked[0].vacancy.id, 30);
        assert!(ranked.iter().all(|m| m.offers_all), "nothing needed, nothing missing");
    }
}
