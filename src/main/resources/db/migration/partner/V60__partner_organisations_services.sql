-- Partners of a street (social-work agencies, social organisations, enterprises, foundations, hospitals...),
-- their contacts and the communities they serve, and their services in the Open Referral HSDS 3.0 model.
create table partner_organisation (
    id                  uuid primary key,
    street_id           varchar(12) not null references street (id),
    kind                varchar(30) not null,
    name                varchar(100) not null,
    name_key            varchar(100) not null,
    registration_number varchar(30),
    description         varchar(1000) not null,
    website             varchar(200),
    email               varchar(100),
    phone               varchar(30),
    status              varchar(15) not null,
    status_note         varchar(200),
    reviewed_by         varchar(100),
    reviewed_at         timestamp,
    created_by          varchar(100) not null,
    created_at          timestamp not null
);
create unique index partner_organisation_name_idx on partner_organisation (street_id, name_key);
create unique index partner_organisation_registration_idx on partner_organisation (registration_number);
create index partner_organisation_street_idx on partner_organisation (street_id, status, kind);

create table partner_contact (
    id              uuid primary key,
    organisation_id uuid not null references partner_organisation (id) on delete cascade,
    name            varchar(50) not null,
    title           varchar(50),
    phone_cipher    varchar(200),
    phone_masked    varchar(20),
    email           varchar(100)
);
create index partner_contact_organisation_idx on partner_contact (organisation_id);

create table partner_service_area (
    organisation_id uuid not null references partner_organisation (id) on delete cascade,
    community_id    varchar(12) not null references community (id),
    primary key (organisation_id, community_id)
);
create index partner_service_area_community_idx on partner_service_area (community_id);

create table partner_service (
    id                      uuid primary key,
    organisation_id         uuid not null references partner_organisation (id),
    name                    varchar(100) not null,
    alternate_name          varchar(100),
    description             varchar(2000),
    need                    varchar(30) not null,
    status                  varchar(25) not null,
    eligibility_description varchar(500),
    minimum_age             int,
    maximum_age             int,
    free                    boolean not null,
    fees_description        varchar(300),
    languages               varchar(100) not null,
    schedule_description    varchar(300),
    application_process     varchar(500),
    phone                   varchar(30),
    email                   varchar(100),
    url                     varchar(200),
    created_at              timestamp not null,
    updated_at              timestamp not null
);
create index partner_service_organisation_idx on partner_service (organisation_id);
create index partner_service_need_idx on partner_service (need, status);

create table partner_location (
    id              uuid primary key,
    organisation_id uuid not null references partner_organisation (id),
    name            varchar(100) not null,
    address         varchar(200) not null,
    city            varchar(50) not null,
    community_id    varchar(12) references community (id),
    latitude        decimal(9, 6),
    longitude       decimal(9, 6)
);
create index partner_location_organisation_idx on partner_location (organisation_id);

create table partner_service_at_location (
    id          uuid primary key,
    service_id  uuid not null references partner_service (id) on delete cascade,
    location_id uuid not null references partner_location (id) on delete cascade
);
create unique index partner_service_at_location_idx on partner_service_at_location (service_id, location_id);

create table partner_service_community (
    service_id   uuid not null references partner_service (id) on delete cascade,
    community_id varchar(12) not null references community (id),
    primary key (service_id, community_id)
);
create index partner_service_community_idx on partner_service_community (community_id);
