package org.liandong.resilience.survey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.HouseholdRoll;
import org.liandong.community.Places;
import org.liandong.community.Stage;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Survey rounds: opened per community, stage and form by staff, answered by residents through a link (signed in,
 * one response per account) or with a one-time household token, watched live by building group, then closed.
 * A response stores no name and no account id; answering twice, a used token and a round closed while someone
 * was answering are refused with a reason and change nothing.
 */
@Service
public class SurveyRounds {

    public enum Status { OPEN, CLOSED }

    public record Round(UUID id, String code, String communityId, String communityName, String instrumentId,
                        Stage stage, Form form, Status status, Instant openedAt, String openedBy,
                        @Nullable Instant closedAt, long responses) {

        public boolean open() {
            return status == Status.OPEN;
        }
    }

    /** Responses against households, per building group. */
    public record GroupParticipation(String buildingGroup, long households, long responses) {
        public int percent() {
            return households == 0 ? 0 : (int) Math.round(100.0 * responses / households);
        }
    }

    /**
     * Sample accounting: responses (complete: every item answered on the scale; partial: some "don't know"),
     * households in the community, tokens issued and used. RR1 (AAPOR) needs a frame: the tokens.
     */
    public record Participation(long households, long responses, long complete, long partial, long tokensIssued,
                                long tokenCompletes, List<GroupParticipation> groups) {
        public int participationPercent() {
            return households == 0 ? 0 : (int) Math.round(100.0 * responses / households);
        }

        public @Nullable Integer responseRateRr1() {
            return tokensIssued == 0 ? null : (int) Math.round(100.0 * tokenCompletes / tokensIssued);
        }
    }

    /** One stored response, anonymous, as the statistics read it. */
    public record Response(UUID id, @Nullable String buildingGroup, Demographics demographics,
                           Map<String, @Nullable Integer> answers) {
    }

    public record TokenLine(String code, String buildingGroup, String address, boolean used) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Instruments instruments;
    private final Places places;
    private final HouseholdRoll roll;
    private final Clock clock;

    SurveyRounds(JdbcClient jdbc, JdbcTemplate batch, Instruments instruments, Places places, HouseholdRoll roll,
                 Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.instruments = instruments;
        this.places = places;
        this.roll = roll;
        this.clock = clock;
    }

    /** Opens a round; a community has at most one open round at a time. */
    @Transactional
    public UUID open(LiandongUser staff, String communityId, String instrumentId, @Nullable String stage,
                     @Nullable String form) {
        staff.scope().check(communityId);
        if (!staff.role().staff()) {
            throw new OutOfScopeException();
        }
        places.community(communityId).orElseThrow(OutOfScopeException::new);
        var instrument = instruments.get(instrumentId);
        var s = parse(Stage.class, stage, "resilience.round.bad-stage");
        var f = parse(Form.class, form, "resilience.round.bad-form");
        if (instrument.items(f).size() < 2) {
            throw new InvalidValueException("resilience.round.no-pulse");
        }
        var open = jdbc.sql("select count(*) from resilience_round where community_id = :c and status = 'OPEN'")
                .param("c", communityId).query(Long.class).single();
        if (open > 0) {
            throw new InvalidValueException("resilience.round.already-open");
        }
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into resilience_round (id, code, community_id, instrument_id, stage, form, status, opened_at,
                    opened_by) values (:id, :code, :c, :i, :s, :f, 'OPEN', :at, :by)""")
                .param("id", id).param("code", code(10)).param("c", communityId).param("i", instrument.id())
                .param("s", s.name()).param("f", f.name()).param("at", Timestamp.from(clock.instant()))
                .param("by", staff.displayName()).update();
        return id;
    }

    @Transactional
    public void close(LiandongUser staff, UUID roundId) {
        var round = round(staff.scope(), roundId);
        if (!round.open()) {
            throw new InvalidValueException("resilience.round.already-closed");
        }
        jdbc.sql("update resilience_round set status = 'CLOSED', closed_at = :at, closed_by = :by where id = :id")
                .param("at", Timestamp.from(clock.instant())).param("by", staff.displayName()).param("id", roundId)
                .update();
    }

    public Round round(AccessScope scope, UUID id) {
        var round = find("r.id = :v", id).orElseThrow(OutOfScopeException::new);
        scope.check(round.communityId());
        return round;
    }

    /** A round by the code in its public link; anyone with the link may see which survey it is. */
    public Optional<Round> byCode(String code) {
        return code.matches("[A-Z0-9]{6,16}") ? find("r.code = :v", code) : Optional.empty();
    }

    public List<Round> rounds(AccessScope scope, String communityId) {
        scope.check(communityId);
        return jdbc.sql(SELECT + " where r.community_id = :c order by r.opened_at desc").param("c", communityId)
                .query(this::map).list();
    }

    /** Every round of the communities, oldest first. */
    public List<Round> rounds(List<String> communityIds) {
        if (communityIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where r.community_id in (:c) order by r.opened_at").param("c", communityIds)
                .query(this::map).list();
    }

    /** The open round of the resident's community that they have not answered yet. */
    public Optional<Round> openRoundFor(LiandongUser resident) {
        if (resident.householdId().isEmpty()) {
            return Optional.empty();
        }
        var community = roll.household(resident.householdId().get()).map(HouseholdRoll.Entry::communityId);
        if (community.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where r.community_id = :c and r.status = 'OPEN'").param("c", community.get())
                .query(this::map).list().stream()
                .filter(r -> !answered(r.id(), respondentKey(r.id(), resident.userId()))).findFirst();
    }

    public boolean answered(LiandongUser resident, UUID roundId) {
        return answered(roundId, respondentKey(roundId, resident.userId()));
    }

    /**
     * Stores a response. Exactly one of {@code resident} (signed in, living in the round's community) and
     * {@code token} identifies the respondent. Every item of the form needs an answer, 1–5 or "don't know" (null
     * in {@code answers} with the key present); all "don't know" is refused.
     */
    @Transactional
    public UUID submit(String roundCode, @Nullable LiandongUser resident, @Nullable String token,
                       Map<String, @Nullable Integer> answers, Demographics demographics) {
        var round = byCode(roundCode).orElseThrow(OutOfScopeException::new);
        // locks the round row: a close waits for this response, and a response after a close is refused
        var locked = jdbc.sql("update resilience_round set status = status where id = :id and status = 'OPEN'")
                .param("id", round.id()).update();
        if (locked == 0) {
            throw new InvalidValueException("resilience.answer.closed");
        }
        var instrument = instruments.get(round.instrumentId());
        var items = instrument.items(round.form());
        var missing = new ArrayList<Integer>();
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            if (!answers.containsKey(item.id())) {
                missing.add(i + 1);
            } else {
                var value = answers.get(item.id());
                if (value != null && (value < instrument.scaleMin() || value > instrument.scaleMax())) {
                    throw new InvalidValueException("resilience.answer.out-of-range", i + 1);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidValueException("resilience.answer.missing", missing.toString()
                    .replaceAll("[\\[\\]]", ""));
        }
        if (items.stream().allMatch(i -> answers.get(i.id()) == null)) {
            throw new InvalidValueException("resilience.answer.all-dont-know");
        }
        String key;
        String buildingGroup;
        if (resident != null) {
            var household = resident.householdId().flatMap(roll::household)
                    .orElseThrow(() -> new InvalidValueException("resilience.answer.no-household"));
            if (!household.communityId().equals(round.communityId())) {
                throw new InvalidValueException("resilience.answer.other-community");
            }
            key = respondentKey(round.id(), resident.userId());
            buildingGroup = household.buildingGroup();
            if (answered(round.id(), key)) {
                throw new InvalidValueException("resilience.answer.already");
            }
        } else {
            var code = token == null ? "" : token.strip().toUpperCase(java.util.Locale.ROOT).replace(" ", "");
            var group = jdbc.sql("select building_group from resilience_token where code = :c and round_id = :r")
                    .param("c", code).param("r", round.id()).query(String.class).optional()
                    .orElseThrow(() -> new InvalidValueException("resilience.token.unknown"));
            var used = jdbc.sql("update resilience_token set used_at = :at where code = :c and used_at is null")
                    .param("at", Timestamp.from(clock.instant())).param("c", code).update();
            if (used == 0) {
                throw new InvalidValueException("resilience.token.used");
            }
            key = "t:" + code;
            buildingGroup = group;
        }
        var id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into resilience_response (id, round_id, community_id, building_group, respondent_key,
                        age_band, sex, years_here, household_size, submitted_at)
                    values (:id, :r, :c, :bg, :key, :age, :sex, :years, :size, :at)""")
                    .param("id", id).param("r", round.id()).param("c", round.communityId())
                    .param("bg", buildingGroup).param("key", key)
                    .param("age", demographics.ageBand() == null ? null : demographics.ageBand().name())
                    .param("sex", demographics.sex()).param("years", demographics.yearsHere())
                    .param("size", demographics.householdSize()).param("at", Timestamp.from(clock.instant()))
                    .update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new InvalidValueException("resilience.answer.already");
        }
        batch.batchUpdate("insert into resilience_answer (response_id, item_id, answer) values (?, ?, ?)",
                items.stream().map(item -> new Object[] {id, item.id(), answers.get(item.id())}).toList());
        return id;
    }

    /** Issues a token to every household of the community that has none for this round yet; returns how many. */
    @Transactional
    public int issueTokens(LiandongUser staff, UUID roundId) {
        var round = round(staff.scope(), roundId);
        if (!round.open()) {
            throw new InvalidValueException("resilience.round.already-closed");
        }
        var have = new java.util.HashSet<>(jdbc.sql("select household_id from resilience_token where round_id = :r")
                .param("r", roundId).query(UUID.class).list());
        int issued = 0;
        for (var household : roll.households(List.of(round.communityId()))) {
            if (have.contains(household.householdId())) {
                continue;
            }
            jdbc.sql("""
                    insert into resilience_token (code, round_id, household_id, building_group)
                    values (:code, :r, :h, :bg)""")
                    .param("code", code(8)).param("r", roundId).param("h", household.householdId())
                    .param("bg", household.buildingGroup()).update();
            issued++;
        }
        return issued;
    }

    public List<TokenLine> tokens(AccessScope scope, UUID roundId) {
        var round = round(scope, roundId);
        var addresses = new HashMap<UUID, String>();
        roll.households(List.of(round.communityId())).forEach(h -> addresses.put(h.householdId(), h.address()));
        return jdbc.sql("""
                select code, household_id, building_group, used_at from resilience_token where round_id = :r
                order by building_group, code""").param("r", roundId)
                .query((rs, n) -> new TokenLine(rs.getString(1), rs.getString(3),
                        addresses.getOrDefault(rs.getObject(2, UUID.class), ""), rs.getTimestamp(4) != null))
                .list().stream().sorted(java.util.Comparator.comparing(TokenLine::buildingGroup)
                        .thenComparing(TokenLine::address)).toList();
    }

    public Participation participation(AccessScope scope, UUID roundId) {
        var round = round(scope, roundId);
        var households = new LinkedHashMap<String, long[]>();
        for (var h : roll.households(List.of(round.communityId()))) {
            households.computeIfAbsent(h.buildingGroup(), g -> new long[2])[0]++;
        }
        jdbc.sql("select coalesce(building_group, '') bg, count(*) from resilience_response where round_id = :r "
                        + "group by coalesce(building_group, '')").param("r", roundId)
                .query((rs, n) -> households.computeIfAbsent(rs.getString(1), g -> new long[2])[1] = rs.getLong(2))
                .list();
        var groups = households.entrySet().stream()
                .map(e -> new GroupParticipation(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        var responses = responses(roundId);
        long complete = responses.stream().filter(r -> r.answers().values().stream().allMatch(java.util.Objects::nonNull))
                .count();
        var tokens = jdbc.sql("select count(*) from resilience_token where round_id = :r").param("r", roundId)
                .query(Long.class).single();
        var tokenCompletes = jdbc.sql("""
                select count(*) from resilience_response p where p.round_id = :r and p.respondent_key like 't:%'
                and not exists (select 1 from resilience_answer a where a.response_id = p.id and a.answer is null)""")
                .param("r", roundId).query(Long.class).single();
        return new Participation(households.values().stream().mapToLong(v -> v[0]).sum(), responses.size(), complete,
                responses.size() - complete, tokens, tokenCompletes, groups);
    }

    /** The anonymous responses of a round, for the statistics; the caller checked the scope. */
    public List<Response> responses(UUID roundId) {
        var answers = new HashMap<UUID, Map<String, @Nullable Integer>>();
        jdbc.sql("""
                select a.response_id, a.item_id, a.answer from resilience_answer a
                join resilience_response p on p.id = a.response_id where p.round_id = :r""").param("r", roundId)
                .query((rs, n) -> {
                    var value = rs.getInt(3);
                    Integer answer = rs.wasNull() ? null : value;
                    answers.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                            .put(rs.getString(2), answer);
                    return n;
                }).list();
        return jdbc.sql("""
                select id, building_group, age_band, sex, years_here, household_size from resilience_response
                where round_id = :r order by submitted_at, id""").param("r", roundId)
                .query((rs, n) -> {
                    var id = rs.getObject(1, UUID.class);
                    var age = rs.getString(3);
                    var size = rs.getInt(6);
                    Integer household = rs.wasNull() ? null : size;
                    return new Response(id, rs.getString(2), new Demographics(
                            age == null ? null : Demographics.AgeBand.valueOf(age), rs.getString(4), rs.getString(5),
                            household), answers.getOrDefault(id, Map.of()));
                }).list();
    }

    private static final String SELECT = """
            select r.*, c.name community_name,
                   (select count(*) from resilience_response p where p.round_id = r.id) responses
            from resilience_round r join community c on c.id = r.community_id""";

    private Optional<Round> find(String where, Object value) {
        return jdbc.sql(SELECT + " where " + where).param("v", value).query(this::map).optional();
    }

    private Round map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        var closed = rs.getTimestamp("closed_at");
        return new Round(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("community_id"),
                rs.getString("community_name"), rs.getString("instrument_id"), Stage.valueOf(rs.getString("stage")),
                Form.valueOf(rs.getString("form")), Status.valueOf(rs.getString("status")),
                rs.getTimestamp("opened_at").toInstant(), rs.getString("opened_by"),
                closed == null ? null : closed.toInstant(), rs.getLong("responses"));
    }

    private boolean answered(UUID roundId, String key) {
        return jdbc.sql("select count(*) from resilience_response where round_id = :r and respondent_key = :k")
                .param("r", roundId).param("k", key).query(Long.class).single() > 0;
    }

    /** A one-way hash of round and account: enough to refuse a second response, useless to find the person. */
    static String respondentKey(UUID roundId, UUID userId) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest((roundId + ":" + userId).getBytes(StandardCharsets.UTF_8));
            return "u:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String code(int length) {
        var sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, @Nullable String value, String key) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(key);
        }
    }
}
