-- Tier 1: grid workers log screening contacts quickly; counted per grid per day.
create table care_screening_contact (
    id           uuid primary key,
    community_id varchar(12) not null references community (id),
    grid         varchar(50) not null,
    contact_day  date not null,
    at           timestamp not null,
    answered     boolean not null,
    screened     boolean not null,
    symptomatic  boolean not null,
    referred     boolean not null,
    by_user      uuid not null,
    by_name      varchar(100) not null
);
create index care_screening_contact_day_idx on care_screening_contact (community_id, contact_day, grid);

-- Welfare-check rounds: every contact with a vulnerable resident (reached or not).
create table care_welfare_contact (
    id           uuid primary key,
    community_id varchar(12) not null references community (id),
    resident_id  uuid not null,
    at           timestamp not null,
    reached      boolean not null,
    by_name      varchar(100) not null,
    note         varchar(300)
);
create index care_welfare_contact_resident_idx on care_welfare_contact (resident_id, at);
