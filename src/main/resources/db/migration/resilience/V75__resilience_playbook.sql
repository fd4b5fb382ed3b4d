-- The stage playbook: each time a community enters a stage, a round of checklist items (the strategies per
-- dimension for that stage) is created, due relative to the switch. Rounds of earlier stages stay as history.
create table resilience_playbook_round (
    id           uuid primary key,
    community_id varchar(12) not null references community (id),
    stage        varchar(10) not null,
    started_at   timestamp not null,
    reason       varchar(500),
    created_at   timestamp not null,
    unique (community_id, stage, started_at)
);
create index resilience_playbook_round_community_idx on resilience_playbook_round (community_id, started_at);

-- One checklist item: from the catalogue (item_key) or added by staff (title). The owner is a staff member or
-- social worker of the community; evidence is an http(s) link or a path to a Liandong page.
create table resilience_playbook_item (
    id           uuid primary key,
    round_id     uuid not null references resilience_playbook_round (id),
    community_id varchar(12) not null,
    dimension    varchar(20) not null,
    item_key     varchar(60),
    title        varchar(200),
    position     int not null,
    owner_id     uuid,
    owner_name   varchar(100),
    due          date not null,
    done         boolean not null,
    done_at      timestamp,
    done_by      varchar(100),
    evidence     varchar(500),
    created_at   timestamp not null,
    updated_at   timestamp not null,
    updated_by   varchar(100)
);
create index resilience_playbook_item_round_idx on resilience_playbook_item (round_id, position);
create index resilience_playbook_item_community_idx on resilience_playbook_item (community_id, done, due);
