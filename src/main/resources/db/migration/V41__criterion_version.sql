-- Checks of one criterion may re-run concurrently (a vouch posted while the vouching job runs):
-- an optimistic version makes the later, stale write fail and retry instead of overwriting.
alter table request_criterion add column version bigint default 0 not null;
