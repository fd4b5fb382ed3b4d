-- An optional e-mail address per account, for notifications by e-mail. Stored encrypted (AES-GCM, like ID
-- numbers); shown masked; the person sets it on their own page, admins on the accounts page.
alter table user_account add column email varchar(400);
