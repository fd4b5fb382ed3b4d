-- Check-ins arrive in floods (every isolated resident twice a day, in the same two hours). Every query of them
-- starts with the case, so the unique (observation_id, client_token) index serves them all; the second index by
-- (observation_id, slot_date, slot) only made each insert dirty one more random index page.
drop index care_checkin_slot_idx;
