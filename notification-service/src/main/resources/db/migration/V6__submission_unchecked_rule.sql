-- Issue 20, item 4: supervisors hear of an online submission left unchecked past the unit's time for it (intake's
-- warning vn.motcua.dossier.submission-unchecked.v1).
insert into notification_rule (id, event_type, audience, channel, template) values
    (gen_random_uuid(), 'vn.motcua.dossier.submission-unchecked.v1', 'SUPERVISOR', 'EMAIL', 'submission-unchecked-supervisor')
on conflict (event_type, audience, channel) do nothing;
