package org.liandong.supply;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hot path of a rush: one household takes its quota of a round's stock, once. Plain JDBC and one short
 * transaction, so it runs the same in the application and in the crash test's child process.
 *
 * <p>The reservation row goes in first: the unique (round, household) index makes a concurrent second tap wait
 * for the first and then fail, before any stock is touched. Then the quota comes off one of the round's stock
 * shards, chosen at random, with a conditional update that never takes a shard below zero; other shards are
 * tried when that one is empty; if all are, the transaction rolls back ("sold out").
 */
final class ReservationBook {

    /** Who reserves: a household and where it collects. */
    record Applicant(UUID householdId, String communityId, UUID buildingGroupId, String buildingGroup,
                     int buildingGroupIndex, String address) {
    }

    /** The result, and whether this call made it (false: an earlier tap or retry did). */
    record Outcome(Reservation reservation, boolean created) {
    }

    /** How long a round that was found sold out is answered "sold out" without asking the database. */
    static final java.time.Duration SOLD_OUT_RECHECK = java.time.Duration.ofMillis(250);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final PickupCodes codes;
    private final java.util.Map<UUID, Long> soldOutUntil = new java.util.concurrent.ConcurrentHashMap<>();

    ReservationBook(JdbcClient jdbc, TransactionTemplate tx, PickupCodes codes) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.codes = codes;
    }

    Outcome reserve(SupplyRound round, Applicant applicant, @Nullable String clientToken, Instant now) {
        return take(round, applicant, clientToken, now, Reservation.Status.RESERVED);
    }

    /** A vulnerable household's share, to be delivered rather than collected. */
    Outcome allocate(SupplyRound round, Applicant applicant, Instant now) {
        return take(round, applicant, null, now, Reservation.Status.TO_DELIVER);
    }

    private Outcome take(SupplyRound round, Applicant applicant, @Nullable String clientToken, Instant now,
                         Reservation.Status status) {
        var existing = find(round.id(), applicant.householdId());
        if (existing.isPresent()) {
            return new Outcome(existing.get(), false);
        }
        var soldOut = soldOutUntil.get(round.id());
        if (soldOut != null && System.nanoTime() - soldOut < 0) {
            throw new InvalidValueException("supply.reserve.sold-out");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                var made = tx.execute(s -> insertAndTakeStock(round, applicant, clientToken, now, status));
                return new Outcome(made, true);
            } catch (DuplicateKeyException raced) {
                // another tap of the same household committed first: that one stands
                return new Outcome(find(round.id(), applicant.householdId()).orElseThrow(() -> raced), false);
            } catch (TransientDataAccessException busy) {
                // a lock wait timed out (H2 under a heavy rush): nothing was written, try again a few times
                if (attempt >= 5) {
                    throw new InvalidValueException("supply.reserve.busy");
                }
            }
        }
    }

    Optional<Reservation> find(UUID roundId, UUID householdId) {
        return jdbc.sql("select * from supply_reservation where round_id = :r and household_id = :h")
                .param("r", roundId).param("h", householdId).query(Reservation::map).optional();
    }

    /** A no-show: the reservation is marked returned and its quantity goes back on a shard, in one transaction. */
    boolean returnUncollected(UUID reservationId, UUID roundId, int shards, int quantity) {
        boolean returned = Boolean.TRUE.equals(tx.execute(s -> {
            int changed = jdbc.sql("""
                    update supply_reservation set status = 'RETURNED' where id = :id and status = 'RESERVED'""")
                    .param("id", reservationId).update();
            if (changed == 1) {
                giveBack(roundId, shards, quantity);
            }
            return changed == 1;
        }));
        if (returned) {
            soldOutUntil.remove(roundId); // there is stock again
        }
        return returned;
    }

    /** Puts a quantity back on one shard. */
    private void giveBack(UUID roundId, int shards, int quantity) {
        int shard = ThreadLocalRandom.current().nextInt(shards);
        jdbc.sql("update supply_stock_shard set remaining = remaining + :q where round_id = :r and shard = :s")
                .param("q", quantity).param("r", roundId).param("s", shard).update();
    }

    int remaining(UUID roundId) {
        return jdbc.sql("select coalesce(sum(remaining), 0) from supply_stock_shard where round_id = :r")
                .param("r", roundId).query(Integer.class).single();
    }

    private Reservation insertAndTakeStock(SupplyRound round, Applicant a, @Nullable String clientToken, Instant now,
                                           Reservation.Status status) {
        var id = UUID.randomUUID();
        var code = PickupCodes.shortCode(codes.sign(id, round.id(), round.codeSecret()));
        var slotStarts = round.slotStarts(a.buildingGroupIndex());
        var slotEnds = round.slotEnds(a.buildingGroupIndex());
        var at = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        jdbc.sql("""
                insert into supply_reservation (id, round_id, household_id, community_id, building_group_id,
                    building_group, address, quantity, client_token, pickup_code, status, slot_starts, slot_ends,
                    reserved_at)
                values (:id, :r, :h, :c, :bg, :bgName, :address, :q, :token, :code, :status, :s, :e, :at)""")
                .param("id", id).param("r", round.id()).param("h", a.householdId()).param("c", a.communityId())
                .param("bg", a.buildingGroupId()).param("bgName", a.buildingGroup()).param("address", a.address())
                .param("q", round.quota()).param("token", clientToken).param("code", code)
                .param("status", status.name()).param("s", Timestamp.from(slotStarts))
                .param("e", Timestamp.from(slotEnds)).param("at", Timestamp.from(at)).update();
        if (!takeStock(round.id(), round.shards(), round.quota())) {
            // every shard was empty just now: answer "sold out" without the database for a moment (no-shows may
            // bring stock back, so only briefly); nobody is told "reserved" by this short cut
            soldOutUntil.put(round.id(), System.nanoTime() + SOLD_OUT_RECHECK.toNanos());
            throw new InvalidValueException("supply.reserve.sold-out");
        }
        return new Reservation(id, round.id(), a.householdId(), a.communityId(), a.buildingGroupId(),
                a.buildingGroup(), a.address(), round.quota(), clientToken, code, status, slotStarts, slotEnds, at,
                null, null, null);
    }

    private boolean takeStock(UUID roundId, int shards, int quantity) {
        int start = ThreadLocalRandom.current().nextInt(shards);
        for (int i = 0; i < shards; i++) {
            int shard = (start + i) % shards;
            int changed = jdbc.sql("""
                    update supply_stock_shard set remaining = remaining - :q
                    where round_id = :r and shard = :s and remaining >= :q""")
                    .param("q", quantity).param("r", roundId).param("s", shard).update();
            if (changed == 1) {
                return true;
            }
        }
        return false;
    }
}
