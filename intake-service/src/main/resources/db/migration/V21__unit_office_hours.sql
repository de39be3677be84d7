-- A one-stop unit's reception hours per weekday (Saturday mornings included) and its daily cut-off (issue 20,
-- item 5). Null: the deployment's office hours (Monday to Friday) and its cut-off (motcua.intake.same-day-cutoff).
-- office_hours is UnitHours' JSON: {"days":[{"day":"MONDAY","sessions":[{"opens":"07:30","closes":"11:30"},…]},…]}.
alter table one_stop_unit
    add column office_hours jsonb,
    add column cutoff       time,
    add column hours_updated_by varchar(100);

-- When a received dossier reaches the agencies: after the cut-off, the next working day's opening (dossier.received
-- handedOverAt; routing starts steps counted in hours there). Null for dossiers received before.
alter table dossier
    add column handed_over_at timestamptz;
