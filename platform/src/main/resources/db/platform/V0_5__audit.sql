-- Tamper-evident audit log (issue 23, docs/AUDIT.md). Every event the service publishes and every administrative
-- change is appended here in the transaction that makes the change (unsealed: seq, prev_hash and hash null). The
-- sealer then chains the committed entries in the order it sees them: seq is the position in the chain, hash is
-- SHA-256 over the previous hash and the entry's fields, and a signed checkpoint of the head is kept every so
-- many entries or minutes. Changing, deleting or reordering a sealed entry breaks the chain at that entry.
create table audit_entry (
    id          bigserial    primary key,
    recorded_at timestamptz  not null default now(),
    kind        varchar(20)  not null,
    type        varchar(200) not null,
    subject     varchar(200),
    actor       varchar(200),
    payload     text         not null,
    seq         bigint       unique,
    prev_hash   char(64),
    hash        char(64)
);
create index audit_entry_unsealed on audit_entry (id) where seq is null;

-- The chain's head: the last sealed position and its hash, one row, locked by the sealer of a pass.
create table audit_head (
    singleton boolean     primary key default true check (singleton),
    seq       bigint      not null,
    hash      char(64)    not null,
    sealed_at timestamptz not null
);
insert into audit_head (singleton, seq, hash, sealed_at) values (true, 0, repeat('0', 64), now());

-- Signed checkpoints (Ed25519 over service, seq, hash and time): a verifier holding the public key knows the chain
-- up to each checkpoint existed as it is when it was signed.
create table audit_checkpoint (
    seq       bigint      primary key,
    hash      char(64)    not null,
    signed_at timestamptz not null,
    key_id    varchar(64) not null,
    signature text        not null
);

-- Who read whose personal data (Decree 13/2023): one row per dossier an officer's request showed.
create table personal_data_access (
    id           bigserial    primary key,
    accessed_at  timestamptz  not null default now(),
    actor        varchar(200) not null,
    dossier_code varchar(100) not null,
    endpoint     varchar(300) not null
);
create index personal_data_access_dossier on personal_data_access (dossier_code, accessed_at);
create index personal_data_access_actor on personal_data_access (actor, accessed_at);
