-- Guides (home quarantine, disinfection, mental-health self-help, how to get help): every edit is a new
-- version; readers see the latest, anyone can look at the earlier ones.
create table guide (
    id              uuid primary key,
    topic           varchar(20) not null,
    current_version int not null,
    created_at      timestamp not null,
    updated_at      timestamp not null
);

create table guide_version (
    guide_id     uuid not null references guide (id) on delete cascade,
    version      int not null,
    title        varchar(200) not null,
    body         varchar(20000) not null,
    change_note  varchar(300),
    changed_by   varchar(100) not null,
    changed_at   timestamp not null,
    primary key (guide_id, version)
);
