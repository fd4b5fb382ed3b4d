package org.liandong.volunteer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.Masked;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The vetting queue: applications in the viewer's scope, filtered, sorted, counted; and saved filters. */
@Service
public class ApplicationQueue {

    public enum Sort { SCORE, DATE }

    /** A filter of the queue; every part optional. */
    public record Query(@Nullable ApplicationStatus status, @Nullable String communityId,
                       @Nullable VolunteerCategory category, int minScore, boolean referredOnly,
                       boolean duplicatesOnly, Sort sort) {

        public static Query open() {
            return new Query(ApplicationStatus.SUBMITTED, null, null, 0, false, false, Sort.SCORE);
        }

        /** The query string that reproduces this filter (for links, paging and saved views). */
        public String link() {
            var b = new StringBuilder("status=").append(status == null ? "" : status.name());
            if (communityId != null) {
                b.append("&community=").append(communityId);
            }
            if (category != null) {
                b.append("&category=").append(category.name());
            }
            if (minScore > 0) {
                b.append("&minScore=").append(minScore);
            }
            if (referredOnly) {
                b.append("&referred=true");
            }
            if (duplicatesOnly) {
                b.append("&duplicates=true");
            }
            return b.append("&sort=").append(sort.name()).toString();
        }
    }

    public record Row(UUID id, String name, char sex, int age, String communityName, List<VolunteerCategory> categories,
                      int motivationScore, Instant submittedAt, ApplicationStatus status, String maskedPhone,
                      boolean referred, boolean duplicate) {
    }

    public record Page(List<Row> rows, long total, int page, int size, Map<ApplicationStatus, Long> counts) {
        public int pages() {
            return (int) ((total + size - 1) / size);
        }
    }

    public record SavedView(UUID id, String name, String query) {
    }

    public static final int PAGE_SIZE = 50;
    static final int VIEW_NAME_MAX = 50;

    private static final String DUPLICATE = """
            exists (select 1 from volunteer_application d where d.id <> a.id
                    and (d.phone = a.phone or d.id_number_hash = a.id_number_hash))""";

    private final JdbcClient jdbc;
    private final Clock clock;

    ApplicationQueue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Page search(AccessScope scope, Query query, int page) {
        var counts = new EnumMap<ApplicationStatus, Long>(ApplicationStatus.class);
        for (var s : ApplicationStatus.values()) {
            counts.put(s, 0L);
        }
        if (!scope.everything() && scope.communityIds().isEmpty()
                || query.communityId() != null && !scope.covers(query.communityId())) {
            return new Page(List.of(), 0, 0, PAGE_SIZE, counts);
        }
        var params = new java.util.HashMap<String, Object>();
        var scopeWhere = new ArrayList<String>();
        if (!scope.everything()) {
            scopeWhere.add("a.community_id in (:scope)");
            params.put("scope", scope.communityIds());
        }
        if (query.communityId() != null) {
            scopeWhere.add("a.community_id = :community");
            params.put("community", query.communityId());
        }
        var scopeSql = scopeWhere.isEmpty() ? "" : " where " + String.join(" and ", scopeWhere);
        jdbc.sql("select a.status, count(*) from volunteer_application a" + scopeSql + " group by a.status")
                .params(params).query((rs, n) -> counts.put(ApplicationStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        var where = new ArrayList<>(scopeWhere);
        if (query.status() != null) {
            where.add("a.status = :status");
            params.put("status", query.status().name());
        }
        if (query.category() != null) {
            where.add("exists (select 1 from volunteer_application_skill s where s.application_id = a.id "
                    + "and s.category = :category)");
            params.put("category", query.category().name());
        }
        if (query.minScore() > 0) {
            where.add("a.motivation_score >= :minScore");
            params.put("minScore", query.minScore());
        }
        if (query.referredOnly()) {
            where.add("a.referrer_id is not null");
        }
        if (query.duplicatesOnly()) {
            where.add(DUPLICATE);
        }
        var whereSql = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from volunteer_application a" + whereSql).params(params)
                .query(Long.class).single();
        var order = query.sort() == Sort.SCORE ? "a.motivation_score desc, a.submitted_at, a.id"
                : "a.submitted_at desc, a.id";
        int pages = Math.max(1, (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE));
        int current = Math.min(Math.max(0, page), pages - 1);
        params.put("limit", PAGE_SIZE);
        params.put("offset", current * PAGE_SIZE);
        var today = LocalDate.now(clock);
        var rows = jdbc.sql("select a.id, a.name, a.sex, a.birth_date, c.name as community_name, a.categories, "
                        + "a.motivation_score, a.submitted_at, a.status, a.phone, a.referrer_id, " + DUPLICATE
                        + " as dup from volunteer_application a join community c on c.id = a.community_id" + whereSql
                        + " order by " + order + " limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("sex").charAt(0),
                        Period.between(rs.getDate("birth_date").toLocalDate(), today).getYears(),
                        rs.getString("community_name"),
                        List.copyOf(VolunteerDirectory.categories(rs.getString("categories"))),
                        rs.getInt("motivation_score"), rs.getTimestamp("submitted_at").toInstant(),
                        ApplicationStatus.valueOf(rs.getString("status")), Masked.phone(rs.getString("phone")),
                        rs.getObject("referrer_id") != null, rs.getBoolean("dup")))
                .list();
        return new Page(rows, total, current, PAGE_SIZE, counts);
    }

    public List<SavedView> savedViews(UUID userId) {
        return jdbc.sql("select id, name, query from volunteer_saved_view where user_id = :u order by name")
                .param("u", userId).query((rs, n) -> new SavedView(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3))).list();
    }

    /** Saves (or replaces) the filter under a name of the person's choosing. */
    @Transactional
    public void saveView(UUID userId, String name, Query query) {
        var text = name == null ? "" : name.strip();
        if (text.isEmpty() || text.length() > VIEW_NAME_MAX) {
            throw new InvalidValueException("volunteer.vetting.error.view-name", VIEW_NAME_MAX);
        }
        jdbc.sql("delete from volunteer_saved_view where user_id = :u and name = :n").param("u", userId)
                .param("n", text).update();
        jdbc.sql("""
                insert into volunteer_saved_view (id, user_id, name, query, created_at) values (:id, :u, :n, :q, :at)""")
                .param("id", UUID.randomUUID()).param("u", userId).param("n", text).param("q", query.link())
                .param("at", Timestamp.from(clock.instant())).update();
    }

    @Transactional
    public void deleteView(UUID userId, UUID viewId) {
        jdbc.sql("delete from volunteer_saved_view where user_id = :u and id = :id").param("u", userId)
                .param("id", viewId).update();
    }
}
