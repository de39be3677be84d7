-- Issue 21: the files of a dossier (scans at the counter). Only metadata lives here; the bytes are objects
-- of the S3 store under object_key. A row is written only after its object was stored whole, so a row never
-- points to a partial object; an object with no row (a crash between the two) is collected after a grace period.
create table dossier_file (
    id           uuid         primary key,
    dossier_id   uuid         not null references dossier (id),
    component    int          not null check (component >= 0),
    file_name    varchar(255) not null,
    content_type varchar(64)  not null,
    size_bytes   bigint       not null check (size_bytes > 0),
    sha256       char(64)     not null,
    object_key   varchar(200) not null,
    uploaded_by  varchar(255) not null,
    uploaded_at  timestamptz  not null
);
create index dossier_file_by_dossier on dossier_file (dossier_id, uploaded_at, id);
-- the collector asks "is this object referenced?" for every object past the grace period
create index dossier_file_by_object on dossier_file (object_key);
