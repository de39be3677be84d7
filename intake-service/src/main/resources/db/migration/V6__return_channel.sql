-- How the applicant asked to get the result back, chosen at reception (hình thức trả kết quả): at the counter
-- (the default, and what every dossier received before this column meant), by post to return_address, or online.
alter table dossier
    add column return_channel varchar(8) not null default 'COUNTER' check (return_channel in ('COUNTER', 'POST', 'ONLINE')),
    add column return_address text;
