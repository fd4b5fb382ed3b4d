package org.liandong.supply;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.PersonalDataCipher;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lottery rounds: a secret seed is made when the round opens and only its SHA-256 (the commitment) is published;
 * households register in the window; after it closes staff draw, which reveals the seed and ranks the sorted
 * registrations with {@link LotteryDraw}. Commitment, seed, registrations hash, number drawn and result hash go
 * into the street's hash-chained ledger, so a seed or a row changed afterwards is found by {@link #verify}.
 */
@Service
public class Lottery {

    /** Everything anyone needs to re-run a draw, as the public page and its JSON download show it. */
    public record Publication(UUID roundId, String streetId, @Nullable String communityId, String item, String unit,
                              int quota, Instant opensAt, Instant closesAt, String algorithm, String commitment,
                              @Nullable String seed, @Nullable Instant drawnAt, @Nullable Integer stockAtDraw,
                              @Nullable Integer drawn, List<String> registrations, List<String> order,
                              @Nullable String registrationsHash, @Nullable String resultHash) {

        public List<String> winners() {
            return drawn == null ? List.of() : order.subList(0, Math.min(drawn, order.size()));
        }

        public java.time.@Nullable LocalDateTime drawnLocal() {
            return drawnAt == null ? null : drawnAt.atZone(SupplyRound.ZONE).toLocalDateTime();
        }

        public java.time.LocalDateTime closesLocal() {
            return closesAt.atZone(SupplyRound.ZONE).toLocalDateTime();
        }
    }

    /** A round's lottery columns. */
    private record State(String commitment, @Nullable String sealed, @Nullable String seed, @Nullable Instant drawnAt,
                         @Nullable Integer stockAtDraw, @Nullable Integer drawn, @Nullable String registrationsHash,
                         @Nullable String resultHash) {
    }

    /** A registration as stored. */
    private record Entry(String ref, UUID householdId, Reservation.Status status, @Nullable Integer rank) {

        boolean won() {
            return status == Reservation.Status.RESERVED || status == Reservation.Status.COLLECTED
                    || status == Reservation.Status.RETURNED;
        }
    }

    /** What the ledger recorded about a draw. */
    private record Recorded(String seed, int registrations, String registrationsHash, int drawn, String resultHash) {
    }

    private static final Pattern COMMITMENT = Pattern.compile("commitment=([0-9a-f]{64})");
    private static final Pattern DRAW = Pattern.compile(
            "seed=([0-9a-f]{64}) registrations=(\\d+) sha256=([0-9a-f]{64}) drawn=(\\d+) result=([0-9a-f]{64})");
    private static final int MAX_LISTED = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final PersonalDataCipher cipher;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;

    Lottery(JdbcClient jdbc, javax.sql.DataSource dataSource, PersonalDataCipher cipher, Ledger ledger,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.batch = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        this.cipher = cipher;
        this.ledger = ledger;
        this.events = events;
    }

    /** A new secret seed for a round being opened: its commitment and the seed sealed with the data key. */
    record NewSeed(String commitment, String sealed) {
    }

    NewSeed newSeed() {
        var seed = new byte[32];
        RANDOM.nextBytes(seed);
        return new NewSeed(LotteryDraw.commitment(seed), cipher.encrypt(HexFormat.of().formatHex(seed)));
    }

    /** The note of the ledger entry that opens a lottery round: it publishes the commitment. */
    static String commitmentNote(String commitment) {
        return "lottery commitment=" + commitment;
    }

    /** The household's pseudonymous reference in a round's published lists: a keyed hash, 16 hex characters. */
    String reference(UUID roundId, UUID householdId) {
        return cipher.blindIndex("supply-lottery|" + roundId + "|" + householdId).substring(0, 16);
    }

    // ---- the draw ----------------------------------------------------------------------------------------

    /**
     * Draws the round: refused before its window closed and a second time. In one transaction: the round row is
     * locked, the seed unsealed and checked against the commitment, the registrations ranked, the first k (as many
     * as the stock left serves) reserved with their pickup codes and slots, the others marked not drawn, the stock
     * taken, the seed revealed and the draw appended to the ledger.
     */
    @Transactional
    public Publication draw(SupplyRound round, String by, String party, Instant now) {
        if (!round.lottery()) {
            throw new InvalidValueException("supply.lottery.not-lottery");
        }
        var state = state(round.id(), true);
        if (state.drawnAt() != null) {
            throw new InvalidValueException("supply.lottery.already-drawn", SupplyRound.display(state.drawnAt()));
        }
        if (now.isBefore(round.closesAt())) {
            throw new InvalidValueException("supply.lottery.too-early", SupplyRound.display(round.closesAt()));
        }
        var seedHex = cipher.decrypt(java.util.Objects.requireNonNull(state.sealed()));
        var seed = HexFormat.of().parseHex(seedHex);
        if (!LotteryDraw.commitment(seed).equals(state.commitment())) {
            throw new IllegalStateException("the sealed seed of round " + round.id() + " does not match its commitment");
        }
        var refs = jdbc.sql("""
                select lottery_ref from supply_reservation where round_id = :r and status = 'REGISTERED'
                order by lottery_ref""").param("r", round.id()).query(String.class).list();
        var shards = new HashMap<Integer, Integer>();
        jdbc.sql("select shard, remaining from supply_stock_shard where round_id = :r order by shard for update")
                .param("r", round.id()).query((rs, n) -> shards.put(rs.getInt(1), rs.getInt(2))).list();
        int stock = shards.values().stream().mapToInt(Integer::intValue).sum();
        int units = shards.values().stream().mapToInt(v -> v / round.quota()).sum();
        int k = Math.min(refs.size(), units);
        var order = LotteryDraw.shuffle(seed, refs);
        var rows = new ArrayList<Object[]>();
        for (int i = 0; i < order.size(); i++) {
            rows.add(new Object[] {i < k ? "RESERVED" : "NOT_DRAWN", i + 1, round.id(), order.get(i)});
        }
        batch.batchUpdate("""
                update supply_reservation set status = ?, lottery_rank = ?
                where round_id = ? and lottery_ref = ? and status = 'REGISTERED'""", rows);
        takeDrawnStock(round, shards, k);
        var at = now.truncatedTo(ChronoUnit.MILLIS);
        var registrationsHash = LotteryDraw.hashOf(refs);
        var resultHash = LotteryDraw.hashOf(order);
        jdbc.sql("""
                update supply_round set seed = :seed, drawn_at = :at, drawn_by = :by, draw_stock = :stock,
                    draw_winners = :k, registrations_hash = :rh, result_hash = :res
                where id = :id and drawn_at is null""")
                .param("seed", seedHex).param("at", Timestamp.from(at)).param("by", by).param("stock", stock)
                .param("k", k).param("rh", registrationsHash).param("res", resultHash).param("id", round.id()).update();
        ledger.append(new Ledger.NewEntry(round.streetId(), round.communityId(), LedgerEntry.Kind.DRAW, round.item(),
                (long) k * round.quota(), round.unit(), party, "seed=" + seedHex + " registrations=" + refs.size()
                + " sha256=" + registrationsHash + " drawn=" + k + " result=" + resultHash, round.id().toString()), by);
        jdbc.sql("""
                select id, household_id, community_id, quantity from supply_reservation
                where round_id = :r and status = 'RESERVED' and lottery_rank is not null""").param("r", round.id())
                .query((rs, n) -> new ReservationConfirmed(round.id(), rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4))).list()
                .forEach(events::publishEvent);
        return publication(round);
    }

    private void takeDrawnStock(SupplyRound round, Map<Integer, Integer> shards, int units) {
        int want = units * round.quota();
        for (var shard : shards.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            int take = Math.min(want, shard.getValue() / round.quota() * round.quota());
            if (take > 0) {
                jdbc.sql("""
                        update supply_stock_shard set remaining = remaining - :q
                        where round_id = :r and shard = :s and remaining >= :q""")
                        .param("q", take).param("r", round.id()).param("s", shard.getKey()).update();
                want -= take;
            }
        }
    }

    // ---- what is published -------------------------------------------------------------------------------

    public Publication publication(SupplyRound round) {
        var state = state(round.id(), false);
        var entries = entries(round.id());
        List<String> registrations;
        List<String> order;
        if (state.drawnAt() == null) {
            registrations = entries.stream().map(Entry::ref).sorted().toList();
            order = List.of();
        } else {
            var ranked = entries.stream().filter(e -> e.rank() != null)
                    .sorted(java.util.Comparator.comparing(Entry::rank)).toList();
            order = ranked.stream().map(Entry::ref).toList();
            registrations = order.stream().sorted().toList();
        }
        return new Publication(round.id(), round.streetId(), round.communityId(), round.item(), round.unit(),
                round.quota(), round.opensAt(), round.closesAt(), LotteryDraw.ALGORITHM, state.commitment(),
                state.seed(), state.drawnAt(), state.stockAtDraw(), state.drawn(), registrations, order,
                state.registrationsHash(), state.resultHash());
    }

    // ---- verification ------------------------------------------------------------------------------------

    /**
     * Re-runs the draw from what is stored and compares it with what was published in the ledger: the seed against
     * the commitment, the commitment against the one published at opening, each registration's reference against
     * its household, the registrations and the result against the hashes recorded at the draw, and every
     * household's rank and outcome against the recomputed order.
     */
    public LotteryCheck verify(SupplyRound round) {
        var problems = new ArrayList<LotteryCheck.Problem>();
        var state = state(round.id(), false);
        var recordedEntries = ledger.byReference(round.streetId(), round.id().toString());
        var chain = ledger.verify(round.streetId());
        if (!chain.intact()) {
            problems.add(problem(LotteryCheck.Kind.LEDGER_BROKEN, "", chain.problems().size() + "", ""));
        }
        var published = recordedEntries.stream().filter(e -> e.kind() == LedgerEntry.Kind.ROUND)
                .map(e -> match(COMMITMENT, e.note())).flatMap(Optional::stream).map(m -> m.group(1)).findFirst();
        if (published.isEmpty()) {
            problems.add(problem(LotteryCheck.Kind.COMMITMENT_NOT_PUBLISHED, "", "", state.commitment()));
        } else if (!published.get().equals(state.commitment())) {
            problems.add(problem(LotteryCheck.Kind.COMMITMENT_CHANGED, "", published.get(), state.commitment()));
        }
        var entries = entries(round.id());
        for (var e : entries) {
            if (!e.ref().equals(reference(round.id(), e.householdId()))) {
                problems.add(problem(LotteryCheck.Kind.REGISTRATION_ALTERED, e.ref(), "", ""));
            }
        }
        if (state.drawnAt() == null || state.seed() == null) {
            return new LotteryCheck(round.id(), false, entries.size(), state.commitment(), problems);
        }
        var seed = parseSeed(state.seed());
        var seedHash = seed == null ? "" : LotteryDraw.commitment(seed);
        if (!seedHash.equals(state.commitment())) {
            problems.add(problem(LotteryCheck.Kind.SEED_MISMATCH, state.seed(), state.commitment(), seedHash));
        }
        var recorded = recordedEntries.stream().filter(e -> e.kind() == LedgerEntry.Kind.DRAW)
                .map(e -> match(DRAW, e.note())).flatMap(Optional::stream)
                .map(m -> new Recorded(m.group(1), Integer.parseInt(m.group(2)), m.group(3), Integer.parseInt(m.group(4)),
                        m.group(5))).findFirst();
        var ranked = entries.stream().filter(e -> e.rank() != null).toList();
        var refs = ranked.stream().map(Entry::ref).sorted().toList();
        entries.stream().filter(e -> e.rank() == null && e.status() == Reservation.Status.REGISTERED)
                .forEach(e -> problems.add(problem(LotteryCheck.Kind.LATE_REGISTRATION, e.ref(), "", "")));
        var registrationsHash = LotteryDraw.hashOf(refs);
        int drawn = state.drawn() == null ? 0 : state.drawn();
        if (recorded.isEmpty()) {
            problems.add(problem(LotteryCheck.Kind.DRAW_NOT_RECORDED, "", "", ""));
        } else {
            var r = recorded.get();
            if (!r.seed().equals(state.seed())) {
                problems.add(problem(LotteryCheck.Kind.SEED_CHANGED, "", r.seed(), state.seed()));
            }
            if (!r.registrationsHash().equals(registrationsHash)) {
                problems.add(problem(LotteryCheck.Kind.REGISTRATIONS_CHANGED, "", r.registrations() + "",
                        refs.size() + ""));
            }
            if (r.drawn() != drawn) {
                problems.add(problem(LotteryCheck.Kind.DRAWN_CHANGED, "", r.drawn() + "", drawn + ""));
            }
        }
        var order = seed == null ? List.<String>of() : LotteryDraw.shuffle(seed, refs);
        var rank = new HashMap<String, Integer>();
        for (int i = 0; i < order.size(); i++) {
            rank.put(order.get(i), i + 1);
        }
        int listed = 0;
        for (var e : ranked.stream().sorted(java.util.Comparator.comparing(Entry::rank)).toList()) {
            int expected = rank.getOrDefault(e.ref(), 0);
            boolean shouldWin = expected > 0 && expected <= drawn;
            if (listed >= MAX_LISTED) {
                break;
            }
            if (shouldWin != e.won()) {
                problems.add(problem(shouldWin ? LotteryCheck.Kind.WRONGLY_LEFT_OUT : LotteryCheck.Kind.WRONGLY_DRAWN,
                        e.ref(), expected + "", e.rank() + ""));
                listed++;
            } else if (expected != e.rank()) {
                problems.add(problem(LotteryCheck.Kind.RANK_CHANGED, e.ref(), expected + "", e.rank() + ""));
                listed++;
            }
        }
        var resultHash = LotteryDraw.hashOf(order);
        if (recorded.isPresent() && !recorded.get().resultHash().equals(resultHash) && listed == 0
                && problems.isEmpty()) {
            problems.add(problem(LotteryCheck.Kind.RESULT_CHANGED, "", recorded.get().resultHash(), resultHash));
        }
        return new LotteryCheck(round.id(), true, ranked.size(), state.commitment(), problems);
    }

    private static LotteryCheck.Problem problem(LotteryCheck.Kind kind, String subject, String expected, String found) {
        return new LotteryCheck.Problem(kind, subject, expected, found);
    }

    private static byte @Nullable [] parseSeed(String hex) {
        try {
            var bytes = HexFormat.of().parseHex(hex.strip());
            return bytes.length == 0 ? null : bytes;
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }

    private static Optional<java.util.regex.MatchResult> match(Pattern pattern, @Nullable String note) {
        if (note == null) {
            return Optional.empty();
        }
        var m = pattern.matcher(note);
        return m.find() ? Optional.of(m.toMatchResult()) : Optional.empty();
    }

    private State state(UUID roundId, boolean lock) {
        return jdbc.sql("""
                select seed_commitment, seed_sealed, seed, drawn_at, draw_stock, draw_winners, registrations_hash,
                    result_hash from supply_round where id = :id""" + (lock ? " for update" : ""))
                .param("id", roundId).query((rs, n) -> {
                    var at = rs.getTimestamp(4);
                    return new State(rs.getString(1), rs.getString(2), rs.getString(3), at == null ? null : at.toInstant(),
                            (Integer) rs.getObject(5, Integer.class), (Integer) rs.getObject(6, Integer.class),
                            rs.getString(7), rs.getString(8));
                }).single();
    }

    private List<Entry> entries(UUID roundId) {
        return jdbc.sql("""
                select lottery_ref, household_id, status, lottery_rank from supply_reservation
                where round_id = :r and lottery_ref is not null order by lottery_ref""").param("r", roundId)
                .query((rs, n) -> new Entry(rs.getString(1), rs.getObject(2, UUID.class),
                        Reservation.Status.valueOf(rs.getString(3)), (Integer) rs.getObject(4, Integer.class))).list();
    }
}
