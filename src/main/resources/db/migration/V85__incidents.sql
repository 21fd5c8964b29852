-- Leak incidents (the policy's leak paragraph): what a member distro reported, when they became
-- aware, when they told the reporter and the list, their final report and the admin's closure.
-- Only references are stored (a thread subject or id), never embargoed details: the column
-- lengths are part of that rule. Portable SQL: runs on H2 and PostgreSQL.

create table incident (
    id                   varchar(36)   not null primary key,
    list_id              varchar(40)   not null,
    -- slug of the member distro's name (membership's distroId)
    distro_id            varchar(100)  not null,
    reference            varchar(200)  not null,
    -- the extent as known when reported, if readily known
    initial_extent       varchar(500),
    aware_at             timestamp with time zone not null,
    reported_at          timestamp with time zone not null,
    reported_by          varchar(100)  not null,
    -- AWAITING_NOTICE, INVESTIGATING, REPORT_SUBMITTED, ACCEPTED or ESCALATED
    status               varchar(24)   not null,
    notified_at          timestamp with time zone,
    notice_confirmed_by  varchar(100),
    -- whether notice came later than vouchsafe.incidents.notify-within after awareness
    notice_late          boolean,
    report_due_at        timestamp with time zone not null,
    report_reminder_at   timestamp with time zone not null,
    final_extent         varchar(2000),
    measures             varchar(2000),
    report_submitted_at  timestamp with time zone,
    report_submitted_by  varchar(100),
    reports_submitted    integer       not null,
    report_overdue_at    timestamp with time zone,
    closed_at            timestamp with time zone,
    closed_by            varchar(100),
    closure_note         varchar(2000),
    version              bigint        not null
);
create index ix_incident_distro on incident (distro_id);
create index ix_incident_status on incident (status);
