-- Search for job seekers: a stored tsvector per vacancy in the Spanish configuration (so
-- "contadores" finds "contador"), over text with its accents removed ("tecnico" finds
-- "Técnico"), with a GIN index over the published ones. unaccent is a trusted extension: the
-- database's owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

-- unaccent() is only STABLE (its dictionary could change), which an index may not use; named
-- with its dictionary, it is fixed, and this wrapper says so.
CREATE FUNCTION senda_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- Weighted: the title (A) above the employer and place (B) above the texts (C).
ALTER TABLE vacancies ADD COLUMN search_vector tsvector;
-- fastupdate off: queued index entries would be scanned by every search until the next vacuum
-- (measured: 80-140 ms per search right after loading 100 000 vacancies); a board is written
-- far less often than it is searched.
CREATE INDEX vacancies_search_words ON vacancies USING gin (search_vector) WITH (fastupdate = off)
    WHERE status = 'published';

-- Newest first, for searches without words or choices (and a very common word).
CREATE INDEX vacancies_search_newest ON vacancies (published_at DESC, id DESC) WHERE status = 'published';

-- What the index holds of each vacancy; the app indexes a vacancy from here too.
CREATE VIEW vacancy_search_source AS
SELECT v.id,
    setweight(to_tsvector('spanish', senda_unaccent(v.title)), 'A') ||
    setweight(to_tsvector('spanish', senda_unaccent(
        co.legal_name || ' ' || v.district || ' ' || v.province || ' ' || replace(v.region, '-', ' '))), 'B') ||
    setweight(to_tsvector('spanish', senda_unaccent(
        v.description || ' ' || v.requirements || ' ' || v.easy_read || ' ' ||
        coalesce((SELECT string_agg(skill, ' ') FROM vacancy_skills s WHERE s.vacancy_id = v.id), ''))), 'C') ||
    -- The choice filters as words of their own ("regioncusco", "accjobcoach"), unstemmed: the
    -- GIN index intersects them with the words, instead of each match being fetched to test.
    setweight(to_tsvector('simple',
        'region' || replace(v.region, '-', '') || ' modality' || replace(v.modality, '_', '') ||
        ' contract' || replace(v.contract, '_', '') || ' hours' || replace(v.hours, '_', '') || ' ' ||
        coalesce((SELECT string_agg('acc' || replace(a.code, '_', ''), ' ')
                  FROM vacancy_accommodations a WHERE a.vacancy_id = v.id), '')), 'D')
    AS document
FROM vacancies v JOIN companies co ON co.id = v.company_id;

UPDATE vacancies v SET search_vector = s.document FROM vacancy_search_source s WHERE s.id = v.id;
