-- Issue 20, item 7: what Form 01 (Giấy tiếp nhận hồ sơ và hẹn trả kết quả) prints and intake did not keep.
--   sets             số lượng hồ sơ: the sets actually handed in (every dossier before this: one)
--   received_by_name the receiving officer's full name from the token (the login stays in received_by)
--   counts_from      when the statutory time starts to count: the receipt, or for a same-day procedure received
--                    after the unit's cut-off the next working day's opening (issue 20, item 5; null before V7)
--   log_book, log_book_entry: the entry in the unit's log book (Form 07, Sổ theo dõi hồ sơ): one book per unit per
--                    calendar year (Vietnam time), numbered by the year, entries numbered from 1 in the order received
alter table dossier
    add column sets             int not null default 1 check (sets between 1 and 20),
    add column received_by_name varchar(200),
    add column log_book         varchar(20),
    add column log_book_entry   int check (log_book_entry > 0),
    add column counts_from      timestamptz;

-- The last entry of each unit's book of a year; the upsert's row lock serialises receptions as dossier_sequence does,
-- and a rolled-back reception gives its entry back, so the numbers neither repeat nor skip.
create table log_book_sequence (
    unit_code  varchar(13) not null,
    book_year  int         not null,
    last_value int         not null check (last_value > 0),
    primary key (unit_code, book_year)
);
