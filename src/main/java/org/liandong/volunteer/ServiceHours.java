package org.liandong.volunteer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.AuditLog;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger of a volunteer's service hours: attendance at duty points, finished tasks and staff
 * corrections. Entries are only ever added; a mistake is put right by a correction with a reason.
 */
@Service
public class ServiceHours {

    /** Residents' committees keep Beijing time, whatever the server runs on. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The most a single correction may add or take away. */
    public static final int MAX_CORRECTION_MINUTES = 24 * 60;

    public enum Source {
        ATTENDANCE, TASK, CORRECTION;

        public String messageKey() {
            return "volunteer.hours.source." + name().toLowerCase(Locale.ROOT);
        }
    }

    public record Entry(UUID id, Source source, int minutes, Instant at, @Nullable String reason, String recordedBy,
                        boolean capped) {

        public java.time.LocalDateTime local() {
            return at.atZone(ZONE).toLocalDateTime();
        }

        public String hours() {
            return ServiceHours.hours(minutes);
        }
    }

    public record Totals(int minutes, int tasksDone, @Nullable LocalDate firstDay, @Nullable LocalDate lastDay) {

        /** Hours with one decimal, e.g. {@code 12.5}. */
        public String hours() {
            return ServiceHours.hours(minutes);
        }
    }

    /** One line of a community's monthly thank-you board. */
    public record MonthLine(UUID volunteerId, String name, int minutes) {

        public String hours() {
            return ServiceHours.hours(minutes);
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ServiceHours(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public static String hours(int minutes) {
        return String.format(Locale.ROOT, "%.1f", minutes / 60.0);
    }

    /** Adds an entry; used by attendance (check-out) and by tasks when they are done. */
    public UUID record(UUID volunteerId, String communityId, Source source, int minutes, Instant at,
                       @Nullable String reason, String recordedBy, boolean capped, @Nullable UUID taskId,
                       @Nullable UUID attendanceId) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into volunteer_hours (id, volunteer_id, community_id, source, minutes, at, reason, recorded_by,
                                             capped, task_id, attendance_id)
                values (:id, :v, :c, :source, :minutes, :at, :reason, :by, :capped, :task, :attendance)""")
                .param("id", id).param("v", volunteerId).param("c", communityId).param("source", source.name())
                .param("minutes", minutes).param("at", Timestamp.from(at)).param("reason", reason)
                .param("by", recordedBy).param("capped", capped).param("task", taskId)
                .param("attendance", attendanceId).update();
        return id;
    }

    /**
     * Staff put a volunteer's hours right: a reason is required and the correction is written to the audit
     * log. Staff outside the volunteer's community get {@link OutOfScopeException}.
     */
    @Transactional
    public UUID correct(LiandongUser staff, UUID volunteerId, int minutes, @Nullable String reason) {
        if (!staff.role().staff()) {
            throw new OutOfScopeException();
        }
        var volunteer = jdbc.sql("select community_id, name from volunteer where id = :id").param("id", volunteerId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                .orElseThrow(OutOfScopeException::new);
        staff.scope().check(volunteer[0]);
        var why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidValueException("volunteer.hours.correction.reason-required");
        }
        if (why.length() > 300) {
            throw new InvalidValueException("volunteer.hours.correction.reason-too-long");
        }
        if (minutes == 0 || Math.abs(minutes) > MAX_CORRECTION_MINUTES) {
            throw new InvalidValueException("volunteer.hours.correction.minutes", MAX_CORRECTION_MINUTES / 60);
        }
        var id = record(volunteerId, volunteer[0], Source.CORRECTION, minutes, clock.instant(), why,
                staff.displayName(), false, null, null);
        audit.record(staff, "CORRECT_HOURS", "volunteer", volunteerId.toString(), volunteer[1], volunteer[0],
                why + " (" + (minutes > 0 ? "+" : "") + minutes + " min)");
        return id;
    }

    public List<Entry> entries(UUID volunteerId) {
        return jdbc.sql("select * from volunteer_hours where volunteer_id = :v order by at desc, id")
                .param("v", volunteerId).query(this::entry).list();
    }

    public Totals totals(UUID volunteerId) {
        var tasks = jdbc.sql("select count(*) from volunteer_task where volunteer_id = :v and status = 'DONE'")
                .param("v", volunteerId).query(Integer.class).single();
        return jdbc.sql("""
                select coalesce(sum(minutes), 0) as minutes, min(at) as first_at, max(at) as last_at
                from volunteer_hours where volunteer_id = :v""")
                .param("v", volunteerId)
                .query((rs, n) -> new Totals(Math.max(0, rs.getInt("minutes")), tasks, day(rs.getTimestamp("first_at")),
                        day(rs.getTimestamp("last_at")))).single();
    }

    /** Who served a community in a month and for how long, most hours first; people with no hours are left out. */
    public List<MonthLine> month(String communityId, YearMonth month) {
        var from = month.atDay(1).atStartOfDay(ZONE).toInstant();
        var to = month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
        return jdbc.sql("""
                select v.id, v.name, sum(h.minutes) as minutes
                from volunteer_hours h join volunteer v on v.id = h.volunteer_id
                where h.community_id = :c and h.at >= :from and h.at < :to
                group by v.id, v.name
                having sum(h.minutes) > 0
                order by minutes desc, v.name""")
                .param("c", communityId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new MonthLine(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getInt("minutes"))).list();
    }

    /** Every active volunteer of a community with their total hours, most first. */
    public List<MonthLine> totalsIn(String communityId) {
        return jdbc.sql("""
                select v.id, v.name, coalesce(sum(h.minutes), 0) as minutes
                from volunteer v left join volunteer_hours h on h.volunteer_id = v.id
                where v.community_id = :c and v.active = true
                group by v.id, v.name
                order by minutes desc, v.name""")
                .param("c", communityId)
                .query((rs, n) -> new MonthLine(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getInt("minutes"))).list();
    }

    public Optional<String> communityName(String communityId) {
        return jdbc.sql("select name from community where id = :id").param("id", communityId).query(String.class)
                .optional();
    }

    private @Nullable LocalDate day(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant().atZone(ZONE).toLocalDate();
    }

    private Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getObject("id", UUID.class), Source.valueOf(rs.getString("source")), rs.getInt("minutes"),
                rs.getTimestamp("at").toInstant(), rs.getString("reason"), rs.getString("recorded_by"),
                rs.getBoolean("capped"));
    }
}
