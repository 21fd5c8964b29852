-- A member who leaves or is removed keeps their account row (the audit trail names it) but can
-- no longer sign in: closed_at is set when the departure takes effect.
alter table member_account add column closed_at timestamp;
