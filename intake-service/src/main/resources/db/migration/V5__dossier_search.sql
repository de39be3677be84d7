-- The officers' dossier search (GET /api/dossiers?q=): code, applicant name, identity number and phone in one
-- column folded the way SearchText.fold folds a query (lower case, no Vietnamese diacritics, đ as d, single
-- spaces), so "nguyen van an" finds "Nguyễn Văn An". translate() and regexp_replace() are immutable, which a
-- generated column needs (unaccent() is not); the letters below are SearchTextTest.LETTERS, their bases beside.
-- A trigram index answers "contains" (like '%…%') without reading the table. pg_trgm is a trusted extension
-- (PostgreSQL 13+), shipped by Debian's postgresql and by the embedded test binaries; it lands in this
-- service's schema (search_path), the only one that uses it.
create extension if not exists pg_trgm;

alter table dossier add column search_text text generated always as (
    regexp_replace(
        lower(regexp_replace(
            translate(code || ' ' || applicant_name || ' ' || coalesce(applicant_id, '') || ' ' || coalesce(applicant_phone, ''),
                'àÀáÁảẢãÃạẠăĂằẰắẮẳẲẵẴặẶâÂầẦấẤẩẨẫẪậẬèÈéÉẻẺẽẼẹẸêÊềỀếẾểỂễỄệỆìÌíÍỉỈĩĨịỊòÒóÓỏỎõÕọỌôÔồỒốỐổỔỗỖộỘơƠờỜớỚởỞỡỠợỢùÙúÚủỦũŨụỤưƯừỪứỨửỬữỮựỰỳỲýÝỷỶỹỸỵỴđĐ',
                'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeeeeeeeiiiiiiiiiioooooooooooooooooooooooooooooooooouuuuuuuuuuuuuuuuuuuuuuyyyyyyyyyydd'),
            U&'[\0300-\036F]', '', 'g')),
        '\s+', ' ', 'g')
) stored;

create index dossier_search_trgm on dossier using gin (search_text gin_trgm_ops);
