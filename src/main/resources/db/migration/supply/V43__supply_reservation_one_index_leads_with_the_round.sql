-- Only the unique (round_id, household_id) index now starts with the round; the others start with their own key.
--
-- Why: the reservation batch looks up which of its households already hold a reservation in the round. While a rush
-- fills a new round, the planner's statistics still give the round a few dozen rows, and it read the round through
-- (round_id, lottery_ref) and filtered every household: each batch read the whole round so far, and the rush cost
-- PostgreSQL the square of its size (auto_explain during bench/rush.sh). Now each household is looked up by the full key
-- (ReservationBook.reservationsOf), and with one index starting with the round that look-up can only be one probe of
-- the unique index. Queries by round alone use the unique index.
drop index supply_reservation_code_idx;
create index supply_reservation_code_idx on supply_reservation (pickup_code, round_id);
drop index supply_reservation_group_idx;
create index supply_reservation_group_idx on supply_reservation (building_group_id, round_id);
drop index supply_reservation_lottery_ref_idx;
create unique index supply_reservation_lottery_ref_idx on supply_reservation (lottery_ref, round_id);
