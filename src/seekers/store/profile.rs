//! Storage of who a person in the register is: entering it, their details, disability data and languages.

use super::{AlreadyRegistered, ConsentGiven, NewSeeker};
use crate::domain::IdentityDocument;
use crate::seekers::consent::ConsentKind;
use crate::seekers::{Disability, SeekerProfile};
use crate::server::db::DbResult;
use async_trait::async_trait;

#[async_trait]
pub trait SeekerStore: Send + Sync + 'static {
    /// Puts a person in the register with the consents they gave. Refused (`Conflict`) without
    /// consent to the register, or when their document is already there.
    async fn register_seeker(&self, seeker: &NewSeeker, consents: &[ConsentKind], given: ConsentGiven)
        -> DbResult<i64>;

    /// Whoever is registered with this document.
    async fn seeker_with_document(&self, document: &IdentityDocument) -> DbResult<Option<AlreadyRegistered>>;

    /// The profile of job seeker `id`, with the disability data when it is stored.
    async fn seeker(&self, id: i64) -> DbResult<Option<SeekerProfile>>;

    /// The profile id of the account's holder.
    async fn seeker_of_account(&self, account_id: i64) -> DbResult<Option<i64>>;

    /// Changes who the person is, how to reach them, what they studied and can do. `Conflict`
    /// if the document is another person's; `false` if there is no such profile.
    async fn update_details(
        &self,
        id: i64,
        details: &crate::seekers::handlers::fields::Details,
        now: i64,
    ) -> DbResult<bool>;

    /// Replaces the disability data. `false`, and nothing stored, unless consent to its
    /// processing is in force.
    async fn save_disability(&self, id: i64, disability: &Disability, now: i64) -> DbResult<bool>;

    /// Replaces the languages of the profile; `false` if there is no such profile.
    async fn save_languages(&self, id: i64, languages: &[crate::seekers::SpokenLanguage], now: i64) -> DbResult<bool>;

    /// The list of disability types in force, in its order.
    async fn disability_types(&self) -> DbResult<Vec<crate::vacancies::Accommodation>>;
}

macro_rules! impl_profile_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::seekers::store::SeekerStore for $store {
            async fn register_seeker(
                &self,
                seeker: &$crate::seekers::store::NewSeeker,
                consents: &[$crate::seekers::consent::ConsentKind],
                given: $crate::seekers::store::ConsentGiven,
            ) -> $crate::server::db::DbResult<i64> {
                use $crate::seekers::consent::ConsentKind;
                use $crate::server::db::DbError;
                if !consents.contains(&ConsentKind::Register) {
                    return Err(DbError::Conflict($crate::server::db::Rule::RegisterConsentMissing));
                }
                let mut tx = self.begin_write().await?;
                let id: i64 = $crate::seekers::store::bind_personal!(
                    sqlx::query_scalar(
                        "INSERT INTO seekers (full_name, document_type, document_number, birth_date, sex, region, \
                         province, district, phone, email, channel, name_key, account_id, centre_id, education, \
                         registered_by, created_at, updated_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17) \
                         RETURNING id",
                    ),
                    seeker.personal
                )
                .bind(seeker.account_id)
                .bind(seeker.centre_id)
                .bind(seeker.education.map(|e| e.code()))
                .bind(given.recorder_id)
                .bind(given.at)
                .fetch_one(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                $crate::seekers::store::insert_skills!(&mut *tx, id, &seeker.skills);
                let mut kinds = consents.to_vec();
                kinds.dedup();
                for kind in kinds {
                    $crate::seekers::store::insert_consent!(&mut *tx, id, kind, given);
                }
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(id)
            }

            async fn seeker_with_document(
                &self,
                document: &$crate::domain::IdentityDocument,
            ) -> $crate::server::db::DbResult<Option<$crate::seekers::store::AlreadyRegistered>> {
                let row: Option<(i64, Option<i64>)> = sqlx::query_as(
                    "SELECT id, centre_id FROM seekers WHERE document_type = $1 AND document_number = $2",
                )
                .bind(document.kind.code())
                .bind(document.number())
                .fetch_optional(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(row.map(|(id, centre_id)| $crate::seekers::store::AlreadyRegistered { id, centre_id }))
            }

            async fn seeker(&self, id: i64) -> $crate::server::db::DbResult<Option<$crate::seekers::SeekerProfile>> {
                use $crate::server::db::DbError;
                let row: Option<$crate::seekers::store::SeekerRow> =
                    sqlx::query_as(&format!("{} WHERE id = $1", $crate::seekers::store::SELECT_SEEKER))
                        .bind(id)
                        .fetch_optional(self.pool())
                        .await
                        .map_err(DbError::from_sqlx)?;
                let Some(row) = row else { return Ok(None) };
                let skills: Vec<String> =
                    sqlx::query_scalar("SELECT skill FROM seeker_skills WHERE seeker_id = $1 ORDER BY skill")
                        .bind(id)
                        .fetch_all(self.pool())
                        .await
                        .map_err(DbError::from_sqlx)?;
                let conadis: Option<Option<String>> =
                    sqlx::query_scalar("SELECT conadis_number FROM seeker_disability WHERE seeker_id = $1")
                        .bind(id)
                        .fetch_optional(self.pool())
                        .await
                        .map_err(DbError::from_sqlx)?;
                let disability = match conadis {
                    None => None,
                    Some(conadis) => {
                        let types: Vec<String> = sqlx::query_scalar(
                            "SELECT t.code FROM seeker_disability_types s JOIN disability_types t ON t.code = s.code \
                             WHERE s.seeker_id = $1 ORDER BY t.position",
                        )
                        .bind(id)
                        .fetch_all(self.pool())
                        .await
                        .map_err(DbError::from_sqlx)?;
                        let needs: Vec<(String, String)> = sqlx::query_as(
                            "SELECT n.code, n.moment FROM seeker_needs n JOIN accommodations a ON a.code = n.code \
                             WHERE n.seeker_id = $1 ORDER BY a.position, a.code",
                        )
                        .bind(id)
                        .fetch_all(self.pool())
                        .await
                        .map_err(DbError::from_sqlx)?;
                        let at = |moment: &str| {
                            needs.iter().filter(|(_, m)| m == moment).map(|(code, _)| code.clone()).collect()
                        };
                        Some($crate::seekers::Disability {
                            conadis: conadis.as_deref().and_then($crate::domain::ConadisNumber::parse),
                            types,
                            needs_at_interview: at("interview"),
                            needs_at_work: at("work"),
                        })
                    }
                };
                let spoken: Vec<(String, String)> =
                    sqlx::query_as("SELECT code, level FROM seeker_languages WHERE seeker_id = $1")
                        .bind(id)
                        .fetch_all(self.pool())
                        .await
                        .map_err(DbError::from_sqlx)?;
                let experience: Vec<$crate::seekers::store::ExperienceRow> =
                    sqlx::query_as($crate::seekers::store::SELECT_EXPERIENCE)
                        .bind(id)
                        .fetch_all(self.pool())
                        .await
                        .map_err(DbError::from_sqlx)?;
                let certificates: Vec<$crate::seekers::store::CertificateRow> =
                    sqlx::query_as($crate::seekers::store::SELECT_CERTIFICATES)
                        .bind(id)
                        .fetch_all(self.pool())
                        .await
                        .map_err(DbError::from_sqlx)?;
                let cv_file: Option<(String, i64, i64)> =
                    sqlx::query_as("SELECT media_key, bytes, uploaded_at FROM seeker_cv_files WHERE seeker_id = $1")
                        .bind(id)
                        .fetch_optional(self.pool())
                        .await
                        .map_err(DbError::from_sqlx)?;
                Ok(row.into_profile(skills, $crate::seekers::store::languages_in_order(&spoken), disability).map(
                    |mut profile| {
                        profile.experience = experience.into_iter().filter_map(|row| row.into_entry()).collect();
                        profile.certificates = certificates.into_iter().filter_map(|row| row.into_entry()).collect();
                        profile.cv_file = cv_file.map(|(media_key, bytes, uploaded_at)| {
                            $crate::seekers::cv::CvFile { media_key, bytes, uploaded_at }
                        });
                        profile
                    },
                ))
            }

            async fn seeker_of_account(&self, account_id: i64) -> $crate::server::db::DbResult<Option<i64>> {
                sqlx::query_scalar("SELECT id FROM seekers WHERE account_id = $1")
                    .bind(account_id)
                    .fetch_optional(self.pool())
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn update_details(
                &self,
                id: i64,
                details: &$crate::seekers::handlers::fields::Details,
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let changed = $crate::seekers::store::bind_personal!(
                    sqlx::query(
                        "UPDATE seekers SET full_name = $1, document_type = $2, document_number = $3, birth_date = $4, \
                         sex = $5, region = $6, province = $7, district = $8, phone = $9, email = $10, channel = $11, \
                         name_key = $12, education = $13, updated_at = $14 WHERE id = $15",
                    ),
                    details.personal
                )
                .bind(details.education.map(|e| e.code()))
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if changed.rows_affected() == 0 {
                    return Ok(false);
                }
                sqlx::query("DELETE FROM seeker_skills WHERE seeker_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                $crate::seekers::store::insert_skills!(&mut *tx, id, &details.skills);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }

            async fn save_disability(
                &self,
                id: i64,
                disability: &$crate::seekers::Disability,
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let consented: Option<i64> = sqlx::query_scalar(concat!(
                    "SELECT id FROM consents WHERE seeker_id = $1 AND kind = 'disability_data' AND ",
                    $crate::seekers::store::consent_in_force!()
                ))
                .bind(id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if consented.is_none() {
                    return Ok(false);
                }
                sqlx::query("DELETE FROM seeker_disability WHERE seeker_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                sqlx::query("INSERT INTO seeker_disability (seeker_id, conadis_number) VALUES ($1, $2)")
                    .bind(id)
                    .bind(disability.conadis.as_ref().map(|c| c.as_str()))
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                for code in &disability.types {
                    sqlx::query("INSERT INTO seeker_disability_types (seeker_id, code) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                        .bind(id)
                        .bind(code)
                        .execute(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                }
                for (moment, codes) in [("interview", &disability.needs_at_interview), ("work", &disability.needs_at_work)] {
                    for code in codes {
                        sqlx::query(
                            "INSERT INTO seeker_needs (seeker_id, code, moment) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                        )
                        .bind(id)
                        .bind(code)
                        .bind(moment)
                        .execute(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                    }
                }
                $crate::seekers::store::touch_seeker!(&mut *tx, id, now);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }

            async fn save_languages(
                &self,
                id: i64,
                languages: &[$crate::seekers::SpokenLanguage],
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let found = $crate::seekers::store::touch_seeker!(&mut *tx, id, now);
                if found == 0 {
                    return Ok(false);
                }
                sqlx::query("DELETE FROM seeker_languages WHERE seeker_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                for spoken in languages {
                    sqlx::query(
                        "INSERT INTO seeker_languages (seeker_id, code, level) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                    )
                    .bind(id)
                    .bind(spoken.language.code())
                    .bind(spoken.level.code())
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                }
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }

            async fn disability_types(&self) -> $crate::server::db::DbResult<Vec<$crate::vacancies::Accommodation>> {
                $crate::vacancies::store::entries_in_force!(self, "disability_types")
            }
        }
    };
}
pub(crate) use impl_profile_store;
