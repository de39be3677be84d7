-- What the forms routing prints (Form 04 apology, Form 05 stop notice, Form 06 control sheet) need from
-- the reception, copied from intake's dossier.received event: the applicant's name and address (never the
-- phone, e-mail, citizen ID or lookup PIN) and the procedure's name. Dossiers routed before this
-- migration have none of them: the forms print "(chưa có thông tin)" and the procedure code.
alter table routed_dossier
    add column applicant_name    varchar(300),
    add column applicant_address text,
    add column procedure_name    text;
