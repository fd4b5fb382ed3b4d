package org.liandong.volunteer;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who was active as a volunteer in a community over a stretch of time, for measuring modules (resilience
 * indicators). Active means at least one task finished or one duty stay checked in at a post of that community.
 */
@Service
public class VolunteerActivity {

    /** What a measuring module may know of a volunteer: the keyed hash of the ID number (to find them in the
     * registry) and the birth date (age band), nothing else. */
    public record VolunteerFact(UUID volunteerId, String communityId, String idNumberHash, LocalDate birthDate) {
    }

    private final JdbcClient jdbc;

    VolunteerActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Volunteers registered with the community (active or not). */
    public long registered(String communityId) {
        return jdbc.sql("select count(*) from volunteer where community_id = :c").param("c", communityId)
                .query(Long.class).single();
    }

    /** Volunteers who finished a task of the community in [from, to). */
    public Set<UUID> finishedTasks(String communityId, Instant from, Instant to) {
        return Set.copyOf(jdbc.sql("""
                select distinct volunteer_id from volunteer_task
                where community_id = :c and status = 'DONE' and volunteer_id is not null and done_at >= :from and done_at < :to""")
                .param("c", communityId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(UUID.class).list());
    }

    /** Volunteers who finished a task or checked in at a post of the community in [from, to). */
    public Set<UUID> active(String communityId, Instant from, Instant to) {
        var out = new HashSet<>(finishedTasks(communityId, from, to));
        out.addAll(jdbc.sql("""
                select distinct volunteer_id from volunteer_attendance
                where community_id = :c and checked_in_at >= :from and checked_in_at < :to""")
                .param("c", communityId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(UUID.class).list());
        return Set.copyOf(out);
    }

    public Map<UUID, VolunteerFact> facts(Collection<UUID> volunteerIds) {
        if (volunteerIds.isEmpty()) {
            return Map.of();
        }
        var out = new HashMap<UUID, VolunteerFact>();
        var ids = List.copyOf(volunteerIds);
        for (int i = 0; i < ids.size(); i += 500) {
            jdbc.sql("""
                    select v.id, v.community_id, v.id_number_hash, a.birth_date
                    from volunteer v join volunteer_application a on a.id = v.application_id where v.id in (:ids)""")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
                    .query((rs, n) -> out.put(rs.getObject(1, UUID.class), new VolunteerFact(rs.getObject(1, UUID.class),
                            rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate()))).list();
        }
        return out;
    }
}
