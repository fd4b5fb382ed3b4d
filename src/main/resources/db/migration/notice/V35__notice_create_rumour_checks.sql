-- Rumour checks: a resident asks about something they heard; staff or an expert answers with a verdict
-- and a source; answered checks are public to everyone signed in and searchable.
create table rumour_check (
    id               uuid primary key,
    community_id     varchar(12),
    question         varchar(1000) not null,
    submitted_by     uuid not null,
    submitted_at     timestamp not null,
    verdict          varchar(10),
    answer           varchar(2000),
    source           varchar(500),
    answered_by_name varchar(100),
    answered_at      timestamp
);
create index rumour_check_open_idx on rumour_check (answered_at, submitted_at);
