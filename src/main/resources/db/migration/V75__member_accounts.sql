-- Life after admission (issue 14): a member distro's id, members' accounts and invitations, and
-- the contributions a member distro records. Portable SQL (H2 and PostgreSQL).

-- The slug of the distro name; rows from before are filled by the application when first read.
alter table member add column distro_id varchar(200);
create index ix_member_distro_id on member (distro_id);

-- A subscribed person's Camunda account (user id = username). password_set_at null: invited, not yet usable.
create table member_account (
    username         varchar(64)   not null primary key,
    member_id        varchar(36)   not null references member (id),
    email            varchar(320)  not null,
    created_at       timestamp with time zone not null,
    password_set_at  timestamp with time zone,
    constraint uq_member_account_member unique (member_id)
);

-- One-time links to set the password: only the SHA-256 of the token is stored.
create table member_invitation (
    id               varchar(36)   not null primary key,
    username         varchar(64)   not null references member_account (username),
    token_sha256     varchar(64)   not null,
    created_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    used_at          timestamp with time zone,
    revoked_at       timestamp with time zone,
    created_by       varchar(64)   not null,
    constraint uq_member_invitation_token unique (token_sha256)
);
create index ix_member_invitation_username on member_invitation (username);

-- What a member distro did for its roles: references only, never embargoed content.
create table member_contribution (
    id               varchar(36)   not null primary key,
    distro_id        varchar(200)  not null,
    role_id          varchar(8)    not null,
    contributed_on   date          not null,
    reference        varchar(300)  not null,
    summary          varchar(280)  not null,
    recorded_by      varchar(64)   not null,
    recorded_at      timestamp with time zone not null
);
create index ix_member_contribution_distro on member_contribution (distro_id, contributed_on);

-- A member's current key once they uploaded a renewed or successor one (else the key filed with the request counts).
create table member_key (
    member_id    varchar(36)    not null primary key references member (id),
    public_key   varchar(70000) not null,
    fingerprint  varchar(64)    not null,
    updated_at   timestamp with time zone not null
);
