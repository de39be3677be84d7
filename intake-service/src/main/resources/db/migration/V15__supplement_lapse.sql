-- Issue 20, item 4: the procedure's rule for a request for supplement whose supply-by date passes unanswered, per
-- version (docs/LEGAL-BASIS.md): RETURN the dossier to the applicant (the default), STOP processing, or WAIT for an
-- officer. dossier.received carries it to routing (rules.supplementLapse), which applies it.
alter table procedure_version add column supplement_lapse varchar(10) not null default 'RETURN'
    check (supplement_lapse in ('RETURN', 'STOP', 'WAIT'));
