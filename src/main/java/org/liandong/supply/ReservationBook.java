package org.liandong.supply;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hot path of a rush: one household takes its quota of a round's stock, once. Plain JDBC and short
 * transactions, so it runs the same in the application and in the crash test's child process.
 *
 * <p><b>Group commit</b> (when {@code maxBatch > 1}): reservations are queued; one writer thread takes everything
 * queued (up to {@code maxBatch}) and settles it in <em>one</em> transaction — looks up which households already hold
 * a reservation, locks the round's stock shards in shard order, inserts the new reservations that the stock covers
 * and takes their quota off the shards — then commits, and only then answers each caller. While one batch commits,
 * the next one gathers, so the batch grows with the load and costs one commit (one disk flush) for all of it. An
 * answer is never given before its commit returned; a batch that fails is retried one reservation per transaction.
 *
 * <p><b>One at a time</b> (the fall-back, exempt allocations and lottery registrations): the reservation row goes in
 * first — the unique (round, household) index makes a concurrent second tap wait for the first and then fail,
 * before any stock is touched — then the quota comes off one of the round's shards, chosen at random, with a
 * conditional update that never takes a shard below zero; other shards are tried when that one is empty; if all
 * are, the transaction rolls back ("sold out").
 */
final class ReservationBook implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReservationBook.class);

    /** Who reserves: a household and where it collects. */
    record Applicant(UUID householdId, String communityId, UUID buildingGroupId, String buildingGroup,
                     int buildingGroupIndex, String address) {
    }

    /** The result, and whether this call made it (false: an earlier tap or retry did). */
    record Outcome(Reservation reservation, boolean created) {
    }

    /** How long a round that was found sold out is answered "sold out" without asking the database. */
    static final Duration SOLD_OUT_RECHECK = Duration.ofMillis(250);

    /** How long a caller waits for its batch before it is told to try again (nothing acknowledged). */
    static final Duration BATCH_WAIT = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final JdbcTemplate batchJdbc;
    private final TransactionTemplate tx;
    private final PickupCodes codes;
    private final int maxBatch;
    private final Map<UUID, Long> soldOutUntil = new ConcurrentHashMap<>();
    private final @Nullable BlockingQueue<Request> queue;
    private final @Nullable Thread writer;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicInteger largestBatch = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong batches = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong batched = new java.util.concurrent.atomic.AtomicLong();

    /** One reservation at a time, each its own transaction. */
    ReservationBook(DataSource dataSource, TransactionTemplate tx, PickupCodes codes) {
        this(dataSource, tx, codes, 1);
    }

    /** With group commit when {@code maxBatch > 1}. */
    ReservationBook(DataSource dataSource, TransactionTemplate tx, PickupCodes codes, int maxBatch) {
        this.batchJdbc = new JdbcTemplate(dataSource);
        this.jdbc = JdbcClient.create(batchJdbc);
        this.tx = tx;
        this.codes = codes;
        this.maxBatch = Math.max(1, maxBatch);
        if (this.maxBatch > 1) {
            this.queue = new ArrayBlockingQueue<>(Math.max(10_000, this.maxBatch * 20));
            this.writer = Thread.ofPlatform().daemon().name("supply-group-commit").start(this::writeBatches);
        } else {
            this.queue = null;
            this.writer = null;
        }
    }

    Outcome reserve(SupplyRound round, Applicant applicant, @Nullable String clientToken, Instant now) {
        refuseIfSoldOut(round.id());
        if (queue == null) {
            return take(round, applicant, clientToken, now, Reservation.Status.RESERVED, null);
        }
        var request = new Request(round, applicant, clientToken, now.truncatedTo(ChronoUnit.MILLIS),
                new CompletableFuture<>());
        if (closed || !queue.offer(request)) {
            throw new InvalidValueException("supply.reserve.busy");
        }
        try {
            return request.answer().get(BATCH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new InvalidValueException("supply.reserve.busy");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidValueException("supply.reserve.busy");
        }
    }

    /** A registration for a lottery round's draw: no stock is taken until the draw. */
    Outcome register(SupplyRound round, Applicant applicant, @Nullable String clientToken, Instant now,
                     String lotteryRef) {
        return take(round, applicant, clientToken, now, Reservation.Status.REGISTERED, lotteryRef);
    }

    /**
     * A vulnerable household's share, to be delivered rather than collected. A household that had registered for a
     * lottery is taken out of the draw and allocated without it.
     */
    Outcome allocate(SupplyRound round, Applicant applicant, Instant now) {
        var existing = find(round.id(), applicant.householdId());
        if (existing.isPresent() && existing.get().status() == Reservation.Status.REGISTERED) {
            var id = existing.get().id();
            boolean converted = Boolean.TRUE.equals(tx.execute(s -> {
                int changed = jdbc.sql("""
                        update supply_reservation set status = 'TO_DELIVER', lottery_ref = null
                        where id = :id and status = 'REGISTERED'""").param("id", id).update();
                if (changed == 1 && !takeStock(round.id(), round.shards(), round.quota())) {
                    s.setRollbackOnly();
                    return false;
                }
                return changed == 1;
            }));
            if (!converted) {
                throw new InvalidValueException("supply.reserve.sold-out");
            }
            return new Outcome(find(round.id(), applicant.householdId()).orElseThrow(), true);
        }
        return take(round, applicant, null, now, Reservation.Status.TO_DELIVER, null);
    }

    private void refuseIfSoldOut(UUID roundId) {
        var soldOut = soldOutUntil.get(roundId);
        if (soldOut != null && System.nanoTime() - soldOut < 0) {
            throw new InvalidValueException("supply.reserve.sold-out");
        }
    }

    private Outcome take(SupplyRound round, Applicant applicant, @Nullable String clientToken, Instant now,
                         Reservation.Status status, @Nullable String lotteryRef) {
        var existing = find(round.id(), applicant.householdId());
        if (existing.isPresent()) {
            return new Outcome(existing.get(), false);
        }
        if (status != Reservation.Status.REGISTERED) {
            refuseIfSoldOut(round.id());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                var made = tx.execute(s -> insertAndTakeStock(round, applicant, clientToken, now, status, lotteryRef));
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
        return reservationsOf(roundId, List.of(householdId)).stream().findFirst();
    }

    /**
     * The reservations these households hold in the round: one probe of the unique {@code (round_id, household_id)}
     * index per household, written as a union of single-key look-ups. Not {@code household_id in (...)}: while a rush
     * fills a new round, PostgreSQL's statistics still give the round a few dozen rows, and with a list it preferred to
     * read the whole round through the index and filter the households, so every batch read the round so far and the
     * rush cost the square of its size (auto_explain during bench/rush.sh). A single-key look-up has no such choice:
     * only the unique index starts with the round (V43), and it is used with both columns.
     */
    private List<Reservation> reservationsOf(UUID roundId, List<UUID> households) {
        var sql = new StringBuilder(households.size() * 72);
        var args = new Object[households.size() * 2];
        for (int i = 0; i < households.size(); i++) {
            sql.append(i == 0 ? "" : " union all ")
                    .append("select * from supply_reservation where round_id = ? and household_id = ?");
            args[2 * i] = roundId;
            args[2 * i + 1] = households.get(i);
        }
        return batchJdbc.query(sql.toString(), (rs, n) -> Reservation.map(rs, n), args);
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

    private Reservation newReservation(SupplyRound round, Applicant a, @Nullable String clientToken, Instant now,
                                       Reservation.Status status, @Nullable String lotteryRef) {
        var id = UUID.randomUUID();
        var code = PickupCodes.shortCode(codes.sign(id, round.id(), round.codeSecret()));
        return new Reservation(id, round.id(), a.householdId(), a.communityId(), a.buildingGroupId(),
                a.buildingGroup(), a.address(), round.quota(), clientToken, code, status,
                round.slotStarts(a.buildingGroupIndex()), round.slotEnds(a.buildingGroupIndex()),
                now.truncatedTo(ChronoUnit.MILLIS), null, null, null, lotteryRef, null);
    }

    private static final String INSERT = """
            insert into supply_reservation (id, round_id, household_id, community_id, building_group_id,
                building_group, address, quantity, client_token, pickup_code, status, slot_starts, slot_ends,
                reserved_at, lottery_ref)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static Object[] insertArgs(Reservation r) {
        return new Object[] {r.id(), r.roundId(), r.householdId(), r.communityId(), r.buildingGroupId(),
                r.buildingGroup(), r.address(), r.quantity(), r.clientToken(), r.pickupCode(), r.status().name(),
                Timestamp.from(r.slotStarts()), Timestamp.from(r.slotEnds()), Timestamp.from(r.reservedAt()),
                r.lotteryRef()};
    }

    private Reservation insertAndTakeStock(SupplyRound round, Applicant a, @Nullable String clientToken, Instant now,
                                           Reservation.Status status, @Nullable String lotteryRef) {
        var r = newReservation(round, a, clientToken, now, status, lotteryRef);
        batchJdbc.update(INSERT, insertArgs(r));
        if (status != Reservation.Status.REGISTERED && !takeStock(round.id(), round.shards(), round.quota())) {
            markSoldOut(round.id());
            throw new InvalidValueException("supply.reserve.sold-out");
        }
        return r;
    }

    /**
     * Every shard was empty just now: answer "sold out" without the database for a moment (no-shows may bring stock
     * back, so only briefly); nobody is told "reserved" by this short cut.
     */
    private void markSoldOut(UUID roundId) {
        soldOutUntil.put(roundId, System.nanoTime() + SOLD_OUT_RECHECK.toNanos());
    }

    /** Takes one quota off a shard with stock, trying them from a random one; false when all are empty. */
    boolean takeStock(UUID roundId, int shards, int quantity) {
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

    /**
     * Takes {@code units × quota} off the round's shards, whose rows the caller's transaction has locked (largest
     * first, so usually one row changes). Never below zero: the caller asks only for what the shards hold.
     */
    private void takeFromLockedShards(UUID roundId, Map<Integer, Integer> shards, int units, int quota) {
        int want = units * quota;
        var order = new ArrayList<>(shards.entrySet());
        order.sort((x, y) -> Integer.compare(y.getValue(), x.getValue()));
        for (var shard : order) {
            if (want == 0) {
                break;
            }
            int take = Math.min(want, shard.getValue() / quota * quota);
            if (take == 0) {
                continue;
            }
            int changed = jdbc.sql("""
                    update supply_stock_shard set remaining = remaining - :q
                    where round_id = :r and shard = :s and remaining >= :q""")
                    .param("q", take).param("r", roundId).param("s", shard.getKey()).update();
            if (changed != 1) {
                throw new IllegalStateException("a locked shard changed under its lock");
            }
            want -= take;
        }
        if (want != 0) {
            throw new IllegalStateException("the shards hold less than was counted");
        }
    }

    // ---- group commit ------------------------------------------------------------------------------------

    private record Request(SupplyRound round, Applicant applicant, @Nullable String clientToken, Instant now,
                           CompletableFuture<Outcome> answer) {
    }

    private void writeBatches() {
        var batch = new ArrayList<Request>(maxBatch);
        while (!closed) {
            try {
                var first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                settle(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable unexpected) {
                log.error("group commit failed; the batch's callers were told to try again", unexpected);
                var busy = new InvalidValueException("supply.reserve.busy");
                batch.forEach(r -> r.answer().completeExceptionally(busy));
            } finally {
                batch.clear();
            }
        }
        var busy = new InvalidValueException("supply.reserve.busy");
        Request left;
        while (queue != null && (left = queue.poll()) != null) {
            left.answer().completeExceptionally(busy);
        }
    }

    /** The most reservations settled in one transaction so far (1 without group commit). */
    int largestBatch() {
        return largestBatch.get();
    }

    /** Settles a batch in one transaction and answers after the commit; on a conflict, one at a time. */
    private void settle(List<Request> batch) {
        largestBatch.accumulateAndGet(batch.size(), Math::max);
        if (batches.incrementAndGet() % 500 == 0) {
            log.info("group commit: {} batches, {} reservations, largest {}", batches.get(),
                    batched.addAndGet(batch.size()), largestBatch.get());
        } else {
            batched.addAndGet(batch.size());
        }
        var answers = new LinkedHashMap<Request, Object>();
        try {
            tx.executeWithoutResult(s -> {
                answers.clear();
                var byRound = new java.util.TreeMap<UUID, List<Request>>();
                batch.forEach(r -> byRound.computeIfAbsent(r.round().id(), k -> new ArrayList<>()).add(r));
                byRound.values().forEach(requests -> settleRound(requests, answers));
            });
        } catch (DataAccessException conflict) {
            // a household reserved through another path between the look-up and the insert, or a lock timed out:
            // nothing of the batch was written; settle each on its own
            for (var r : batch) {
                try {
                    r.answer().complete(take(r.round(), r.applicant(), r.clientToken(), r.now(),
                            Reservation.Status.RESERVED, null));
                } catch (RuntimeException e) {
                    r.answer().completeExceptionally(e);
                }
            }
            return;
        }
        // committed: now, and only now, the callers are answered
        answers.forEach((request, answer) -> {
            if (answer instanceof Outcome outcome) {
                request.answer().complete(outcome);
            } else {
                request.answer().completeExceptionally((RuntimeException) answer);
            }
        });
    }

    private void settleRound(List<Request> requests, Map<Request, Object> answers) {
        var round = requests.getFirst().round();
        var households = requests.stream().map(r -> r.applicant().householdId()).distinct().toList();
        var existing = new HashMap<UUID, Reservation>();
        reservationsOf(round.id(), households).forEach(r -> existing.put(r.householdId(), r));
        var shards = new LinkedHashMap<Integer, Integer>();
        jdbc.sql("select shard, remaining from supply_stock_shard where round_id = :r order by shard for update")
                .param("r", round.id()).query((rs, n) -> shards.put(rs.getInt(1), rs.getInt(2))).list();
        int units = shards.values().stream().mapToInt(v -> v / round.quota()).sum();
        var made = new ArrayList<Reservation>();
        var soldOut = new InvalidValueException("supply.reserve.sold-out");
        for (var request : requests) {
            var household = request.applicant().householdId();
            var earlier = existing.get(household);
            if (earlier != null) {
                // an earlier reservation, or a second tap in this batch: the first one stands
                answers.put(request, new Outcome(earlier, false));
            } else if (made.size() < units) {
                var r = newReservation(round, request.applicant(), request.clientToken(), request.now(),
                        Reservation.Status.RESERVED, null);
                made.add(r);
                existing.put(household, r);
                answers.put(request, new Outcome(r, true));
            } else {
                answers.put(request, soldOut);
            }
        }
        if (!made.isEmpty()) {
            batchJdbc.batchUpdate(INSERT, made.stream().map(ReservationBook::insertArgs).toList());
            takeFromLockedShards(round.id(), shards, made.size(), round.quota());
        }
        if (made.size() >= units) {
            markSoldOut(round.id()); // every unit is taken once this commits
        }
    }

    @Override
    public void close() {
        closed = true;
        if (writer != null) {
            writer.interrupt();
        }
    }
}
