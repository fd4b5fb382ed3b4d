-- Lottery rounds: a commitment (SHA-256 of a secret seed) is published when the round opens; the seed is revealed
-- at the draw. The seed stays encrypted until then. The draw's inputs and result are kept so anyone can re-run it.
alter table supply_round add column seed_commitment char(64);
alter table supply_round add column seed_sealed varchar(200);
alter table supply_round add column seed varchar(64);
alter table supply_round add column drawn_at timestamp;
alter table supply_round add column drawn_by varchar(100);
alter table supply_round add column draw_stock int;
alter table supply_round add column draw_winners int;
alter table supply_round add column registrations_hash char(64);
alter table supply_round add column result_hash char(64);

-- A registration of a lottery round is a reservation row with status REGISTERED until the draw, then RESERVED
-- (drawn) or NOT_DRAWN; lottery_ref is the household's pseudonymous reference in the published lists.
alter table supply_reservation add column lottery_ref varchar(16);
alter table supply_reservation add column lottery_rank int;
create unique index supply_reservation_lottery_ref_idx on supply_reservation (round_id, lottery_ref);
