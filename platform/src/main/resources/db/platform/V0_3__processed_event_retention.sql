-- Issue 18: processed_event grows by one row per event and consumer for ever. Rows older than
-- motcua.inbox.retention (default 30 days, longer than the topics keep their records) are purged; this
-- index lets the purge find them without reading the table.
create index if not exists processed_event_processed_at on processed_event (processed_at);
