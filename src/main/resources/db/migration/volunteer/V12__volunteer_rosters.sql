-- Duty rosters: posts (a gate, a pick-up point, a hotline) of a community and the shifts they need.
create table volunteer_post (
    id                   uuid primary key,
    community_id         varchar(12) not null references community (id),
    kind                 varchar(20) not null,
    name                 varchar(50) not null,
    address              varchar(200),
    category             varchar(20) not null,
    certificate_required boolean not null,
    created_at           timestamp not null,
    unique (community_id, name)
);

-- A shift a post needs every day: local start and end time (end before start = over midnight), seats.
create table volunteer_shift_template (
    id        uuid primary key,
    post_id   uuid not null references volunteer_post (id) on delete cascade,
    starts    time not null,
    ends      time not null,
    headcount int not null,
    check (headcount between 1 and 5)
);
create index volunteer_shift_template_post_idx on volunteer_shift_template (post_id);

-- A roster of 1–4 weeks for one community: SOLVING, DRAFT or PUBLISHED.
create table volunteer_roster (
    id           uuid primary key,
    community_id varchar(12) not null references community (id),
    start_date   date not null,
    weeks        int not null,
    status       varchar(12) not null,
    score        varchar(60),
    seats        int not null,
    filled       int not null,
    created_at   timestamp not null,
    created_by   varchar(100) not null,
    published_at timestamp,
    check (weeks between 1 and 4)
);
create index volunteer_roster_community_idx on volunteer_roster (community_id, start_date);

-- One seat of one shift (local Asia/Shanghai times); volunteer_id empty when nobody could be found.
create table volunteer_shift (
    id           uuid primary key,
    roster_id    uuid not null references volunteer_roster (id) on delete cascade,
    post_id      uuid not null references volunteer_post (id),
    shift_day    date not null,
    starts_at    timestamp not null,
    ends_at      timestamp not null,
    seat         int not null,
    volunteer_id uuid references volunteer (id)
);
create index volunteer_shift_roster_idx on volunteer_shift (roster_id, starts_at);
create index volunteer_shift_volunteer_idx on volunteer_shift (volunteer_id, starts_at);

-- A volunteer asks to hand a published shift to a colleague; a team leader or staff decide.
create table volunteer_swap_request (
    id             uuid primary key,
    shift_id       uuid not null references volunteer_shift (id) on delete cascade,
    from_volunteer uuid not null references volunteer (id),
    to_volunteer   uuid not null references volunteer (id),
    status         varchar(12) not null,
    reason         varchar(300),
    requested_at   timestamp not null,
    decided_at     timestamp,
    decided_by     varchar(100)
);
create index volunteer_swap_request_shift_idx on volunteer_swap_request (shift_id, status);

-- The secret in a volunteer's calendar feed address; regenerating it cuts off old subscriptions.
create table volunteer_calendar_token (
    volunteer_id uuid primary key references volunteer (id) on delete cascade,
    token        varchar(64) not null unique,
    created_at   timestamp not null
);
