-- Tier 3: support for the family of a confirmed patient: an emotional-support plan, a contact schedule, the
-- contacts made, and (through the household) the help requests that cover their material needs.
create table care_family_case (
    id                uuid primary key,
    community_id      varchar(12) not null references community (id),
    household_id      uuid not null,
    address           varchar(250) not null,
    patient_name      varchar(50) not null,
    observation_id    uuid,
    opened_at         timestamp not null,
    opened_by         varchar(100) not null,
    responsible_id    uuid not null,
    responsible_name  varchar(100) not null,
    plan_cipher       varchar(3000),
    contact_every     int not null,
    next_contact      date not null,
    status            varchar(10) not null,
    closed_at         timestamp
);
create index care_family_case_open_idx on care_family_case (community_id, status);
create index care_family_case_household_idx on care_family_case (household_id);

create table care_family_contact (
    id          uuid primary key,
    case_id     uuid not null references care_family_case (id),
    at          timestamp not null,
    by_name     varchar(100) not null,
    note_cipher varchar(3000) not null
);
create index care_family_contact_case_idx on care_family_contact (case_id, at);
