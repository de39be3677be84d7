-- Issue 20, item 4: supervisors hear of a dossier still paused for a supplement after its supply-by date (routing's
-- warning vn.motcua.dossier.supplement-overdue.v1), as they hear of overdue dossiers.
insert into notification_rule (id, event_type, audience, channel, template) values
    (gen_random_uuid(), 'vn.motcua.dossier.supplement-overdue.v1', 'SUPERVISOR', 'EMAIL', 'supplement-overdue-supervisor')
on conflict (event_type, audience, channel) do nothing;
