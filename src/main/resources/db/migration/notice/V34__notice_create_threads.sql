-- One message thread between each household and its community (instead of a chat group per household).
-- Unread counts come from the time each side last read the thread; the thread also remembers who spoke
-- last, so staff can list the households nobody has answered yet.
create table household_thread (
    id                   uuid primary key,
    community_id         varchar(12) not null,
    household_id         uuid not null,
    created_at           timestamp not null,
    last_message_at      timestamp not null,
    waiting_since        timestamp,
    household_read_at    timestamp,
    staff_read_at        timestamp
);
create unique index household_thread_household_idx on household_thread (household_id);
create index household_thread_community_idx on household_thread (community_id, last_message_at);

create table household_thread_message (
    id          uuid primary key,
    thread_id   uuid not null references household_thread (id) on delete cascade,
    from_staff  boolean not null,
    author_id   uuid not null,
    author_name varchar(100) not null,
    body        varchar(2000) not null,
    created_at  timestamp not null
);
create index household_thread_message_thread_idx on household_thread_message (thread_id, created_at);
