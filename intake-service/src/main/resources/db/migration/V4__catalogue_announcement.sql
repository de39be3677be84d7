-- The catalogue seeded by migrations (demo data, or a province's initial load) never went through the
-- admin API, so no event announced it. On its first start intake announces the whole catalogue once;
-- this row records that it did (several instances starting together: one inserts it, one announces).
create table catalogue_announcement (
    id           int         primary key check (id = 1),
    announced_at timestamptz not null,
    items        int         not null
);
