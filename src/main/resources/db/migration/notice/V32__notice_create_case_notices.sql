-- Anonymised case notices: the facts residents need, never who. The place is stored only at the level
-- that was shown (the finest one covering at least k households), never the building it was chosen from.
create table case_notice (
    id                 uuid primary key,
    notice_id          uuid not null references notice (id) on delete cascade,
    community_id       varchar(12) not null,
    reported_on        date not null,
    status             varchar(20) not null,
    place_level        varchar(20) not null,
    place_label        varchar(200) not null,
    place_households   int not null,
    k                  int not null,
    symptoms           varchar(200) not null,
    temperatures       varchar(200) not null,
    trend              varchar(10) not null,
    note               varchar(300)
);
create unique index case_notice_notice_idx on case_notice (notice_id);
create index case_notice_community_idx on case_notice (community_id, reported_on);
