//! The rows templates are read from, and the SQL pieces both engines share.

use super::{Origin, StoredQuestion, StoredSection, StoredTemplate, TemplateSummary};
use crate::interviews::{Adjustment, Library, LibraryKind, QuestionDraft, MAX_QUESTIONS, MAX_SECTIONS};

/// The columns of a template's version, in the order [`VersionRow`] reads them.
pub(crate) const VERSION_COLUMNS: &str =
    "v.id AS version_id, v.number, v.name, v.written_at, w.name AS written_by, t.id, t.library, t.centre_id, \
     t.company_id, coalesce(ce.name, co.legal_name, '') AS library_name, \
     (SELECT max(number) FROM interview_template_versions WHERE template_id = t.id) AS current_number, \
     EXISTS (SELECT 1 FROM interview_records r WHERE r.version_id = v.id) AS in_use, \
     ov.template_id AS origin_id, ot.library AS origin_library, ot.centre_id AS origin_centre, \
     ot.company_id AS origin_company, coalesce(oce.name, oco.legal_name, '') AS origin_library_name, \
     ov.number AS origin_version, ov.name AS origin_name";

/// The tables a version is read from: `v` the version, `t` its template, `ov` what it was
/// copied from.
pub(crate) const VERSION_FROM: &str =
    "interview_template_versions v JOIN interview_templates t ON t.id = v.template_id \
     LEFT JOIN accounts w ON w.id = v.written_by \
     LEFT JOIN centres ce ON ce.id = t.centre_id LEFT JOIN companies co ON co.id = t.company_id \
     LEFT JOIN interview_template_versions ov ON ov.id = t.copied_from \
     LEFT JOIN interview_templates ot ON ot.id = ov.template_id \
     LEFT JOIN centres oce ON oce.id = ot.centre_id LEFT JOIN companies oco ON oco.id = ot.company_id";

/// The library a stored template is in; `None` if its kind is unknown to this build.
fn library(kind: &str, centre: Option<i64>, company: Option<i64>) -> Option<Library> {
    let kind = LibraryKind::from_code(kind)?;
    Library::from_parts(kind, if kind == LibraryKind::Centre { centre } else { company })
}

#[derive(sqlx::FromRow)]
pub(crate) struct VersionRow {
    version_id: i64,
    number: i64,
    name: String,
    written_at: i64,
    written_by: Option<String>,
    id: i64,
    library: String,
    centre_id: Option<i64>,
    company_id: Option<i64>,
    library_name: String,
    current_number: i64,
    in_use: bool,
    origin_id: Option<i64>,
    origin_library: Option<String>,
    origin_centre: Option<i64>,
    origin_company: Option<i64>,
    origin_library_name: String,
    origin_version: Option<i64>,
    origin_name: Option<String>,
}

/// A question row of one version: its section's place and title, then the question.
#[derive(sqlx::FromRow)]
pub(crate) struct QuestionRow {
    section: i64,
    title: String,
    id: Option<i64>,
    position: Option<i64>,
    question: Option<String>,
    easy_read: Option<String>,
    good_answer: Option<String>,
    level_1: Option<String>,
    level_2: Option<String>,
    level_3: Option<String>,
    level_4: Option<String>,
}

/// Every section of version `$1` with its questions (a section without any comes once, with
/// no question), in order.
pub(crate) const CONTENT_QUERY: &str =
    "SELECT s.position AS section, s.title, q.id, q.position, q.question, q.easy_read, q.good_answer, \
     q.level_1, q.level_2, q.level_3, q.level_4 \
     FROM interview_sections s LEFT JOIN interview_questions q ON q.section_id = s.id \
     WHERE s.version_id = $1 ORDER BY s.position, q.position";

/// The adjustments of version `$1`'s questions.
pub(crate) const ADJUSTMENTS_QUERY: &str = "SELECT a.question_id, a.code FROM interview_question_adjustments a \
     JOIN interview_questions q ON q.id = a.question_id JOIN interview_sections s ON s.id = q.section_id \
     WHERE s.version_id = $1";

impl VersionRow {
    pub(crate) fn version_id(&self) -> i64 {
        self.version_id
    }

    /// The whole version, from its content's rows; `None` if its library is unknown.
    pub(crate) fn into_template(
        self,
        skills: Vec<String>,
        rows: Vec<QuestionRow>,
        adjustments: &[(i64, String)],
    ) -> Option<StoredTemplate> {
        let origin = match (self.origin_id, self.origin_library, self.origin_version, self.origin_name) {
            (Some(template_id), Some(kind), Some(version), Some(name)) => Some(Origin {
                template_id,
                library: library(&kind, self.origin_centre, self.origin_company)?,
                library_name: self.origin_library_name,
                version,
                name,
            }),
            _ => None,
        };
        let mut sections: Vec<StoredSection> = Vec::new();
        for row in rows {
            if sections.last().is_none_or(|s| s.position != row.section) {
                sections.push(StoredSection { position: row.section, title: row.title, questions: Vec::new() });
            }
            let (Some(id), Some(position)) = (row.id, row.position) else { continue };
            let given: Vec<&str> =
                adjustments.iter().filter(|(q, _)| *q == id).map(|(_, code)| code.as_str()).collect();
            let draft = QuestionDraft {
                question: row.question.unwrap_or_default(),
                easy_read: row.easy_read.unwrap_or_default(),
                good_answer: row.good_answer.unwrap_or_default(),
                levels: [row.level_1, row.level_2, row.level_3, row.level_4].map(Option::unwrap_or_default),
                adjustments: Adjustment::ALL.iter().copied().filter(|a| given.contains(&a.code())).collect(),
            };
            if let Some(section) = sections.last_mut() {
                section.questions.push(StoredQuestion { id, position, draft });
            }
        }
        Some(StoredTemplate {
            id: self.id,
            library: library(&self.library, self.centre_id, self.company_id)?,
            library_name: self.library_name,
            copied_from: origin,
            version_id: self.version_id,
            version: self.number,
            current: self.current_number,
            in_use: self.in_use,
            name: self.name,
            skills,
            written_by: self.written_by,
            written_at: self.written_at,
            sections,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct SummaryRow {
    id: i64,
    library: String,
    centre_id: Option<i64>,
    company_id: Option<i64>,
    library_name: String,
    version_id: i64,
    number: i64,
    name: String,
    sections: i64,
    questions: i64,
    origin_name: Option<String>,
}

impl SummaryRow {
    pub(crate) fn version_id(&self) -> i64 {
        self.version_id
    }

    pub(crate) fn into_summary(self, skills: &[(i64, String)]) -> Option<TemplateSummary> {
        Some(TemplateSummary {
            id: self.id,
            library: library(&self.library, self.centre_id, self.company_id)?,
            library_name: self.library_name,
            name: self.name,
            version: self.number,
            skills: skills.iter().filter(|(v, _)| *v == self.version_id).map(|(_, s)| s.clone()).collect(),
            sections: self.sections,
            questions: self.questions,
            copied_from: self.origin_name,
        })
    }
}

/// The current version of each template, `t` the template and `v` the version.
pub(crate) const CURRENT_VERSION: &str = "v.number = (SELECT max(number) FROM interview_template_versions \
     WHERE template_id = t.id)";

/// The most sections a version has, and questions a section has, as the SQL checks them.
pub(crate) const MOST: (i64, i64) = (MAX_SECTIONS as i64, MAX_QUESTIONS as i64);
