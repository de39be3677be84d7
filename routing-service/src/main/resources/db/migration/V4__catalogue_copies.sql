-- Routing's copies of intake's catalogue (AgencyUpserted and OneStopUnitUpserted on motcua.catalog.events):
-- a transfer or a reassignment may only target a known, active agency, and the forms name the agencies
-- and the one-stop unit (and the unit's place on the date line). Only what routing uses is kept (no
-- contacts). updated_at is the event's: an older or repeated event changes nothing.
create table agency (
    code       varchar(100) primary key,
    name       varchar(500) not null,
    active     boolean      not null,
    updated_at timestamptz  not null
);

create table one_stop_unit (
    code       varchar(50)  primary key,
    name       varchar(500) not null,
    address    text,
    active     boolean      not null,
    updated_at timestamptz  not null
);
