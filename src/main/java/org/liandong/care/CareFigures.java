package org.liandong.care;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What measuring modules (resilience indicators) read about help requests and welfare checks of a community over a
 * stretch of time: when requests were filed, first accepted by a volunteer, done or cancelled, who helped whom, and
 * which vulnerable residents were reached. Counts and ids only; no names, addresses or request texts.
 */
@Service
public class CareFigures {

    /**
     * One help request: {@code firstAcceptedAt} is the first time a volunteer accepted its task (or finished it
     * without accepting first), even if that volunteer later declined and someone else took it over.
     */
    public record RequestFact(UUID id, UUID householdId, HelpRequestStatus status, Instant createdAt,
                              @Nullable Instant firstAcceptedAt, @Nullable Instant doneAt,
                              @Nullable Instant cancelledAt, @Nullable UUID volunteerId) {
    }

    private static final String SELECT = """
            select r.id, r.household_id, r.status, r.created_at, r.done_at, r.cancelled_at, r.volunteer_id,
              (select min(e.at) from care_help_request_event e where e.request_id = r.id
                 and e.status in ('IN_PROGRESS', 'DONE')) first_accepted
            from care_help_request r""";

    private final JdbcClient jdbc;

    CareFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Requests filed in [from, to). */
    public List<RequestFact> filed(String communityId, Instant from, Instant to) {
        return jdbc.sql(SELECT + " where r.community_id = :c and r.created_at >= :from and r.created_at < :to")
                .param("c", communityId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(this::fact).list();
    }

    /** Requests done in [from, to) by a volunteer. */
    public List<RequestFact> done(String communityId, Instant from, Instant to) {
        return jdbc.sql(SELECT + " " + """
                 where r.community_id = :c and r.status = 'DONE' and r.volunteer_id is not null
                   and r.done_at >= :from and r.done_at < :to""")
                .param("c", communityId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(this::fact).list();
    }

    /** How many requests the community has filed before {@code at}, ever. */
    public long filedBefore(String communityId, Instant at) {
        return jdbc.sql("select count(*) from care_help_request where community_id = :c and created_at < :at")
                .param("c", communityId).param("at", Timestamp.from(at)).query(Long.class).single();
    }

    /** Requests filed at or before {@code filedBy} and neither done nor cancelled at {@code at}. */
    public long openAt(String communityId, Instant filedBy, Instant at) {
        return jdbc.sql("""
                select count(*) from care_help_request where community_id = :c and created_at <= :filedBy
                  and (done_at is null or done_at > :at) and (cancelled_at is null or cancelled_at > :at)""")
                .param("c", communityId).param("filedBy", Timestamp.from(filedBy)).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    /** Residents someone reached (a welfare contact that got through, or a welfare visit done) in [from, to). */
    public Set<UUID> reached(String communityId, Instant from, Instant to) {
        return Set.copyOf(jdbc.sql("""
                select distinct resident_id from care_welfare_contact
                where community_id = :c and reached = true and at >= :from and at < :to""")
                .param("c", communityId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(UUID.class).list());
    }

    /** Households that filed a help request in [from, to). */
    public Set<UUID> requestingHouseholds(String communityId, Instant from, Instant to) {
        return Set.copyOf(jdbc.sql("""
                select distinct household_id from care_help_request
                where community_id = :c and created_at >= :from and created_at < :to""")
                .param("c", communityId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(UUID.class).list());
    }

    private RequestFact fact(ResultSet rs, int n) throws SQLException {
        return new RequestFact(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
                HelpRequestStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                instant(rs, "first_accepted"), instant(rs, "done_at"), instant(rs, "cancelled_at"),
                rs.getObject("volunteer_id", UUID.class));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
