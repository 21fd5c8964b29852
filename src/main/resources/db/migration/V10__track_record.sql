-- Criterion 3 evidence: one row per issue a distro fixed, per membership request.
-- Kept in a table rather than in process variables: a record can have 100,000 entries.
-- Portable SQL: runs on H2 and PostgreSQL.

create table track_record_entry (
    id                 varchar(36)   not null primary key,
    request_id         varchar(36)   not null references membership_request (id),
    issue              varchar(100)  not null,
    public_date        date          not null,
    fix_date           date          not null,
    via_distros        boolean       not null,
    reference          varchar(2000) not null,
    upstream_fix_date  date,
    -- where the entry came from: FILING, CSV or OSV
    source             varchar(16)   not null,
    -- an issue counts once per request; the import checks this too, the constraint settles races
    constraint uq_track_record_issue unique (request_id, issue)
);
