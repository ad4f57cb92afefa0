-- A counsellor finds a person in their centre's caseload by words of the name (accents and
-- case folded, kept by the application as " word word ", so each searched word matches the
-- start of a word) or by document number.
ALTER TABLE seekers ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
-- Rows from before: folded here the same way (lower case, Spanish accents removed, spaces
-- around); a later save of the profile writes the application's own folding.
UPDATE seekers SET name_key = ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    lower(full_name),
    'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ü', 'u'), 'ñ', 'n'),
    'Á', 'a'), 'É', 'e'), 'Í', 'i'), 'Ó', 'o'), 'Ú', 'u') || ' ';
CREATE INDEX seekers_document_number ON seekers (document_number);
