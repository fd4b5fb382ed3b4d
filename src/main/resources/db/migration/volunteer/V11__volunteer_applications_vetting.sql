-- When the approved applicant chose their own password on the status page (null: not yet).
alter table volunteer_application add column password_set_at timestamp;

create index volunteer_application_submitted_idx on volunteer_application (submitted_at);
create index volunteer_application_score_idx on volunteer_application (motivation_score);

-- A vetting queue filter a staff member saved under a name (the query string of /volunteer/applications).
create table volunteer_saved_view (
    id         uuid primary key,
    user_id    uuid not null,
    name       varchar(50) not null,
    query      varchar(500) not null,
    created_at timestamp not null,
    unique (user_id, name)
);
