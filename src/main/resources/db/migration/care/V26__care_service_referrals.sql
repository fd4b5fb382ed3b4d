-- Referrals to a service of the partners' HSDS directory (partner_service), from an expert referral or a
-- tier 3 family-support case. The service's name and organisation are kept as they were when referred, so the
-- record still reads right if the partner later withdraws the service.
create table care_service_referral (
    id                uuid primary key,
    subject_type      varchar(20) not null,
    subject_id        uuid not null,
    community_id      varchar(12) not null references community (id),
    service_id        uuid not null,
    service_name      varchar(100) not null,
    organisation_name varchar(200) not null,
    note              varchar(300),
    created_at        timestamp not null,
    created_by        varchar(100) not null
);
create index care_service_referral_subject_idx on care_service_referral (subject_type, subject_id);
