-- A spreadsheet of households and residents on its way into the registry, and how far it has come.
create table registry_import (
    id             uuid primary key,
    community_id   varchar(12) not null references community (id),
    uploaded_by    uuid not null,
    file_name      varchar(200) not null,
    status         varchar(12) not null,
    problem        varchar(60),
    problem_arg    varchar(500),
    total_rows     int not null,
    bad_rows       int not null,
    processed_rows int not null,
    households     int not null,
    residents      int not null,
    created_at     timestamp not null,
    heartbeat_at   timestamp not null,
    finished_at    timestamp
);
create index registry_import_uploader_idx on registry_import (uploaded_by, created_at);
create index registry_import_community_idx on registry_import (community_id, created_at);

-- The uploaded bytes wait here between the preview and the commit, so any app node can run either step;
-- they are deleted once the import can no longer be committed. A table of their own, so that the
-- frequent progress updates of registry_import never rewrite a 20 MB row.
create table registry_import_content (
    import_id uuid primary key references registry_import (id) on delete cascade,
    content   bytea not null
);

-- Every problem found in a row: the column, a message key and at most one argument, so that each
-- person reads the reasons in their own language.
create table registry_import_problem (
    import_id   uuid not null references registry_import (id) on delete cascade,
    row_no      int not null,
    column_name varchar(20) not null,
    message_key varchar(60) not null,
    arg         varchar(200)
);
create index registry_import_problem_idx on registry_import_problem (import_id, row_no);
