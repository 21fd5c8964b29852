-- Contributions outside the catalogue ("or/and something else"): role id OTHER with a title of its own.
-- Portable SQL: runs on H2 and PostgreSQL.

alter table role_commitment add column title varchar(200);

-- The roster keeps them too. A person may hold several OTHER contributions, so member_role is keyed by
-- position instead of (member_id, role_id); rebuilt rather than altered, as dropping a primary key is
-- spelt differently on H2 and PostgreSQL.
create table member_role_v65 (
    member_id  varchar(36)   not null references member (id),
    position   integer       not null,
    role_id    varchar(8)    not null,
    title      varchar(200),
    specifics  varchar(4000),
    primary key (member_id, position)
);
insert into member_role_v65 (member_id, position, role_id, title, specifics)
    select member_id, row_number() over (partition by member_id order by role_id) - 1, role_id, null, specifics
    from member_role;
drop table member_role;
alter table member_role_v65 rename to member_role;
