//! The SQL of [`super::TemplateStore`], written once for both engines.

/// Copies version `$from`'s content (skills, sections, questions and their adjustments) into
/// the empty version `$to`, in transaction `$tx`: the copy keeps every place, so a section or
/// question is found at the same address in both.
macro_rules! copy_content {
    ($tx:expr, $from:expr, $to:expr) => {
        for sql in [
            "INSERT INTO interview_template_skills (version_id, skill) \
             SELECT $2, skill FROM interview_template_skills WHERE version_id = $1",
            "INSERT INTO interview_sections (version_id, position, title) \
             SELECT $2, position, title FROM interview_sections WHERE version_id = $1",
            "INSERT INTO interview_questions (section_id, position, question, easy_read, good_answer, \
             level_1, level_2, level_3, level_4) \
             SELECT ns.id, q.position, q.question, q.easy_read, q.good_answer, q.level_1, q.level_2, q.level_3, \
             q.level_4 FROM interview_questions q JOIN interview_sections os ON os.id = q.section_id \
             JOIN interview_sections ns ON ns.version_id = $2 AND ns.position = os.position WHERE os.version_id = $1",
            "INSERT INTO interview_question_adjustments (question_id, code) \
             SELECT nq.id, a.code FROM interview_question_adjustments a \
             JOIN interview_questions oq ON oq.id = a.question_id JOIN interview_sections os ON os.id = oq.section_id \
             JOIN interview_sections ns ON ns.version_id = $2 AND ns.position = os.position \
             JOIN interview_questions nq ON nq.section_id = ns.id AND nq.position = oq.position \
             WHERE os.version_id = $1",
        ] {
            sqlx::query(sql)
                .bind($from)
                .bind($to)
                .execute(&mut *$tx)
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
        }
    };
}
pub(crate) use copy_content;

/// Runs `$sql` with `$binds` in `$tx`, evaluating to the rows it touched.
macro_rules! run {
    ($tx:expr, $sql:expr $(, $bind:expr)* $(,)?) => {
        sqlx::query($sql)
            $(.bind($bind))*
            .execute(&mut *$tx)
            .await
            .map_err($crate::server::db::DbError::from_sqlx)?
            .rows_affected()
    };
}
pub(crate) use run;

/// Binds a question draft's text and levels, in the order `$1`–`$7` of the statements below.
macro_rules! bind_draft {
    ($query:expr, $draft:expr) => {
        $query
            .bind(&$draft.question)
            .bind(&$draft.easy_read)
            .bind(&$draft.good_answer)
            .bind(&$draft.levels[0])
            .bind(&$draft.levels[1])
            .bind(&$draft.levels[2])
            .bind(&$draft.levels[3])
    };
}
pub(crate) use bind_draft;

/// Stores a question's text, levels and adjustments in `$tx`, evaluating to its id: `insert`
/// puts a new one at `$section`/`$position`, `update` rewrites question `$id`.
macro_rules! put_question {
    ($tx:expr, insert $section:expr, $position:expr, $draft:expr) => {{
        let d: &$crate::interviews::QuestionDraft = $draft;
        let query = $crate::interviews::store::bind_draft!(
            sqlx::query_scalar(
                "INSERT INTO interview_questions (question, easy_read, good_answer, level_1, level_2, \
                 level_3, level_4, section_id, position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
                 RETURNING id",
            ),
            d
        );
        $crate::interviews::store::put_question!(@adjustments $tx, query.bind($section).bind($position), d)
    }};
    ($tx:expr, update $id:expr, $draft:expr) => {{
        let d: &$crate::interviews::QuestionDraft = $draft;
        let query = $crate::interviews::store::bind_draft!(
            sqlx::query_scalar(
                "UPDATE interview_questions SET question = $1, easy_read = $2, good_answer = $3, \
                 level_1 = $4, level_2 = $5, level_3 = $6, level_4 = $7 WHERE id = $8 RETURNING id",
            ),
            d
        );
        $crate::interviews::store::put_question!(@adjustments $tx, query.bind($id), d)
    }};
    (@adjustments $tx:expr, $query:expr, $draft:expr) => {{
        let id: i64 = $query.fetch_one(&mut *$tx).await.map_err($crate::server::db::DbError::from_sqlx)?;
        $crate::interviews::store::run!($tx, "DELETE FROM interview_question_adjustments WHERE question_id = $1", id);
        for adjustment in &$draft.adjustments {
            $crate::interviews::store::run!(
                $tx,
                "INSERT INTO interview_question_adjustments (question_id, code) VALUES ($1, $2)",
                id,
                adjustment.code()
            );
        }
        id
    }};
}
pub(crate) use put_question;

macro_rules! impl_template_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::interviews::store::TemplateStore for $store {
            async fn create_template(
                &self,
                new: &$crate::interviews::store::NewTemplate<'_>,
                now: i64,
            ) -> $crate::server::db::DbResult<i64> {
                let mut tx = self.begin_write().await?;
                let id = self.insert_template(&mut tx, new.library, None, new.by, now).await?;
                let version = self.insert_version(&mut tx, id, 1, new.name, new.by, now).await?;
                self.put_skills(&mut tx, version, new.skills).await?;
                tx.commit().await.map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(id)
            }

            async fn copy_template(
                &self,
                from_version: i64,
                to: $crate::interviews::Library,
                by: i64,
                now: i64,
            ) -> $crate::server::db::DbResult<Option<i64>> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let name: Option<String> =
                    sqlx::query_scalar("SELECT name FROM interview_template_versions WHERE id = $1")
                        .bind(from_version)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                let Some(name) = name else { return Ok(None) };
                let id = self.insert_template(&mut tx, to, Some(from_version), by, now).await?;
                let version = self.insert_version(&mut tx, id, 1, &name, by, now).await?;
                $crate::interviews::store::copy_content!(tx, from_version, version);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(Some(id))
            }

            async fn change_template(
                &self,
                template_id: i64,
                seen: i64,
                change: &$crate::interviews::store::Change<'_>,
                by: i64,
                now: i64,
            ) -> $crate::server::db::DbResult<Option<$crate::interviews::store::Changed>> {
                use $crate::interviews::store::{run, Change, Changed, MOST};
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                // Changes to one template run one after another, each seeing the version the
                // one before it left.
                let held: Option<i64> = sqlx::query_scalar(&format!(
                    "SELECT id FROM interview_templates WHERE id = $1{}",
                    <$store as $crate::server::db::EngineStore>::ROW_LOCK
                ))
                .bind(template_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if held.is_none() {
                    return Ok(None);
                }
                let (current_id, current, name, in_use): (i64, i64, String, bool) = sqlx::query_as(
                    "SELECT v.id, v.number, v.name, \
                     EXISTS (SELECT 1 FROM interview_records r WHERE r.version_id = v.id) \
                     FROM interview_template_versions v WHERE v.template_id = $1 ORDER BY v.number DESC LIMIT 1",
                )
                .bind(template_id)
                .fetch_one(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if current != seen {
                    return Ok(Some(Changed::Stale { current }));
                }
                let (target, version) = if in_use {
                    let next = self.insert_version(&mut tx, template_id, current + 1, &name, by, now).await?;
                    $crate::interviews::store::copy_content!(tx, current_id, next);
                    (next, current + 1)
                } else {
                    (current_id, current)
                };
                let section_id = |section: i64| {
                    sqlx::query_scalar::<_, i64>(
                        "SELECT id FROM interview_sections WHERE version_id = $1 AND position = $2",
                    )
                    .bind(target)
                    .bind(section)
                };
                let question_id = |section: i64, question: i64| {
                    sqlx::query_scalar::<_, i64>(
                        "SELECT q.id FROM interview_questions q JOIN interview_sections s ON s.id = q.section_id \
                         WHERE s.version_id = $1 AND s.position = $2 AND q.position = $3",
                    )
                    .bind(target)
                    .bind(section)
                    .bind(question)
                };
                let count = |sql: &'static str, of: i64| sqlx::query_scalar::<_, i64>(sql).bind(of);
                match change {
                    Change::Head { name, skills } => {
                        run!(tx, "UPDATE interview_template_versions SET name = $2 WHERE id = $1", target, *name);
                        run!(tx, "DELETE FROM interview_template_skills WHERE version_id = $1", target);
                        self.put_skills(&mut tx, target, skills).await?;
                    }
                    Change::AddSection { title } => {
                        let sections = count("SELECT count(*) FROM interview_sections WHERE version_id = $1", target)
                            .fetch_one(&mut *tx)
                            .await
                            .map_err(DbError::from_sqlx)?;
                        if sections >= MOST.0 {
                            return Ok(Some(Changed::Full));
                        }
                        run!(
                            tx,
                            "INSERT INTO interview_sections (version_id, position, title) VALUES ($1, $2, $3)",
                            target,
                            sections + 1,
                            *title
                        );
                    }
                    Change::RenameSection { section, title } => {
                        let sql = "UPDATE interview_sections SET title = $3 WHERE version_id = $1 AND position = $2";
                        if run!(tx, sql, target, *section, *title) == 0 {
                            return Ok(Some(Changed::NotThere));
                        }
                    }
                    Change::RemoveSection { section } => {
                        let sql = "DELETE FROM interview_sections WHERE version_id = $1 AND position = $2";
                        if run!(tx, sql, target, *section) == 0 {
                            return Ok(Some(Changed::NotThere));
                        }
                        run!(
                            tx,
                            "UPDATE interview_sections SET position = position - 1 \
                             WHERE version_id = $1 AND position > $2",
                            target,
                            *section
                        );
                    }
                    Change::AddQuestion { section, draft } => {
                        let found = section_id(*section).fetch_optional(&mut *tx).await.map_err(DbError::from_sqlx)?;
                        let Some(section_id) = found else { return Ok(Some(Changed::NotThere)) };
                        let questions =
                            count("SELECT count(*) FROM interview_questions WHERE section_id = $1", section_id)
                                .fetch_one(&mut *tx)
                                .await
                                .map_err(DbError::from_sqlx)?;
                        if questions >= MOST.1 {
                            return Ok(Some(Changed::Full));
                        }
                        $crate::interviews::store::put_question!(tx, insert section_id, questions + 1, *draft);
                    }
                    Change::EditQuestion { section, question, draft } => {
                        let found = question_id(*section, *question)
                            .fetch_optional(&mut *tx)
                            .await
                            .map_err(DbError::from_sqlx)?;
                        let Some(id) = found else { return Ok(Some(Changed::NotThere)) };
                        $crate::interviews::store::put_question!(tx, update id, *draft);
                    }
                    Change::RemoveQuestion { section, question } => {
                        let found = section_id(*section).fetch_optional(&mut *tx).await.map_err(DbError::from_sqlx)?;
                        let Some(section_id) = found else { return Ok(Some(Changed::NotThere)) };
                        let sql = "DELETE FROM interview_questions WHERE section_id = $1 AND position = $2";
                        if run!(tx, sql, section_id, *question) == 0 {
                            return Ok(Some(Changed::NotThere));
                        }
                        run!(
                            tx,
                            "UPDATE interview_questions SET position = position - 1 \
                             WHERE section_id = $1 AND position > $2",
                            section_id,
                            *question
                        );
                    }
                }
                run!(
                    tx,
                    "UPDATE interview_template_versions SET written_by = $2, written_at = $3 WHERE id = $1",
                    target,
                    by,
                    now
                );
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(Some(Changed::Saved { version, new_version: in_use }))
            }

            async fn template(
                &self,
                template_id: i64,
                version: Option<i64>,
            ) -> $crate::server::db::DbResult<Option<$crate::interviews::store::StoredTemplate>> {
                use $crate::interviews::store::CURRENT_VERSION;
                let condition = match version {
                    None => format!("t.id = $1 AND {CURRENT_VERSION} AND $2 IS NULL"),
                    Some(_) => "t.id = $1 AND v.number = $2".to_string(),
                };
                self.read_version(&condition, template_id, version).await
            }

            async fn template_version(
                &self,
                version_id: i64,
            ) -> $crate::server::db::DbResult<Option<$crate::interviews::store::StoredTemplate>> {
                self.read_version("v.id = $1 AND $2 IS NULL", version_id, None).await
            }

            async fn templates(
                &self,
                libraries: &$crate::interviews::store::Libraries,
            ) -> $crate::server::db::DbResult<Vec<$crate::interviews::store::TemplateSummary>> {
                use $crate::interviews::store::{SummaryRow, CURRENT_VERSION};
                use $crate::server::db::DbError;
                let mut parts = Vec::new();
                if libraries.shared {
                    parts.push("t.library IN ('national', 'centre')".to_string());
                }
                if !libraries.companies.is_empty() {
                    let ids: Vec<String> = libraries.companies.iter().map(i64::to_string).collect();
                    parts.push(format!("t.company_id IN ({})", ids.join(", ")));
                }
                if parts.is_empty() {
                    return Ok(Vec::new());
                }
                let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
                    "SELECT t.id, t.library, t.centre_id, t.company_id, \
                     coalesce(ce.name, co.legal_name, '') AS library_name, v.id AS version_id, v.number, v.name, \
                     (SELECT count(*) FROM interview_sections s WHERE s.version_id = v.id) AS sections, \
                     (SELECT count(*) FROM interview_questions q JOIN interview_sections s ON s.id = q.section_id \
                      WHERE s.version_id = v.id) AS questions, ov.name AS origin_name \
                     FROM interview_templates t JOIN interview_template_versions v ON v.template_id = t.id \
                     LEFT JOIN centres ce ON ce.id = t.centre_id LEFT JOIN companies co ON co.id = t.company_id \
                     LEFT JOIN interview_template_versions ov ON ov.id = t.copied_from \
                     WHERE {CURRENT_VERSION} AND ({}) \
                     ORDER BY CASE t.library WHEN 'national' THEN 0 WHEN 'centre' THEN 1 ELSE 2 END, \
                     library_name, v.name, t.id",
                    parts.join(" OR ")
                ))
                .fetch_all(self.pool())
                .await
                .map_err(DbError::from_sqlx)?;
                if rows.is_empty() {
                    return Ok(Vec::new());
                }
                let versions: Vec<String> = rows.iter().map(|row| row.version_id().to_string()).collect();
                let skills: Vec<(i64, String)> = sqlx::query_as(&format!(
                    "SELECT version_id, skill FROM interview_template_skills WHERE version_id IN ({}) \
                     ORDER BY version_id, skill",
                    versions.join(", ")
                ))
                .fetch_all(self.pool())
                .await
                .map_err(DbError::from_sqlx)?;
                Ok(rows.into_iter().filter_map(|row| row.into_summary(&skills)).collect())
            }
        }

        impl $store {
            /// Inserts a template of `library`, copied from version `copied_from` if any.
            async fn insert_template(
                &self,
                tx: &mut sqlx::Transaction<'static, <$store as $crate::server::db::EngineStore>::Db>,
                library: $crate::interviews::Library,
                copied_from: Option<i64>,
                by: i64,
                now: i64,
            ) -> $crate::server::db::DbResult<i64> {
                use $crate::interviews::{Library, LibraryKind};
                let (kind, owner) = library.parts();
                let centre = if matches!(library, Library::Centre(_)) { owner } else { None };
                let company = if kind == LibraryKind::Company { owner } else { None };
                sqlx::query_scalar(
                    "INSERT INTO interview_templates (library, centre_id, company_id, copied_from, created_by, \
                     created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                )
                .bind(kind.code())
                .bind(centre)
                .bind(company)
                .bind(copied_from)
                .bind(by)
                .bind(now)
                .fetch_one(&mut **tx)
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn insert_version(
                &self,
                tx: &mut sqlx::Transaction<'static, <$store as $crate::server::db::EngineStore>::Db>,
                template_id: i64,
                number: i64,
                name: &str,
                by: i64,
                now: i64,
            ) -> $crate::server::db::DbResult<i64> {
                sqlx::query_scalar(
                    "INSERT INTO interview_template_versions (template_id, number, name, written_by, written_at) \
                     VALUES ($1, $2, $3, $4, $5) RETURNING id",
                )
                .bind(template_id)
                .bind(number)
                .bind(name)
                .bind(by)
                .bind(now)
                .fetch_one(&mut **tx)
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn put_skills(
                &self,
                tx: &mut sqlx::Transaction<'static, <$store as $crate::server::db::EngineStore>::Db>,
                version_id: i64,
                skills: &[String],
            ) -> $crate::server::db::DbResult<()> {
                for skill in skills {
                    sqlx::query(
                        "INSERT INTO interview_template_skills (version_id, skill) VALUES ($1, $2) \
                         ON CONFLICT DO NOTHING",
                    )
                    .bind(version_id)
                    .bind(skill)
                    .execute(&mut **tx)
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)?;
                }
                Ok(())
            }

            /// The one version `condition` picks (`$1` bound to `key`, `$2` to `number`), whole.
            async fn read_version(
                &self,
                condition: &str,
                key: i64,
                number: Option<i64>,
            ) -> $crate::server::db::DbResult<Option<$crate::interviews::store::StoredTemplate>> {
                use $crate::interviews::store::{
                    VersionRow, ADJUSTMENTS_QUERY, CONTENT_QUERY, VERSION_COLUMNS, VERSION_FROM,
                };
                use $crate::server::db::DbError;
                let row: Option<VersionRow> =
                    sqlx::query_as(&format!("SELECT {VERSION_COLUMNS} FROM {VERSION_FROM} WHERE {condition}"))
                        .bind(key)
                        .bind(number)
                        .fetch_optional(self.pool())
                        .await
                        .map_err(DbError::from_sqlx)?;
                let Some(row) = row else { return Ok(None) };
                let version = row.version_id();
                let skills: Vec<String> = sqlx::query_scalar(
                    "SELECT skill FROM interview_template_skills WHERE version_id = $1 ORDER BY skill",
                )
                .bind(version)
                .fetch_all(self.pool())
                .await
                .map_err(DbError::from_sqlx)?;
                let content = sqlx::query_as(CONTENT_QUERY)
                    .bind(version)
                    .fetch_all(self.pool())
                    .await
                    .map_err(DbError::from_sqlx)?;
                let adjustments: Vec<(i64, String)> = sqlx::query_as(ADJUSTMENTS_QUERY)
                    .bind(version)
                    .fetch_all(self.pool())
                    .await
                    .map_err(DbError::from_sqlx)?;
                Ok(row.into_template(skills, content, &adjustments))
            }
        }
    };
}
pub(crate) use impl_template_store;
