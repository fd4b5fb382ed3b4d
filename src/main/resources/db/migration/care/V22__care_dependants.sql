-- No dependant left alone: a carer isolated, hospitalised or unreachable flags each person they care for;
-- the building-group leader gets a welfare visit to make, the social worker an alert that stays open until
-- someone records who cares for the dependant now.
create table care_dependant_flag (
    id              uuid primary key,
    community_id    varchar(12) not null references community (id),
    dependant_id    uuid not null,
    dependant_name  varchar(50) not null,
    carer_id        uuid not null,
    carer_name      varchar(50) not null,
    reason          varchar(12) not null,
    building_group  varchar(50) not null,
    address         varchar(250) not null,
    flagged_at      timestamp not null,
    status          varchar(10) not null,
    new_carer       varchar(120),
    resolved_at     timestamp,
    resolved_by     varchar(100)
);
create index care_dependant_flag_open_idx on care_dependant_flag (community_id, status);
create index care_dependant_flag_dependant_idx on care_dependant_flag (dependant_id, carer_id, status);

-- A welfare visit for the building-group leader (a care task, not a volunteer task: leaders are residents
-- and need not be registered volunteers).
create table care_welfare_task (
    id             uuid primary key,
    community_id   varchar(12) not null references community (id),
    building_group varchar(50) not null,
    flag_id        uuid references care_dependant_flag (id),
    resident_id    uuid not null,
    resident_name  varchar(50) not null,
    address        varchar(250) not null,
    status         varchar(10) not null,
    created_at     timestamp not null,
    done_at        timestamp,
    done_by        varchar(100),
    note           varchar(300)
);
create index care_welfare_task_group_idx on care_welfare_task (community_id, building_group, status);
