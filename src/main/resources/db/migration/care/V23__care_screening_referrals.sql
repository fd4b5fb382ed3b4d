-- Screening (PHQ-9, GAD-7) and referrals to experts. Answers and notes are health data: encrypted.
create table care_screening (
    id             uuid primary key,
    community_id   varchar(12) not null references community (id),
    resident_id    uuid,
    person_user_id uuid,
    person_name    varchar(50) not null,
    instrument     varchar(6) not null,
    answers_cipher varchar(500) not null,
    score          int not null,
    item9          int not null,
    risk           varchar(10) not null,
    at             timestamp not null,
    by_user        uuid not null,
    by_name        varchar(100) not null
);
create index care_screening_community_idx on care_screening (community_id, at);

create table care_expert_duty (
    expert_id    uuid not null,
    expert_name  varchar(100) not null,
    community_id varchar(12) not null references community (id),
    on_call      boolean not null,
    since        timestamp not null,
    primary key (expert_id, community_id)
);

create table care_referral (
    id              uuid primary key,
    community_id    varchar(12) not null references community (id),
    resident_id     uuid,
    person_user_id  uuid,
    person_name     varchar(50) not null,
    source          varchar(12) not null,
    screening_id    uuid,
    reason_cipher   varchar(2000),
    urgent          boolean not null,
    expert_id       uuid,
    expert_name     varchar(100),
    status          varchar(12) not null,
    created_at      timestamp not null,
    created_by      varchar(100) not null,
    acknowledge_by  timestamp not null,
    acknowledged_at timestamp,
    escalated_at    timestamp,
    closed_at       timestamp,
    dedup_key       varchar(120) unique
);
create index care_referral_expert_idx on care_referral (expert_id, status);
create index care_referral_community_idx on care_referral (community_id, status);
create index care_referral_resident_idx on care_referral (resident_id);

create table care_referral_session (
    id          uuid primary key,
    referral_id uuid not null references care_referral (id),
    at          timestamp not null,
    by_name     varchar(100) not null,
    note_cipher varchar(3000) not null
);
create index care_referral_session_idx on care_referral_session (referral_id, at);
