create table demo_item (id uuid primary key, name varchar(200) not null, quantity int not null);
create table demo_effect (event_id uuid not null, note varchar(200) not null);
