-- A received dossier as routing sees it: the plan snapshot it was received under, with every step's
-- due time fixed at routing time (plan jsonb), and where processing stands.
create table routed_dossier (
    code              varchar(40)  primary key,
    procedure_code    varchar(100) not null,
    procedure_version int          not null,
    unit_code         varchar(40)  not null,
    received_at       timestamptz  not null,
    due_at            timestamptz  not null,
    routed_at         timestamptz  not null,
    status            varchar(20)  not null,
    current_stage     int          not null,
    outcome           varchar(20),
    decided_at        timestamptz,
    plan              jsonb        not null,
    version           bigint       not null default 0
);

-- One agency's work on one step of a dossier (a row of the agency's queue).
create table agency_task (
    id            uuid         primary key,
    dossier_code  varchar(40)  not null references routed_dossier (code),
    stage_index   int          not null,
    step_id       varchar(100) not null,
    agency        varchar(100) not null,
    agency_name   varchar(300),
    status        varchar(20)  not null,
    assigned_at   timestamptz  not null,
    due_at        timestamptz  not null,
    claimed_by    varchar(100),
    claimed_at    timestamptz,
    completed_by  varchar(100),
    completed_at  timestamptz,
    outcome       varchar(20),
    note          text,
    version       bigint       not null default 0
);
-- The inbox: one agency's tasks, by status, in due order; and all of them in due order.
create index agency_task_inbox on agency_task (agency, status, due_at, id);
create index agency_task_agency_due on agency_task (agency, due_at, id);
-- A dossier's tasks (stage progression, the dossier filter).
create index agency_task_dossier on agency_task (dossier_code, stage_index);
