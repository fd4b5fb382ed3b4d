-- Supply rounds: a community (or a whole street, community_id null) distributes an item, a quota per household.
create table supply_round (
    id              uuid primary key,
    street_id       varchar(12) not null,
    community_id    varchar(12),
    item            varchar(100) not null,
    unit            varchar(20) not null,
    quota           int not null,
    stock           int not null,
    eligibility     varchar(30) not null,
    mode            varchar(10) not null,
    opens_at        timestamp not null,
    closes_at       timestamp not null,
    pickup_place    varchar(200) not null,
    pickup_starts   timestamp not null,
    slot_minutes    int not null,
    shards          int not null,
    exempt_delivery boolean not null,
    code_secret     varchar(64) not null,
    created_by      varchar(100) not null,
    created_at      timestamp not null,
    constraint supply_round_quota_positive check (quota > 0),
    constraint supply_round_stock_not_negative check (stock >= 0)
);
create index supply_round_street_idx on supply_round (street_id, opens_at);
create index supply_round_community_idx on supply_round (community_id, opens_at);

-- The round's remaining stock, split over several rows so that concurrent reservations do not all
-- queue on one row lock. Never negative.
create table supply_stock_shard (
    round_id  uuid not null references supply_round (id),
    shard     int not null,
    remaining int not null,
    primary key (round_id, shard),
    constraint supply_stock_never_negative check (remaining >= 0)
);

-- One reservation per household per round (the unique constraint is what makes double taps harmless).
-- Exempt (vulnerable) households get a row too, status TO_DELIVER.
create table supply_reservation (
    id                uuid primary key,
    round_id          uuid not null references supply_round (id),
    household_id      uuid not null,
    community_id      varchar(12) not null,
    building_group_id uuid not null,
    building_group    varchar(50) not null,
    address           varchar(110) not null,
    quantity          int not null,
    client_token      varchar(64),
    pickup_code       varchar(10) not null,
    status            varchar(12) not null,
    slot_starts       timestamp not null,
    slot_ends         timestamp not null,
    reserved_at       timestamp not null,
    handed_at         timestamp,
    handed_by         varchar(100),
    delivery_task_id  uuid,
    constraint supply_reservation_one_per_household unique (round_id, household_id)
);
create index supply_reservation_code_idx on supply_reservation (round_id, pickup_code);
create index supply_reservation_due_idx on supply_reservation (status, slot_ends);
create index supply_reservation_group_idx on supply_reservation (round_id, building_group_id);
