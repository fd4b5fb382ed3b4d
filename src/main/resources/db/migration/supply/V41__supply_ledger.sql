-- The street's ledger of donations in, allocations out and distributions: append-only, hash-chained.
create table supply_ledger_entry (
    id           uuid primary key,
    street_id    varchar(12) not null,
    seq          bigint not null,
    community_id varchar(12),
    kind         varchar(20) not null,
    item         varchar(100) not null,
    quantity     bigint not null,
    unit         varchar(20) not null,
    party        varchar(100) not null,
    note         varchar(300),
    reference    varchar(64),
    recorded_at  timestamp not null,
    recorded_by  varchar(100) not null,
    prev_hash    char(64) not null,
    hash         char(64) not null,
    constraint supply_ledger_position unique (street_id, seq)
);
create index supply_ledger_community_idx on supply_ledger_entry (community_id, seq);

-- The last entry of each street's chain: appends lock it, and the verifier notices a chain cut short.
create table supply_ledger_head (
    street_id varchar(12) primary key,
    seq       bigint not null,
    hash      char(64) not null
);
