-- A list admin's exception for one person and one of criteria 6, 8 and 9 that the person has not proved
-- themselves (their own policy signature, their own challenge answered, their own vouch chain): without
-- one, an approval does not subscribe them. Stored with the request first and tied to the decision that
-- took it (decision_id) in the same transaction. Portable SQL: runs on H2 and PostgreSQL.
create table admission_exception (
    id          varchar(36)   not null primary key,
    request_id  varchar(36)   not null references membership_request (id),
    decision_id varchar(36),
    email       varchar(320)  not null,
    criterion   integer       not null,
    reason      varchar(2000) not null,
    recorded_by varchar(100)  not null,
    recorded_at timestamp with time zone not null,
    constraint ck_admission_exception_criterion check (criterion in (6, 8, 9))
);
create index ix_admission_exception_request on admission_exception (request_id);
create index ix_admission_exception_decision on admission_exception (decision_id);
