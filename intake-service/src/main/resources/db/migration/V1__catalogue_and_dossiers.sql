-- intake owns the procedure catalogue, agencies and one-stop units, and the dossiers it receives.

create table one_stop_unit (
    code        varchar(13) primary key,          -- identity code (QCVN 102:2016), first part of dossier codes
    name        text        not null,
    level       varchar(16) not null check (level in ('MINISTRY', 'PROVINCE', 'COMMUNE')),
    address     text,
    phone       varchar(32),
    email       varchar(254)
);

create table agency (
    code        varchar(64) primary key,          -- the `agency` claim of its officers
    name        text        not null,
    level       varchar(16) not null check (level in ('MINISTRY', 'PROVINCE', 'COMMUNE')),
    email       varchar(254),
    phone       varchar(32)
);

-- A procedure (TTHC) is versioned: editing creates a new version; a dossier keeps the version it
-- was received under. plan and documents are the JSON shapes of the events' RoutingPlanSnapshot
-- and the required-document list, so the received event carries them unchanged.
create table procedure_version (
    code             varchar(64) not null,
    version          int         not null check (version > 0),
    name             text        not null,
    field            text,
    competent_agency varchar(64) not null references agency (code),
    statutory_value  int         not null check (statutory_value >= 0),
    statutory_unit   varchar(16) not null check (statutory_unit in ('WORKING_DAYS', 'WORKING_HOURS', 'CALENDAR_DAYS')),
    plan             jsonb       not null,
    documents        jsonb       not null,
    fees             jsonb       not null default '[]',
    online_level     varchar(16) check (online_level in ('FULL', 'PARTIAL')),
    result_form      text,
    legal_basis      text,
    effective_from   date        not null,
    effective_to     date,
    primary key (code, version),
    check (effective_to is null or effective_to > effective_from)
);

-- Per unit and receipt day (Vietnam time) the last sequence handed out. The row lock taken by the
-- upsert serialises receptions of one unit on one day, so a number is never given twice, and
-- because it is in the reception's transaction a rolled-back reception gives its number back.
create table dossier_sequence (
    unit_code    varchar(13) not null,
    receipt_date date        not null,
    last_value   int         not null check (last_value between 1 and 9999),
    primary key (unit_code, receipt_date)
);

create table dossier (
    id                 uuid        primary key,
    code               varchar(25) not null unique,
    procedure_code     varchar(64) not null,
    procedure_version  int         not null,
    channel            varchar(8)  not null check (channel in ('COUNTER', 'POSTAL', 'ONLINE')),
    unit_code          varchar(13) not null references one_stop_unit (code),
    status             varchar(40) not null,
    applicant_name     text        not null,
    applicant_id       varchar(12),                 -- the citizen ID stays here; events carry only an HMAC
    applicant_phone    varchar(16),
    applicant_email    varchar(254),
    applicant_address  text,
    citizen_id_hmac    varchar(64),
    pin_hmac           varchar(64) not null,
    documents          jsonb       not null,
    received_by        varchar(128),
    received_at        timestamptz not null,
    appointment_at     timestamptz not null,
    version            int         not null default 0,
    foreign key (procedure_code, procedure_version) references procedure_version (code, version)
);
create index dossier_unit_received on dossier (unit_code, received_at desc);
create index dossier_citizen on dossier (citizen_id_hmac) where citizen_id_hmac is not null;
