-- Members leave: the roster keeps them with a status and the moment they left (or will leave),
-- so that it can answer who was subscribed on a past date. Portable SQL: runs on H2 and PostgreSQL.
alter table member add column status varchar(16) default 'SUBSCRIBED' not null;
alter table member add column left_at timestamp with time zone;
alter table member add column leave_reason varchar(2000);
create index ix_member_status on member (status);
