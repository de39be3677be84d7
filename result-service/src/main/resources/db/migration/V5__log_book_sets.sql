-- Issue 20, item 7: Form 07 (Sổ theo dõi hồ sơ) prints the sets actually handed in, which dossier.received now
-- carries; entries written before this had none told and count one.
alter table log_book_entry add column sets int not null default 1 check (sets between 1 and 20);
