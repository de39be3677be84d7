-- Issue 24: a signing delegation says under which authority the delegate signs (Decree 30/2020/NĐ-CP, Art. 13):
-- KT. (ký thay: a deputy in the head's place), TL. (thừa lệnh: by the head's order) or TUQ. (thừa ủy quyền: a written
-- authorisation limited in time). Delegations granted before this were all KT.
alter table delegation add column sign_as varchar(3);
update delegation set sign_as = 'KT' where scope = 'SIGN';
-- the mark a delegate signed under, on the task and on Form 06's line for the signature
alter table agency_task add column signed_as varchar(3);
update agency_task set signed_as = 'KT' where signed_for is not null;
alter table task_activity add column sign_as varchar(3);
update task_activity set sign_as = 'KT' where action = 'SIGNED' and on_behalf_of is not null;
