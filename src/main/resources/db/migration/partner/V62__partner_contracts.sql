-- Government-purchased service contracts (政府购买服务): the street contracts an agency for a project in some
-- communities over a period, with a budget and deliverables; progress is reported against it.
create table partner_contract (
    id              uuid primary key,
    organisation_id uuid not null references partner_organisation (id),
    project         varchar(100) not null,
    starts_on       date not null,
    ends_on         date not null,
    budget          decimal(12, 2) not null,
    deliverables    varchar(1000) not null,
    created_by      varchar(100) not null,
    created_at      timestamp not null
);
create index partner_contract_organisation_idx on partner_contract (organisation_id);

create table partner_contract_community (
    contract_id  uuid not null references partner_contract (id) on delete cascade,
    community_id varchar(12) not null references community (id),
    primary key (contract_id, community_id)
);

create table partner_contract_progress (
    id          uuid primary key,
    contract_id uuid not null references partner_contract (id) on delete cascade,
    reported_on date not null,
    percent     int not null,
    note        varchar(500) not null,
    reported_by varchar(100) not null
);
create index partner_contract_progress_idx on partner_contract_progress (contract_id, reported_on);
