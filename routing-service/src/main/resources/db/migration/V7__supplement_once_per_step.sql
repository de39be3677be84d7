-- Issue 20, supplements: asked once and in full per step, only for the procedure's documents, with a date to
-- supply by (Form 02). The procedure's document list as dossier.received carries it (ProcedureRules.documents,
-- a JSON list of RequiredDocument; null when the event had none: then any item may be asked for).
alter table routed_dossier add column documents jsonb;

-- One row per step that asked: the primary key turns a second request for the same step into 409.
create table supplement_request (
    dossier_code varchar(40)  not null references routed_dossier (code),
    step_id      varchar(100) not null,
    task_id      uuid         not null,
    agency       varchar(100) not null,
    requested_by varchar(100) not null,
    requested_at timestamptz  not null,
    supply_by    date         not null,
    primary key (dossier_code, step_id)
);
