package org.liandong.partner;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What was edited or withdrawn, by whom and when, for organisations, services, offers and needs. */
@Service
public class PartnerHistory {

    public enum Action { EDITED, WITHDRAWN;

        public String messageKey() {
            return "partner.history." + name().toLowerCase(Locale.ROOT);
        }
    }

    public record Change(Action action, List<String> fields, @Nullable String reason, String by, Instant at) {

        public LocalDateTime local() {
            return LocalDateTime.ofInstant(at, ZONE);
        }

        /** Message keys of the fields changed. */
        public List<String> fieldKeys() {
            return fields.stream().map(f -> "partner.field." + f).toList();
        }
    }

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final Clock clock;

    PartnerHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String subjectKind, UUID subjectId, Action action, List<String> fields, @Nullable String reason,
                String by) {
        jdbc.sql("""
                insert into partner_change (id, subject_kind, subject_id, action, fields, reason, by_name, at)
                values (:id, :kind, :s, :a, :f, :r, :by, :at)""").param("id", UUID.randomUUID())
                .param("kind", subjectKind).param("s", subjectId).param("a", action.name())
                .param("f", String.join(",", fields)).param("r", reason).param("by", by)
                .param("at", Timestamp.from(clock.instant())).update();
    }

    /** Newest first. The caller has checked that the person may see the subject. */
    public List<Change> of(UUID subjectId) {
        return jdbc.sql("select * from partner_change where subject_id = :s order by at desc").param("s", subjectId)
                .query((rs, n) -> new Change(Action.valueOf(rs.getString("action")),
                        rs.getString("fields") == null || rs.getString("fields").isEmpty() ? List.of()
                                : Arrays.asList(rs.getString("fields").split(",")),
                        rs.getString("reason"), rs.getString("by_name"), rs.getTimestamp("at").toInstant())).list();
    }
}
