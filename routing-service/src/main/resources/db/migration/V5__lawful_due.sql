-- Issue 20, the law's verdict: a dossier is on time when decided by its statutory due date moved only by
-- lawful pauses (supplement, financial obligation); the one extension with apology (Form 04) moves the
-- appointment (due_at) but not this date. Kept apart from due_at so the verdict never reads the extension.
alter table routed_dossier add column lawful_due_at timestamptz;
-- Dossiers routed before: the date the extension started from, else the due date in force (pauses after an
-- extension are not recoverable here; no such dossier exists outside test stacks).
update routed_dossier set lawful_due_at = coalesce(extension_previous_due_at, due_at);
alter table routed_dossier alter column lawful_due_at set not null;
