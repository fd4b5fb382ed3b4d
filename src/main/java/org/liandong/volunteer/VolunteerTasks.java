package org.liandong.volunteer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks for volunteers: staff (and later the care and supply modules) give a task to a volunteer or a team
 * of a community; the volunteer accepts or declines it with a reason and marks it done, with a note and
 * perhaps a photo. Publishes {@link VolunteerTaskAssigned}, {@link VolunteerTaskAccepted},
 * {@link VolunteerTaskDeclined} and {@link VolunteerTaskCompleted}.
 */
@Service
public class VolunteerTasks {

    public static final int MAX_TASK_MINUTES = 12 * 60;

    /** Who a task is for: one volunteer or a team (whose first member to accept takes it). */
    public record Assignee(@Nullable UUID volunteerId, @Nullable UUID teamId) {

        public Assignee {
            if ((volunteerId == null) == (teamId == null)) {
                throw new InvalidValueException("volunteer.task.assignee-required");
            }
        }

        public static Assignee volunteer(UUID id) {
            return new Assignee(id, null);
        }

        public static Assignee team(UUID id) {
            return new Assignee(null, id);
        }

        /** {@code v:<uuid>} or {@code t:<uuid>}, as the forms send it. */
        public static Assignee parse(@Nullable String code) {
            if (code == null || code.length() < 3 || code.charAt(1) != ':') {
                throw new InvalidValueException("volunteer.task.assignee-required");
            }
            UUID id;
            try {
                id = UUID.fromString(code.substring(2));
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("volunteer.task.assignee-required");
            }
            return switch (code.charAt(0)) {
                case 'v' -> volunteer(id);
                case 't' -> team(id);
                default -> throw new InvalidValueException("volunteer.task.assignee-required");
            };
        }
    }

    public record TaskView(UUID id, String communityId, TaskKind kind, String title, @Nullable String details,
                           @Nullable UUID volunteerId, @Nullable String volunteerName, @Nullable UUID teamId,
                           @Nullable String teamName, @Nullable Instant due, TaskStatus status, String createdBy,
                           Instant createdAt, @Nullable String declineReason, @Nullable String doneNote,
                           @Nullable Instant doneAt, boolean hasPhoto) {

        public java.time.@Nullable LocalDateTime dueLocal() {
            return due == null ? null : due.atZone(ServiceHours.ZONE).toLocalDateTime();
        }

        public java.time.LocalDateTime createdLocal() {
            return createdAt.atZone(ServiceHours.ZONE).toLocalDateTime();
        }

        public java.time.@Nullable LocalDateTime doneLocal() {
            return doneAt == null ? null : doneAt.atZone(ServiceHours.ZONE).toLocalDateTime();
        }

        public String assigneeName() {
            if (teamName != null && volunteerName != null) {
                return teamName + " · " + volunteerName;
            }
            return teamName != null ? teamName : volunteerName == null ? "" : volunteerName;
        }
    }

    public record TaskEvent(TaskStatus status, Instant at, String byName, @Nullable String note) {

        public java.time.LocalDateTime local() {
            return at.atZone(ServiceHours.ZONE).toLocalDateTime();
        }
    }

    public record Filter(@Nullable String communityId, @Nullable TaskStatus status, @Nullable TaskKind kind) {
    }

    private static final String SELECT = """
            select t.*, v.name as volunteer_name, tm.name as team_name,
                   (select count(*) from volunteer_task_photo p where p.task_id = t.id) as photos
            from volunteer_task t
            left join volunteer v on v.id = t.volunteer_id
            left join volunteer_team tm on tm.id = t.team_id
            """;

    private final JdbcClient jdbc;
    private final ServiceHours hours;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VolunteerTasks(JdbcClient jdbc, ServiceHours hours, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.hours = hours;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a task for a volunteer or a team of the community; the caller has checked the community. */
    @Transactional
    public UUID create(String communityId, TaskKind kind, String title, @Nullable String details, Assignee assignee,
                       @Nullable Instant due, String createdBy) {
        var cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty() || cleanTitle.length() > 100) {
            throw new InvalidValueException("volunteer.task.title-required");
        }
        var cleanDetails = blankToNull(details);
        if (cleanDetails != null && cleanDetails.length() > 1000) {
            throw new InvalidValueException("volunteer.task.details-too-long");
        }
        checkAssignee(communityId, assignee);
        var id = UUID.randomUUID();
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into volunteer_task (id, community_id, kind, title, details, volunteer_id, team_id, due, status,
                                            created_by, created_at, updated_at)
                values (:id, :c, :kind, :title, :details, :v, :t, :due, 'OPEN', :by, :now, :now)""")
                .param("id", id).param("c", communityId).param("kind", kind.name()).param("title", cleanTitle)
                .param("details", cleanDetails).param("v", assignee.volunteerId()).param("t", assignee.teamId())
                .param("due", due == null ? null : Timestamp.from(due)).param("by", createdBy).param("now", now)
                .update();
        event(id, TaskStatus.OPEN, createdBy, null);
        events.publishEvent(new VolunteerTaskAssigned(id, communityId, kind, cleanTitle, assignee.volunteerId(),
                assignee.teamId(), due, now.toInstant()));
        return id;
    }

    // ---- staff -------------------------------------------------------------------------------------------

    public List<TaskView> list(AccessScope scope, Filter filter, int limit) {
        var where = new ArrayList<String>();
        var sql = new StringBuilder(SELECT);
        if (filter.communityId() != null && !filter.communityId().isBlank()) {
            where.add("t.community_id = :c");
        } else if (!scope.everything()) {
            where.add("t.community_id in (:ids)");
        }
        if (filter.status() != null) {
            where.add("t.status = :status");
        }
        if (filter.kind() != null) {
            where.add("t.kind = :kind");
        }
        if (!where.isEmpty()) {
            sql.append(" where ").append(String.join(" and ", where));
        }
        sql.append(" order by t.created_at desc limit :limit");
        var spec = jdbc.sql(sql.toString()).param("limit", limit);
        if (filter.communityId() != null && !filter.communityId().isBlank()) {
            if (!scope.covers(filter.communityId())) {
                return List.of();
            }
            spec = spec.param("c", filter.communityId());
        } else if (!scope.everything()) {
            spec = spec.param("ids", scope.communityIds().isEmpty() ? List.of("-") : scope.communityIds());
        }
        if (filter.status() != null) {
            spec = spec.param("status", filter.status().name());
        }
        if (filter.kind() != null) {
            spec = spec.param("kind", filter.kind().name());
        }
        return spec.query(this::view).list();
    }

    public TaskView get(AccessScope scope, UUID id) {
        var task = find(id).orElseThrow(OutOfScopeException::new);
        scope.check(task.communityId());
        return task;
    }

    public List<TaskEvent> events(UUID taskId) {
        return jdbc.sql("select * from volunteer_task_event where task_id = :id order by at, id").param("id", taskId)
                .query((rs, n) -> new TaskEvent(TaskStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("at").toInstant(), rs.getString("by_name"), rs.getString("note"))).list();
    }

    /** Gives the task to someone else (typically after a decline); it is open again. */
    @Transactional
    public void reassign(LiandongUser staff, UUID id, Assignee assignee) {
        var task = get(staff.scope(), id);
        if (!task.status().open()) {
            throw new InvalidValueException("volunteer.task.wrong-status");
        }
        checkAssignee(task.communityId(), assignee);
        var changed = jdbc.sql("""
                update volunteer_task set volunteer_id = :v, team_id = :t, status = 'OPEN', decline_reason = null,
                       updated_at = :now
                where id = :id and status = :status""")
                .param("v", assignee.volunteerId()).param("t", assignee.teamId())
                .param("now", Timestamp.from(clock.instant())).param("id", id).param("status", task.status().name())
                .update();
        if (changed != 1) {
            throw new InvalidValueException("volunteer.task.changed-meanwhile");
        }
        event(id, TaskStatus.OPEN, staff.displayName(), null);
        events.publishEvent(new VolunteerTaskAssigned(id, task.communityId(), task.kind(), task.title(),
                assignee.volunteerId(), assignee.teamId(), task.due(), clock.instant()));
    }

    @Transactional
    public void cancel(LiandongUser staff, UUID id) {
        var task = get(staff.scope(), id);
        if (!task.status().open()) {
            throw new InvalidValueException("volunteer.task.wrong-status");
        }
        move(id, task.status(), TaskStatus.CANCELLED);
        event(id, TaskStatus.CANCELLED, staff.displayName(), null);
        events.publishEvent(new VolunteerTaskCancelled(id, task.communityId(), staff.displayName(), null,
                clock.instant()));
    }

    /**
     * Withdraws a task nobody has accepted yet, on behalf of the module that created it (e.g. care when the
     * volunteer did not answer in time); returns false when it was accepted, done or closed meanwhile.
     */
    @Transactional
    public boolean withdraw(UUID id, String byName, String reason) {
        var task = find(id).orElseThrow(OutOfScopeException::new);
        var changed = task.status() != TaskStatus.OPEN ? 0 : jdbc.sql(
                        "update volunteer_task set status = 'CANCELLED', updated_at = :now where id = :id and status = 'OPEN'")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        if (changed != 1) {
            return false;
        }
        event(id, TaskStatus.CANCELLED, byName, reason);
        events.publishEvent(new VolunteerTaskCancelled(id, task.communityId(), byName, reason, clock.instant()));
        return true;
    }

    public Optional<TaskPhoto> photo(AccessScope scope, UUID id) {
        get(scope, id);
        return jdbc.sql("select content_type, content from volunteer_task_photo where task_id = :id").param("id", id)
                .query((rs, n) -> new TaskPhoto(rs.getString(1), rs.getBytes(2))).optional();
    }

    // ---- the volunteer -----------------------------------------------------------------------------------

    /** The volunteer's own tasks and those of their teams that nobody has taken yet; newest first. */
    public List<TaskView> mine(UUID volunteerId) {
        return jdbc.sql(SELECT + """
                 where t.volunteer_id = :v
                    or (t.volunteer_id is null and t.team_id in
                        (select team_id from volunteer_team_member where volunteer_id = :v))
                 order by case t.status when 'OPEN' then 0 when 'ACCEPTED' then 1 else 2 end, t.due, t.created_at desc
                 limit 200""").param("v", volunteerId).query(this::view).list();
    }

    /** One of the volunteer's tasks; another volunteer's task is not found. */
    public TaskView mine(UUID volunteerId, UUID id) {
        var task = find(id).orElseThrow(OutOfScopeException::new);
        if (volunteerId.equals(task.volunteerId())) {
            return task;
        }
        if (task.volunteerId() == null && task.teamId() != null && member(volunteerId, task.teamId())) {
            return task;
        }
        throw new OutOfScopeException();
    }

    @Transactional
    public void accept(UUID volunteerId, String volunteerName, UUID id) {
        var task = mine(volunteerId, id);
        if (task.status() != TaskStatus.OPEN) {
            throw new InvalidValueException("volunteer.task.wrong-status");
        }
        take(id, volunteerId, TaskStatus.OPEN, TaskStatus.ACCEPTED, null);
        event(id, TaskStatus.ACCEPTED, volunteerName, null);
        events.publishEvent(new VolunteerTaskAccepted(id, volunteerId, task.communityId(), clock.instant()));
    }

    @Transactional
    public void decline(UUID volunteerId, String volunteerName, UUID id, @Nullable String reason) {
        var task = mine(volunteerId, id);
        if (task.status() != TaskStatus.OPEN && task.status() != TaskStatus.ACCEPTED) {
            throw new InvalidValueException("volunteer.task.wrong-status");
        }
        var why = blankToNull(reason);
        if (why == null) {
            throw new InvalidValueException("volunteer.task.decline-reason-required");
        }
        if (why.length() > 300) {
            throw new InvalidValueException("volunteer.task.reason-too-long");
        }
        take(id, volunteerId, task.status(), TaskStatus.DECLINED, why);
        event(id, TaskStatus.DECLINED, volunteerName, why);
        events.publishEvent(new VolunteerTaskDeclined(id, volunteerId, task.communityId(), why, clock.instant()));
    }

    @Transactional
    public void complete(UUID volunteerId, String volunteerName, UUID id, @Nullable String note, int minutes,
                         @Nullable TaskPhoto photo) {
        var task = mine(volunteerId, id);
        if (task.status() != TaskStatus.ACCEPTED) {
            throw new InvalidValueException("volunteer.task.wrong-status");
        }
        var cleanNote = blankToNull(note);
        if (cleanNote != null && cleanNote.length() > 1000) {
            throw new InvalidValueException("volunteer.task.note-too-long");
        }
        if (minutes < 0 || minutes > MAX_TASK_MINUTES) {
            throw new InvalidValueException("volunteer.task.minutes-range", MAX_TASK_MINUTES / 60);
        }
        var now = clock.instant();
        var changed = jdbc.sql("""
                update volunteer_task set status = 'DONE', done_note = :note, done_at = :now, updated_at = :now
                where id = :id and status = 'ACCEPTED' and volunteer_id = :v""")
                .param("note", cleanNote).param("now", Timestamp.from(now)).param("id", id).param("v", volunteerId)
                .update();
        if (changed != 1) {
            throw new InvalidValueException("volunteer.task.changed-meanwhile");
        }
        if (photo != null) {
            jdbc.sql("""
                    insert into volunteer_task_photo (task_id, content_type, content, uploaded_at)
                    values (:id, :type, :content, :now)""")
                    .param("id", id).param("type", photo.contentType()).param("content", photo.content())
                    .param("now", Timestamp.from(now)).update();
        }
        if (minutes > 0) {
            hours.record(volunteerId, task.communityId(), ServiceHours.Source.TASK, minutes, now, task.title(),
                    volunteerName, false, id, null);
        }
        event(id, TaskStatus.DONE, volunteerName, cleanNote);
        events.publishEvent(new VolunteerTaskCompleted(id, volunteerId, task.communityId(), task.kind(), now));
    }

    // ---- internals ---------------------------------------------------------------------------------------

    private void take(UUID id, UUID volunteerId, TaskStatus from, TaskStatus to, @Nullable String reason) {
        var changed = jdbc.sql("""
                update volunteer_task set status = :to, volunteer_id = :v, decline_reason = :reason, updated_at = :now
                where id = :id and status = :from""")
                .param("to", to.name()).param("v", volunteerId).param("reason", reason)
                .param("now", Timestamp.from(clock.instant())).param("id", id).param("from", from.name()).update();
        if (changed != 1) {
            throw new InvalidValueException("volunteer.task.changed-meanwhile");
        }
    }

    private void move(UUID id, TaskStatus from, TaskStatus to) {
        var changed = jdbc.sql("""
                update volunteer_task set status = :to, updated_at = :now where id = :id and status = :from""")
                .param("to", to.name()).param("now", Timestamp.from(clock.instant())).param("id", id)
                .param("from", from.name()).update();
        if (changed != 1) {
            throw new InvalidValueException("volunteer.task.changed-meanwhile");
        }
    }

    private void checkAssignee(String communityId, Assignee assignee) {
        boolean ok;
        if (assignee.volunteerId() != null) {
            ok = jdbc.sql("select count(*) from volunteer where id = :id and community_id = :c and active = true")
                    .param("id", assignee.volunteerId()).param("c", communityId).query(Integer.class).single() == 1;
        } else {
            ok = jdbc.sql("select count(*) from volunteer_team where id = :id and community_id = :c")
                    .param("id", assignee.teamId()).param("c", communityId).query(Integer.class).single() == 1;
        }
        if (!ok) {
            throw new InvalidValueException("volunteer.task.assignee-not-in-community");
        }
    }

    private boolean member(UUID volunteerId, UUID teamId) {
        return jdbc.sql("select count(*) from volunteer_team_member where team_id = :t and volunteer_id = :v")
                .param("t", teamId).param("v", volunteerId).query(Integer.class).single() > 0;
    }

    private Optional<TaskView> find(UUID id) {
        return jdbc.sql(SELECT + " where t.id = :id").param("id", id).query(this::view).optional();
    }

    private void event(UUID taskId, TaskStatus status, String by, @Nullable String note) {
        jdbc.sql("""
                insert into volunteer_task_event (id, task_id, status, at, by_name, note)
                values (:id, :task, :status, :at, :by, :note)""")
                .param("id", UUID.randomUUID()).param("task", taskId).param("status", status.name())
                .param("at", Timestamp.from(clock.instant())).param("by", by).param("note", note).update();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private TaskView view(ResultSet rs, int n) throws SQLException {
        var due = rs.getTimestamp("due");
        var doneAt = rs.getTimestamp("done_at");
        return new TaskView(rs.getObject("id", UUID.class), rs.getString("community_id"),
                TaskKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("details"),
                rs.getObject("volunteer_id", UUID.class), rs.getString("volunteer_name"),
                rs.getObject("team_id", UUID.class), rs.getString("team_name"), due == null ? null : due.toInstant(),
                TaskStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("decline_reason"), rs.getString("done_note"),
                doneAt == null ? null : doneAt.toInstant(), rs.getInt("photos") > 0);
    }
}
