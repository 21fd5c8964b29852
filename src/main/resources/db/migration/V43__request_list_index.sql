-- GET /api/requests pages the list newest first; without this index every page sorts all requests.
create index ix_request_filed_at on membership_request (filed_at);
