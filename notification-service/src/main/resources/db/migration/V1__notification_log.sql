-- What notification did about each dossier event: for now one SEEN entry per event on the LOG channel
-- (plus the masked intended recipients of the reception message); real channels and outcomes come later.
create table notification_log (
    id           uuid         primary key,
    dossier_code varchar(25)  not null,
    event_id     uuid         not null,
    event_type   varchar(200) not null,
    channel      varchar(20)  not null,
    -- masked (09******78, n***@example.com): the log never holds a full address
    recipient    varchar(320),
    outcome      varchar(20)  not null,
    created_at   timestamptz  not null default now()
);
-- one entry per (event, channel, recipient): the dedup key deliveries will keep
create unique index notification_log_once on notification_log (event_id, channel, coalesce(recipient, ''));
create index notification_log_dossier on notification_log (dossier_code, created_at, id);
create index notification_log_created on notification_log (created_at, id);
