-- Notification for real (issue 8): rules as data, local copies of who to tell, and a durable delivery
-- table that replaces the first slice's SEEN log.
drop table notification_log;

-- What notification keeps from `received` to tell the applicant about later events (which carry no
-- contact details). Deleted when the dossier ends (result returned, withdrawn). No ID number, no PIN.
create table dossier_contact (
    dossier_code   varchar(25)  primary key,
    procedure_code varchar(100),
    procedure_name varchar(500),
    unit_code      varchar(50),
    applicant_name varchar(200),
    phone          varchar(30),
    email          varchar(320),
    received_at    timestamptz,
    appointment_at timestamptz,
    updated_at     timestamptz  not null
);

-- Local copy of the catalogue's agencies (AgencyUpserted on motcua.catalog.events): the whole current state.
create table agency_contact (
    agency_code varchar(50)  primary key,
    name        varchar(500) not null,
    active      boolean      not null,
    -- [{"channel": "EMAIL"|"SMS"|"WEBHOOK", "address", "label"}]
    contacts    jsonb        not null,
    updated_at  timestamptz  not null
);

-- Who is told what: event type → audience → channel → template. '*' matches every dossier event.
create table notification_rule (
    id         uuid         primary key,
    event_type varchar(200) not null,
    audience   varchar(20)  not null check (audience in ('APPLICANT', 'AGENCY', 'SUPERVISOR', 'SUBSCRIBERS')),
    channel    varchar(10)  not null check (channel in ('EMAIL', 'SMS', 'WEBHOOK')),
    -- templates/notifications/{template}/{email-subject,email-body,sms}.txt; none for webhooks
    template   varchar(100),
    active     boolean      not null default true,
    updated_at timestamptz  not null default now(),
    updated_by varchar(100)
);
create unique index notification_rule_once on notification_rule (event_type, audience, channel);

insert into notification_rule (id, event_type, audience, channel, template) values
    (gen_random_uuid(), 'vn.motcua.dossier.received.v1',             'APPLICANT',   'EMAIL',   'received'),
    (gen_random_uuid(), 'vn.motcua.dossier.received.v1',             'APPLICANT',   'SMS',     'received'),
    (gen_random_uuid(), 'vn.motcua.dossier.supplement-requested.v1', 'APPLICANT',   'EMAIL',   'supplement-requested'),
    (gen_random_uuid(), 'vn.motcua.dossier.supplement-requested.v1', 'APPLICANT',   'SMS',     'supplement-requested'),
    (gen_random_uuid(), 'vn.motcua.dossier.extension-granted.v1',    'APPLICANT',   'EMAIL',   'extension-granted'),
    (gen_random_uuid(), 'vn.motcua.dossier.extension-granted.v1',    'APPLICANT',   'SMS',     'extension-granted'),
    (gen_random_uuid(), 'vn.motcua.dossier.processed.v1',            'APPLICANT',   'EMAIL',   'processed'),
    (gen_random_uuid(), 'vn.motcua.dossier.processed.v1',            'APPLICANT',   'SMS',     'processed'),
    (gen_random_uuid(), 'vn.motcua.dossier.result-returned.v1',      'APPLICANT',   'EMAIL',   'result-returned'),
    (gen_random_uuid(), 'vn.motcua.dossier.result-returned.v1',      'APPLICANT',   'SMS',     'result-returned'),
    (gen_random_uuid(), 'vn.motcua.task.assigned.v1',                'AGENCY',      'EMAIL',   'task-assigned'),
    (gen_random_uuid(), 'vn.motcua.dossier.deadline-warning.v1',     'AGENCY',      'EMAIL',   'deadline-warning'),
    (gen_random_uuid(), 'vn.motcua.dossier.overdue.v1',              'AGENCY',      'EMAIL',   'overdue-agency'),
    (gen_random_uuid(), 'vn.motcua.dossier.overdue.v1',              'SUPERVISOR',  'EMAIL',   'overdue-supervisor'),
    (gen_random_uuid(), '*',                                         'SUBSCRIBERS', 'WEBHOOK', null);

-- Integrators' webhooks, by event type ('*' = every dossier event). The secret signs each delivery.
create table webhook_subscription (
    id          uuid          primary key,
    name        varchar(200)  not null,
    url         varchar(2000) not null,
    secret      varchar(200)  not null,
    event_types varchar(200)[] not null,
    active      boolean       not null default true,
    created_at  timestamptz   not null,
    created_by  varchar(100)
);

-- One row per (event, recipient, channel): the unique key makes a redelivered event send nothing twice.
create table delivery (
    id              uuid          primary key,
    event_id        uuid          not null,
    event_type      varchar(200)  not null,
    dossier_code    varchar(25)   not null,
    audience        varchar(20)   not null,
    channel         varchar(10)   not null,
    -- the dedup key: the normalised address, or the subscription id for webhooks
    recipient_key   varchar(2000) not null,
    -- where to send (needed until delivered); the log and the API show only recipient_masked
    address         varchar(2000),
    recipient_masked varchar(320),
    subscription_id uuid,
    -- rendered once when the event arrives (retries send the same bytes); cleared once delivered
    subject         varchar(500),
    body            text,
    -- PENDING → DELIVERED | DEAD_LETTERED; SKIPPED when a rule found no one to tell
    status          varchar(20)   not null,
    attempts        int           not null default 0,
    resends         int           not null default 0,
    next_attempt_at timestamptz,
    last_error      varchar(500),
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    delivered_at    timestamptz
);
create unique index delivery_once on delivery (event_id, channel, recipient_key);
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_dossier on delivery (dossier_code, created_at, id);
create index delivery_created on delivery (created_at, id);
