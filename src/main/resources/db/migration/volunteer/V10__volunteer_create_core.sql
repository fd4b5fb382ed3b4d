-- Applications: anyone may apply without an account; an account is created on approval.
create table volunteer_application (
    id                uuid primary key,
    reference_code    varchar(10) not null unique,
    name              varchar(50) not null,
    sex               char(1) not null,
    birth_date        date not null,
    id_number_cipher  varchar(200) not null,
    id_number_hash    char(64) not null,
    phone             varchar(11) not null,
    community_id      varchar(12) not null references community (id),
    categories        varchar(300) not null,
    availability      varchar(21) not null,
    available_from    date not null,
    available_until   date,
    hours_per_week    int not null,
    motivation        varchar(500) not null,
    motivation_score  int not null,
    health_ok         boolean not null,
    health_note       varchar(300),
    guardian_consent  boolean not null,
    referrer_phone    varchar(11),
    referrer_id       uuid,
    consent_at        timestamp not null,
    status            varchar(12) not null,
    submitted_at      timestamp not null,
    decided_at        timestamp,
    decided_by        varchar(100),
    reason            varchar(300),
    interview_note    varchar(1000)
);
create index volunteer_application_status_idx on volunteer_application (community_id, status, submitted_at);
create index volunteer_application_hash_idx on volunteer_application (id_number_hash);
create index volunteer_application_phone_idx on volunteer_application (phone);

-- Skills an applicant claims, with certificate numbers where the profession needs one.
create table volunteer_application_skill (
    application_id uuid not null references volunteer_application (id) on delete cascade,
    category       varchar(20) not null,
    certificate    varchar(50),
    primary key (application_id, category)
);

-- Every change of an application's status, with who and why.
create table volunteer_application_event (
    id             uuid primary key,
    application_id uuid not null references volunteer_application (id) on delete cascade,
    status         varchar(12) not null,
    at             timestamp not null,
    by_name        varchar(100) not null,
    reason         varchar(300)
);
create index volunteer_application_event_app_idx on volunteer_application_event (application_id, at);

-- Volunteers: approved applicants, one per person (unique ID hash), attached to a home community.
create table volunteer (
    id               uuid primary key,
    application_id   uuid not null references volunteer_application (id),
    user_id          uuid not null,
    community_id     varchar(12) not null references community (id),
    name             varchar(50) not null,
    phone            varchar(11) not null,
    id_number_hash   char(64) not null unique,
    categories       varchar(300) not null,
    availability     varchar(21) not null,
    hours_per_week   int not null,
    active           boolean not null,
    approved_at      timestamp not null
);
create index volunteer_community_idx on volunteer (community_id, active);

create table volunteer_skill (
    volunteer_id uuid not null references volunteer (id) on delete cascade,
    category     varchar(20) not null,
    certificate  varchar(50),
    primary key (volunteer_id, category)
);

-- Community prevention teams, their leaders and the resident leaders (居民骨干) who hold them together.
create table volunteer_team (
    id           uuid primary key,
    community_id varchar(12) not null references community (id),
    name         varchar(50) not null,
    purpose      varchar(200),
    created_at   timestamp not null,
    unique (community_id, name)
);

create table volunteer_team_member (
    team_id         uuid not null references volunteer_team (id) on delete cascade,
    volunteer_id    uuid not null references volunteer (id) on delete cascade,
    leader          boolean not null,
    resident_leader boolean not null,
    joined_at       timestamp not null,
    primary key (team_id, volunteer_id)
);
