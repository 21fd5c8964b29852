-- Accountability requests: a member distro is asked to explain and correct what went wrong in a
-- role it holds. References only (what, a link or thread id), never embargoed content: the
-- lengths keep it so. Portable SQL: runs on H2 and PostgreSQL.
create table accountability_item (
    id           varchar(36)    not null primary key,
    distro_id    varchar(200)   not null,
    distro       varchar(200)   not null,
    role_id      varchar(8)     not null,
    what         varchar(500)   not null,
    reference    varchar(500),
    status       varchar(16)    not null,
    raised_by    varchar(100)   not null,
    raised_at    timestamp with time zone not null,
    answer_due   timestamp with time zone not null,
    reminded_at  timestamp with time zone,
    escalated_at timestamp with time zone,
    explanation  varchar(2000),
    correction   varchar(2000),
    answered_by  varchar(100),
    answered_at  timestamp with time zone,
    outcome      varchar(20),
    note         varchar(2000),
    closed_by    varchar(100),
    closed_at    timestamp with time zone,
    version      bigint         not null
);
create index ix_accountability_distro on accountability_item (distro_id);
create index ix_accountability_status on accountability_item (status);
