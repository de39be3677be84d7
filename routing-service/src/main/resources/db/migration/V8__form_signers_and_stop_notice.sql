-- Issue 20, item 7 (the forms): Form 04 is signed by the head of the agency at fault, by title and name
-- (apology_signed_by keeps the name; a row extended before this holds whatever was given then); Form 05 is
-- an administrative document with its number and its legal basis ("Căn cứ ...").
alter table routed_dossier
    add column apology_signer_title varchar(200),
    add column stop_ref             varchar(100),
    add column stop_legal_basis     text;
