package org.liandong.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who saw or changed whose personal data, when and why. Every unmasking, export and import by staff is
 * written here; street and platform admins read it.
 */
@Service
public class AuditLog {

    public record Entry(UUID id, Instant at, UUID actorId, String actorName, String action, String subjectType,
                        @Nullable String subjectId, @Nullable String subjectLabel, @Nullable String communityId,
                        @Nullable String reason) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Written in its own transaction: the trace of an access stays even if the work around it fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(LiandongUser actor, String action, String subjectType, @Nullable String subjectId,
                       @Nullable String subjectLabel, @Nullable String communityId, @Nullable String reason) {
        jdbc.sql("""
                insert into audit_entry (id, at, actor_id, actor_name, action, subject_type, subject_id,
                                         subject_label, community_id, reason)
                values (:id, :at, :actorId, :actorName, :action, :subjectType, :subjectId, :subjectLabel,
                        :communityId, :reason)""")
                .param("id", UUID.randomUUID())
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .param("actorId", actor.userId())
                .param("actorName", actor.displayName())
                .param("action", action)
                .param("subjectType", subjectType)
                .param("subjectId", subjectId)
                .param("subjectLabel", subjectLabel)
                .param("communityId", communityId)
                .param("reason", reason)
                .update();
    }

    public List<Entry> latest(AccessScope scope, int limit, int offset) {
        var where = scope.everything() ? "" : " where community_id in (:ids) or community_id is null";
        var spec = jdbc.sql("select * from audit_entry" + where + " order by at desc limit :limit offset :offset")
                .param("limit", limit).param("offset", offset);
        if (!scope.everything()) {
            spec = spec.param("ids", scope.communityIds().isEmpty() ? List.of("-") : scope.communityIds());
        }
        return spec.query((rs, n) -> new Entry(rs.getObject("id", UUID.class), rs.getTimestamp("at").toInstant(),
                rs.getObject("actor_id", UUID.class), rs.getString("actor_name"), rs.getString("action"),
                rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("subject_label"),
                rs.getString("community_id"), rs.getString("reason"))).list();
    }
}
