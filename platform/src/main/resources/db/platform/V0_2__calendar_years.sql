-- Official yearly tables of days off and make-up working days that replace the bundled ones
-- (shared-model) at runtime: written by intake's administrators, copied by every service that
-- computes deadlines from motcua.catalog.events. The table is the OfficialYear JSON.
create table calendar_year (
    year       int         primary key check (year between 2000 and 2099),
    official   jsonb       not null,
    updated_at timestamptz not null default now(),
    updated_by varchar(128)
);
