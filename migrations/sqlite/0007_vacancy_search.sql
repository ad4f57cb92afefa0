-- Search for job seekers. Only published vacancies are in the word index, and each carries
-- its place in the order of publication (`search_seq`), which is also its row in the index:
-- "newest first" is then the index's own order, read backwards and cut after one page, at any
-- size. Ranking by relevance (bm25) scores every match, so the app does it only when there
-- are few (see `vacancies::search::RANK_CAP`).
ALTER TABLE vacancies ADD COLUMN search_seq INTEGER;
CREATE UNIQUE INDEX vacancies_search_seq ON vacancies (search_seq);

-- Words without accents or case ("tecnico" finds "Técnico"). Contentless: the texts stay in
-- `vacancies`; the index holds only what finding them needs.
-- The choice filters are words of a `facets` column ("regioncusco", "modalityremote",
-- "accjobcoach"): FTS5 intersects their lists, where testing each match row by row would
-- cost a lookup per match of a common word.
CREATE VIRTUAL TABLE vacancy_search USING fts5 (
    title, employer, place, body, facets,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- The vacancies published before this migration, oldest first.
UPDATE vacancies SET search_seq = (
    SELECT count(*) FROM vacancies w
    WHERE w.status = 'published' AND (w.published_at, w.id) <= (vacancies.published_at, vacancies.id)
) WHERE status = 'published';
-- What the index holds of each vacancy; the app indexes a vacancy from here too.
CREATE VIEW vacancy_search_source AS
SELECT v.id, v.search_seq, v.title, co.legal_name AS employer,
       v.district || ' ' || v.province || ' ' || v.region AS place,
       v.description || ' ' || v.requirements || ' ' || v.easy_read || ' ' ||
       coalesce((SELECT group_concat(skill, ' ') FROM vacancy_skills s WHERE s.vacancy_id = v.id), '') AS body,
       'region' || replace(v.region, '-', '') || ' modality' || replace(v.modality, '_', '') ||
       ' contract' || replace(v.contract, '_', '') || ' hours' || replace(v.hours, '_', '') || ' ' ||
       coalesce((SELECT group_concat('acc' || replace(a.code, '_', ''), ' ')
                 FROM vacancy_accommodations a WHERE a.vacancy_id = v.id), '') AS facets
FROM vacancies v JOIN companies co ON co.id = v.company_id;

INSERT INTO vacancy_search (rowid, title, employer, place, body, facets)
SELECT search_seq, title, employer, place, body, facets FROM vacancy_search_source WHERE search_seq IS NOT NULL;
