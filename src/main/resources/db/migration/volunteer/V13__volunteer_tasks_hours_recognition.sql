-- Tasks staff give to a volunteer or a team of their community (and, later, the care and supply modules).
create table volunteer_task (
    id             uuid primary key,
    community_id   varchar(12) not null references community (id),
    kind           varchar(20) not null,
    title          varchar(100) not null,
    details        varchar(1000),
    volunteer_id   uuid references volunteer (id),
    team_id        uuid references volunteer_team (id),
    due            timestamp,
    status         varchar(12) not null,
    created_by     varchar(100) not null,
    created_at     timestamp not null,
    updated_at     timestamp not null,
    decline_reason varchar(300),
    done_note      varchar(1000),
    done_at        timestamp
);
create index volunteer_task_community_idx on volunteer_task (community_id, status, created_at);
create index volunteer_task_volunteer_idx on volunteer_task (volunteer_id, status);
create index volunteer_task_team_idx on volunteer_task (team_id, status);

-- What happened to a task: who accepted, declined (and why), finished, reassigned or cancelled it.
create table volunteer_task_event (
    id       uuid primary key,
    task_id  uuid not null references volunteer_task (id) on delete cascade,
    status   varchar(12) not null,
    at       timestamp not null,
    by_name  varchar(100) not null,
    note     varchar(1000)
);
create index volunteer_task_event_task_idx on volunteer_task_event (task_id, at);

-- The photo a volunteer may add when a task is done (JPEG or PNG, at most 5 MB); staff only.
create table volunteer_task_photo (
    task_id      uuid primary key references volunteer_task (id) on delete cascade,
    content_type varchar(20) not null,
    content      bytea not null,
    uploaded_at  timestamp not null
);

-- Duty places with a check-in QR code; the code is signed with the point's secret and the day.
create table volunteer_checkin_point (
    id           uuid primary key,
    community_id varchar(12) not null references community (id),
    name         varchar(50) not null,
    secret       varchar(64) not null,
    active       boolean not null,
    created_at   timestamp not null,
    unique (community_id, name)
);

-- One stay at a point: checked in, then (usually) checked out.
create table volunteer_attendance (
    id             uuid primary key,
    volunteer_id   uuid not null references volunteer (id),
    point_id       uuid not null references volunteer_checkin_point (id),
    community_id   varchar(12) not null references community (id),
    checked_in_at  timestamp not null,
    checked_out_at timestamp,
    minutes        int,
    capped         boolean not null
);
create index volunteer_attendance_open_idx on volunteer_attendance (volunteer_id, checked_out_at);

-- The hours ledger: attendance, finished tasks and staff corrections (with a reason).
create table volunteer_hours (
    id           uuid primary key,
    volunteer_id uuid not null references volunteer (id),
    community_id varchar(12) not null references community (id),
    source       varchar(12) not null,
    minutes      int not null,
    at           timestamp not null,
    reason       varchar(300),
    recorded_by  varchar(100) not null,
    capped       boolean not null,
    task_id      uuid references volunteer_task (id),
    attendance_id uuid references volunteer_attendance (id)
);
create index volunteer_hours_volunteer_idx on volunteer_hours (volunteer_id, at);
create index volunteer_hours_community_idx on volunteer_hours (community_id, at);

-- Certificates of service hours; the signature (a keyed hash) proves a number was issued here.
create table volunteer_certificate (
    number       varchar(24) primary key,
    volunteer_id uuid not null references volunteer (id),
    community_id varchar(12) not null references community (id),
    name         varchar(50) not null,
    minutes      int not null,
    period_from  date not null,
    period_to    date not null,
    issued_at    timestamp not null,
    signature    char(64) not null
);
create index volunteer_certificate_volunteer_idx on volunteer_certificate (volunteer_id, issued_at);
