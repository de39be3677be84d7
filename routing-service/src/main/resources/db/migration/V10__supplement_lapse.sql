-- Issue 20, item 4: what the procedure says becomes of a dossier whose applicant let the supply-by date of a request
-- for supplement pass (dossier.received's rules.supplementLapse): RETURN it to the applicant, STOP processing, or
-- WAIT for an officer (the dossier stays paused, on the supervisors' list). Dossiers routed before: WAIT, as before.
alter table routed_dossier add column supplement_lapse varchar(10) not null default 'WAIT'
    check (supplement_lapse in ('RETURN', 'STOP', 'WAIT'));
