-- Notices published by staff to an audience: a street, a community, a building group, households with a
-- vulnerable member, the volunteers of a community, or one team.
create table notice (
    id                uuid primary key,
    street_id         varchar(12) not null,
    community_id      varchar(12),
    audience          varchar(20) not null,
    audience_ref      varchar(64),
    audience_label    varchar(200) not null,
    category          varchar(20) not null,
    title             varchar(200) not null,
    body              varchar(8000) not null,
    pinned            boolean not null,
    expires_at        timestamp,
    published_at      timestamp not null,
    published_by      uuid not null,
    published_by_name varchar(100) not null,
    households        int not null,
    users             int not null,
    notification_id   uuid
);
create index notice_community_idx on notice (community_id, published_at);
create index notice_street_idx on notice (street_id, published_at);

create table notice_attachment (
    id           uuid primary key,
    notice_id    uuid not null references notice (id) on delete cascade,
    file_name    varchar(200) not null,
    content_type varchar(50) not null,
    size_bytes   int not null,
    content      bytea not null
);
create index notice_attachment_notice_idx on notice_attachment (notice_id);

-- Who read a notice (one row per account; household_id lets us count households that read it).
create table notice_read (
    notice_id    uuid not null references notice (id) on delete cascade,
    user_id      uuid not null,
    household_id uuid,
    read_at      timestamp not null,
    primary key (notice_id, user_id)
);

-- The building-group leaders expected to confirm a notice, fixed when it is published.
create table notice_leader (
    notice_id      uuid not null references notice (id) on delete cascade,
    user_id        uuid not null,
    display_name   varchar(100) not null,
    building_group varchar(50),
    primary key (notice_id, user_id)
);
