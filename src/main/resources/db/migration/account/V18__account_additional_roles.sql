-- Roles an account holds besides its main one: a resident who is approved as a volunteer keeps their account
-- and their household, and gains the volunteer pages.
create table user_role (
    user_id    uuid not null references user_account (id) on delete cascade,
    role       varchar(30) not null,
    granted_at timestamp not null,
    primary key (user_id, role)
);
