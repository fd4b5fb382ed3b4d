-- Audit log: every view of personal data, export and import by staff.
create table audit_entry (
    id            uuid primary key,
    at            timestamp not null,
    actor_id      uuid not null,
    actor_name    varchar(100) not null,
    action        varchar(40) not null,
    subject_type  varchar(40) not null,
    subject_id    varchar(64),
    subject_label varchar(200),
    community_id  varchar(12),
    reason        varchar(500)
);
create index audit_entry_at_idx on audit_entry (at);
create index audit_entry_community_idx on audit_entry (community_id, at);

-- Spring Session JDBC: sessions live in the database so app nodes stay stateless.
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Spring Modulith's event publication registry: no event between modules is lost in a crash.
create table event_publication (
    id                     uuid not null primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       varchar(8000) not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
