-- The SHA-256 (lower-case hex) of exactly the bytes a policy signature covers, named in criterion 6's
-- reasons so that a signer can compare it with sha256sum of the file they signed.
-- Null for signatures recorded while the statement was a paraphrase of the policy instead of its full
-- text: they no longer count for criterion 6, and the signer is asked to sign the current statement.
alter table policy_signature add column signed_text_sha256 varchar(64);
