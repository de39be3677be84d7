-- Issue 20, item 4: a dossier still paused for a supplement after its supply-by date raises one warning event
-- (vn.motcua.dossier.supplement-overdue.v1); the sweep marks the request it warned about, as it marks due dates.
alter table supplement_request add column overdue_at timestamptz;
