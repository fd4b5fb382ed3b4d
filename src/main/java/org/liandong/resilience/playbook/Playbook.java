package org.liandong.resilience.playbook;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.liandong.account.Accounts;
import org.liandong.community.Places;
import org.liandong.community.Stage;
import org.liandong.community.StageHistory;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.liandong.platform.Role;
import org.liandong.resilience.Dimension;
import org.liandong.resilience.PlaybookSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stage playbook of each community. Entering a stage starts a round: the catalogue's items of that stage
 * ({@link Strategy}), due relative to the switch. Staff and social workers of the community tick items off, name an
 * owner among themselves, move a due date, attach evidence (an http(s) link or a Liandong page), and add items of
 * their own. Rounds of earlier stages stay as history. A community that has never switched gets its first round the
 * first time someone looks.
 */
@Service
public class Playbook implements PlaybookSource {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int EVIDENCE_MAX = 500;
    static final int TITLE_MAX = 200;
    private static final Pattern LIANDONG_PATH = Pattern.compile("/[A-Za-z0-9._~%/?=&#:+-]*");

    public record Round(UUID id, String communityId, Stage stage, Instant startedAt, @Nullable String reason,
                        List<Item> items) {
        public int done() {
            return (int) items.stream().filter(Item::done).count();
        }

        public int overdue(LocalDate today) {
            return (int) items.stream().filter(i -> i.overdue(today)).count();
        }

        public LocalDate startedOn() {
            return startedAt.atZone(ZONE).toLocalDate();
        }

        public List<Item> of(Dimension dimension) {
            return items.stream().filter(i -> i.dimension() == dimension).toList();
        }
    }

    public record Item(UUID id, UUID roundId, String communityId, Dimension dimension, @Nullable String itemKey,
                       @Nullable String title, @Nullable UUID ownerId, @Nullable String ownerName, LocalDate due,
                       boolean done, @Nullable Instant doneAt, @Nullable String doneBy, @Nullable String evidence) {

        public boolean overdue(LocalDate today) {
            return !done && due.isBefore(today);
        }

        /** The message key of the text: a catalogue item's, or the generic one of an item staff added. */
        public String messageKey() {
            return itemKey != null ? "resilience.playbook.item." + itemKey : "resilience.playbook.item.custom";
        }

        public boolean evidenceIsLink() {
            return evidence != null;
        }
    }

    /** Who may own an item: staff and social workers whose scope covers the community. */
    public record Owner(UUID id, String name) {
    }

    private final JdbcClient jdbc;
    private final Places places;
    private final StageHistory stages;
    private final Accounts accounts;
    private final Clock clock;

    Playbook(JdbcClient jdbc, Places places, StageHistory stages, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.places = places;
        this.stages = stages;
        this.accounts = accounts;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    // ---- rounds --------------------------------------------------------------------------------------------

    /** A community entered a stage (from the {@code CommunityStageChanged} event): its round, once. */
    @Transactional
    public void stageEntered(String communityId, Stage stage, Instant at, @Nullable String reason) {
        startRound(communityId, stage, at, reason);
    }

    /** The community's round of its current stage, started now if the stage never got one (no switch yet). */
    @Transactional
    public Round current(String communityId) {
        var community = places.community(communityId).orElseThrow(OutOfScopeException::new);
        var latest = latestRound(communityId);
        if (latest.isPresent() && latest.get().stage() == community.stage()) {
            return latest.get();
        }
        // the switch event may still be on its way: start the round at the recorded switch, as the listener would
        var switched = stages.changes(communityId).stream().filter(c -> c.to() == community.stage())
                .reduce((a, b) -> b).map(StageHistory.StageChange::at);
        var at = switched.orElse(clock.instant());
        startRound(communityId, community.stage(), at, switched.isPresent() ? community.stageReason() : null);
        return latestRound(communityId).orElseThrow();
    }

    /** Every round of the community, newest first (the first is the current one). */
    public List<Round> rounds(String communityId) {
        var rounds = jdbc.sql("""
                select id, community_id, stage, started_at, reason from resilience_playbook_round
                where community_id = :c order by started_at desc, created_at desc""")
                .param("c", communityId).query((rs, n) -> new Round(rs.getObject(1, UUID.class), rs.getString(2),
                        Stage.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(), rs.getString(5), List.of()))
                .list();
        var out = new ArrayList<Round>();
        for (var r : rounds) {
            out.add(new Round(r.id(), r.communityId(), r.stage(), r.startedAt(), r.reason(), items(r.id())));
        }
        return out;
    }

    private Optional<Round> latestRound(String communityId) {
        return rounds(communityId).stream().findFirst();
    }

    private void startRound(String communityId, Stage stage, Instant at, @Nullable String reason) {
        var startedAt = at.truncatedTo(ChronoUnit.MILLIS);
        var exists = jdbc.sql("""
                select count(*) from resilience_playbook_round
                where community_id = :c and stage = :s and started_at > :lo and started_at < :hi""")
                .param("c", communityId).param("s", stage.name())
                .param("lo", Timestamp.from(startedAt.minus(Duration.ofSeconds(1))))
                .param("hi", Timestamp.from(startedAt.plus(Duration.ofSeconds(1)))).query(Long.class).single();
        if (exists > 0) {
            return;
        }
        var id = UUID.randomUUID();
        var now = clock.instant();
        try {
            jdbc.sql("""
                    insert into resilience_playbook_round (id, community_id, stage, started_at, reason, created_at)
                    values (:id, :c, :s, :at, :reason, :now)""")
                    .param("id", id).param("c", communityId).param("s", stage.name())
                    .param("at", Timestamp.from(startedAt)).param("reason", reason).param("now", Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException alreadyThere) {
            return;
        }
        var day = startedAt.atZone(ZONE).toLocalDate();
        var position = 0;
        for (var s : Strategy.of(stage)) {
            insertItem(id, communityId, s.dimension(), s.key(), null, position++, null, null, day.plusDays(s.dueDays()),
                    now, "system");
        }
    }

    private void insertItem(UUID roundId, String communityId, Dimension dimension, @Nullable String key,
                            @Nullable String title, int position, @Nullable UUID ownerId, @Nullable String ownerName,
                            LocalDate due, Instant now, String by) {
        jdbc.sql("""
                insert into resilience_playbook_item (id, round_id, community_id, dimension, item_key, title, position,
                    owner_id, owner_name, due, done, created_at, updated_at, updated_by)
                values (:id, :r, :c, :d, :k, :t, :p, :o, :on, :due, false, :now, :now, :by)""")
                .param("id", UUID.randomUUID()).param("r", roundId).param("c", communityId)
                .param("d", dimension.name()).param("k", key).param("t", title).param("p", position)
                .param("o", ownerId).param("on", ownerName).param("due", java.sql.Date.valueOf(due))
                .param("now", Timestamp.from(now)).param("by", by).update();
    }

    private List<Item> items(UUID roundId) {
        return jdbc.sql("select * from resilience_playbook_item where round_id = :r order by position, created_at")
                .param("r", roundId).query(this::item).list();
    }

    public Item item(LiandongUser me, UUID id) {
        var item = jdbc.sql("select * from resilience_playbook_item where id = :id").param("id", id)
                .query(this::item).optional().orElseThrow(OutOfScopeException::new);
        checkStaff(me, item.communityId());
        return item;
    }

    // ---- changes -------------------------------------------------------------------------------------------

    @Transactional
    public Item tick(LiandongUser me, UUID id, boolean done) {
        var item = item(me, id);
        var now = clock.instant();
        jdbc.sql("""
                update resilience_playbook_item set done = :done, done_at = :at, done_by = :by, updated_at = :now,
                    updated_by = :name where id = :id""")
                .param("done", done).param("at", done ? Timestamp.from(now) : null)
                .param("by", done ? me.displayName() : null).param("now", Timestamp.from(now))
                .param("name", me.displayName()).param("id", item.id()).update();
        return item(me, id);
    }

    /**
     * Owner, due date and evidence of an item at once: every field is checked before anything is written, so a
     * refused field changes nothing. An unchanged due date is kept even if it has passed meanwhile.
     */
    @Transactional
    public Item edit(LiandongUser me, UUID id, @Nullable String ownerId, @Nullable LocalDate due,
                     @Nullable String link) {
        var item = item(me, id);
        var evidence = checkEvidence(link);
        var owner = owner(item.communityId(), ownerId);
        var day = due == null || due.equals(item.due()) ? item.due() : checkDue(due);
        jdbc.sql("""
                update resilience_playbook_item set owner_id = :o, owner_name = :n, due = :due, evidence = :e,
                    updated_at = :now, updated_by = :by where id = :id""")
                .param("o", owner == null ? null : owner.id()).param("n", owner == null ? null : owner.name())
                .param("due", java.sql.Date.valueOf(day)).param("e", evidence)
                .param("now", Timestamp.from(clock.instant())).param("by", me.displayName()).param("id", item.id())
                .update();
        return item(me, id);
    }

    /** An item of the community's own in its current round. */
    @Transactional
    public UUID add(LiandongUser me, String communityId, @Nullable String dimension, @Nullable String title,
                    @Nullable String ownerId, @Nullable LocalDate due) {
        checkStaff(me, communityId);
        Dimension d;
        try {
            d = Dimension.valueOf(dimension == null ? "" : dimension);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("resilience-playbook.problem.dimension-required");
        }
        var text = title == null ? "" : title.strip();
        if (text.isEmpty()) {
            throw new InvalidValueException("resilience-playbook.problem.title-required");
        }
        if (text.length() > TITLE_MAX) {
            throw new InvalidValueException("resilience-playbook.problem.title-too-long", TITLE_MAX);
        }
        var day = checkDue(due);
        var owner = owner(communityId, ownerId);
        var round = current(communityId);
        insertItem(round.id(), communityId, d, null, text, 1000 + round.items().size(),
                owner == null ? null : owner.id(), owner == null ? null : owner.name(), day, clock.instant(),
                me.displayName());
        return round.id();
    }

    // ---- rules ---------------------------------------------------------------------------------------------

    /** Empty clears the evidence; otherwise an http(s) address with a host, or a path on this site. */
    static @Nullable String checkEvidence(@Nullable String link) {
        var v = link == null ? "" : link.strip();
        if (v.isEmpty()) {
            return null;
        }
        if (v.length() > EVIDENCE_MAX) {
            throw new InvalidValueException("resilience-playbook.problem.evidence-too-long", EVIDENCE_MAX);
        }
        if (v.startsWith("/") && !v.startsWith("//")) {
            if (!LIANDONG_PATH.matcher(v).matches()) {
                throw new InvalidValueException("resilience-playbook.problem.evidence-link");
            }
            return v;
        }
        try {
            var uri = new URI(v);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank()) {
                return v;
            }
        } catch (java.net.URISyntaxException e) {
            // falls through to the message below
        }
        throw new InvalidValueException("resilience-playbook.problem.evidence-link");
    }

    private LocalDate checkDue(@Nullable LocalDate due) {
        if (due == null) {
            throw new InvalidValueException("resilience-playbook.problem.due-required");
        }
        if (due.isBefore(today())) {
            throw new InvalidValueException("resilience-playbook.problem.due-past");
        }
        if (due.isAfter(today().plusYears(2))) {
            throw new InvalidValueException("resilience-playbook.problem.due-far");
        }
        return due;
    }

    /** The owner chosen by id (blank: nobody), who must be staff or a social worker of the community. */
    private @Nullable Owner owner(String communityId, @Nullable String ownerId) {
        if (ownerId == null || ownerId.isBlank()) {
            return null;
        }
        return owners(communityId).stream().filter(o -> o.id().toString().equals(ownerId.strip())).findFirst()
                .orElseThrow(() -> new InvalidValueException("resilience-playbook.problem.owner-outside"));
    }

    public List<Owner> owners(String communityId) {
        var out = new ArrayList<Owner>();
        for (var role : List.of(Role.COMMUNITY_STAFF, Role.SOCIAL_WORKER)) {
            accounts.withRole(role, List.of(communityId)).forEach(h -> out.add(new Owner(h.userId(), h.displayName())));
        }
        return out;
    }

    private static void checkStaff(LiandongUser me, String communityId) {
        if (!me.role().staff()) {
            throw new OutOfScopeException();
        }
        me.scope().check(communityId);
    }

    // ---- the contract for the dashboard and report ---------------------------------------------------------

    @Override
    @Transactional
    public Summary summary(String communityCode) {
        var round = current(communityCode);
        var today = today();
        var lines = round.items().stream().map(i -> new Line(i.messageKey(), i.dimension(), i.ownerName(), i.due(),
                i.done(), i.evidence())).toList();
        return new Summary(round.stage(), round.items().size(), round.done(), round.overdue(today), lines);
    }

    private Item item(ResultSet rs, int n) throws SQLException {
        var doneAt = rs.getTimestamp("done_at");
        return new Item(rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class),
                rs.getString("community_id"), Dimension.valueOf(rs.getString("dimension")), rs.getString("item_key"),
                rs.getString("title"), rs.getObject("owner_id", UUID.class), rs.getString("owner_name"),
                rs.getDate("due").toLocalDate(), rs.getBoolean("done"), doneAt == null ? null : doneAt.toInstant(),
                rs.getString("done_by"), rs.getString("evidence"));
    }
}
