-- Criterion 9: signed vouches, the vouching round of each request (its deadline) and the
-- requesters an approval left off the roster. Portable SQL: runs on H2 and PostgreSQL.

create table vouching_round (
    request_id      varchar(36)  not null primary key references membership_request (id),
    opened_at       timestamp with time zone not null,
    deadline_at     timestamp with time zone not null,
    closed_at       timestamp with time zone,
    -- ALL_VOUCHED or DEADLINE
    closed_because  varchar(16)
);

create table vouch (
    id                   varchar(36)    not null primary key,
    request_id           varchar(36)    not null references membership_request (id),
    voucher_name         varchar(200)   not null,
    -- lower case, so that one person is one voucher whatever the spelling
    voucher_email        varchar(320)   not null,
    voucher_affiliation  varchar(200),
    -- MEMBER, VETERAN or TEAMMATE
    branch               varchar(16)    not null,
    requester_email      varchar(320)   not null,
    strength             varchar(16)    not null,
    comment              varchar(4000),
    -- COUNTING, AWAITING_CONFIRMATION or NOT_CONFIRMED
    status               varchar(24)    not null,
    -- 1 for a member or veteran, one more than the vouching teammate's for a teammate
    depth                integer        not null,
    voucher_fingerprint  varchar(64)    not null,
    -- veterans only: the key they signed with is on file nowhere else
    voucher_public_key   varchar(70000),
    first_activity       date,
    -- exactly the bytes the signature covers, and the signature alone
    signed_text          varchar(8000)  not null,
    signature            varchar(70000) not null,
    signed_at            timestamp with time zone not null,
    recorded_at          timestamp with time zone not null,
    confirmed_by         varchar(100),
    confirmed_at         timestamp with time zone,
    confirmation_note    varchar(4000),
    version              bigint         not null,
    constraint uq_vouch_voucher_requester unique (request_id, voucher_email, requester_email)
);
create index ix_vouch_request on vouch (request_id);

create table vouch_evidence (
    vouch_id  varchar(36)   not null references vouch (id),
    position  integer       not null,
    url       varchar(2000) not null,
    primary key (vouch_id, position)
);

-- Requesters an approval did not subscribe because nobody vouched for them, one per line.
alter table decision add column not_subscribed varchar(8000);
