-- A volunteer or a team lent by the street to another community for a period (the street's coordination board).
-- The volunteer keeps the home community; the loan is also a task in it, so the volunteer sees it on the phone.
create table volunteer_secondment (
    id                uuid primary key,
    volunteer_id      uuid references volunteer (id),
    team_id           uuid references volunteer_team (id),
    from_community_id varchar(12) not null references community (id),
    to_community_id   varchar(12) not null references community (id),
    starts_on         date not null,
    ends_on           date not null,
    note              varchar(300),
    task_id           uuid references volunteer_task (id),
    created_by        varchar(100) not null,
    created_at        timestamp not null,
    constraint volunteer_secondment_who check ((volunteer_id is null) <> (team_id is null)),
    constraint volunteer_secondment_period check (ends_on >= starts_on)
);
create index volunteer_secondment_to_idx on volunteer_secondment (to_community_id, ends_on);
create index volunteer_secondment_from_idx on volunteer_secondment (from_community_id, ends_on);
