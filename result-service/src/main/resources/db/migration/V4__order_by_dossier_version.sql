-- Issue 18, item 4: the current status and the timeline follow the events' dossierversion (a per-dossier Lamport
-- counter, docs/ORDERING.md), not the producers' clocks. Null for events written before it: those fall back to
-- business time, as before.
alter table dossier_status add column last_version bigint;
alter table dossier_timeline add column version bigint;
drop index if exists dossier_timeline_code_at;
create index dossier_timeline_code_order on dossier_timeline (code, version nulls first, at, id);
