-- The citizen status read model: a projection built only from events (intake, routing, result topics).
-- A row may exist before its dossier's `received` event (an event from another topic overtook it); such a
-- partial row has no pin_hmac and so cannot be looked up until `received` completes it.
create table dossier_status (
    code                 varchar(25)  primary key,
    procedure_code       varchar(100),
    procedure_name       varchar(500),
    unit_code            varchar(13),
    channel              varchar(10),
    status               varchar(40)  not null,
    national_status_code smallint     not null,
    received_at          timestamptz,
    appointment_at       timestamptz,
    current_agency       varchar(100),
    current_agency_name  varchar(300),
    -- hex HMAC-SHA256 of (code, PIN) under motcua.result.pin-key; the plain PIN is never stored
    pin_hmac             char(64),
    citizen_id_hmac      varchar(128),
    updated_at           timestamptz  not null,
    -- business time of the event that set the current status: an older event arriving later only adds
    -- to the timeline
    last_event_time      timestamptz  not null
);
create index dossier_status_citizen on dossier_status (citizen_id_hmac) where citizen_id_hmac is not null;

-- One row per status-relevant event; event_id makes a replayed event a no-op even outside the inbox.
create table dossier_timeline (
    id       bigserial    primary key,
    code     varchar(25)  not null references dossier_status (code),
    at       timestamptz  not null,
    status   varchar(40)  not null,
    agency   varchar(100),
    note     varchar(1000),
    event_id uuid         not null unique
);
create index dossier_timeline_code_at on dossier_timeline (code, at, id);
