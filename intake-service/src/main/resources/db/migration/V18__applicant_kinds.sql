-- Issue 24: an applicant may be a citizen (null kind: as before), an organisation (its name and tax code, the
-- applicant_* columns being the person who submitted for it) or a citizen's authorised representative (the
-- applicant_* columns are the representative; the represented citizen and the authorisation document here).
alter table dossier
    add column applicant_kind          varchar(20),
    add column organisation_name       varchar(300),
    add column tax_code                varchar(14),
    add column represented_name        varchar(200),
    add column represented_id          varchar(12),
    add column represented_address     varchar(500),
    add column authorisation_number    varchar(100),
    add column authorisation_date      date,
    add column authorisation_issued_by varchar(300);
