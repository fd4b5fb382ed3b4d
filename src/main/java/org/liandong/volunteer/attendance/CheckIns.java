package org.liandong.volunteer.attendance;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.OutOfScopeException;
import org.liandong.volunteer.ServiceHours;
import org.liandong.volunteer.roster.DutyRosters;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteers check in at a duty point by scanning its QR code and check out by scanning it again; the
 * stay becomes hours in the ledger, capped (and flagged) when it is implausibly long.
 */
@Service
class CheckIns {

    public record Point(UUID id, String communityId, String name, @Nullable String secret, boolean active) {

        String code() {
            return java.util.Objects.requireNonNull(secret, "a post shown as a check-in point has a code");
        }
    }

    public record Stay(UUID id, UUID pointId, String pointName, Instant checkedIn, @Nullable Instant checkedOut,
                @Nullable Integer minutes, boolean capped) {

        public java.time.LocalDateTime inLocal() {
            return checkedIn.atZone(ServiceHours.ZONE).toLocalDateTime();
        }

        public java.time.@Nullable LocalDateTime outLocal() {
            return checkedOut == null ? null : checkedOut.atZone(ServiceHours.ZONE).toLocalDateTime();
        }
    }

    public enum Outcome { CHECKED_IN, CHECKED_OUT, ALREADY_IN }

    /**
     * What a scan did. {@code shift} is the published shift at this post the check-in belongs to; none when the
     * volunteer came without being rostered there (the time still counts).
     */
    public record Result(Outcome outcome, String pointName, Instant at, int minutes, boolean capped,
                         DutyRosters.@Nullable ShiftView shift) {

        public java.time.LocalDateTime local() {
            return at.atZone(ServiceHours.ZONE).toLocalDateTime();
        }

        public String hours() {
            return ServiceHours.hours(minutes);
        }

        Result withShift(DutyRosters.@Nullable ShiftView of) {
            return new Result(outcome, pointName, at, minutes, capped, of);
        }

        public boolean onRoster() {
            return shift != null;
        }
    }

    /** A second scan within this time is a double tap, not a check-out. */
    static final Duration DOUBLE_TAP = Duration.ofSeconds(60);

    /** How early before a shift starts a check-in still counts for that shift. */
    static final Duration EARLY = Duration.ofMinutes(60);

    private final JdbcClient jdbc;
    private final DutyRosters rosters;
    private final CheckInCodes codes;
    private final ServiceHours hours;
    private final AttendanceSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CheckIns(JdbcClient jdbc, DutyRosters rosters, CheckInCodes codes, ServiceHours hours,
             AttendanceSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.rosters = rosters;
        this.codes = codes;
        this.hours = hours;
        this.settings = settings;
        this.clock = clock;
    }

    LocalDate today() {
        return clock.instant().atZone(ServiceHours.ZONE).toLocalDate();
    }

    /** Every post in the scope is a check-in point; its code is made the first time it is shown. */
    List<Point> points(AccessScope scope) {
        var sql = """
                select p.id, p.community_id, p.name, c.secret, coalesce(c.active, true) as active
                from volunteer_post p left join volunteer_checkin_point c on c.id = p.id""";
        if (scope.everything()) {
            return jdbc.sql(sql + " order by p.community_id, p.name").query(this::point).list();
        }
        if (scope.communityIds().isEmpty()) {
            return List.of();
        }
        return jdbc.sql(sql + " where p.community_id in (:ids) order by p.community_id, p.name")
                .param("ids", scope.communityIds()).query(this::point).list();
    }

    /** The check-in point of a post, with its secret made now if the post never had a code. */
    @Transactional
    Point point(AccessScope scope, UUID postId) {
        var post = jdbc.sql("select community_id, name from volunteer_post where id = :id").param("id", postId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                .orElseThrow(OutOfScopeException::new);
        scope.check(post[0]);
        return find(postId).orElseGet(() -> open(postId, post[0], post[1]));
    }

    private Point open(UUID postId, String communityId, String name) {
        var secret = new byte[24];
        random.nextBytes(secret);
        try {
            jdbc.sql("""
                    insert into volunteer_checkin_point (id, community_id, name, secret, active, created_at)
                    values (:id, :c, :name, :secret, true, :now)""")
                    .param("id", postId).param("c", communityId).param("name", name)
                    .param("secret", HexFormat.of().formatHex(secret)).param("now", Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            // opened by a simultaneous request: use that one
        }
        return find(postId).orElseThrow();
    }

    /** The path (with query) today's QR code of the point encodes. */
    String todaysPath(Point point) {
        var day = today();
        return "/volunteer/checkin/" + point.id() + "?d=" + day + "&s=" + codes.sign(point.id(), point.code(), day);
    }

    /** The point, if the code is today's and genuine; otherwise a clear reason and nothing is recorded. */
    Point verify(UUID pointId, @Nullable String day, @Nullable String signature) {
        var point = find(pointId).filter(Point::active)
                .orElseThrow(() -> new InvalidValueException("volunteer.checkin.unknown-point"));
        if (day == null || signature == null || signature.isBlank()) {
            throw new InvalidValueException("volunteer.checkin.bad-signature");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("volunteer.checkin.bad-signature");
        }
        if (!codes.valid(pointId, point.code(), date, signature)) {
            throw new InvalidValueException("volunteer.checkin.bad-signature");
        }
        if (!date.equals(today())) {
            throw new InvalidValueException("volunteer.checkin.wrong-day", date, today());
        }
        return point;
    }

    Optional<Stay> openStay(UUID volunteerId) {
        return jdbc.sql("""
                select a.*, p.name as point_name from volunteer_attendance a
                join volunteer_post p on p.id = a.point_id
                where a.volunteer_id = :v and a.checked_out_at is null
                order by a.checked_in_at desc""")
                .param("v", volunteerId).query(this::stay).list().stream().findFirst();
    }

    List<Stay> recentStays(UUID volunteerId) {
        return jdbc.sql("""
                select a.*, p.name as point_name from volunteer_attendance a
                join volunteer_post p on p.id = a.point_id
                where a.volunteer_id = :v order by a.checked_in_at desc limit 30""")
                .param("v", volunteerId).query(this::stay).list();
    }

    /** A scan of a verified code: check in, or check out when already checked in here. */
    @Transactional
    Result scan(UUID volunteerId, String volunteerName, UUID pointId, @Nullable String day,
                @Nullable String signature) {
        var point = verify(pointId, day, signature);
        // one scan at a time per volunteer, so two quick scans cannot open two stays
        jdbc.sql("select id from volunteer where id = :v for update").param("v", volunteerId).query(UUID.class).list();
        var now = clock.instant();
        var open = openStay(volunteerId);
        if (open.isPresent()) {
            var stay = open.get();
            if (stay.pointId().equals(point.id())) {
                if (Duration.between(stay.checkedIn(), now).compareTo(DOUBLE_TAP) < 0) {
                    return new Result(Outcome.ALREADY_IN, point.name(), stay.checkedIn(), 0, false,
                            shiftOf(stay.id()));
                }
                return checkOut(volunteerId, volunteerName, stay, point.communityId(), point.name(), now)
                        .withShift(shiftOf(stay.id()));
            }
            // forgot to check out elsewhere: close that stay first (capped like any other)
            var other = find(stay.pointId()).orElseThrow();
            checkOut(volunteerId, volunteerName, stay, other.communityId(), other.name(), now);
        }
        var shift = rosteredShift(volunteerId, point.id(), now);
        jdbc.sql("""
                insert into volunteer_attendance (id, volunteer_id, point_id, community_id, checked_in_at, capped,
                    shift_id)
                values (:id, :v, :p, :c, :now, false, :shift)""")
                .param("id", UUID.randomUUID()).param("v", volunteerId).param("p", point.id())
                .param("c", point.communityId()).param("now", Timestamp.from(now))
                .param("shift", shift == null ? null : shift.id()).update();
        return new Result(Outcome.CHECKED_IN, point.name(), now, 0, false, shift);
    }

    private Result checkOut(UUID volunteerId, String volunteerName, Stay stay, String communityId, String pointName,
                            Instant now) {
        var stayed = Duration.between(stay.checkedIn(), now);
        var capped = stayed.compareTo(settings.cap()) > 0;
        var minutes = (int) (capped ? settings.cap() : stayed).toMinutes();
        var changed = jdbc.sql("""
                update volunteer_attendance set checked_out_at = :now, minutes = :m, capped = :capped
                where id = :id and checked_out_at is null""")
                .param("now", Timestamp.from(now)).param("m", minutes).param("capped", capped).param("id", stay.id())
                .update();
        if (changed != 1) {
            throw new InvalidValueException("volunteer.checkin.changed-meanwhile");
        }
        hours.record(volunteerId, communityId, ServiceHours.Source.ATTENDANCE, minutes, now, pointName, volunteerName,
                capped, null, stay.id());
        return new Result(Outcome.CHECKED_OUT, pointName, now, minutes, capped, null);
    }

    /** The volunteer's published shift at this post that is on now (or starts within the hour). */
    DutyRosters.@Nullable ShiftView rosteredShift(UUID volunteerId, UUID postId, Instant now) {
        var local = now.atZone(ServiceHours.ZONE).toLocalDateTime();
        return rosters.publishedShiftsOf(volunteerId, local.toLocalDate().minusDays(1)).stream()
                .filter(s -> s.postId().equals(postId))
                .filter(s -> !local.isBefore(s.start().minus(EARLY)) && local.isBefore(s.end()))
                .findFirst().orElse(null);
    }

    private DutyRosters.@Nullable ShiftView shiftOf(UUID stayId) {
        var shiftId = jdbc.sql("select shift_id from volunteer_attendance where id = :id").param("id", stayId)
                .query(UUID.class).optional();
        return shiftId.flatMap(id -> rosters.shift(id)).orElse(null);
    }

    /** Who should be at a post today and whether they checked in there for that shift. */
    List<Duty> dutyToday(Point point) {
        var today = today();
        var stays = jdbc.sql("""
                select shift_id, min(checked_in_at) as first_in from volunteer_attendance
                where point_id = :p and shift_id is not null group by shift_id""")
                .param("p", point.id())
                .query((rs, n) -> java.util.Map.entry(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()))
                .list().stream().collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey,
                        java.util.Map.Entry::getValue));
        var now = clock.instant().atZone(ServiceHours.ZONE).toLocalDateTime();
        return rosters.publishedShiftsAt(point.id(), today).stream()
                .map(s -> new Duty(s, stays.get(s.id()), now)).toList();
    }

    /** One rostered seat today: checked in (when), missing (the shift has begun), or still to come. */
    public record Duty(DutyRosters.ShiftView shift, @Nullable Instant checkedIn, java.time.LocalDateTime now) {

        public boolean present() {
            return checkedIn != null;
        }

        public boolean missing() {
            return checkedIn == null && shift.volunteerId() != null && !now.isBefore(shift.start().plusMinutes(15));
        }

        /** Someone is rostered and the shift has not begun (or only just). */
        public boolean expected() {
            return checkedIn == null && shift.volunteerId() != null && !missing();
        }

        public java.time.@Nullable LocalDateTime checkedInLocal() {
            return checkedIn == null ? null : checkedIn.atZone(ServiceHours.ZONE).toLocalDateTime();
        }
    }

    private Optional<Point> find(UUID id) {
        return jdbc.sql("""
                select c.id, c.community_id, p.name, c.secret, c.active
                from volunteer_checkin_point c join volunteer_post p on p.id = c.id where c.id = :id""")
                .param("id", id).query(this::point).optional();
    }

    private Point point(ResultSet rs, int n) throws SQLException {
        return new Point(rs.getObject("id", UUID.class), rs.getString("community_id"), rs.getString("name"),
                rs.getString("secret"), rs.getBoolean("active"));
    }

    private Stay stay(ResultSet rs, int n) throws SQLException {
        var out = rs.getTimestamp("checked_out_at");
        var minutes = rs.getObject("minutes") == null ? null : rs.getInt("minutes");
        return new Stay(rs.getObject("id", UUID.class), rs.getObject("point_id", UUID.class), rs.getString("point_name"),
                rs.getTimestamp("checked_in_at").toInstant(), out == null ? null : out.toInstant(), minutes,
                rs.getBoolean("capped"));
    }
}
