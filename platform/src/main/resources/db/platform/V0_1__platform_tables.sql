-- Tables of the shared machinery (platform module), created in each service's own schema.

-- Transactional outbox: written in the same transaction as the state change; the relay publishes rows
-- lane by lane in seq order and deletes them. lane = hash(message_key) mod lanes keeps one dossier's
-- events in one lane, so several relay instances keep per-dossier order.
create table outbox_event (
    seq          bigserial primary key,
    id           uuid         not null unique,
    topic        varchar(200) not null,
    message_key  varchar(200) not null,
    lane         smallint     not null,
    type         varchar(200) not null,
    event        jsonb        not null,
    created_at   timestamptz  not null default now()
);
create index outbox_event_lane_seq on outbox_event (lane, seq);

-- Idempotent consumers: an event id is recorded in the same transaction as its effect.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);

-- Events a consumer could not apply after its retries: kept for an operator to inspect and replay,
-- never silently dropped.
create table dead_letter_event (
    consumer     varchar(100) not null,
    event_id     uuid,
    topic        varchar(200) not null,
    message_key  varchar(200),
    payload      text         not null,
    error        text         not null,
    failed_at    timestamptz  not null default now()
);

-- Idempotency-Key of write requests: the stored response is returned for a repeated request.
create table idempotency_key (
    scope           varchar(300) not null,
    idem_key        varchar(255) not null,
    request_hash    char(64)     not null,
    response_status int,
    response_body   text,
    created_at      timestamptz  not null default now(),
    primary key (scope, idem_key)
);
create index idempotency_key_created on idempotency_key (created_at);

-- Miss-counting rate limiter (e.g. wrong dossier code or PIN per client address).
create table rate_limit_bucket (
    bucket       varchar(300) primary key,
    window_start timestamptz  not null,
    misses       int          not null
);
