package org.liandong.notice.board;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.account.Accounts;
import org.liandong.community.HouseholdDirectory;
import org.liandong.community.Places;
import org.liandong.community.VulnerabilityKind;
import org.liandong.notice.Audience;
import org.liandong.notice.Notification;
import org.liandong.notice.NoticeCategory;
import org.liandong.notice.NoticePublished;
import org.liandong.notice.NoticeTime;
import org.liandong.notice.Notifications;
import org.liandong.notice.Recipient;
import org.liandong.notice.outbox.Inbox;
import org.liandong.notice.outbox.WebhookGuard;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.liandong.platform.Role;
import org.liandong.volunteer.Teams;
import org.liandong.volunteer.VolunteerDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing notices and reading them. Publishing resolves the audience to households and accounts,
 * stores the notice and hands one notification for all of them to the outbox, in one transaction.
 * A resident, leader or volunteer may read a notice that was delivered to them; staff those of their scope.
 */
@Service
public class NoticeBoard {

    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 8000;

    public record Summary(UUID id, @Nullable String communityId, Audience audience, String audienceLabel,
                          @Nullable String audienceRef, NoticeCategory category, String title, boolean pinned,
                          @Nullable Instant expiresAt, Instant publishedAt, String publishedBy, int households,
                          int users, boolean expired) {
        public LocalDateTime publishedLocal() {
            return LocalDateTime.ofInstant(publishedAt, NoticeTime.ZONE);
        }

        public @Nullable LocalDate expiresLocal() {
            return expiresAt == null ? null : LocalDate.ofInstant(expiresAt.minusSeconds(1), NoticeTime.ZONE);
        }
    }

    public record Attachment(UUID id, String name, String contentType, int size) {
        public boolean image() {
            return contentType.startsWith("image/");
        }
    }

    public record Detail(Summary summary, String body, List<Attachment> attachments) {
    }

    public record Leader(UUID userId, String name, @Nullable String buildingGroup, @Nullable Instant readAt) {
    }

    public record Receipts(int households, long householdsRead, long accountsRead, List<Leader> leadersPending,
                           List<Leader> leadersConfirmed) {
    }

    private record Reach(String streetId, @Nullable String communityId, String label, @Nullable String ref,
                         List<UUID> households, List<UUID> users, List<Accounts.Holder> leaders,
                         List<String> communities) {
    }

    private final JdbcClient jdbc;
    private final Places places;
    private final HouseholdDirectory households;
    private final Accounts accounts;
    private final VolunteerDirectory volunteers;
    private final Teams teams;
    private final Notifications notifications;
    private final Inbox inbox;
    private final WebhookGuard webhookGuard;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NoticeBoard(JdbcClient jdbc, Places places, HouseholdDirectory households, Accounts accounts,
                VolunteerDirectory volunteers, Teams teams, Notifications notifications, Inbox inbox,
                WebhookGuard webhookGuard, ApplicationEventPublisher events, Clock clock) {
        this.webhookGuard = webhookGuard;
        this.jdbc = jdbc;
        this.places = places;
        this.households = households;
        this.accounts = accounts;
        this.volunteers = volunteers;
        this.teams = teams;
        this.notifications = notifications;
        this.inbox = inbox;
        this.events = events;
        this.clock = clock;
    }

    /** Publishes a notice and queues its notification; returns the notice's id. */
    @Transactional
    public UUID publish(LiandongUser staff, NoticeDraft draft) {
        if (!staff.role().staff()) {
            throw new OutOfScopeException();
        }
        var title = draft.title() == null ? "" : draft.title().strip();
        var body = draft.body() == null ? "" : draft.body().strip();
        if (title.isEmpty() || title.length() > TITLE_MAX) {
            throw new InvalidValueException("notice.error.title");
        }
        if (body.isEmpty()) {
            throw new InvalidValueException("notice.error.body-required");
        }
        if (body.length() > BODY_MAX) {
            throw new InvalidValueException("notice.error.body-too-long", BODY_MAX);
        }
        var today = LocalDate.now(clock.withZone(NoticeTime.ZONE));
        if (draft.expires() != null && draft.expires().isBefore(today)) {
            throw new InvalidValueException("notice.error.expires-past");
        }
        if (draft.files().size() > NoticeFile.MAX_FILES) {
            throw new InvalidValueException("notice.file.too-many", NoticeFile.MAX_FILES);
        }
        var reach = reach(staff.scope(), draft);
        var id = UUID.randomUUID();
        var now = clock.instant();
        var recipients = new ArrayList<Recipient>(reach.households().size() + reach.users().size());
        reach.households().forEach(h -> recipients.add(Recipient.household(h)));
        reach.users().forEach(u -> recipients.add(Recipient.user(u)));
        if (draft.audience() == Audience.STREET || draft.audience() == Audience.COMMUNITY) {
            webhooks(reach.communities()).forEach(url -> recipients.add(Recipient.webhook(url)));
        }
        var link = "/notices/" + id;
        var notification = notifications.enqueue(Notification.of("NOTICE", title, excerpt(body), recipients)
                .in(reach.communityId()).about("notice:" + id, link).once("notice:" + id));
        jdbc.sql("""
                insert into notice (id, street_id, community_id, audience, audience_ref, audience_label, category, title,
                    body, pinned, expires_at, published_at, published_by, published_by_name, households, users,
                    notification_id)
                values (:id, :street, :c, :aud, :ref, :label, :cat, :title, :body, :pinned, :exp, :at, :by, :byName,
                    :hh, :users, :n)""")
                .param("id", id).param("street", reach.streetId()).param("c", reach.communityId())
                .param("aud", draft.audience().name()).param("ref", reach.ref()).param("label", reach.label())
                .param("cat", draft.category().name()).param("title", title).param("body", body)
                .param("pinned", draft.pinned())
                .param("exp", draft.expires() == null ? null
                        : Timestamp.from(draft.expires().plusDays(1).atStartOfDay(NoticeTime.ZONE).toInstant()))
                .param("at", Timestamp.from(now)).param("by", staff.userId()).param("byName", staff.displayName())
                .param("hh", reach.households().size()).param("users", reach.users().size()).param("n", notification)
                .update();
        for (var file : draft.files()) {
            jdbc.sql("""
                    insert into notice_attachment (id, notice_id, file_name, content_type, size_bytes, content)
                    values (:id, :n, :name, :type, :size, :content)""")
                    .param("id", UUID.randomUUID()).param("n", id).param("name", file.name())
                    .param("type", file.contentType()).param("size", file.content().length)
                    .param("content", file.content()).update();
        }
        for (var leader : reach.leaders()) {
            var group = leader.householdId() == null ? null : households.buildingGroupOfHousehold(leader.householdId())
                    .flatMap(households::buildingGroup).map(HouseholdDirectory.BuildingGroupView::name).orElse(null);
            jdbc.sql("""
                    insert into notice_leader (notice_id, user_id, display_name, building_group)
                    values (:n, :u, :name, :g)""")
                    .param("n", id).param("u", leader.userId()).param("name", leader.displayName()).param("g", group)
                    .update();
        }
        events.publishEvent(new NoticePublished(id, reach.streetId(), reach.communityId(), draft.category(),
                draft.audience(), reach.households().size(), reach.users().size(), now));
        return id;
    }

    private static String excerpt(String body) {
        return body.length() > 500 ? body.substring(0, 500) + "…" : body;
    }

    private Reach reach(AccessScope scope, NoticeDraft d) {
        var community = places.community(d.communityId()).orElseThrow(() ->
                new InvalidValueException("notice.error.community"));
        scope.check(community.id());
        var communities = List.of(community.id());
        return switch (d.audience()) {
            case STREET -> {
                var all = places.communityIdsOfStreet(community.streetId());
                if (!all.stream().allMatch(scope::covers)) {
                    throw new InvalidValueException("notice.error.street-scope");
                }
                var leaders = accounts.withRole(Role.BUILDING_GROUP_LEADER, all);
                yield new Reach(community.streetId(), null, community.streetName(), null, households.ofCommunities(all),
                        ids(leaders), leaders, all);
            }
            case COMMUNITY -> {
                var leaders = accounts.withRole(Role.BUILDING_GROUP_LEADER, communities);
                yield new Reach(community.streetId(), community.id(), community.name(), null,
                        households.ofCommunities(communities), ids(leaders), leaders, communities);
            }
            case BUILDING_GROUP -> {
                var group = d.buildingGroupId() == null ? null : households.buildingGroup(d.buildingGroupId())
                        .filter(g -> g.communityId().equals(community.id())).orElse(null);
                if (group == null) {
                    throw new InvalidValueException("notice.error.building-group");
                }
                var members = households.ofBuildingGroup(group.id());
                var inGroup = new LinkedHashSet<>(members);
                var leaders = accounts.withRole(Role.BUILDING_GROUP_LEADER, communities).stream()
                        .filter(l -> l.householdId() != null && inGroup.contains(l.householdId())).toList();
                yield new Reach(community.streetId(), community.id(), community.name() + " · " + group.name(),
                        group.id().toString(), members, ids(leaders), leaders, communities);
            }
            case VULNERABLE -> {
                if (d.vulnerability() == null) {
                    throw new InvalidValueException("notice.error.vulnerability");
                }
                var leaders = accounts.withRole(Role.BUILDING_GROUP_LEADER, communities);
                yield new Reach(community.streetId(), community.id(), community.name(), d.vulnerability().name(),
                        households.withVulnerability(communities, d.vulnerability()), ids(leaders), leaders,
                        communities);
            }
            case VOLUNTEERS -> new Reach(community.streetId(), community.id(), community.name(), null, List.of(),
                    volunteers.activeIn(scope, community.id()).stream().map(VolunteerDirectory.VolunteerView::userId)
                            .toList(), List.of(), communities);
            case TEAM -> {
                if (d.teamId() == null) {
                    throw new InvalidValueException("notice.error.team");
                }
                var team = teams.team(scope, d.teamId());
                if (!team.communityId().equals(community.id())) {
                    throw new InvalidValueException("notice.error.team");
                }
                var users = team.members().stream().map(m -> volunteers.byId(m.volunteerId()))
                        .flatMap(Optional::stream).map(VolunteerDirectory.VolunteerView::userId).toList();
                yield new Reach(community.streetId(), community.id(), community.name() + " · " + team.name(),
                        team.id().toString(), List.of(), users, List.of(), communities);
            }
        };
    }

    private static List<UUID> ids(List<Accounts.Holder> holders) {
        return holders.stream().map(Accounts.Holder::userId).toList();
    }

    /** The group robots registered for these communities. */
    public List<String> webhooks(List<String> communities) {
        return jdbc.sql("select url from notice_webhook where community_id in (:c) order by created_at")
                .param("c", communities).query(String.class).list();
    }

    private static final String SUMMARY = """
            select n.id, n.community_id, n.audience, n.audience_label, n.audience_ref, n.category, n.title, n.pinned,
                   n.expires_at, n.published_at, n.published_by_name, n.households, n.users
            from notice n""";

    /** Staff: the notices of a community in their scope, with those of its street; pinned first. */
    public List<Summary> ofCommunity(AccessScope scope, String communityId) {
        scope.check(communityId);
        var community = places.community(communityId).orElseThrow(OutOfScopeException::new);
        return jdbc.sql(SUMMARY + """
                 where n.community_id = :c or (n.community_id is null and n.street_id = :s)
                order by n.pinned desc, n.published_at desc, n.id""")
                .param("c", communityId).param("s", community.streetId()).query(this::summary).list();
    }

    /** A resident, leader or volunteer: the notices delivered to them or their household, current ones only. */
    public List<Summary> delivered(LiandongUser me) {
        return jdbc.sql(SUMMARY + """
                 where n.notification_id in (select d.notification_id from notification_delivery d
                    where d.channel = 'IN_APP' and (d.user_id = :u or d.household_id = :h))
                  and (n.expires_at is null or n.expires_at > :now)
                order by n.pinned desc, n.published_at desc, n.id""")
                .param("u", me.userId()).param("h", me.householdId().orElse(new UUID(0, 0)))
                .param("now", Timestamp.from(clock.instant())).query(this::summary).list();
    }

    /** Opens a notice: checks the reader may see it and records the read receipt (and clears it from the inbox). */
    @Transactional
    public Detail read(LiandongUser me, UUID id) {
        var summary = jdbc.sql(SUMMARY + " where n.id = :id").param("id", id).query(this::summary).optional()
                .orElseThrow(OutOfScopeException::new);
        if (!mayRead(me, id, summary)) {
            throw new OutOfScopeException();
        }
        if (!me.role().staff()) {
            var seen = jdbc.sql("select count(*) from notice_read where notice_id = :n and user_id = :u")
                    .param("n", id).param("u", me.userId()).query(Long.class).single();
            if (seen == 0) {
                jdbc.sql("insert into notice_read (notice_id, user_id, household_id, read_at) values (:n, :u, :h, :at)")
                        .param("n", id).param("u", me.userId()).param("h", me.householdId().orElse(null))
                        .param("at", Timestamp.from(clock.instant())).update();
            }
            inbox.readByLink(me, "/notices/" + id);
        }
        var body = jdbc.sql("select body from notice where id = :id").param("id", id).query(String.class).single();
        return new Detail(summary, body, attachments(id));
    }

    public List<Attachment> attachments(UUID noticeId) {
        return jdbc.sql("""
                select id, file_name, content_type, size_bytes from notice_attachment where notice_id = :n order by file_name""")
                .param("n", noticeId)
                .query((rs, n) -> new Attachment(rs.getObject("id", UUID.class), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getInt("size_bytes"))).list();
    }

    public record FileContent(String name, String contentType, byte[] content) {
    }

    public FileContent attachment(LiandongUser me, UUID noticeId, UUID attachmentId) {
        var summary = jdbc.sql(SUMMARY + " where n.id = :id").param("id", noticeId).query(this::summary).optional()
                .orElseThrow(OutOfScopeException::new);
        if (!mayRead(me, noticeId, summary)) {
            throw new OutOfScopeException();
        }
        return jdbc.sql("select file_name, content_type, content from notice_attachment where id = :a and notice_id = :n")
                .param("a", attachmentId).param("n", noticeId)
                .query((rs, n) -> new FileContent(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional()
                .orElseThrow(OutOfScopeException::new);
    }

    /** Staff: how far a notice reached, and which building-group leaders have not confirmed it yet. */
    public Receipts receipts(AccessScope scope, UUID id) {
        var row = jdbc.sql("select street_id, community_id, households from notice where id = :id").param("id", id)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3)}).optional()
                .orElseThrow(OutOfScopeException::new);
        checkStaff(scope, (String) row[0], (String) row[1]);
        var leaders = jdbc.sql("""
                select l.user_id, l.display_name, l.building_group, r.read_at from notice_leader l
                left join notice_read r on r.notice_id = l.notice_id and r.user_id = l.user_id
                where l.notice_id = :n order by l.building_group, l.display_name""").param("n", id)
                .query((rs, n) -> new Leader(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant())).list();
        var householdsRead = jdbc.sql("""
                select count(distinct household_id) from notice_read where notice_id = :n and household_id is not null""")
                .param("n", id).query(Long.class).single();
        var accountsRead = jdbc.sql("select count(*) from notice_read where notice_id = :n").param("n", id)
                .query(Long.class).single();
        return new Receipts((Integer) row[2], householdsRead, accountsRead,
                leaders.stream().filter(l -> l.readAt() == null).toList(),
                leaders.stream().filter(l -> l.readAt() != null).toList());
    }

    private boolean mayRead(LiandongUser me, UUID id, Summary summary) {
        if (me.role().staff()) {
            var row = jdbc.sql("select street_id from notice where id = :id").param("id", id).query(String.class).single();
            return staffCovers(me.scope(), row, summary.communityId());
        }
        return jdbc.sql("""
                select count(*) from notification_delivery d join notice n on n.notification_id = d.notification_id
                where n.id = :id and d.channel = 'IN_APP' and (d.user_id = :u or d.household_id = :h)""")
                .param("id", id).param("u", me.userId()).param("h", me.householdId().orElse(new UUID(0, 0)))
                .query(Long.class).single() > 0;
    }

    private void checkStaff(AccessScope scope, String streetId, @Nullable String communityId) {
        if (!staffCovers(scope, streetId, communityId)) {
            throw new OutOfScopeException();
        }
    }

    private boolean staffCovers(AccessScope scope, String streetId, @Nullable String communityId) {
        if (communityId != null) {
            return scope.covers(communityId);
        }
        return places.communityIdsOfStreet(streetId).stream().anyMatch(scope::covers);
    }

    private Summary summary(ResultSet rs, int n) throws SQLException {
        var expires = rs.getTimestamp("expires_at");
        var expiresAt = expires == null ? null : expires.toInstant();
        return new Summary(rs.getObject("id", UUID.class), rs.getString("community_id"),
                Audience.valueOf(rs.getString("audience")), rs.getString("audience_label"), rs.getString("audience_ref"),
                NoticeCategory.valueOf(rs.getString("category")), rs.getString("title"), rs.getBoolean("pinned"),
                expiresAt, rs.getTimestamp("published_at").toInstant(), rs.getString("published_by_name"),
                rs.getInt("households"), rs.getInt("users"),
                expiresAt != null && !expiresAt.isAfter(clock.instant()));
    }

    /** Registers a community's group robot; every notice to the community (or its street) goes there too. */
    @Transactional
    public UUID addWebhook(AccessScope scope, String communityId, String name, String url) {
        scope.check(communityId);
        var n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 50) {
            throw new InvalidValueException("notice.webhook.name");
        }
        var checked = webhookGuard.check(url);
        var id = UUID.randomUUID();
        jdbc.sql("insert into notice_webhook (id, community_id, name, url, created_at) values (:id, :c, :n, :u, :at)")
                .param("id", id).param("c", communityId).param("n", n).param("u", checked)
                .param("at", Timestamp.from(clock.instant())).update();
        return id;
    }
}
