-- Why the applicant withdrew a request (null unless withdrawn): the reviewers' mail and the dossier
-- say it; the audit event holds it too, but the mail job must not read the audit log to send it.
alter table membership_request add column withdrawal_reason varchar(2000);
