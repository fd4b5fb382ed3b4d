-- One thread per volunteer team: its members and the staff of its community write there; each person's
-- last reading time gives their unread count.
create table team_thread_message (
    id           uuid primary key,
    team_id      uuid not null,
    community_id varchar(12) not null,
    author_id    uuid not null,
    author_name  varchar(100) not null,
    from_staff   boolean not null,
    body         varchar(2000) not null,
    created_at   timestamp not null
);
create index team_thread_message_team_idx on team_thread_message (team_id, created_at);

create table team_thread_read (
    team_id uuid not null,
    user_id uuid not null,
    read_at timestamp not null,
    primary key (team_id, user_id)
);
