-- The citizen hears of every step intake and routing now publish (issue 8, session 3):
-- an online submission (code and PIN), a refusal with its reasons (Form 03), a withdrawal, an
-- acknowledgement of supplied documents (e-mail only: usually handed over in person at the counter),
-- a financial obligation to pay (national status 6) and the stop of processing (status 8).
-- The obligation is told from `obligation.requested` (amount, description, pay-by date), not from the
-- `paused` routing publishes with it: a rule on `paused` would fire for supplements too, which the
-- citizen already hears of from intake's `supplement-requested` (Form 02).
insert into notification_rule (id, event_type, audience, channel, template) values
    (gen_random_uuid(), 'vn.motcua.dossier.submitted.v1',           'APPLICANT', 'EMAIL', 'submitted'),
    (gen_random_uuid(), 'vn.motcua.dossier.submitted.v1',           'APPLICANT', 'SMS',   'submitted'),
    (gen_random_uuid(), 'vn.motcua.dossier.refused.v1',             'APPLICANT', 'EMAIL', 'refused'),
    (gen_random_uuid(), 'vn.motcua.dossier.refused.v1',             'APPLICANT', 'SMS',   'refused'),
    (gen_random_uuid(), 'vn.motcua.dossier.withdrawn.v1',           'APPLICANT', 'EMAIL', 'withdrawn'),
    (gen_random_uuid(), 'vn.motcua.dossier.withdrawn.v1',           'APPLICANT', 'SMS',   'withdrawn'),
    (gen_random_uuid(), 'vn.motcua.dossier.supplement-supplied.v1', 'APPLICANT', 'EMAIL', 'supplement-supplied'),
    (gen_random_uuid(), 'vn.motcua.obligation.requested.v1',        'APPLICANT', 'EMAIL', 'obligation-requested'),
    (gen_random_uuid(), 'vn.motcua.obligation.requested.v1',        'APPLICANT', 'SMS',   'obligation-requested'),
    (gen_random_uuid(), 'vn.motcua.dossier.processing-stopped.v1',  'APPLICANT', 'EMAIL', 'processing-stopped'),
    (gen_random_uuid(), 'vn.motcua.dossier.processing-stopped.v1',  'APPLICANT', 'SMS',   'processing-stopped')
on conflict (event_type, audience, channel) do nothing;
