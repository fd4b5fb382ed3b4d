-- Communities' needs, partners' offers, and the matches between them with their hand-over.
create table partner_need (
    id           uuid primary key,
    community_id varchar(12) not null references community (id),
    kind         varchar(15) not null,
    item         varchar(100) not null,
    quantity     int not null,
    unit         varchar(20) not null,
    urgent       boolean not null,
    note         varchar(500),
    status       varchar(15) not null,
    created_by   varchar(100) not null,
    created_at   timestamp not null
);
create index partner_need_community_idx on partner_need (community_id, status);

create table partner_offer (
    id              uuid primary key,
    organisation_id uuid not null references partner_organisation (id),
    kind            varchar(15) not null,
    item            varchar(100) not null,
    quantity        int not null,
    unit            varchar(20) not null,
    conditions      varchar(500),
    available_until date,
    status          varchar(15) not null,
    created_by      varchar(100) not null,
    created_at      timestamp not null
);
create index partner_offer_organisation_idx on partner_offer (organisation_id, status);

create table partner_match (
    id             uuid primary key,
    offer_id       uuid not null references partner_offer (id),
    need_id        uuid not null references partner_need (id),
    quantity       int not null,
    status         varchar(15) not null,
    matched_by     varchar(100) not null,
    matched_at     timestamp not null,
    received_by    varchar(50),
    handed_over_at timestamp,
    recorded_by    varchar(100)
);
create unique index partner_match_pair_idx on partner_match (offer_id, need_id);
create index partner_match_need_idx on partner_match (need_id);
