-- OpenPGP: the encrypted challenge of criterion 8, signed policy acceptance (criterion 6) and the
-- record of mails sent (never twice). Portable SQL: runs on H2 and PostgreSQL.

create table pgp_challenge (
    id               varchar(36)    not null primary key,
    request_id       varchar(36)    not null references membership_request (id),
    requester_email  varchar(320)   not null,
    fingerprint      varchar(64)    not null,
    -- SHA-256 (hex) of the expected answer; the secret itself is never stored
    answer_hash      varchar(64)    not null,
    -- a certificate may carry several encryption subkeys, each adding a session-key packet
    armored_message  varchar(100000) not null,
    status           varchar(16)    not null,
    wrong_answers    integer        not null,
    issued_at        timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    answered_at      timestamp with time zone,
    constraint uq_challenge_request_key unique (request_id, fingerprint)
);

create table policy_signature (
    id              varchar(36)    not null primary key,
    request_id      varchar(36)    not null references membership_request (id),
    fingerprint     varchar(64)    not null,
    policy_version  varchar(32)    not null,
    -- exactly the bytes the signature covers, and the signature alone
    signed_text     varchar(70000) not null,
    signature       varchar(70000) not null,
    signed_at       timestamp with time zone not null,
    verified_at     timestamp with time zone not null,
    constraint uq_policy_signature unique (request_id, fingerprint, policy_version)
);

create table sent_mail (
    idempotency_key  varchar(200)   not null primary key,
    recipient        varchar(320)   not null,
    subject          varchar(998)   not null,
    -- SENDING while the transport runs, SENT once handed over; a crash in between leaves SENDING
    status           varchar(16)    not null,
    transport        varchar(16)    not null,
    reserved_at      timestamp with time zone not null,
    sent_at          timestamp with time zone
);
