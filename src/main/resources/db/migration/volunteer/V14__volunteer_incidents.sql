-- Incidents reported about a volunteer's interaction, handled by a social worker step by step.
create table volunteer_incident (
    id              uuid primary key,
    community_id    varchar(12) not null references community (id),
    reported_by     uuid not null,
    reporter_name   varchar(50) not null,
    reporter_role   varchar(30) not null,
    volunteer_id    uuid references volunteer (id),
    volunteer_named varchar(50) not null,
    occurred_on     date not null,
    kind            varchar(20) not null,
    description     varchar(1000) not null,
    status          varchar(15) not null,
    outcome         varchar(15),
    created_at      timestamp not null,
    closed_at       timestamp
);
create index volunteer_incident_community_idx on volunteer_incident (community_id, status, created_at);
create index volunteer_incident_volunteer_idx on volunteer_incident (volunteer_id, occurred_on);

create table volunteer_incident_step (
    id          uuid primary key,
    incident_id uuid not null references volunteer_incident (id) on delete cascade,
    status      varchar(15) not null,
    note        varchar(1000) not null,
    at          timestamp not null,
    by_name     varchar(100) not null
);
create index volunteer_incident_step_idx on volunteer_incident_step (incident_id, at);
