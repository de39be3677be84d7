-- Catalogue administration: units and agencies get a parent, an active flag and a change time;
-- procedure versions say whether suspension and extension are allowed and who published them.
-- Defaults keep every row written before (and the demo data loaded after this migration) valid.

alter table one_stop_unit
    add column parent_code varchar(13) references one_stop_unit (code),
    add column active      boolean     not null default true,
    add column updated_at  timestamptz not null default now(),
    add constraint one_stop_unit_not_own_parent check (parent_code is null or parent_code <> code);

alter table agency
    add column parent_code varchar(64) references agency (code),
    add column address     text,
    add column active      boolean     not null default true,
    add column updated_at  timestamptz not null default now(),
    add constraint agency_not_own_parent check (parent_code is null or parent_code <> code);

alter table procedure_version
    add column suspension_allowed boolean     not null default true,
    add column extension_allowed  boolean     not null default true,
    add column published_at       timestamptz not null default now(),
    add column published_by       varchar(128);

-- The public list filters by day, field and agency; the catalogue of a province holds thousands.
create index procedure_version_effective on procedure_version (effective_from, effective_to);
create index procedure_version_competent_agency on procedure_version (competent_agency);
