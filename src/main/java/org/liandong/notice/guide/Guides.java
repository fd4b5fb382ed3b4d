package org.liandong.notice.guide;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.notice.NoticeTime;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Versioned guides: staff write and revise, every revision is kept, everyone reads and searches the latest. */
@Service
public class Guides {

    static final int TITLE_MAX = 200;
    static final int BODY_MAX = 20000;

    public record Version(UUID guideId, GuideTopic topic, int version, int currentVersion, String title, String body,
                          @Nullable String changeNote, String changedBy, Instant changedAt) {
        public LocalDateTime changedLocal() {
            return LocalDateTime.ofInstant(changedAt, NoticeTime.ZONE);
        }

        public boolean current() {
            return version == currentVersion;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Guides(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public UUID create(LiandongUser staff, @Nullable String topic, @Nullable String title, @Nullable String body) {
        checkStaff(staff);
        var t = parse(topic);
        var id = UUID.randomUUID();
        var now = Timestamp.from(clock.instant());
        jdbc.sql("insert into guide (id, topic, current_version, created_at, updated_at) values (:id, :t, 1, :at, :at)")
                .param("id", id).param("t", t.name()).param("at", now).update();
        insertVersion(staff, id, 1, title, body, null, now);
        return id;
    }

    /** A new version; {@code basedOn} is the version the editor started from, so two editors never overwrite each other. */
    @Transactional
    public int revise(LiandongUser staff, UUID id, int basedOn, @Nullable String title, @Nullable String body,
                      @Nullable String note) {
        checkStaff(staff);
        var now = Timestamp.from(clock.instant());
        var updated = jdbc.sql("""
                update guide set current_version = current_version + 1, updated_at = :at
                where id = :id and current_version = :based""")
                .param("at", now).param("id", id).param("based", basedOn).update();
        if (updated == 0) {
            if (jdbc.sql("select count(*) from guide where id = :id").param("id", id).query(Long.class).single() == 0) {
                throw new OutOfScopeException();
            }
            throw new InvalidValueException("notice.guide.changed-meanwhile");
        }
        var n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > 300) {
            throw new InvalidValueException("notice.guide.note-too-long", 300);
        }
        insertVersion(staff, id, basedOn + 1, title, body, n, now);
        return basedOn + 1;
    }

    public Version version(UUID id, @Nullable Integer version) {
        var sql = SELECT + " where g.id = :id and v.version = " + (version == null ? "g.current_version" : ":v");
        var query = jdbc.sql(sql).param("id", id);
        if (version != null) {
            query = query.param("v", version);
        }
        return query.query(this::version).optional().orElseThrow(OutOfScopeException::new);
    }

    public List<Version> history(UUID id) {
        return jdbc.sql(SELECT + " where g.id = :id order by v.version desc").param("id", id).query(this::version).list();
    }

    /** The latest version of each guide whose title or text contains every word; all guides without words. */
    public List<Version> search(@Nullable String query) {
        var words = query == null || query.isBlank() ? new String[0] : query.strip().split("\\s+");
        var sql = new StringBuilder(SELECT + " where v.version = g.current_version");
        int n = Math.min(words.length, 5);
        for (int i = 0; i < n; i++) {
            sql.append(" and (lower(v.title) like :w").append(i).append(" or lower(v.body) like :w").append(i).append(")");
        }
        sql.append(" order by g.topic, v.title");
        var spec = jdbc.sql(sql.toString());
        for (int i = 0; i < n; i++) {
            spec = spec.param("w" + i, "%" + words[i].toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return spec.query(this::version).list();
    }

    private void insertVersion(LiandongUser staff, UUID id, int version, @Nullable String title, @Nullable String body,
                               @Nullable String note, Timestamp at) {
        var t = title == null ? "" : title.strip();
        var b = body == null ? "" : body.strip();
        if (t.isEmpty() || t.length() > TITLE_MAX) {
            throw new InvalidValueException("notice.error.title");
        }
        if (b.isEmpty() || b.length() > BODY_MAX) {
            throw new InvalidValueException("notice.guide.body-length", BODY_MAX);
        }
        jdbc.sql("""
                insert into guide_version (guide_id, version, title, body, change_note, changed_by, changed_at)
                values (:id, :v, :t, :b, :n, :by, :at)""")
                .param("id", id).param("v", version).param("t", t).param("b", b).param("n", note)
                .param("by", staff.displayName()).param("at", at).update();
    }

    private static void checkStaff(LiandongUser user) {
        if (!user.role().staff()) {
            throw new OutOfScopeException();
        }
    }

    private static GuideTopic parse(@Nullable String topic) {
        try {
            return GuideTopic.valueOf(topic == null ? "" : topic);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("notice.guide.topic-required");
        }
    }

    private static final String SELECT = """
            select g.id, g.topic, g.current_version, v.version, v.title, v.body, v.change_note, v.changed_by, v.changed_at
            from guide g join guide_version v on v.guide_id = g.id""";

    private Version version(ResultSet rs, int n) throws SQLException {
        return new Version(rs.getObject("id", UUID.class), GuideTopic.valueOf(rs.getString("topic")),
                rs.getInt("version"), rs.getInt("current_version"), rs.getString("title"), rs.getString("body"),
                rs.getString("change_note"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant());
    }
}
