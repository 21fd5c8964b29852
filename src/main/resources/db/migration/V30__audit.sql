-- Append-only, hash-chained audit log (see docs/adr/0003-hash-chained-audit-log.md).
-- Portable SQL: runs on H2 and PostgreSQL. The application never updates or deletes
-- audit_event rows; in production also revoke UPDATE and DELETE on it from the
-- application's database role (docs/security.md).

create table audit_event (
    id                   varchar(36)    not null primary key,
    seq                  bigint         not null,
    occurred_at          timestamp with time zone not null,
    actor                varchar(100)   not null,
    action               varchar(40)    not null,
    request_id           varchar(36),
    summary              varchar(2000)  not null,
    -- canonical JSON: one flat object of strings, keys sorted
    details              varchar(20000) not null,
    public_to_applicant  boolean        not null,
    prev_hash            varchar(64)    not null,
    hash                 varchar(64)    not null,
    constraint uq_audit_event_seq unique (seq)
);
-- No foreign key to membership_request: the audit trail must outlive anything it describes.
create index ix_audit_event_request on audit_event (request_id);

-- The chain head. Appenders lock this single row (select ... for update), which serialises
-- appends so that the chain can never fork.
create table audit_head (
    id         integer      not null primary key,
    last_seq   bigint       not null,
    last_hash  varchar(64)  not null,
    constraint ck_audit_head_single check (id = 1)
);
insert into audit_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
