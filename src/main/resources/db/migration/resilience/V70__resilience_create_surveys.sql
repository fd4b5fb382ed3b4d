-- Instruments an administrator loaded (licensed ones: item ids, factor mapping and scale; texts only if the
-- licence allows keeping them here). Liandong's own instrument lives in code and its texts in the bundle.
create table resilience_instrument (
    id         varchar(60) primary key,
    name       varchar(200) not null,
    version    varchar(20) not null,
    scale_min  int not null,
    scale_max  int not null,
    created_at timestamp not null,
    created_by varchar(100) not null
);

create table resilience_instrument_item (
    instrument_id varchar(60) not null references resilience_instrument (id),
    item_id       varchar(40) not null,
    position      int not null,
    factor        varchar(60) not null,
    pulse         boolean not null,
    label         varchar(500),
    primary key (instrument_id, item_id)
);

-- A survey round: one community, one stage, the full form or the pulse.
create table resilience_round (
    id            uuid primary key,
    code          varchar(16) not null unique,
    community_id  varchar(12) not null,
    instrument_id varchar(60) not null,
    stage         varchar(10) not null,
    form          varchar(10) not null,
    status        varchar(10) not null,
    opened_at     timestamp not null,
    opened_by     varchar(100) not null,
    closed_at     timestamp,
    closed_by     varchar(100)
);
create index resilience_round_community_idx on resilience_round (community_id, opened_at);

-- One-time household tokens, for residents without an account (printed as a sheet).
create table resilience_token (
    code           varchar(16) primary key,
    round_id       uuid not null references resilience_round (id),
    household_id   uuid not null,
    building_group varchar(100) not null,
    used_at        timestamp
);
create index resilience_token_round_idx on resilience_token (round_id);

-- A response keeps no name and no account id: the respondent key is a hash (account) or the token, only to
-- refuse a second response.
create table resilience_response (
    id             uuid primary key,
    round_id       uuid not null references resilience_round (id),
    community_id   varchar(12) not null,
    building_group varchar(100),
    respondent_key varchar(80) not null,
    age_band       varchar(10),
    sex            char(1),
    years_here     varchar(10),
    household_size int,
    submitted_at   timestamp not null,
    constraint resilience_response_once unique (round_id, respondent_key)
);

create table resilience_answer (
    response_id uuid not null references resilience_response (id),
    item_id     varchar(40) not null,
    answer      int,
    primary key (response_id, item_id)
);
