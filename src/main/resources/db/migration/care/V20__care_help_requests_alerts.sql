-- Help requests: a household asks for help; staff triage and assign it to a volunteer (a volunteer task).
create table care_help_request (
    id              uuid primary key,
    community_id    varchar(12) not null references community (id),
    household_id    uuid not null,
    building_group  varchar(50) not null,
    grid            varchar(50),
    address         varchar(250) not null,
    kind            varchar(20) not null,
    urgency         varchar(10) not null,
    details         varchar(1000) not null,
    contact         varchar(100),
    vulnerability   int not null,
    status          varchar(12) not null,
    client_token    varchar(64),
    filed_by        uuid not null,
    filed_by_name   varchar(100) not null,
    on_behalf       boolean not null,
    created_at      timestamp not null,
    target_at       timestamp not null,
    triaged_at      timestamp,
    assigned_at     timestamp,
    started_at      timestamp,
    done_at         timestamp,
    cancelled_at    timestamp,
    escalated_at    timestamp,
    volunteer_id    uuid,
    volunteer_name  varchar(50),
    task_id         uuid,
    rating          int,
    thanks          varchar(300),
    rated_at        timestamp,
    unique (filed_by, client_token)
);
create index care_help_request_queue_idx on care_help_request (community_id, status);
create index care_help_request_household_idx on care_help_request (household_id, created_at);
create index care_help_request_task_idx on care_help_request (task_id);
create index care_help_request_volunteer_idx on care_help_request (volunteer_id);

create table care_help_request_event (
    id         uuid primary key,
    request_id uuid not null references care_help_request (id) on delete cascade,
    status     varchar(12) not null,
    at         timestamp not null,
    by_name    varchar(100) not null,
    note       varchar(300)
);
create index care_help_request_event_idx on care_help_request_event (request_id, at);

-- Alerts for the responsible worker; nobody acting before act_by escalates them to the supervisor.
create table care_alert (
    id               uuid primary key,
    community_id     varchar(12) not null references community (id),
    kind             varchar(30) not null,
    subject_type     varchar(30) not null,
    subject_id       uuid not null,
    resident_id      uuid,
    resident_name    varchar(50),
    detail           varchar(300),
    dedup_key        varchar(120) not null unique,
    responsible_id   uuid,
    level            varchar(12) not null,
    status           varchar(12) not null,
    raised_at        timestamp not null,
    act_by           timestamp not null,
    escalated_at     timestamp,
    acknowledged_at  timestamp,
    acknowledged_by  varchar(100),
    closed_at        timestamp,
    closed_by        varchar(100),
    resolution       varchar(300)
);
create index care_alert_open_idx on care_alert (community_id, status);
create index care_alert_due_idx on care_alert (status, act_by);
create index care_alert_subject_idx on care_alert (subject_id);
