create table user_account (
    id              uuid primary key,
    username        varchar(50) not null unique,
    display_name    varchar(50) not null,
    password_hash   varchar(200) not null,
    role            varchar(30) not null,
    enabled         boolean not null,
    household_id    uuid,
    failed_logins   int not null,
    locked_until    timestamp,
    created_at      timestamp not null
);

-- The places a staff account may see: whole streets, or single communities.
create table user_scope (
    user_id      uuid not null references user_account (id) on delete cascade,
    street_id    varchar(12),
    community_id varchar(12),
    constraint user_scope_one_place check ((street_id is null) <> (community_id is null))
);
create index user_scope_user_idx on user_scope (user_id);

-- A resident says "this is my household"; staff of that community confirm or reject it.
create table household_claim (
    id            uuid primary key,
    user_id       uuid not null references user_account (id) on delete cascade,
    household_id  uuid not null,
    community_id  varchar(12) not null,
    resident_name varchar(50) not null,
    status        varchar(10) not null,
    created_at    timestamp not null,
    decided_at    timestamp,
    decided_by    varchar(100),
    note          varchar(300)
);
create index household_claim_community_status_idx on household_claim (community_id, status);
