-- One row that nodes lock while they seed accounts and authorizations at start-up: two nodes
-- starting together on one database would otherwise both find an authorization missing, both
-- insert it, and the loser would die on ACT_RU_AUTHORIZATION's unique constraint.
create table startup_lock (
    id integer not null primary key,
    constraint ck_startup_lock_single check (id = 1)
);
insert into startup_lock (id) values (1);
