-- Gates of a compound, the out-pass rule of each community, household out-passes, and what happens at
-- each gate (residents out and in, visitors, deliveries, refusals).
create table gate (
    id           uuid primary key,
    community_id varchar(12) not null references community (id),
    name         varchar(50) not null,
    created_at   timestamp not null,
    unique (community_id, name)
);

create table pass_policy (
    community_id varchar(12) primary key references community (id),
    outings      int not null,
    period_days  int not null,
    updated_at   timestamp not null,
    updated_by   varchar(100) not null
);

create table household_pass (
    id           uuid primary key,
    household_id uuid not null unique,
    community_id varchar(12) not null references community (id),
    token        varchar(40) not null unique,
    issued_at    timestamp not null
);

create table gate_event (
    id           uuid primary key,
    gate_id      uuid not null references gate (id),
    community_id varchar(12) not null,
    kind         varchar(10) not null,
    pass_id      uuid,
    household_id uuid,
    visitor_name varchar(50),
    phone        varchar(11),
    note         varchar(200),
    flag         varchar(15),
    at           timestamp not null,
    by_user      uuid not null,
    by_name      varchar(100) not null
);
create index gate_event_gate_at_idx on gate_event (gate_id, at);
create index gate_event_pass_idx on gate_event (pass_id, at);
