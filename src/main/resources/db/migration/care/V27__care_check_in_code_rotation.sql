-- Rotating a case's phone check-in code: the version is part of the signed code, and the check-in writer only
-- inserts when the code's version is the case's current one, so a rotated (leaked, lost) code stops at once.
-- Codes handed out before this column existed are version 1 and stay valid until the first rotation.
alter table care_observation add column code_version int default 1 not null;
