-- Tier 2: a resident under home observation, with twice-daily check-ins. Symptoms, needs and notes are
-- health data: stored encrypted (PersonalDataCipher), shown only to the responsible worker, supervisors,
-- the referred expert and the resident's household.
create table care_observation (
    id               uuid primary key,
    community_id     varchar(12) not null references community (id),
    resident_id      uuid not null,
    resident_name    varchar(50) not null,
    household_id     uuid not null,
    building_group   varchar(50) not null,
    address          varchar(250) not null,
    reason           varchar(20) not null,
    started_at       timestamp not null,
    planned_end      date not null,
    status           varchar(10) not null,
    outcome          varchar(12),
    closed_at        timestamp,
    closed_by        varchar(100),
    responsible_id   uuid not null,
    responsible_name varchar(100) not null,
    opened_by        varchar(100) not null
);
create index care_observation_open_idx on care_observation (status, community_id);
create index care_observation_resident_idx on care_observation (resident_id);
create index care_observation_household_idx on care_observation (household_id);

create table care_checkin (
    id                 uuid primary key,
    observation_id     uuid not null references care_observation (id),
    community_id       varchar(12) not null,
    slot_date          date not null,
    slot               varchar(2) not null,
    temperature_tenths int not null,
    symptoms_cipher    varchar(1000),
    needs_cipher       varchar(2000),
    by_user            uuid not null,
    by_name            varchar(100) not null,
    at                 timestamp not null,
    client_token       varchar(64),
    unique (observation_id, client_token)
);
create index care_checkin_slot_idx on care_checkin (observation_id, slot_date, slot);

create table care_observation_note (
    id             uuid primary key,
    observation_id uuid not null references care_observation (id),
    at             timestamp not null,
    by_name        varchar(100) not null,
    text_cipher    varchar(3000) not null
);
create index care_observation_note_idx on care_observation_note (observation_id, at);
