package org.liandong.care.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.care.HelpKind;
import org.liandong.care.HelpRequestCompleted;
import org.liandong.care.HelpRequestStatus;
import org.liandong.care.HelpRequestSubmitted;
import org.liandong.care.Urgency;
import org.liandong.care.alert.AlertKind;
import org.liandong.care.alert.CareAlerts;
import org.liandong.care.alert.CareSettings;
import org.liandong.community.Places;
import org.liandong.community.Registry;
import org.liandong.community.VulnerabilityKind;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.OutOfScopeException;
import org.liandong.platform.Role;
import org.liandong.volunteer.ServiceHours;
import org.liandong.volunteer.VolunteerDirectory;
import org.liandong.volunteer.VolunteerTasks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Help requests from filing to done. A resident files for their own household, a building-group leader or
 * staff member for any household in their scope; a client token makes a double submit from a flaky phone
 * one request. Staff triage and assign; assigning creates a volunteer task, whose events move the request on.
 */
@Service
public class HelpRequests {

    /** What the form sends. Staff and leaders name the household by building and room. */
    public record NewRequest(@Nullable String communityId, @Nullable String building, @Nullable String room,
                             @Nullable String kind, @Nullable String urgency, @Nullable String details,
                             @Nullable String contact, @Nullable String clientToken) {
    }

    public record Request(UUID id, String communityId, UUID householdId, String buildingGroup, @Nullable String grid,
                          String address, HelpKind kind, Urgency urgency, String details, @Nullable String contact,
                          int vulnerability, HelpRequestStatus status, UUID filedBy, String filedByName,
                          boolean onBehalf, Instant createdAt, Instant targetAt, @Nullable Instant triagedAt,
                          @Nullable Instant assignedAt, @Nullable Instant startedAt, @Nullable Instant doneAt,
                          @Nullable Instant cancelledAt, @Nullable Instant escalatedAt, @Nullable UUID volunteerId,
                          @Nullable String volunteerName, @Nullable UUID taskId, @Nullable Integer rating,
                          @Nullable String thanks) {

        /** Triage order: urgency, the household's vulnerability, and how long it has waited against its target. */
        public int priority(Instant now) {
            var waited = Duration.between(createdAt, now).toMinutes();
            var target = Math.max(1, urgency.target().toMinutes());
            var waiting = (int) Math.min(60, 30 * waited / target);
            return urgency.weight() + vulnerability + waiting;
        }

        public boolean overdue(Instant now) {
            return !status.closed() && now.isAfter(targetAt);
        }

        public LocalDateTime createdLocal() {
            return local(createdAt);
        }

        public LocalDateTime targetLocal() {
            return local(targetAt);
        }

        public List<Step> steps() {
            return java.util.stream.Stream.of(new Step(HelpRequestStatus.NEW, createdAt),
                            new Step(HelpRequestStatus.TRIAGED, triagedAt), new Step(HelpRequestStatus.ASSIGNED, assignedAt),
                            new Step(HelpRequestStatus.IN_PROGRESS, startedAt), new Step(HelpRequestStatus.DONE, doneAt),
                            new Step(HelpRequestStatus.ESCALATED, escalatedAt),
                            new Step(HelpRequestStatus.CANCELLED, cancelledAt))
                    .toList();
        }
    }

    /** One step of the progress a resident sees; {@code at} is null while it has not happened. */
    public record Step(HelpRequestStatus status, @Nullable Instant at) {
        public @Nullable LocalDateTime local() {
            return at == null ? null : HelpRequests.local(at);
        }
    }

    public record Event(HelpRequestStatus status, Instant at, String byName, @Nullable String note) {
        public LocalDateTime local() {
            return HelpRequests.local(at);
        }
    }

    public record QueueItem(Request request, int priority, boolean overdue) {
    }

    static final int VULNERABILITY_CAP = 45;

    private final JdbcClient jdbc;
    private final Registry registry;
    private final Places places;
    private final VolunteerTasks tasks;
    private final VolunteerDirectory volunteers;
    private final CareAlerts alerts;
    private final CareSettings settings;
    private final LocalisedText text;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HelpRequests(JdbcClient jdbc, Registry registry, Places places, VolunteerTasks tasks, VolunteerDirectory volunteers,
                 CareAlerts alerts, CareSettings settings, LocalisedText text, ApplicationEventPublisher events,
                 Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.places = places;
        this.tasks = tasks;
        this.volunteers = volunteers;
        this.alerts = alerts;
        this.settings = settings;
        this.text = text;
        this.events = events;
        this.clock = clock;
    }

    // ---- filing ------------------------------------------------------------------------------------------

    /** Files a request and returns its id; the same client token from the same person returns the first one. */
    @Transactional
    public UUID file(LiandongUser me, NewRequest form) {
        var token = blankToNull(form.clientToken());
        if (token != null && token.length() > 64) {
            throw new InvalidValueException("care.request.bad-token");
        }
        if (token != null) {
            var existing = byToken(me.userId(), token);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        var householdId = householdFor(me, form);
        var kind = HelpKind.fromCode(nonNull(form.kind())).orElseThrow(() -> new InvalidValueException("care.request.kind-required"));
        var urgency = Urgency.fromCode(nonNull(form.urgency())).orElse(Urgency.NORMAL);
        var details = blankToNull(form.details());
        if (details == null) {
            throw new InvalidValueException("care.request.details-required");
        }
        if (details.length() > 1000) {
            throw new InvalidValueException("care.request.details-too-long");
        }
        var contact = blankToNull(form.contact());
        if (contact != null && contact.length() > 100) {
            throw new InvalidValueException("care.request.contact-too-long");
        }
        var household = registry.household(AccessScope.all(), householdId);
        var grid = places.buildings(household.communityId()).stream()
                .filter(b -> b.name().equals(household.building())).map(Places.BuildingView::grid).findFirst()
                .orElse(null);
        var id = UUID.randomUUID();
        var now = clock.instant();
        var onBehalf = me.role() != Role.RESIDENT;
        try {
            jdbc.sql("""
                    insert into care_help_request (id, community_id, household_id, building_group, grid, address, kind,
                        urgency, details, contact, vulnerability, status, client_token, filed_by, filed_by_name, on_behalf,
                        created_at, target_at)
                    values (:id, :c, :h, :bg, :grid, :addr, :kind, :urgency, :details, :contact, :vuln, 'NEW', :token,
                        :by, :byName, :onBehalf, :now, :target)""")
                    .param("id", id).param("c", household.communityId()).param("h", householdId)
                    .param("bg", household.buildingGroup()).param("grid", grid)
                    .param("addr", household.building() + " " + household.room()).param("kind", kind.name())
                    .param("urgency", urgency.name()).param("details", details).param("contact", contact)
                    .param("vuln", vulnerability(household)).param("token", token).param("by", me.userId())
                    .param("byName", me.displayName()).param("onBehalf", onBehalf).param("now", Timestamp.from(now))
                    .param("target", Timestamp.from(now.plus(urgency.target()))).update();
        } catch (DuplicateKeyException e) {
            // the same token arrived twice at once: the other submit won
            return byToken(me.userId(), nonNull(token)).orElseThrow(() -> e);
        }
        event(id, HelpRequestStatus.NEW, me.displayName(), null, now);
        events.publishEvent(new HelpRequestSubmitted(id, household.communityId(), kind, urgency, now));
        return id;
    }

    private UUID householdFor(LiandongUser me, NewRequest form) {
        if (me.role() == Role.RESIDENT) {
            return me.householdId().orElseThrow(() -> new InvalidValueException("care.request.no-household"));
        }
        if (me.role() != Role.BUILDING_GROUP_LEADER && !me.role().staff()) {
            throw new OutOfScopeException();
        }
        var community = blankToNull(form.communityId());
        if (community == null) {
            throw new InvalidValueException("care.request.community-required");
        }
        me.scope().check(community);
        var building = blankToNull(form.building());
        var room = blankToNull(form.room());
        if (building == null || room == null) {
            throw new InvalidValueException("care.request.address-required");
        }
        return registry.findHousehold(community, building, room)
                .orElseThrow(() -> new InvalidValueException("care.request.household-not-found", building, room));
    }

    /** Each vulnerable member weighs in the triage order (elderly alone and disabled most), capped. */
    static int vulnerability(Registry.HouseholdView household) {
        var sum = 0;
        for (var member : household.members()) {
            for (var tag : member.tags()) {
                sum += tag == VulnerabilityKind.ELDERLY_ALONE || tag == VulnerabilityKind.DISABILITY ? 20 : 10;
            }
        }
        return Math.min(VULNERABILITY_CAP, sum);
    }

    private Optional<UUID> byToken(UUID userId, String token) {
        return jdbc.sql("select id from care_help_request where filed_by = :u and client_token = :t")
                .param("u", userId).param("t", token).query(UUID.class).optional();
    }

    // ---- reading -----------------------------------------------------------------------------------------

    /** The triage queue: requests waiting for someone, highest priority first. */
    public List<QueueItem> queue(AccessScope scope, @Nullable String communityId) {
        var now = clock.instant();
        var sql = new StringBuilder("select * from care_help_request where status in ('NEW', 'TRIAGED', 'ESCALATED')");
        var spec = scoped(sql, scope, communityId);
        if (spec == null) {
            return List.of();
        }
        return spec.query(this::request).list().stream()
                .map(r -> new QueueItem(r, r.priority(now), r.overdue(now)))
                .sorted(Comparator.comparingInt(QueueItem::priority).reversed()
                        .thenComparing(q -> q.request().createdAt()))
                .toList();
    }

    /** Requests that are with a volunteer or closed recently, newest first. */
    public List<Request> recent(AccessScope scope, @Nullable String communityId, int limit) {
        var sql = new StringBuilder("select * from care_help_request where status not in ('NEW', 'TRIAGED', 'ESCALATED')");
        var spec = scoped(sql, scope, communityId);
        if (spec == null) {
            return List.of();
        }
        return spec.query(this::request).list().stream()
                .sorted(Comparator.comparing(Request::createdAt).reversed()).limit(limit).toList();
    }

    private JdbcClient.@Nullable StatementSpec scoped(StringBuilder sql, AccessScope scope, @Nullable String communityId) {
        if (communityId != null && !communityId.isBlank()) {
            if (!scope.covers(communityId)) {
                return null;
            }
            return jdbc.sql(sql.append(" and community_id = :c limit 2000").toString()).param("c", communityId);
        }
        if (scope.everything()) {
            return jdbc.sql(sql.append(" limit 2000").toString());
        }
        if (scope.communityIds().isEmpty()) {
            return null;
        }
        return jdbc.sql(sql.append(" and community_id in (:ids) limit 2000").toString())
                .param("ids", scope.communityIds());
    }

    /** The requests of the resident's household (filed by them or for them), newest first. */
    public List<Request> mine(LiandongUser me) {
        var household = me.householdId().orElse(null);
        return jdbc.sql("""
                select * from care_help_request where filed_by = :u or household_id = :h
                order by created_at desc limit 100""")
                .param("u", me.userId()).param("h", household).query(this::request).list();
    }

    /** The requests of a household (a tier 3 family's material needs), newest first. */
    public List<Request> ofHousehold(UUID householdId) {
        return jdbc.sql("select * from care_help_request where household_id = :h order by created_at desc limit 100")
                .param("h", householdId).query(this::request).list();
    }

    /** One request for whoever may see it: staff and leaders in scope, the household that asked. */
    public Request get(LiandongUser me, UUID id) {
        var request = find(id).orElseThrow(OutOfScopeException::new);
        if (me.role().staff() || me.role() == Role.BUILDING_GROUP_LEADER) {
            me.scope().check(request.communityId());
            return request;
        }
        if (request.filedBy().equals(me.userId()) || me.householdId().map(request.householdId()::equals).orElse(false)) {
            return request;
        }
        throw new OutOfScopeException();
    }

    public Optional<Request> find(UUID id) {
        return jdbc.sql("select * from care_help_request where id = :id").param("id", id).query(this::request)
                .optional();
    }

    public List<Event> history(UUID id) {
        return jdbc.sql("select * from care_help_request_event where request_id = :id order by at, id").param("id", id)
                .query((rs, n) -> new Event(HelpRequestStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("at").toInstant(), rs.getString("by_name"), rs.getString("note"))).list();
    }

    // ---- staff -------------------------------------------------------------------------------------------

    @Transactional
    public void triage(LiandongUser staff, UUID id, @Nullable String urgencyCode) {
        var request = staffGet(staff, id);
        var urgency = urgencyCode == null || urgencyCode.isBlank() ? request.urgency()
                : Urgency.fromCode(urgencyCode).orElseThrow(() -> new InvalidValueException("care.request.urgency-unknown"));
        if (request.status() != HelpRequestStatus.NEW && request.status() != HelpRequestStatus.TRIAGED
                && request.status() != HelpRequestStatus.ESCALATED) {
            throw new InvalidValueException("care.request.wrong-status");
        }
        var now = clock.instant();
        var changed = jdbc.sql("""
                update care_help_request set status = 'TRIAGED', urgency = :u, target_at = :target,
                       triaged_at = coalesce(triaged_at, :now)
                where id = :id and status = :from""")
                .param("u", urgency.name()).param("target", Timestamp.from(request.createdAt().plus(urgency.target())))
                .param("now", Timestamp.from(now)).param("id", id).param("from", request.status().name()).update();
        checkChanged(changed);
        event(id, HelpRequestStatus.TRIAGED, staff.displayName(), text.of(urgency.messageKey()), now);
    }

    /** One click: a task for the volunteer in the volunteer module, and the request is assigned. */
    @Transactional
    public UUID assign(LiandongUser staff, UUID id, UUID volunteerId) {
        var request = staffGet(staff, id);
        if (!request.status().waiting()) {
            throw new InvalidValueException("care.request.wrong-status");
        }
        var volunteer = volunteers.byId(volunteerId).filter(v -> v.active() && v.communityId().equals(request.communityId()))
                .orElseThrow(() -> new InvalidValueException("care.request.volunteer-not-in-community"));
        var title = text.of("care.request.task-title", text.of(request.kind().messageKey()), request.address());
        var details = request.details() + (request.contact() == null ? ""
                : "\n" + text.of("care.request.task-contact", request.contact()));
        var taskId = tasks.create(request.communityId(), request.kind().taskKind(), title.length() > 100
                ? title.substring(0, 100) : title, details.length() > 1000 ? details.substring(0, 1000) : details,
                VolunteerTasks.Assignee.volunteer(volunteerId), request.targetAt(), staff.displayName());
        var now = clock.instant();
        var changed = jdbc.sql("""
                update care_help_request set status = 'ASSIGNED', assigned_at = :now, triaged_at = coalesce(triaged_at, :now),
                       volunteer_id = :v, volunteer_name = :vn, task_id = :t, previous_task_id = null
                where id = :id and status = :from""")
                .param("now", Timestamp.from(now)).param("v", volunteerId).param("vn", volunteer.name())
                .param("t", taskId).param("id", id).param("from", request.status().name()).update();
        checkChanged(changed);
        alerts.closeAbout(id, AlertKind.REQUEST_OVERDUE, staff.displayName(), volunteer.name(), now);
        event(id, HelpRequestStatus.ASSIGNED, staff.displayName(), volunteer.name(), now);
        return taskId;
    }

    @Transactional
    public void escalate(LiandongUser staff, UUID id, @Nullable String note) {
        var request = staffGet(staff, id);
        if (!request.status().waiting() || request.status() == HelpRequestStatus.ESCALATED) {
            throw new InvalidValueException("care.request.wrong-status");
        }
        var now = clock.instant();
        checkChanged(jdbc.sql("""
                update care_help_request set status = 'ESCALATED', escalated_at = :now where id = :id and status = :from""")
                .param("now", Timestamp.from(now)).param("id", id).param("from", request.status().name()).update());
        event(id, HelpRequestStatus.ESCALATED, staff.displayName(), clip(note), now);
    }

    /** Staff cancel any request that is not done; a task already given is cancelled with it. */
    @Transactional
    public void cancel(LiandongUser me, UUID id, @Nullable String reason) {
        var request = get(me, id);
        if (request.status().closed()) {
            throw new InvalidValueException("care.request.wrong-status");
        }
        var staff = me.role().staff();
        if (!staff && !request.status().waiting()) {
            // a volunteer is already on the way: the resident calls the committee, which cancels the task too
            throw new InvalidValueException("care.request.cancel-call-staff");
        }
        if (request.taskId() != null && staff) {
            try {
                tasks.cancel(me, request.taskId());
            } catch (InvalidValueException alreadyClosed) {
                // the task was declined or finished meanwhile; the request is cancelled all the same
            }
        }
        var now = clock.instant();
        checkChanged(jdbc.sql("""
                update care_help_request set status = 'CANCELLED', cancelled_at = :now where id = :id and status = :from""")
                .param("now", Timestamp.from(now)).param("id", id).param("from", request.status().name()).update());
        alerts.closeAbout(id, null, me.displayName(), "cancelled", now);
        event(id, HelpRequestStatus.CANCELLED, me.displayName(), clip(reason), now);
    }

    /** The household thanks the helper and rates the help, once, after it is done. */
    @Transactional
    public void rate(LiandongUser me, UUID id, int rating, @Nullable String thanks) {
        var request = get(me, id);
        if (request.status() != HelpRequestStatus.DONE) {
            throw new InvalidValueException("care.request.rate-not-done");
        }
        if (rating < 1 || rating > 5) {
            throw new InvalidValueException("care.request.rating-range");
        }
        var note = blankToNull(thanks);
        if (note != null && note.length() > 300) {
            throw new InvalidValueException("care.request.thanks-too-long");
        }
        var changed = jdbc.sql("""
                update care_help_request set rating = :r, thanks = :t, rated_at = :now where id = :id and rating is null""")
                .param("r", rating).param("t", note).param("now", Timestamp.from(clock.instant())).param("id", id)
                .update();
        if (changed != 1) {
            throw new InvalidValueException("care.request.already-rated");
        }
    }

    private Request staffGet(LiandongUser staff, UUID id) {
        if (!staff.role().staff()) {
            throw new OutOfScopeException();
        }
        return get(staff, id);
    }

    // ---- following the volunteer task --------------------------------------------------------------------

    /** The task was accepted: the request is in progress (a team's task names the member who took it). */
    @Transactional
    public void taskAccepted(UUID taskId, UUID volunteerId, Instant at) {
        forTask(taskId).ifPresent(r -> {
            var name = r.volunteerId() != null ? r.volunteerName()
                    : volunteers.byId(volunteerId).map(VolunteerDirectory.VolunteerView::name).orElse(null);
            var changed = jdbc.sql("""
                    update care_help_request set status = 'IN_PROGRESS', started_at = :at,
                           volunteer_id = coalesce(volunteer_id, :v), volunteer_name = coalesce(volunteer_name, :vn)
                    where id = :id and status = 'ASSIGNED' and task_id = :t""")
                    .param("at", Timestamp.from(at)).param("v", volunteerId).param("vn", name).param("id", r.id())
                    .param("t", taskId).update();
            if (changed == 1) {
                event(r.id(), HelpRequestStatus.IN_PROGRESS, nonNull(name), null, at);
            }
        });
    }

    /**
     * Staff gave the request's task to someone else on the volunteer pages — while it was still with the first
     * volunteer, or after that volunteer declined and the request went back to the queue: the request follows the
     * task (assigned to the new volunteer, the acceptance clock restarted, "reassigned to …" in its history).
     * Care's own assignment and a second delivery of the same event change nothing.
     */
    @Transactional
    public void taskReassigned(UUID taskId, @Nullable UUID volunteerId, Instant at) {
        var found = jdbc.sql("""
                select * from care_help_request where task_id = :t or (task_id is null and previous_task_id = :t)""")
                .param("t", taskId).query(this::request).list();
        if (found.size() != 1) {
            return;
        }
        var r = found.getFirst();
        var following = taskId.equals(r.taskId());
        if (following && (java.util.Objects.equals(volunteerId, r.volunteerId())
                || r.assignedAt() != null && !at.isAfter(r.assignedAt()))) {
            return; // already with this volunteer, or an older assignment delivered late
        }
        if (following ? r.status() != HelpRequestStatus.ASSIGNED && r.status() != HelpRequestStatus.IN_PROGRESS
                : !r.status().waiting()) {
            return;
        }
        if (!following) {
            // back in the queue: only an assignment made after that counts. Listeners run in parallel, so the
            // task's first assignment (the one its volunteer then declined) can arrive after the decline.
            var requeued = jdbc.sql("select max(at) from care_help_request_event where request_id = :r")
                    .param("r", r.id()).query(Timestamp.class).optional();
            if (requeued.isPresent() && !at.isAfter(requeued.get().toInstant())) {
                return;
            }
        }
        var name = volunteerId == null ? null
                : volunteers.byId(volunteerId).map(VolunteerDirectory.VolunteerView::name).orElse(null);
        var changed = jdbc.sql("""
                update care_help_request set status = 'ASSIGNED', assigned_at = :at, started_at = null,
                       triaged_at = coalesce(triaged_at, :at), volunteer_id = :v, volunteer_name = :vn, task_id = :t,
                       previous_task_id = null
                where id = :id and status = :from and (task_id = :t or (task_id is null and previous_task_id = :t))""")
                .param("at", Timestamp.from(at)).param("v", volunteerId).param("vn", name).param("t", taskId)
                .param("id", r.id()).param("from", r.status().name()).update();
        if (changed == 1) {
            alerts.closeAbout(r.id(), AlertKind.REQUEST_OVERDUE, "system", name == null ? "" : name, at);
            event(r.id(), HelpRequestStatus.ASSIGNED, "system", name == null
                    ? systemText("care.request.task-reassigned-team") : systemText("care.request.task-reassigned", name),
                    at);
        }
    }

    /** A declined task puts the request back in the queue, triaged, with the reason in its history. */
    @Transactional
    public void taskDeclined(UUID taskId, String reason, Instant at) {
        forTask(taskId).ifPresent(r -> requeue(r, taskId, nonNull(r.volunteerName()), reason, at));
    }

    /** A task cancelled on the volunteer side (or withdrawn) puts the request back in the queue as well. */
    @Transactional
    public void taskCancelled(UUID taskId, String byName, @Nullable String reason, Instant at) {
        forTask(taskId).ifPresent(r -> requeue(r, taskId, byName,
                systemText("care.request.task-cancelled", reason == null ? "" : reason), at));
    }

    /**
     * Tasks nobody accepted within {@code liandong.care.task-accept-within} of being given are withdrawn from the
     * volunteer and their requests go back in the queue; returns how many.
     */
    @Transactional
    public int timeOutUnaccepted(Instant now) {
        var stale = jdbc.sql("select * from care_help_request where status = 'ASSIGNED' and assigned_at < :limit")
                .param("limit", Timestamp.from(now.minus(settings.taskAcceptWithin()))).query(this::request).list();
        var n = 0;
        for (var r : stale) {
            var taskId = r.taskId();
            var note = systemText("care.request.task-timed-out", nonNull(r.volunteerName()),
                    settings.taskAcceptWithin().toMinutes());
            if (taskId != null && tasks.withdraw(taskId, "system", note) && requeue(r, taskId, "system", note, now)) {
                n++;
            }
        }
        return n;
    }

    /** Notes written outside a person's request (listeners, the watch) are in the product's language. */
    private String systemText(String key, Object... args) {
        var previous = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        try {
            return text.of(key, args);
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.setLocale(previous);
        }
    }

    private boolean requeue(Request r, UUID taskId, String byName, String note, Instant at) {
        var changed = jdbc.sql("""
                update care_help_request set status = 'TRIAGED', volunteer_id = null, volunteer_name = null,
                       task_id = null, previous_task_id = :t, assigned_at = null, started_at = null
                where id = :id and status in ('ASSIGNED', 'IN_PROGRESS') and task_id = :t""")
                .param("id", r.id()).param("t", taskId).update();
        if (changed == 1) {
            event(r.id(), HelpRequestStatus.TRIAGED, byName, note.length() > 300 ? note.substring(0, 300) : note, at);
        }
        return changed == 1;
    }

    @Transactional
    public void taskCompleted(UUID taskId, Instant at) {
        forTask(taskId).ifPresent(r -> {
            var changed = jdbc.sql("""
                    update care_help_request set status = 'DONE', done_at = :at, started_at = coalesce(started_at, :at)
                    where id = :id and status in ('ASSIGNED', 'IN_PROGRESS') and task_id = :t""")
                    .param("at", Timestamp.from(at)).param("id", r.id()).param("t", taskId).update();
            if (changed == 1) {
                event(r.id(), HelpRequestStatus.DONE, nonNull(r.volunteerName()), null, at);
                events.publishEvent(new HelpRequestCompleted(r.id(), r.communityId(), r.kind(), r.createdAt(), at));
            }
        });
    }

    private Optional<Request> forTask(UUID taskId) {
        return jdbc.sql("select * from care_help_request where task_id = :t").param("t", taskId).query(this::request)
                .optional();
    }

    /** Requests still waiting past their target time are escalated and raise an alert; returns how many. */
    @Transactional
    public int escalateOverdue(Instant now) {
        var overdue = jdbc.sql("""
                select * from care_help_request where status in ('NEW', 'TRIAGED') and target_at < :now""")
                .param("now", Timestamp.from(now)).query(this::request).list();
        var n = 0;
        for (var r : overdue) {
            var changed = jdbc.sql("""
                    update care_help_request set status = 'ESCALATED', escalated_at = :now where id = :id and status = :from""")
                    .param("now", Timestamp.from(now)).param("id", r.id()).param("from", r.status().name()).update();
            if (changed == 1) {
                n++;
                event(r.id(), HelpRequestStatus.ESCALATED, "system", null, now);
                alerts.raise(new CareAlerts.NewAlert(r.communityId(), AlertKind.REQUEST_OVERDUE, "help_request", r.id(),
                        null, null, r.address(), "request-overdue:" + r.id(), null, settings.alertActWithin()), now);
            }
        }
        return n;
    }

    /** Average rating and count per volunteer, for matching. */
    public java.util.Map<UUID, double[]> ratings(String communityId) {
        var map = new java.util.HashMap<UUID, double[]>();
        jdbc.sql("""
                select volunteer_id, avg(cast(rating as double precision)) r, count(*) n from care_help_request
                where community_id = :c and rating is not null and volunteer_id is not null group by volunteer_id""")
                .param("c", communityId)
                .query((rs, i) -> map.put(rs.getObject(1, UUID.class), new double[] {rs.getDouble(2), rs.getInt(3)}))
                .list();
        return map;
    }

    // ---- internals ---------------------------------------------------------------------------------------

    private void event(UUID id, HelpRequestStatus status, String by, @Nullable String note, Instant at) {
        jdbc.sql("""
                insert into care_help_request_event (id, request_id, status, at, by_name, note)
                values (:id, :r, :s, :at, :by, :note)""")
                .param("id", UUID.randomUUID()).param("r", id).param("s", status.name()).param("at", Timestamp.from(at))
                .param("by", by.length() > 100 ? by.substring(0, 100) : by).param("note", note).update();
    }

    private static void checkChanged(int changed) {
        if (changed != 1) {
            throw new InvalidValueException("care.request.changed-meanwhile");
        }
    }

    static LocalDateTime local(Instant at) {
        return at.atZone(ServiceHours.ZONE).toLocalDateTime();
    }

    private static @Nullable String clip(@Nullable String s) {
        var t = blankToNull(s);
        if (t != null && t.length() > 300) {
            throw new InvalidValueException("care.request.note-too-long");
        }
        return t;
    }

    private static String nonNull(@Nullable String s) {
        return s == null ? "" : s;
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Request request(ResultSet rs, int n) throws SQLException {
        var rating = rs.getObject("rating");
        return new Request(rs.getObject("id", UUID.class), rs.getString("community_id"),
                rs.getObject("household_id", UUID.class), rs.getString("building_group"), rs.getString("grid"),
                rs.getString("address"), HelpKind.valueOf(rs.getString("kind")), Urgency.valueOf(rs.getString("urgency")),
                rs.getString("details"), rs.getString("contact"), rs.getInt("vulnerability"),
                HelpRequestStatus.valueOf(rs.getString("status")), rs.getObject("filed_by", UUID.class),
                rs.getString("filed_by_name"), rs.getBoolean("on_behalf"), at(rs, "created_at"), at(rs, "target_at"),
                at(rs, "triaged_at"), at(rs, "assigned_at"), at(rs, "started_at"), at(rs, "done_at"),
                at(rs, "cancelled_at"), at(rs, "escalated_at"), rs.getObject("volunteer_id", UUID.class),
                rs.getString("volunteer_name"), rs.getObject("task_id", UUID.class),
                rating == null ? null : ((Number) rating).intValue(), rs.getString("thanks"));
    }

    private static @Nullable Instant at(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
