-- Issue 18, item 4: order without wall clocks. One Lamport counter per subject (dossier code): the outbox stamps
-- each event it writes with version = this counter + 1; every consumer raises the counter to the highest
-- version it applies. An event caused by another (produced after consuming it) therefore carries a higher
-- version, whatever the hosts' clocks say (docs/ORDERING.md). Rows are never purged: a dossier can sleep for
-- months (a supplement not brought), and a counter that restarted at 1 would order its next event first. A row
-- is some 60 bytes: a million dossiers cost about 60 MB per service.
create table if not exists dossier_clock (
    subject    varchar(200) primary key,
    version    bigint       not null,
    touched_at timestamptz  not null default now()
);
