package org.liandong.supply;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.liandong.platform.AuditLog;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.liandong.volunteer.TaskKind;
import org.liandong.volunteer.VolunteerTasks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deliveries to vulnerable households: the list per building group, a volunteer task that carries it, and the
 * confirmation of each delivery by the building-group leader, the volunteer's staff or staff themselves.
 */
@Service
public class Deliveries {

    private final JdbcClient jdbc;
    private final SupplyDesk desk;
    private final VolunteerTasks tasks;
    private final Ledger ledger;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Deliveries(JdbcClient jdbc, SupplyDesk desk, VolunteerTasks tasks, Ledger ledger, AuditLog audit,
               ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.desk = desk;
        this.tasks = tasks;
        this.ledger = ledger;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The round's delivery list in the person's scope, grouped by building group (addresses: audited). */
    public Map<String, List<Reservation>> list(LiandongUser viewer, UUID roundId) {
        var round = desk.round(viewer.scope(), roundId);
        var rows = jdbc.sql("""
                select * from supply_reservation where round_id = :r and status in ('TO_DELIVER', 'DELIVERED')
                order by community_id, building_group, address""").param("r", roundId).query(Reservation::map).list()
                .stream().filter(r -> viewer.scope().covers(r.communityId())).toList();
        var groups = new LinkedHashMap<String, List<Reservation>>();
        rows.forEach(r -> groups.computeIfAbsent(r.buildingGroup(), g -> new java.util.ArrayList<>()).add(r));
        audit.record(viewer, "supply.delivery-list", "supply_round", roundId.toString(), round.item(),
                round.communityId(), null);
        return groups;
    }

    /** The person at the door confirms it. A delivery confirmed twice, or not a delivery, is refused. */
    @Transactional
    public Reservation confirm(LiandongUser by, UUID reservationId) {
        var r = jdbc.sql("select * from supply_reservation where id = :id").param("id", reservationId)
                .query(Reservation::map).optional().orElseThrow(OutOfScopeException::new);
        by.scope().check(r.communityId());
        if (r.status() == Reservation.Status.DELIVERED) {
            throw new InvalidValueException("supply.delivery.already", SupplyRound.display(r.handedAt()));
        }
        if (r.status() != Reservation.Status.TO_DELIVER) {
            throw new InvalidValueException("supply.delivery.not-a-delivery");
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int changed = jdbc.sql("""
                update supply_reservation set status = 'DELIVERED', handed_at = :now, handed_by = :by
                where id = :id and status = 'TO_DELIVER'""")
                .param("now", Timestamp.from(now)).param("by", by.displayName()).param("id", r.id()).update();
        if (changed != 1) {
            throw new InvalidValueException("supply.delivery.already", "");
        }
        var round = desk.round(r.roundId()).orElseThrow();
        // public: the building group, never the flat
        ledger.append(new Ledger.NewEntry(round.streetId(), r.communityId(), LedgerEntry.Kind.DELIVERY, round.item(),
                r.quantity(), round.unit(), r.buildingGroup(), null, round.id().toString()), by.displayName());
        events.publishEvent(new DeliveryConfirmed(round.id(), r.id(), r.communityId(), now));
        return jdbc.sql("select * from supply_reservation where id = :id").param("id", r.id())
                .query(Reservation::map).single();
    }

    /**
     * Gives one building group's open deliveries to a volunteer or team as one task. Returns the task id; the
     * deliveries remember it.
     */
    @Transactional
    public UUID task(LiandongUser staff, UUID roundId, String buildingGroup, String assignee) {
        var round = desk.round(staff.scope(), roundId);
        var open = jdbc.sql("""
                select * from supply_reservation where round_id = :r and building_group = :g and status = 'TO_DELIVER'
                order by address""").param("r", roundId).param("g", buildingGroup).query(Reservation::map).list()
                .stream().filter(r -> staff.scope().covers(r.communityId())).toList();
        if (open.isEmpty()) {
            throw new InvalidValueException("supply.delivery.nothing-open");
        }
        var community = open.get(0).communityId();
        var details = new StringBuilder();
        for (var r : open) {
            details.append(r.address()).append(" · ").append(r.quantity()).append(' ').append(round.unit()).append('\n');
        }
        var title = round.item() + " · " + buildingGroup + " (" + open.size() + ")";
        UUID taskId = tasks.create(community, TaskKind.DELIVER, title.length() > 100 ? title.substring(0, 100) : title,
                truncate(details.toString().strip(), 1000), VolunteerTasks.Assignee.parse(assignee), round.closesAt(),
                staff.displayName());
        for (var r : open) {
            jdbc.sql("update supply_reservation set delivery_task_id = :t where id = :id").param("t", taskId)
                    .param("id", r.id()).update();
        }
        return taskId;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
