package org.liandong.volunteer.funnel;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.AccessScope;
import org.liandong.volunteer.VolunteerCategory;
import org.liandong.volunteer.VolunteerDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Whom a community keeps: applied → vetted → approved → active → still serving 30 and 90 days after
 * approval (hours logged on or after that day), per community and per category, with the motivation
 * score of those who stayed beside those who did not.
 */
@Service
class RecruitmentFunnel {

    /** One application as the funnel sees it. */
    record Applicant(String communityName, List<VolunteerCategory> categories, String status, int motivation,
                     @Nullable Instant approvedAt, boolean active, boolean served30, boolean served90) {
    }

    /** Counts for one row of the report (a community or a category). */
    public record Stage(String label, int applied, int vetted, int approved, int active, int eligible30,
                        int retained30, int eligible90, int retained90, @Nullable Double motivationStayed,
                        @Nullable Double motivationLeft) {

        public @Nullable Integer retained30Percent() {
            return eligible30 == 0 ? null : Math.round(100f * retained30 / eligible30);
        }

        public @Nullable Integer retained90Percent() {
            return eligible90 == 0 ? null : Math.round(100f * retained90 / eligible90);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    RecruitmentFunnel(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Applicant> applicants(AccessScope scope) {
        if (!scope.everything() && scope.communityIds().isEmpty()) {
            return List.of();
        }
        var where = scope.everything() ? "" : " where a.community_id in (:ids)";
        var spec = jdbc.sql("""
                select c.name community_name, a.categories, a.status, a.motivation_score, v.approved_at, v.active,
                  (select max(h.at) from volunteer_hours h where h.volunteer_id = v.id) last_served
                from volunteer_application a join community c on c.id = a.community_id
                left join volunteer v on v.application_id = a.id""" + where);
        if (!scope.everything()) {
            spec = spec.param("ids", scope.communityIds());
        }
        return spec.query((rs, n) -> {
            Timestamp approved = rs.getTimestamp("approved_at");
            Timestamp last = rs.getTimestamp("last_served");
            var approvedAt = approved == null ? null : approved.toInstant();
            return new Applicant(rs.getString("community_name"),
                    List.copyOf(VolunteerDirectory.categories(rs.getString("categories"))), rs.getString("status"),
                    rs.getInt("motivation_score"), approvedAt, rs.getBoolean("active"),
                    servedAfter(approvedAt, last, 30), servedAfter(approvedAt, last, 90));
        }).list();
    }

    List<Stage> byCommunity(List<Applicant> applicants) {
        return group(applicants, a -> List.of(a.communityName()));
    }

    List<Stage> byCategory(List<Applicant> applicants) {
        return group(applicants, a -> a.categories().stream().map(Enum::name).toList());
    }

    Stage total(List<Applicant> applicants, String label) {
        return stage(label, applicants);
    }

    private List<Stage> group(List<Applicant> applicants, Function<Applicant, List<String>> keys) {
        Map<String, List<Applicant>> groups = new TreeMap<>();
        for (var a : applicants) {
            for (var key : keys.apply(a)) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
            }
        }
        return groups.entrySet().stream().map(e -> stage(e.getKey(), e.getValue())).toList();
    }

    private Stage stage(String label, List<Applicant> group) {
        var now = clock.instant();
        int vetted = 0;
        int approved = 0;
        int active = 0;
        int eligible30 = 0;
        int retained30 = 0;
        int eligible90 = 0;
        int retained90 = 0;
        var stayed = new ArrayList<Integer>();
        var left = new ArrayList<Integer>();
        for (var a : group) {
            if (!a.status().equals("SUBMITTED") && !a.status().equals("ON_HOLD")) {
                vetted++;
            }
            if (a.approvedAt() == null) {
                continue;
            }
            approved++;
            if (a.active()) {
                active++;
            }
            if (!a.approvedAt().plus(Duration.ofDays(30)).isAfter(now)) {
                eligible30++;
                if (a.served30()) {
                    retained30++;
                    stayed.add(a.motivation());
                } else {
                    left.add(a.motivation());
                }
            }
            if (!a.approvedAt().plus(Duration.ofDays(90)).isAfter(now)) {
                eligible90++;
                if (a.served90()) {
                    retained90++;
                }
            }
        }
        return new Stage(label, group.size(), vetted, approved, active, eligible30, retained30, eligible90, retained90,
                average(stayed), average(left));
    }

    private static boolean servedAfter(@Nullable Instant approvedAt, @Nullable Timestamp lastServed, int days) {
        return approvedAt != null && lastServed != null
                && !lastServed.toInstant().isBefore(approvedAt.plus(Duration.ofDays(days)));
    }

    private static @Nullable Double average(List<Integer> values) {
        return values.isEmpty() ? null : Math.round(values.stream().mapToInt(Integer::intValue).average()
                .orElse(0) * 10) / 10.0;
    }
}
