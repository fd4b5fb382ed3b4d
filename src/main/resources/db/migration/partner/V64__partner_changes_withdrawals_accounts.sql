-- Editing and withdrawing: what was changed by whom (the history shown on the pages), and when offers, needs and
-- services were withdrawn (withdrawn ones cannot be matched; a withdrawn service leaves the directory search but
-- its page still answers, saying so).
create table partner_change (
    id           uuid primary key,
    subject_kind varchar(15) not null,
    subject_id   uuid not null,
    action       varchar(15) not null,
    fields       varchar(500),
    reason       varchar(300),
    by_name      varchar(100) not null,
    at           timestamp not null
);
create index partner_change_subject_idx on partner_change (subject_id, at);

alter table partner_offer add column withdrawn_at timestamp;
alter table partner_need add column withdrawn_at timestamp;
alter table partner_service add column withdrawn_at timestamp;
alter table partner_organisation add column withdrawn_at timestamp;

-- The sign-in accounts of a partner organisation's contacts (role PARTNER): each sees only its organisation.
create table partner_account (
    user_id         uuid primary key,
    organisation_id uuid not null references partner_organisation (id),
    created_by      varchar(100) not null,
    created_at      timestamp not null
);
create index partner_account_organisation_idx on partner_account (organisation_id);
