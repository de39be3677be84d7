-- Online submissions wait for a counter officer's check before they are received: until then they
-- have no receipt time and no appointment. registered_at is when the dossier entered the system
-- (submitted online, or received at the counter or from the post): lists filter and sort on it.
alter table dossier
    alter column received_at drop not null,
    alter column appointment_at drop not null,
    add column submitted_at      timestamptz,
    add column submitted_by      varchar(128),
    add column registered_at     timestamptz,
    add column status_changed_at timestamptz;
update dossier set registered_at = received_at, status_changed_at = received_at;
alter table dossier
    alter column registered_at set not null,
    alter column status_changed_at set not null,
    add constraint dossier_received_has_appointment
        check ((received_at is null) = (appointment_at is null));

drop index dossier_unit_received;
create index dossier_unit_registered on dossier (unit_code, registered_at desc, id);
create index dossier_unit_status_registered on dossier (unit_code, status, registered_at desc, id);
create index dossier_registered on dossier (registered_at desc, id);

-- A written request for supplement (Form 02): asked by the counter at the check of a submission, or by
-- a processing agency (routing's pause). At most one is open per dossier; supplying closes it.
create table supplement_request (
    id             uuid        primary key,
    dossier_id     uuid        not null references dossier (id),
    requested_at   timestamptz not null,
    requested_by   varchar(128) not null,
    agency_code    varchar(64),                 -- null when the one-stop unit asked at the check
    reason         text        not null,
    items          jsonb       not null,
    supply_by      date,
    supplied_at    timestamptz,
    supplied_by    varchar(128),
    supplied_items jsonb,
    supplied_note  text
);
create unique index supplement_request_one_open on supplement_request (dossier_id) where supplied_at is null;
create index supplement_request_dossier on supplement_request (dossier_id, requested_at);

-- Every status change of a dossier, by whom and why: the trail behind refusals (Form 03 reasons),
-- withdrawals and the changes mirrored from routing and result.
create table dossier_history (
    id          bigint generated always as identity primary key,
    dossier_id  uuid        not null references dossier (id),
    at          timestamptz not null,
    actor       varchar(128),
    action      varchar(32) not null,
    from_status varchar(40),
    to_status   varchar(40) not null,
    reasons     jsonb       not null default '[]',
    note        text
);
create index dossier_history_dossier on dossier_history (dossier_id, id);
