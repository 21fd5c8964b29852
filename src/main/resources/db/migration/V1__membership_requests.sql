-- Membership requests as filed, the per-criterion answers and check results, votes,
-- replies, decisions and the roster. Portable SQL: runs on H2 and PostgreSQL.

create table membership_request (
    id                       varchar(36)    not null primary key,
    list_name                varchar(32)    not null,
    distro_name              varchar(200)   not null,
    -- normalised distro name while the request is open, null once closed: at most one open request per distro
    open_distro_key          varchar(200),
    homepage                 varchar(500),
    organization             varchar(200),
    unix_like                boolean        not null,
    open_source              boolean        not null,
    latest_release           date,
    upstream                 varchar(200),
    userbase                 varchar(20000),
    downstream_justification varchar(20000),
    policy_version           varchar(32)    not null,
    policy_accepted          boolean        not null,
    status                   varchar(32)    not null,
    review_round             integer        not null,
    filed_by                 varchar(100)   not null,
    filed_at                 timestamp with time zone not null,
    closed_at                timestamp with time zone,
    process_instance_id      varchar(64),
    version                  bigint         not null,
    constraint uq_request_open_distro unique (open_distro_key)
);
create index ix_request_filed_by on membership_request (filed_by);
create index ix_request_status on membership_request (status);

create table request_criterion (
    request_id  varchar(36)   not null references membership_request (id),
    number      integer       not null,
    answer      varchar(20000) not null,
    outcome     varchar(16)   not null,
    reasons     varchar(8000) not null,
    checked_at  timestamp with time zone,
    primary key (request_id, number)
);

create table requester (
    id           varchar(36)   not null primary key,
    request_id   varchar(36)   not null references membership_request (id),
    position     integer       not null,
    name         varchar(200)  not null,
    email        varchar(320)  not null,
    affiliation  varchar(200),
    public_key   varchar(70000) not null,
    fingerprint  varchar(64),
    constraint uq_requester_email unique (request_id, email)
);

create table community_link (
    request_id  varchar(36)   not null references membership_request (id),
    position    integer       not null,
    url         varchar(2000) not null,
    primary key (request_id, position)
);

create table role_commitment (
    id          varchar(36)   not null primary key,
    request_id  varchar(36)   not null references membership_request (id),
    role_id     varchar(8)    not null,
    specifics   varchar(4000) not null
);

create table named_voucher (
    id           varchar(36)  not null primary key,
    request_id   varchar(36)  not null references membership_request (id),
    name         varchar(200) not null,
    email        varchar(320) not null,
    vouches_for  varchar(320) not null
);

create table vote (
    id             varchar(36)   not null primary key,
    request_id     varchar(36)   not null references membership_request (id),
    round          integer       not null,
    reviewer       varchar(100)  not null,
    vote           varchar(16)   not null,
    comment        varchar(8000),
    criteria_notes varchar(8000),
    cast_at        timestamp with time zone not null,
    -- one vote per reviewer per round, enforced by the database too
    constraint uq_vote_reviewer_round unique (request_id, round, reviewer)
);

create table applicant_reply (
    id          varchar(36)    not null primary key,
    request_id  varchar(36)    not null references membership_request (id),
    round       integer        not null,
    author      varchar(100)   not null,
    text        varchar(20000) not null,
    created_at  timestamp with time zone not null
);

create table decision (
    id              varchar(36)   not null primary key,
    request_id      varchar(36)   not null references membership_request (id),
    outcome         varchar(16)   not null,
    reason          varchar(8000),
    effective_date  date,
    decided_by      varchar(100)  not null,
    decided_at      timestamp with time zone not null
);
create index ix_decision_request on decision (request_id);

create table member (
    id           varchar(36)   not null primary key,
    request_id   varchar(36)   references membership_request (id),
    distro       varchar(200)  not null,
    list_name    varchar(32)   not null,
    name         varchar(200)  not null,
    email        varchar(320)  not null,
    fingerprint  varchar(64),
    joined_at    timestamp with time zone not null,
    constraint uq_member_email unique (email)
);

create table member_role (
    member_id  varchar(36)   not null references member (id),
    role_id    varchar(8)    not null,
    specifics  varchar(4000),
    primary key (member_id, role_id)
);

-- Reviewers' affiliations, for conflict-of-interest exclusion (Camunda's identity service has no such field).
create table reviewer_profile (
    username      varchar(100) not null primary key,
    display_name  varchar(200) not null,
    email         varchar(320) not null,
    distro        varchar(200),
    organization  varchar(200)
);
