-- Issue 20, item 6: territorial competence. A dossier may be received at any unit whatever the administrative
-- boundary; the agency competent for it follows the applicant's commune (mã đơn vị hành chính cấp xã, 5 digits):
-- for a procedure and a commune, the agency that does the work of the procedure's competent agency there. A commune
-- without a row is served by the procedure's own plan.
create table procedure_area_agency (
    procedure_code varchar(64) not null,
    commune_code   varchar(5)  not null,
    agency_code    varchar(64) not null references agency (code),
    updated_at     timestamptz not null,
    updated_by     varchar(100) not null,
    primary key (procedure_code, commune_code)
);

-- The applicant's commune as given at reception (null when not given), kept for the acceptance of a submission.
alter table dossier add column commune_code varchar(5);
