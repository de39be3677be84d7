-- Issue 20, item 5: a procedure version may set its own cut-off (giờ tiếp nhận cuối ngày) after which a same-day
-- reception counts from the next working day; null = the deployment's motcua.intake.same-day-cutoff (15:00).
alter table procedure_version add column same_day_cutoff time;
