-- Issue 20, item 4: an online submission still waiting for the counter's check after the unit's time for it raises
-- one warning event (vn.motcua.dossier.submission-unchecked.v1); the sweep marks the dossier it warned about.
alter table dossier add column unchecked_warned_at timestamptz;
create index dossier_submitted_unwarned on dossier (submitted_at) where status = 'SUBMITTED' and unchecked_warned_at is null;
