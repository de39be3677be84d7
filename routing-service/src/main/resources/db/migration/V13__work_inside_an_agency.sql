-- Issue 24: work inside an agency. The head assigns a task to a named officer (assigned_to; the officer then
-- holds it, claimed_by, so another officer's actions answer 409); a draft-review-sign step (the plan's step
-- flow) keeps its phase and the draft, the review and the signature on the task; the signature issues the
-- agency's document number of the year.
alter table agency_task
    add column assigned_to         varchar(100),
    add column assigned_by         varchar(100),
    add column officer_assigned_at timestamptz,
    add column phase               varchar(24),
    add column draft_outcome       varchar(20),
    add column draft_note          text,
    add column drafted_by          varchar(100),
    add column drafted_at          timestamptz,
    add column reviewed_by         varchar(100),
    add column reviewed_at         timestamptz,
    add column sent_back_reason    text,
    add column signed_by           varchar(100),
    add column signed_for          varchar(100),
    add column signed_at           timestamptz,
    add column document_number     varchar(160),
    add column document_date       date;

-- The head's workload view and an officer's inbox: open tasks per agency and holder.
create index agency_task_open_holder on agency_task (agency, claimed_by) where status in ('ASSIGNED', 'CLAIMED');
create unique index agency_task_document_number on agency_task (document_number) where document_number is not null;

-- Who did what and when inside the agency (the control sheet's detail): assignment, draft, review, signature.
create table task_activity (
    id           uuid         primary key,
    task_id      uuid         not null references agency_task (id),
    dossier_code varchar(40)  not null,
    action       varchar(24)  not null,
    actor        varchar(100) not null,
    on_behalf_of varchar(100),
    at           timestamptz  not null,
    note         text
);
create index task_activity_dossier on task_activity (dossier_code, at);

-- The last document number issued per agency and year: one upsert takes the next under the row's lock, so
-- concurrent signatures never share a number.
create table document_number (
    agency      varchar(100) not null,
    year        int          not null,
    last_number int          not null,
    primary key (agency, year)
);

-- Delegations of authority (ủy quyền): never deleted; a revocation is recorded on the row (the audit trail).
create table delegation (
    id         uuid         primary key,
    agency     varchar(100) not null,
    delegator  varchar(100) not null,
    delegate   varchar(100) not null,
    scope      varchar(10)  not null,
    valid_from date         not null,
    valid_to   date         not null,
    reason     text         not null,
    granted_at timestamptz  not null,
    revoked_at timestamptz,
    revoked_by varchar(100),
    check (valid_from <= valid_to)
);
create index delegation_agency on delegation (agency, granted_at);
