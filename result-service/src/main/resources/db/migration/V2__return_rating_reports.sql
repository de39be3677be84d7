-- Issue 7: the full status projection (pauses, extension, processing outcome, stop, return), the Form 06
-- log book, result return and satisfaction ratings.

-- What the projection keeps beyond the skeleton. Every column is set by one kind of event; where two events
-- could disagree, the one with the later business time wins (the *_time columns), so events may arrive in
-- any order across topics and be applied again without changing the outcome.
alter table dossier_status
    add column submitted_at      timestamptz,
    add column lead_agency       varchar(100),
    -- business time of the event that set appointment_at (received, resumed, extension-granted)
    add column appointment_time  timestamptz,
    add column paused            boolean      not null default false,
    -- business time of the paused/resumed event that set `paused`
    add column pause_time        timestamptz,
    add column processed_at      timestamptz,
    add column processed_due_at  timestamptz,
    add column processed_on_time boolean,
    add column outcome           varchar(10),
    add column stopped_at        timestamptz,
    add column withdrawn_at      timestamptz,
    add column returned_at       timestamptz,
    -- the Form 04 apology of the one extension, referenced by a late result
    add column apology_ref       varchar(200);
-- the counter officers' ready-for-return queue: processed, not yet returned, per unit
create index dossier_status_ready on dossier_status (unit_code, processed_at) where status = 'PROCESSED';
create index dossier_status_received on dossier_status (received_at);

-- Clock pauses (supplement, financial obligation), one row per pause: the progress report needs whether a
-- dossier was paused at the end of a past period. Keyed by its start, which `resumed` repeats.
create table dossier_pause (
    code       varchar(25) not null,
    paused_at  timestamptz not null,
    reason     varchar(40),
    resumed_at timestamptz,
    primary key (code, paused_at)
);

-- Agency names seen on events (plan snapshots, assignments, transfers), for timeline and report labels.
create table agency_name (
    code varchar(100) primary key,
    name varchar(300) not null
);

-- Form 06, Sổ theo dõi hồ sơ: what the log book needs beyond dossier_status (applicant from `received`,
-- the hand-over from `result-returned`). Part of the projection; rebuilt by a replay like the rest.
create table log_book_entry (
    code              varchar(25) primary key,
    applicant_name    varchar(300),
    applicant_address varchar(500),
    applicant_phone   varchar(30),
    returned_at       timestamptz,
    return_channel    varchar(10),
    result_received_by varchar(300),
    returned_by       varchar(100),
    tracking_number   varchar(100)
);

-- The write side of result return: one row per dossier, so two officers returning at once cannot both win.
create table result_return (
    code            varchar(25)  primary key,
    returned_at     timestamptz  not null,
    channel         varchar(10)  not null,
    received_by     varchar(300),
    tracking_number varchar(100),
    returned_by     varchar(100) not null,
    on_time         boolean      not null,
    apology_ref     varchar(200),
    event_id        uuid         not null unique
);

-- Satisfaction ratings (đánh giá mức độ hài lòng), one per dossier.
create table dossier_rating (
    code               varchar(25)  primary key,
    rated_at           timestamptz  not null,
    on_time            boolean      not null,
    contact_count      smallint     not null,
    agencies_contacted smallint     not null,
    staff_attitude     varchar(20)  not null,
    openness           varchar(20)  not null,
    overall            varchar(20)  not null,
    comment            varchar(1000),
    event_id           uuid         not null unique
);
create index dossier_rating_rated_at on dossier_rating (rated_at);
