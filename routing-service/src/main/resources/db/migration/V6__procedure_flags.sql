-- Issue 20: the catalogue's flags of the procedure version a dossier was received under, as dossier.received
-- carries them (ProcedureRules): an agency may pause for a supplement only where suspension is allowed, and the
-- one extension with apology only where extension is allowed (409 otherwise). Dossiers routed before: allowed.
alter table routed_dossier
    add column suspension_allowed boolean not null default true,
    add column extension_allowed  boolean not null default true;
