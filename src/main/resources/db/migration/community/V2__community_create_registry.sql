-- Places: district -> street -> community (residents' committee) -> grid -> building group -> building.
-- Districts, streets and communities keep their statistical division codes (国家统计局 2023) as ids.
create table district (
    id   varchar(12) primary key,
    name varchar(100) not null,
    city varchar(100) not null
);

create table street (
    id          varchar(12) primary key,
    district_id varchar(12) not null references district (id),
    name        varchar(100) not null
);

create table community (
    id               varchar(12) primary key,
    street_id        varchar(12) not null references street (id),
    name             varchar(100) not null,
    kind             varchar(20) not null,
    stage            varchar(10) not null,
    stage_reason     varchar(500),
    stage_changed_at timestamp,
    stage_changed_by varchar(100)
);
create index community_street_idx on community (street_id);

create table community_stage_change (
    id           uuid primary key,
    community_id varchar(12) not null references community (id),
    from_stage   varchar(10) not null,
    to_stage     varchar(10) not null,
    reason       varchar(500) not null,
    changed_at   timestamp not null,
    changed_by   varchar(100) not null
);

create table grid (
    id           uuid primary key,
    community_id varchar(12) not null references community (id),
    name         varchar(50) not null,
    unique (community_id, name)
);

create table building_group (
    id           uuid primary key,
    community_id varchar(12) not null references community (id),
    grid_id      uuid not null references grid (id),
    name         varchar(50) not null,
    unique (community_id, name)
);

create table building (
    id                uuid primary key,
    community_id      varchar(12) not null references community (id),
    building_group_id uuid not null references building_group (id),
    name              varchar(50) not null,
    address           varchar(200) not null,
    unique (community_id, name)
);

create table household (
    id           uuid primary key,
    community_id varchar(12) not null references community (id),
    building_id  uuid not null references building (id),
    room         varchar(20) not null,
    created_at   timestamp not null,
    unique (building_id, room)
);
create index household_community_idx on household (community_id);

-- Residents. The ID number is stored only encrypted (AES-GCM), with a keyed hash for exact search
-- and its last four characters for the "ID tail" search staff use on the phone.
create table resident (
    id               uuid primary key,
    community_id     varchar(12) not null references community (id),
    household_id     uuid not null references household (id),
    name             varchar(50) not null,
    sex              char(1) not null,
    birth_date       date not null,
    id_number_cipher varchar(200) not null,
    id_number_hash   char(64) not null,
    id_number_tail   char(4) not null,
    phone            varchar(11),
    relation         varchar(20) not null,
    residence        varchar(12) not null,
    moved_in         date,
    moved_out        date,
    needs            varchar(500),
    created_at       timestamp not null
);
create unique index resident_id_number_hash_idx on resident (id_number_hash);
create index resident_household_idx on resident (household_id);
create index resident_community_name_idx on resident (community_id, name);
create index resident_phone_idx on resident (phone);
create index resident_tail_idx on resident (community_id, id_number_tail);

create table vulnerability (
    resident_id  uuid not null references resident (id) on delete cascade,
    community_id varchar(12) not null,
    kind         varchar(20) not null,
    grade        varchar(20),
    recorded_at  timestamp not null,
    primary key (resident_id, kind)
);
create index vulnerability_community_kind_idx on vulnerability (community_id, kind);

-- Who cares for whom. The carer is a resident, or someone outside the registry (a paid carer,
-- a child living elsewhere) known by name and phone.
create table carer_link (
    id                 uuid primary key,
    community_id       varchar(12) not null,
    dependant_id       uuid not null references resident (id) on delete cascade,
    carer_resident_id  uuid references resident (id) on delete cascade,
    carer_name         varchar(50),
    carer_phone        varchar(11),
    relation           varchar(20) not null,
    created_at         timestamp not null,
    constraint carer_link_has_carer check (carer_resident_id is not null or carer_name is not null)
);
create index carer_link_dependant_idx on carer_link (dependant_id);
create index carer_link_carer_idx on carer_link (carer_resident_id);
