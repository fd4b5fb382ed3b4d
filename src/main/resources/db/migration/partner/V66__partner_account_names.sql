-- The partner module keeps the user name and contact's name of each partner account itself, so its pages need
-- not read the account module's tables.
alter table partner_account add column username varchar(50);
alter table partner_account add column display_name varchar(50);
