-- A roster post is where volunteers check in: the check-in code of a post shares the post's id, so a
-- check-in can be matched to the published shift it belongs to. Check-in points made before this (not
-- posts) become posts of kind OTHER, so their attendance and hours keep their place.
insert into volunteer_post (id, community_id, kind, name, address, category, certificate_required, created_at)
select p.id, p.community_id, 'OTHER',
       case when exists (select 1 from volunteer_post q where q.community_id = p.community_id and q.name = p.name)
            then substring(p.name, 1, 44) || ' (QR)' else p.name end,
       null, 'GATE', false, p.created_at
from volunteer_checkin_point p
where not exists (select 1 from volunteer_post q where q.id = p.id);

update volunteer_checkin_point set name = (select q.name from volunteer_post q where q.id = volunteer_checkin_point.id);

alter table volunteer_checkin_point add constraint volunteer_checkin_point_post_fk
    foreign key (id) references volunteer_post (id) on delete cascade;

-- The published shift a check-in belongs to (none when the volunteer came without being rostered).
alter table volunteer_attendance add column shift_id uuid;
alter table volunteer_attendance add constraint volunteer_attendance_shift_fk
    foreign key (shift_id) references volunteer_shift (id) on delete set null;
create index volunteer_attendance_shift_idx on volunteer_attendance (shift_id);
