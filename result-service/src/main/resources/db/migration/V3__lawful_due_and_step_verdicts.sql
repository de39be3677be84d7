-- Issue 20, the law's verdict. A dossier (or step) is on time when finished by its statutory due date moved
-- only by lawful pauses (supplement, financial obligation); the one extension with apology (Form 04) gives a
-- new appointment (appointment_at) but never makes it on time.

-- The lawful due date, beside the appointment: set by `received` (the first appointment), moved by `resumed`,
-- confirmed by `extension-granted` and `processed` (which never move it further); like the appointment, the
-- event with the latest business time wins (lawful_due_time), so the order of arrival does not matter.
alter table dossier_status
    add column lawful_due_at   timestamptz,
    add column lawful_due_time timestamptz;

-- The control sheet's per-step verdicts (task.completed.v1), so the reports attribute a late step to the agency
-- whose step ran over, not only to the lead agency. Part of the projection; rebuilt by a replay like the rest.
create table step_verdict (
    task_id      uuid         primary key,
    code         varchar(25)  not null,
    step_id      varchar(100) not null,
    agency       varchar(100) not null,
    completed_at timestamptz  not null,
    on_time      boolean      not null
);
create index step_verdict_completed_at on step_verdict (completed_at);
