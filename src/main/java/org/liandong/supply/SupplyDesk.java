package org.liandong.supply;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.HouseholdRoll;
import org.liandong.community.Places;
import org.liandong.community.VulnerabilityKind;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supply rounds: staff open them, households reserve, staff hand out against a pickup code, no-shows go back to
 * stock. The stock arithmetic itself is in {@link ReservationBook}.
 */
@Service
public class SupplyDesk {

    public static final int DEFAULT_SHARDS = 16;
    public static final int MAX_QUOTA = 1000;
    public static final int MAX_STOCK = 10_000_000;

    /** What staff fill in to open a round. {@code community} null: every community of {@code street}. */
    public record NewRound(@Nullable String street, @Nullable String community, String item, String unit, int quota,
                           int stock, String eligibility, @Nullable LocalDateTime opens, @Nullable LocalDateTime closes,
                           String pickupPlace, @Nullable LocalDateTime pickupStarts, int slotMinutes,
                           boolean exemptDelivery, String mode) {

        /** A first-come-first-served round. */
        public NewRound(@Nullable String street, @Nullable String community, String item, String unit, int quota,
                        int stock, String eligibility, @Nullable LocalDateTime opens, @Nullable LocalDateTime closes,
                        String pickupPlace, @Nullable LocalDateTime pickupStarts, int slotMinutes,
                        boolean exemptDelivery) {
            this(street, community, item, unit, quota, stock, eligibility, opens, closes, pickupPlace, pickupStarts,
                    slotMinutes, exemptDelivery, SupplyRound.FCFS);
        }
    }

    /** Counts of a round's reservations by status, and the stock left. */
    public record RoundCounts(int remaining, Map<Reservation.Status, Integer> byStatus) {

        public int count(Reservation.Status status) {
            return byStatus.getOrDefault(status, 0);
        }
    }

    /** A building group's part of a round. */
    public record GroupCounts(String buildingGroup, Instant slotStarts, int reserved, int collected, int returned,
                              int toDeliver, int delivered, int registered, int notDrawn) {

        public LocalDateTime slotLocal() {
            return slotStarts.atZone(SupplyRound.ZONE).toLocalDateTime();
        }
    }

    /** A round as a household sees it, with its reservation if it has one. */
    public record HouseholdRound(SupplyRound round, SupplyRound.Status status, @Nullable Reservation reservation,
                                 boolean eligible) {
    }

    /** The outcome of a scan or a typed code at the pickup point. */
    public record PickupCheck(Reservation reservation, SupplyRound round, String proof) {
    }

    /** Households with one of these tags need not reserve: they are delivered to. */
    public static final java.util.Set<VulnerabilityKind> EXEMPT = java.util.EnumSet.of(VulnerabilityKind.ELDERLY_ALONE,
            VulnerabilityKind.AGED_80_PLUS, VulnerabilityKind.DISABILITY);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ReservationBook book;
    private final PickupCodes codes;
    private final HouseholdRoll roll;
    private final Places places;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Lottery lottery;
    private final RollCache rollCache;
    private final java.util.Map<UUID, CachedRound> roundCache = new java.util.concurrent.ConcurrentHashMap<>();

    /** A round as the reservation path keeps it for a few seconds (what it reads never changes once opened). */
    private record CachedRound(SupplyRound round, long readAt) {
    }

    private static final long ROUND_CACHE_NANOS = 5_000_000_000L;

    SupplyDesk(JdbcClient jdbc, ReservationBook book, PickupCodes codes, HouseholdRoll roll, Places places,
               Ledger ledger, ApplicationEventPublisher events, Clock clock, Lottery lottery) {
        this.jdbc = jdbc;
        this.book = book;
        this.codes = codes;
        this.roll = roll;
        this.places = places;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
        this.lottery = lottery;
        this.rollCache = new RollCache(roll);
    }

    // ---- rounds ------------------------------------------------------------------------------------------

    @Transactional
    public SupplyRound open(LiandongUser staff, NewRound form) {
        String streetId;
        String communityId = blank(form.community()) ? null : form.community().strip();
        String partyName;
        if (communityId != null) {
            staff.scope().check(communityId);
            var community = places.community(communityId).orElseThrow(OutOfScopeException::new);
            streetId = community.streetId();
            partyName = community.name();
        } else {
            if (blank(form.street()) || !staff.role().admin()) {
                throw new InvalidValueException("supply.round.error.community");
            }
            streetId = form.street().strip();
            var communities = places.communityIdsOfStreet(streetId);
            if (communities.isEmpty() || !communities.stream().allMatch(staff.scope()::covers)) {
                throw new OutOfScopeException();
            }
            partyName = places.street(streetId).orElseThrow(OutOfScopeException::new).name();
        }
        var item = text(form.item(), 100, "supply.round.error.item");
        var unit = text(form.unit(), 20, "supply.round.error.unit");
        var place = text(form.pickupPlace(), 200, "supply.round.error.place");
        if (form.quota() < 1 || form.quota() > MAX_QUOTA) {
            throw new InvalidValueException("supply.round.error.quota", MAX_QUOTA);
        }
        if (form.stock() < form.quota() || form.stock() > MAX_STOCK) {
            throw new InvalidValueException("supply.round.error.stock", MAX_STOCK);
        }
        var eligibility = blank(form.eligibility()) || SupplyRound.ALL.equalsIgnoreCase(form.eligibility())
                ? SupplyRound.ALL
                : VulnerabilityKind.fromCode(form.eligibility())
                        .orElseThrow(() -> new InvalidValueException("supply.round.error.eligibility")).name();
        if (form.opens() == null || form.closes() == null || !form.closes().isAfter(form.opens())) {
            throw new InvalidValueException("supply.round.error.window");
        }
        if (form.pickupStarts() == null || form.pickupStarts().isBefore(form.opens())) {
            throw new InvalidValueException("supply.round.error.pickup-starts");
        }
        if (form.slotMinutes() < 5 || form.slotMinutes() > 24 * 60) {
            throw new InvalidValueException("supply.round.error.slot");
        }
        var mode = blank(form.mode()) ? SupplyRound.FCFS : form.mode().strip().toUpperCase(java.util.Locale.ROOT);
        if (!mode.equals(SupplyRound.FCFS) && !mode.equals(SupplyRound.LOTTERY)) {
            throw new InvalidValueException("supply.round.error.mode");
        }
        var seed = mode.equals(SupplyRound.LOTTERY) ? lottery.newSeed() : null;
        int units = form.stock() / form.quota();
        int shards = Math.max(1, Math.min(DEFAULT_SHARDS, units));
        var id = UUID.randomUUID();
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var secret = new byte[24];
        RANDOM.nextBytes(secret);
        jdbc.sql("""
                insert into supply_round (id, street_id, community_id, item, unit, quota, stock, eligibility, mode,
                    opens_at, closes_at, pickup_place, pickup_starts, slot_minutes, shards, exempt_delivery,
                    code_secret, created_by, created_at, seed_commitment, seed_sealed)
                values (:id, :s, :c, :item, :unit, :quota, :stock, :elig, :mode, :opens, :closes, :place, :pickup,
                    :slot, :shards, :exempt, :secret, :by, :now, :commitment, :sealed)""")
                .param("id", id).param("s", streetId).param("c", communityId).param("item", item)
                .param("unit", unit).param("quota", form.quota()).param("stock", form.stock())
                .param("elig", eligibility).param("opens", ts(form.opens())).param("closes", ts(form.closes()))
                .param("place", place).param("pickup", ts(form.pickupStarts())).param("slot", form.slotMinutes())
                .param("shards", shards).param("exempt", form.exemptDelivery())
                .param("secret", HexFormat.of().formatHex(secret)).param("by", staff.displayName())
                .param("now", Timestamp.from(now)).param("mode", mode)
                .param("commitment", seed == null ? null : seed.commitment())
                .param("sealed", seed == null ? null : seed.sealed()).update();
        for (int shard = 0; shard < shards; shard++) {
            int share = (units / shards + (shard < units % shards ? 1 : 0)) * form.quota();
            if (shard == 0) {
                share += form.stock() % form.quota();
            }
            jdbc.sql("insert into supply_stock_shard (round_id, shard, remaining) values (:r, :s, :q)")
                    .param("r", id).param("s", shard).param("q", share).update();
        }
        ledger.append(new Ledger.NewEntry(streetId, communityId, LedgerEntry.Kind.ROUND, item, form.stock(), unit,
                partyName, seed == null ? null : Lottery.commitmentNote(seed.commitment()), id.toString()),
                staff.displayName());
        return round(id).orElseThrow();
    }

    public Optional<SupplyRound> round(UUID id) {
        return jdbc.sql("select * from supply_round where id = :id").param("id", id).query(SupplyRound::map).optional();
    }

    /** A round the person may manage: its community (or, for a street round, one of its communities) is in scope. */
    public SupplyRound round(AccessScope scope, UUID id) {
        var round = round(id).orElseThrow(OutOfScopeException::new);
        if (!covers(scope, round)) {
            throw new OutOfScopeException();
        }
        return round;
    }

    public List<SupplyRound> rounds(AccessScope scope) {
        var all = jdbc.sql("select * from supply_round order by opens_at desc limit 500").query(SupplyRound::map).list();
        return all.stream().filter(r -> covers(scope, r)).limit(100).toList();
    }

    public RoundCounts counts(UUID roundId) {
        var byStatus = new LinkedHashMap<Reservation.Status, Integer>();
        jdbc.sql("select status, count(*) from supply_reservation where round_id = :r group by status")
                .param("r", roundId).query((rs, n) -> byStatus.put(Reservation.Status.valueOf(rs.getString(1)),
                        rs.getInt(2))).list();
        return new RoundCounts(book.remaining(roundId), byStatus);
    }

    public List<GroupCounts> groups(AccessScope scope, UUID roundId) {
        round(scope, roundId);
        return jdbc.sql("""
                select building_group, min(slot_starts) slot,
                       sum(case when status = 'RESERVED' then 1 else 0 end) reserved,
                       sum(case when status = 'COLLECTED' then 1 else 0 end) collected,
                       sum(case when status = 'RETURNED' then 1 else 0 end) returned,
                       sum(case when status = 'TO_DELIVER' then 1 else 0 end) to_deliver,
                       sum(case when status = 'DELIVERED' then 1 else 0 end) delivered,
                       sum(case when status = 'REGISTERED' then 1 else 0 end) registered,
                       sum(case when status = 'NOT_DRAWN' then 1 else 0 end) not_drawn
                from supply_reservation where round_id = :r
                group by community_id, building_group order by min(slot_starts), building_group""")
                .param("r", roundId)
                .query((rs, n) -> new GroupCounts(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9))).list();
    }

    // ---- households --------------------------------------------------------------------------------------

    /** Rounds of the household's community (and street) that opened in the last two weeks or will open. */
    public List<HouseholdRound> roundsFor(UUID householdId) {
        var household = roll.household(householdId).orElseThrow(OutOfScopeException::new);
        var streetId = places.community(household.communityId()).orElseThrow(OutOfScopeException::new).streetId();
        var now = clock.instant();
        var rounds = jdbc.sql("""
                select * from supply_round
                where (community_id = :c or (community_id is null and street_id = :s)) and closes_at > :since
                order by opens_at desc limit 20""")
                .param("c", household.communityId()).param("s", streetId)
                .param("since", Timestamp.from(now.minus(14, ChronoUnit.DAYS))).query(SupplyRound::map).list();
        var out = new ArrayList<HouseholdRound>();
        for (var round : rounds) {
            boolean eligible = round.requiredTag().map(household.tags()::contains).orElse(true);
            out.add(new HouseholdRound(round, round.status(now), book.find(round.id(), householdId).orElse(null),
                    eligible));
        }
        return out;
    }

    /**
     * The resident reserves for their own household. Idempotent: a retry or a second tap returns the first
     * reservation. Refused outside the window, for a household the round is not for, and when sold out.
     */
    public Reservation reserve(LiandongUser resident, UUID roundId, @Nullable String clientToken) {
        var householdId = resident.householdId()
                .orElseThrow(() -> new InvalidValueException("supply.reserve.no-household"));
        return reserveFor(householdId, roundId, clientToken);
    }

    /**
     * The hot path of a rush: the round (kept a few seconds) and the household (from a copy of its community's roll)
     * without asking the database; whether the household already holds a reservation is asked inside the group
     * commit, except outside the window, where a retry still gets its reservation back.
     */
    private Reservation reserveFor(UUID householdId, UUID roundId, @Nullable String clientToken) {
        var round = cachedRound(roundId);
        var household = (round.communityId() != null ? rollCache.household(householdId, round.communityId())
                : roll.household(householdId)).orElseThrow(OutOfScopeException::new);
        if (!appliesTo(round, household.communityId())) {
            throw new OutOfScopeException();
        }
        var now = clock.instant();
        if (round.status(now) != SupplyRound.Status.OPEN) {
            var existing = book.find(roundId, householdId);
            if (existing.isPresent()) {
                return existing.get();
            }
            if (round.status(now) == SupplyRound.Status.UPCOMING) {
                throw new InvalidValueException("supply.reserve.not-yet", SupplyRound.display(round.opensAt()));
            }
            throw new InvalidValueException(round.lottery() ? "supply.lottery.register-closed" : "supply.reserve.closed");
        }
        if (round.requiredTag().isPresent() && !household.tags().contains(round.requiredTag().get())) {
            throw new InvalidValueException("supply.reserve.not-eligible");
        }
        var token = clientToken == null || clientToken.isBlank() || clientToken.length() > 64 ? null
                : clientToken.strip();
        var applicant = new ReservationBook.Applicant(household.householdId(), household.communityId(),
                household.buildingGroupId(), household.buildingGroup(), household.buildingGroupIndex(),
                household.address());
        if (round.lottery()) {
            return book.register(round, applicant, token, now, lottery.reference(roundId, householdId)).reservation();
        }
        var outcome = book.reserve(round, applicant, token, now);
        if (outcome.created()) {
            var r = outcome.reservation();
            events.publishEvent(new ReservationConfirmed(roundId, r.id(), householdId, r.communityId(), r.quantity()));
        }
        return outcome.reservation();
    }

    /**
     * The JSON API's reservation: the household named must be the caller's own ("for another household" is refused
     * with a reason, nothing written).
     */
    public Reservation reserve(LiandongUser resident, UUID roundId, @Nullable UUID forHousehold,
                               @Nullable String clientToken) {
        var own = resident.householdId().orElseThrow(() -> new InvalidValueException("supply.reserve.no-household"));
        if (forHousehold != null && !forHousehold.equals(own)) {
            throw new InvalidValueException("supply.reserve.other-household");
        }
        return reserveFor(own, roundId, clientToken);
    }

    private SupplyRound cachedRound(UUID roundId) {
        var cached = roundCache.get(roundId);
        if (cached != null && System.nanoTime() - cached.readAt() < ROUND_CACHE_NANOS) {
            return cached.round();
        }
        var round = round(roundId).orElseThrow(OutOfScopeException::new);
        if (roundCache.size() > 1000) {
            roundCache.clear();
        }
        roundCache.put(roundId, new CachedRound(round, System.nanoTime()));
        return round;
    }

    /**
     * Staff end an open round's window now (the lottery is to be drawn early, or the stock is gone elsewhere); later
     * reservations and registrations are refused as after any close. Refused for a round not open.
     */
    public SupplyRound closeNow(LiandongUser staff, UUID roundId) {
        var round = round(staff.scope(), roundId);
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        switch (round.status(now)) {
            case UPCOMING -> throw new InvalidValueException("supply.round.error.close-upcoming");
            case CLOSED -> throw new InvalidValueException("supply.round.error.already-closed");
            case OPEN -> { }
        }
        jdbc.sql("update supply_round set closes_at = :now where id = :id and closes_at > :now")
                .param("now", Timestamp.from(now)).param("id", roundId).update();
        roundCache.remove(roundId);
        return round(roundId).orElseThrow();
    }

    // ---- lottery -----------------------------------------------------------------------------------------

    /**
     * Draws a lottery round after its window closed: vulnerable households are allocated first (without the
     * lottery, if the round delivers to them), then the registrations are drawn. Refused before the window closed
     * and a second time.
     */
    public Lottery.Publication draw(LiandongUser staff, UUID roundId) {
        var round = round(staff.scope(), roundId);
        if (!round.lottery()) {
            throw new InvalidValueException("supply.lottery.not-lottery");
        }
        var now = clock.instant();
        if (now.isBefore(round.closesAt())) {
            throw new InvalidValueException("supply.lottery.too-early", SupplyRound.display(round.closesAt()));
        }
        if (lottery.publication(round).drawnAt() != null) {
            throw new InvalidValueException("supply.lottery.already-drawn",
                    SupplyRound.display(lottery.publication(round).drawnAt()));
        }
        if (round.exemptDelivery()) {
            allocateExempt(staff, roundId);
        }
        var party = round.communityId() != null
                ? places.community(round.communityId()).map(c -> c.name()).orElse(round.communityId())
                : places.street(round.streetId()).map(st -> st.name()).orElse(round.streetId());
        return lottery.draw(round, staff.displayName(), party, clock.instant());
    }

    /** The household's reservation, for its pickup page and QR code; another household's is not found. */
    public Reservation reservationOf(LiandongUser resident, UUID roundId) {
        var householdId = resident.householdId().orElseThrow(OutOfScopeException::new);
        return book.find(roundId, householdId).orElseThrow(OutOfScopeException::new);
    }

    /** The address the QR code of a reservation encodes (relative to the site). */
    public String scanPath(Reservation reservation) {
        var round = round(reservation.roundId()).orElseThrow();
        return "/supply/pickup/" + reservation.id() + "?s=" + codes.sign(reservation.id(), round.id(),
                round.codeSecret());
    }

    // ---- pickup ------------------------------------------------------------------------------------------

    /** Checks a scanned code (full signature) or a typed one (its first ten characters). */
    public PickupCheck check(AccessScope scope, UUID reservationId, @Nullable String proof) {
        var reservation = jdbc.sql("select * from supply_reservation where id = :id").param("id", reservationId)
                .query(Reservation::map).optional().orElseThrow(() -> new InvalidValueException("supply.pickup.forged"));
        var round = round(reservation.roundId()).orElseThrow();
        if (!genuine(reservation, round, proof)) {
            throw new InvalidValueException("supply.pickup.forged");
        }
        scope.check(reservation.communityId());
        return new PickupCheck(reservation, round, proof == null ? "" : proof);
    }

    /** Finds the reservation of a typed code in one of the person's rounds. */
    public PickupCheck checkTyped(AccessScope scope, UUID roundId, @Nullable String typed) {
        var round = round(scope, roundId);
        var code = typed == null ? "" : PickupCodes.normalise(typed);
        if (code.length() != PickupCodes.SHORT_LENGTH) {
            throw new InvalidValueException("supply.pickup.code-format");
        }
        var found = jdbc.sql("select id from supply_reservation where round_id = :r and pickup_code = :c")
                .param("r", round.id()).param("c", code).query(UUID.class).list();
        for (var id : found) {
            try {
                return check(scope, id, code);
            } catch (InvalidValueException | OutOfScopeException notThisOne) {
                // keep looking: two households can share the first ten characters
            }
        }
        throw new InvalidValueException("supply.pickup.forged");
    }

    /** Hands the household its share. A code already used, returned or meant for delivery is refused. */
    @Transactional
    public Reservation handOver(LiandongUser staff, UUID reservationId, @Nullable String proof) {
        var check = check(staff.scope(), reservationId, proof);
        var r = check.reservation();
        refuseIfNotCollectable(r);
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int changed = jdbc.sql("""
                update supply_reservation set status = 'COLLECTED', handed_at = :now, handed_by = :by
                where id = :id and status = 'RESERVED'""")
                .param("now", Timestamp.from(now)).param("by", staff.displayName()).param("id", r.id()).update();
        if (changed != 1) {
            throw new InvalidValueException("supply.pickup.already", "");
        }
        return jdbc.sql("select * from supply_reservation where id = :id").param("id", r.id())
                .query(Reservation::map).single();
    }

    static void refuseIfNotCollectable(Reservation r) {
        switch (r.status()) {
            case COLLECTED -> throw new InvalidValueException("supply.pickup.already", SupplyRound.display(r.handedAt()));
            case RETURNED -> throw new InvalidValueException("supply.pickup.returned");
            case TO_DELIVER, DELIVERED -> throw new InvalidValueException("supply.pickup.for-delivery");
            case REGISTERED -> throw new InvalidValueException("supply.pickup.not-drawn-yet");
            case NOT_DRAWN -> throw new InvalidValueException("supply.pickup.not-drawn");
            case RESERVED -> { }
        }
    }

    // ---- no-shows ----------------------------------------------------------------------------------------

    /** Reservations not collected by the end of their slot go back to stock. Returns how many. */
    public int returnNoShows(Instant now) {
        var due = jdbc.sql("""
                select r.id, r.round_id, r.quantity, s.shards from supply_reservation r
                join supply_round s on s.id = r.round_id
                where r.status = 'RESERVED' and r.slot_ends < :now limit 1000""")
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getInt(4)}).list();
        int returned = 0;
        for (var row : due) {
            returned += returnOne((UUID) row[0], (UUID) row[1], (Integer) row[2], (Integer) row[3]);
        }
        return returned;
    }

    private int returnOne(UUID reservationId, UUID roundId, int quantity, int shards) {
        return book.returnUncollected(reservationId, roundId, shards, quantity) ? 1 : 0;
    }

    // ---- vulnerable households ---------------------------------------------------------------------------

    /** Allocates the round to every exempt household in scope; idempotent. Returns how many were added. */
    public int allocateExempt(LiandongUser staff, UUID roundId) {
        var round = round(staff.scope(), roundId);
        if (!round.exemptDelivery()) {
            throw new InvalidValueException("supply.exempt.not-for-round");
        }
        var communities = round.communityId() != null ? List.of(round.communityId())
                : places.communityIdsOfStreet(round.streetId()).stream().filter(staff.scope()::covers).toList();
        int added = 0;
        var now = clock.instant();
        for (var h : roll.households(communities)) {
            if (h.tags().stream().noneMatch(EXEMPT::contains)) {
                continue;
            }
            var outcome = book.allocate(round, new ReservationBook.Applicant(h.householdId(), h.communityId(),
                    h.buildingGroupId(), h.buildingGroup(), h.buildingGroupIndex(), h.address()), now);
            if (outcome.created()) {
                added++;
            }
        }
        return added;
    }

    // ---- internals ---------------------------------------------------------------------------------------

    boolean covers(AccessScope scope, SupplyRound round) {
        if (round.communityId() != null) {
            return scope.covers(round.communityId());
        }
        return scope.everything() || places.communityIdsOfStreet(round.streetId()).stream().anyMatch(scope::covers);
    }

    private boolean appliesTo(SupplyRound round, String communityId) {
        if (round.communityId() != null) {
            return round.communityId().equals(communityId);
        }
        return places.community(communityId).map(c -> c.streetId().equals(round.streetId())).orElse(false);
    }

    private boolean genuine(Reservation r, SupplyRound round, @Nullable String proof) {
        if (proof == null || proof.isBlank()) {
            return false;
        }
        var signature = codes.sign(r.id(), round.id(), round.codeSecret());
        if (proof.length() == signature.length()) {
            return codes.valid(r.id(), round.id(), round.codeSecret(), proof);
        }
        var typed = PickupCodes.normalise(proof);
        return java.security.MessageDigest.isEqual(PickupCodes.shortCode(signature).getBytes(
                java.nio.charset.StandardCharsets.US_ASCII), typed.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static Timestamp ts(LocalDateTime local) {
        return Timestamp.from(local.atZone(SupplyRound.ZONE).toInstant());
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static String text(@Nullable String s, int max, String key) {
        var v = s == null ? "" : s.strip();
        if (v.isEmpty() || v.length() > max) {
            throw new InvalidValueException(key, max);
        }
        return v;
    }
}
