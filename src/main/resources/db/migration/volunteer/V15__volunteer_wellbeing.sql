-- Care for the carers: short wellbeing check-ins by volunteers and staff; worrying ones are followed up.
create table wellbeing_checkin (
    id               uuid primary key,
    user_id          uuid not null,
    person_name      varchar(50) not null,
    role             varchar(30) not null,
    community_id     varchar(12),
    answers          varchar(40) not null,
    score            int not null,
    risk             varchar(10) not null,
    wants_contact    boolean not null,
    at               timestamp not null,
    acknowledged_at  timestamp,
    acknowledged_by  varchar(100),
    follow_up_note   varchar(500)
);
create index wellbeing_checkin_user_idx on wellbeing_checkin (user_id, at);
create index wellbeing_checkin_risk_idx on wellbeing_checkin (community_id, risk, acknowledged_at);
