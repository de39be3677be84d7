-- Issue 16: a dossier's events come on three topics whose consumers do not keep one order between them
-- (routing's `obligation.requested` can arrive before intake's `received`). Notification no longer
-- assumes they do:
--  * an event whose applicant is not known yet waits here, and is planned again, in the order it arrived,
--    by the event that brings the contact (`received`, `submitted`), in that event's transaction;
--  * the end of a dossier no longer deletes its contact at once: it is marked ended, and the purge drops it
--    after motcua.notification.contact-retention (default 7 days), so a notice of an earlier step that
--    arrives after the end (a lagging topic) still reaches the applicant.
create table waiting_event (
    event_id     uuid          primary key,
    dossier_code varchar(25)   not null,
    event_type   varchar(200)  not null,
    -- the CloudEvents JSON as received; holds no ID number or PIN (only `received`/`submitted` carry a PIN,
    -- and they never wait)
    payload      text          not null,
    arrived_at   timestamptz   not null,
    arrival      bigserial     not null
);
create index waiting_event_dossier on waiting_event (dossier_code, arrival);
create index waiting_event_arrived on waiting_event (arrived_at);

alter table dossier_contact add column ended_at timestamptz;
create index dossier_contact_ended on dossier_contact (ended_at) where ended_at is not null;

-- CANCELLED: the webhook subscription was deactivated or deleted before the delivery went out.
create index delivery_subscription_pending on delivery (subscription_id) where status = 'PENDING';
