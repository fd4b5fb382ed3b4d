-- Alerts as published in the Common Alerting Protocol 1.2: the XML exactly as served, validated against
-- the official schema before it was stored.
create table cap_alert (
    id           uuid primary key,
    identifier   varchar(100) not null,
    notice_id    uuid not null references notice (id) on delete cascade,
    street_id    varchar(12) not null,
    community_id varchar(12),
    sent         timestamp not null,
    headline     varchar(200) not null,
    xml          varchar(60000) not null
);
create unique index cap_alert_identifier_idx on cap_alert (identifier);
create index cap_alert_sent_idx on cap_alert (sent);
