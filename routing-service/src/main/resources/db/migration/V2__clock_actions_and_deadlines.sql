-- The deadline clock per dossier, the step actions' history, financial obligations, and the
-- warning / overdue marks the deadline sweep sets exactly once.

-- The clock: paused_at while a supplement or a payment is awaited (status says which); the original
-- due date kept when a resume or the single extension moves due_at; the extension and the stop.
alter table routed_dossier
    add column statutory_due_at   timestamptz,
    add column paused_at          timestamptz,
    add column paused_by_agency   varchar(100),
    add column extended_at        timestamptz,
    add column extension_agency   varchar(100),
    add column extension_by       varchar(100),
    add column extension_reason   text,
    add column extension_previous_due_at timestamptz,
    add column apology_ref        varchar(100),
    add column apology_signed_by  varchar(200),
    add column stopped_at         timestamptz,
    add column stopped_by         varchar(100),
    add column stop_agency        varchar(100),
    add column stop_reason        text,
    add column note               text,
    -- The sweep's marks: warn_at is when to warn about due_at; warned_at / overdue_at are set once,
    -- in the transaction that writes the event to the outbox, and cleared when due_at moves.
    add column warn_at            timestamptz,
    add column warned_at          timestamptz,
    add column overdue_at         timestamptz;
update routed_dossier set statutory_due_at = due_at, warn_at = due_at - interval '1 day';
alter table routed_dossier alter column statutory_due_at set not null;
alter table routed_dossier alter column warn_at set not null;

-- Only running clocks are swept: partial indexes hold the rows still to warn or to mark overdue.
create index routed_dossier_to_warn on routed_dossier (warn_at) where status = 'IN_PROGRESS' and warned_at is null;
create index routed_dossier_to_overdue on routed_dossier (due_at) where status = 'IN_PROGRESS' and overdue_at is null;

-- Tasks: who handed the dossier over (a row of Form 05), when a return or transfer closed it and why.
alter table agency_task
    add column handed_over_by varchar(100),
    add column closed_at      timestamptz,
    add column close_reason   text,
    add column warn_at        timestamptz,
    add column warned_at      timestamptz,
    add column overdue_at     timestamptz;
update agency_task set handed_over_by = '', warn_at = due_at - interval '1 day';
alter table agency_task alter column handed_over_by set not null;
alter table agency_task alter column warn_at set not null;
create index agency_task_to_warn on agency_task (warn_at) where status in ('ASSIGNED', 'CLAIMED') and warned_at is null;
create index agency_task_to_overdue on agency_task (due_at) where status in ('ASSIGNED', 'CLAIMED') and overdue_at is null;
-- The inbox counts (due soon, overdue) over one agency's open tasks.
create index agency_task_open_due on agency_task (agency, due_at) where status in ('ASSIGNED', 'CLAIMED');

-- A fee or tax the applicant must pay (nghĩa vụ tài chính, national status 6); the clock waits for it.
create table financial_obligation (
    id                uuid         primary key,
    dossier_code      varchar(40)  not null references routed_dossier (code),
    task_id           uuid         not null references agency_task (id),
    agency            varchar(100) not null,
    amount_vnd        bigint       not null check (amount_vnd > 0),
    description       text         not null,
    pay_by            date,
    requested_by      varchar(100) not null,
    requested_at      timestamptz  not null,
    paid_at           timestamptz,
    payment_reference varchar(200),
    recorded_by       varchar(100)
);
create index financial_obligation_dossier on financial_obligation (dossier_code, requested_at);
-- At most one unpaid obligation per dossier: the clock has one pause at a time.
create unique index financial_obligation_one_open on financial_obligation (dossier_code) where paid_at is null;
