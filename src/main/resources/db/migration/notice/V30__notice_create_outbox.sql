-- The notification outbox: a notification is written in the same transaction as the business change
-- that caused it; a relay delivers it afterwards, one row per recipient and channel.
create table notification (
    id           uuid primary key,
    kind         varchar(40) not null,
    community_id varchar(12),
    subject_ref  varchar(80),
    title        varchar(200) not null,
    body         varchar(4000) not null,
    link         varchar(300),
    dedupe_key   varchar(120),
    created_at   timestamp not null
);
create unique index notification_dedupe_idx on notification (dedupe_key);

create table notification_delivery (
    id                uuid primary key,
    notification_id   uuid not null references notification (id) on delete cascade,
    channel           varchar(10) not null,
    user_id           uuid,
    household_id      uuid,
    address           varchar(500),
    idempotency_key   varchar(60) not null,
    status            varchar(10) not null,
    attempts          int not null,
    next_attempt_at   timestamp not null,
    lease_until       timestamp,
    last_error        varchar(500),
    sent_at           timestamp,
    read_at           timestamp,
    created_at        timestamp not null
);
create unique index notification_delivery_key_idx on notification_delivery (idempotency_key);
create index notification_delivery_due_idx on notification_delivery (status, next_attempt_at);
create index notification_delivery_user_idx on notification_delivery (user_id, created_at);
create index notification_delivery_household_idx on notification_delivery (household_id, created_at);
create index notification_delivery_notification_idx on notification_delivery (notification_id);

-- A community's group robot (WeCom / DingTalk) that receives every notice of the community.
create table notice_webhook (
    id           uuid primary key,
    community_id varchar(12) not null,
    name         varchar(50) not null,
    url          varchar(500) not null,
    created_at   timestamp not null
);
create index notice_webhook_community_idx on notice_webhook (community_id);
