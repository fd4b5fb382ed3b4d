package org.liandong.notice;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What measuring modules (resilience indicators) read about notices of a community: how fast households opened its
 * alerts, how fast rumour checks were answered, and which households read anything. Counts and ids only.
 */
@Service
public class NoticeFigures {

    /** Alerts (CAP alerts, each published as a notice) sent to the community or its whole street in a window, and
     * the households that opened one of them within the given time of its publication. */
    public record AlertReach(int alerts, Set<UUID> households) {
        public AlertReach {
            households = Set.copyOf(households);
        }
    }

    /** Rumour checks asked in a window from the community, and how many were answered in time. */
    public record RumourAnswers(int received, int answeredInTime) {
    }

    private final JdbcClient jdbc;

    NoticeFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public AlertReach alertReach(String communityId, String streetId, Instant from, Instant to, Duration within) {
        var alerts = jdbc.sql("""
                select count(*) from cap_alert a join notice n on n.id = a.notice_id
                where (n.community_id = :c or (n.community_id is null and n.street_id = :s))
                  and n.published_at >= :from and n.published_at < :to""")
                .param("c", communityId).param("s", streetId).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to)).query(Long.class).single();
        var households = jdbc.sql("""
                select n.published_at, r.read_at, r.household_id from cap_alert a join notice n on n.id = a.notice_id
                join notice_read r on r.notice_id = n.id
                where (n.community_id = :c or (n.community_id is null and n.street_id = :s))
                  and n.published_at >= :from and n.published_at < :to and r.household_id is not null""")
                .param("c", communityId).param("s", streetId).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> within(rs.getTimestamp(1), rs.getTimestamp(2), within)
                        ? rs.getObject(3, UUID.class) : null)
                .list().stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
        return new AlertReach(alerts.intValue(), households);
    }

    public RumourAnswers rumourAnswers(String communityId, Instant from, Instant to, Duration within) {
        var rows = jdbc.sql("""
                select submitted_at, answered_at from rumour_check
                where community_id = :c and submitted_at >= :from and submitted_at < :to""")
                .param("c", communityId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> rs.getTimestamp(2) != null && within(rs.getTimestamp(1), rs.getTimestamp(2), within))
                .list();
        return new RumourAnswers(rows.size(), (int) rows.stream().filter(b -> b).count());
    }

    /** Households that opened a notice addressed to the community or its street in [from, to). */
    public Set<UUID> readingHouseholds(String communityId, String streetId, Instant from, Instant to) {
        return Set.copyOf(jdbc.sql("""
                select distinct r.household_id from notice_read r join notice n on n.id = r.notice_id
                where (n.community_id = :c or (n.community_id is null and n.street_id = :s))
                  and r.household_id is not null and r.read_at >= :from and r.read_at < :to""")
                .param("c", communityId).param("s", streetId).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to)).query(UUID.class).list());
    }

    private static boolean within(Timestamp start, Timestamp end, Duration within) {
        return !end.toInstant().isAfter(start.toInstant().plus(within));
    }
}
