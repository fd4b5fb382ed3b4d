package org.liandong.supply.groupbuy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.platform.AccessScope;
import org.liandong.platform.AuditLog;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.supply.Ledger;
import org.liandong.supply.LedgerEntry;
import org.liandong.supply.SupplyRound;
import org.liandong.volunteer.TaskKind;
import org.liandong.volunteer.VolunteerTasks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a group order closes: the supplier's delivery at the gate (shortfalls go to the households that ordered
 * last), the distribution checklist per building group, volunteer tasks for vulnerable households (ticked when the
 * volunteer marks the task done), and payments as offline references.
 */
@Service
public class GroupDistribution {

    private final JdbcClient jdbc;
    private final GroupBuying buying;
    private final VolunteerTasks tasks;
    private final Ledger ledger;
    private final Places places;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    GroupDistribution(JdbcClient jdbc, GroupBuying buying, VolunteerTasks tasks, Ledger ledger, Places places,
                      AuditLog audit, ApplicationEventPublisher events, PlatformTransactionManager transactions,
                      Clock clock) {
        this.jdbc = jdbc;
        this.buying = buying;
        this.tasks = tasks;
        this.ledger = ledger;
        this.places = places;
        this.audit = audit;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    // ---- the gate ----------------------------------------------------------------------------------------

    /**
     * Records what the supplier delivered, by pack id as typed. Where less arrived than was ordered, the households
     * that ordered first get theirs first. A donated free distribution is written to the ledger as allocations out.
     */
    public GroupOrder recordDelivery(LiandongUser by, UUID orderId, Map<String, String> typed) {
        var order = buying.managed(by, orderId);
        switch (order.status()) {
            case OPEN -> throw new InvalidValueException("groupbuy.delivery.error.still-open");
            case DELIVERED -> throw new InvalidValueException("groupbuy.delivery.error.already",
                    SupplyRound.display(order.deliveredAt()));
            case CLOSED -> { }
        }
        var totals = buying.packTotals(orderId);
        var received = new LinkedHashMap<Pack, Integer>();
        var ordered = new HashMap<UUID, Integer>();
        totals.forEach(t -> ordered.put(t.pack().id(), t.ordered()));
        for (var t : totals) {
            var value = typed.get(t.pack().id().toString());
            if (GroupBuying.isBlank(value)) {
                throw new InvalidValueException("groupbuy.delivery.error.quantity", t.pack().name(), t.ordered());
            }
            received.put(t.pack(), GroupBuying.wholeNumber(value, t.ordered(), "groupbuy.delivery.error.quantity",
                    t.pack().name(), t.ordered()));
        }
        if (typed.keySet().stream().anyMatch(k -> totals.stream().noneMatch(t -> t.pack().id().toString().equals(k)))) {
            throw new InvalidValueException("groupbuy.order.error.not-on-menu");
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        tx.executeWithoutResult(s -> {
            int changed = jdbc.sql("""
                    update supply_group_order set status = 'DELIVERED', delivered_at = :now, delivered_by = :by
                    where id = :id and status = 'CLOSED'""")
                    .param("now", Timestamp.from(now)).param("by", by.displayName()).param("id", orderId).update();
            if (changed != 1) {
                throw new InvalidValueException("groupbuy.delivery.error.already", "");
            }
            int in = 0;
            int shortfall = 0;
            for (var r : received.entrySet()) {
                share(r.getKey(), r.getValue());
                in += r.getValue();
                shortfall += ordered.get(r.getKey().id()) - r.getValue();
            }
            if (order.free() && order.donor() != null) {
                toLedger(by, order, received);
            }
            events.publishEvent(new GroupOrderDelivered(orderId, order.communityId(), in, shortfall, now));
        });
        return buying.order(orderId).orElseThrow();
    }

    /** First ordered, first served: each household's line gets what is left, up to what it ordered. */
    private void share(Pack pack, int received) {
        jdbc.sql("update supply_group_pack set received = :q where id = :id").param("q", received)
                .param("id", pack.id()).update();
        var lines = jdbc.sql("""
                select l.household_order_id, l.quantity from supply_group_line l
                join supply_group_household h on h.id = l.household_order_id
                where l.pack_id = :p order by h.placed_at, h.id""").param("p", pack.id())
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getInt(2)}).list();
        int left = received;
        for (var line : lines) {
            int gets = Math.min(left, (Integer) line[1]);
            left -= gets;
            jdbc.sql("update supply_group_line set delivered = :d where household_order_id = :h and pack_id = :p")
                    .param("d", gets).param("h", line[0]).param("p", pack.id()).update();
        }
    }

    private void toLedger(LiandongUser by, GroupOrder order, Map<Pack, Integer> received) {
        var community = places.community(order.communityId()).map(Places.CommunityView::name)
                .orElse(order.communityId());
        var party = order.buildingGroup() == null ? community : community + " " + order.buildingGroup();
        for (var r : received.entrySet()) {
            if (r.getValue() > 0) {
                ledger.append(new Ledger.NewEntry(order.streetId(), order.communityId(), LedgerEntry.Kind.ALLOCATION,
                        r.getKey().name(), r.getValue(), r.getKey().unit(), party,
                        cut(order.donor() + " · " + order.title(), 300), order.id().toString()), by.displayName());
            }
        }
    }

    // ---- the checklist -----------------------------------------------------------------------------------

    /** Households by building group, with flats: every look is audited. */
    public Map<String, List<HouseholdOrder>> checklist(LiandongUser by, UUID orderId) {
        var order = buying.managed(by, orderId);
        var groups = new LinkedHashMap<String, List<HouseholdOrder>>();
        for (var h : buying.householdOrders(orderId)) {
            groups.computeIfAbsent(h.buildingGroup(), g -> new ArrayList<>()).add(h);
        }
        audit.record(by, "supply.groupbuy.checklist", "supply_group_order", orderId.toString(), order.title(),
                order.communityId(), null);
        return groups;
    }

    /** The leader (or staff) ticks a household off when its packs are handed over; twice is refused. */
    public HouseholdOrder handOver(LiandongUser by, UUID householdOrderId) {
        var h = buying.householdOrder(householdOrderId).orElseThrow(org.liandong.platform.OutOfScopeException::new);
        var order = buying.managed(by, h.orderId());
        if (order.status() != GroupOrder.Status.DELIVERED) {
            throw new InvalidValueException("groupbuy.hand.error.not-delivered");
        }
        if (h.handedAt() != null) {
            throw new InvalidValueException("groupbuy.hand.error.already", h.handedBy(),
                    SupplyRound.display(h.handedAt()));
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int changed = jdbc.sql("""
                update supply_group_household set handed_at = :now, handed_by = :by
                where id = :id and handed_at is null""")
                .param("now", Timestamp.from(now)).param("by", by.displayName()).param("id", h.id()).update();
        if (changed != 1) {
            throw new InvalidValueException("groupbuy.hand.error.already", "", "");
        }
        return buying.householdOrder(h.id()).orElseThrow();
    }

    /**
     * Gives the packs of a building group's vulnerable households that are not handed over yet to a volunteer or a
     * team (assignee {@code v:<id>} or {@code t:<id>}) as one delivery task. Returns the task id.
     */
    public UUID volunteerTask(LiandongUser by, UUID orderId, String buildingGroup, @Nullable String assignee) {
        var order = buying.managed(by, orderId);
        if (order.status() != GroupOrder.Status.DELIVERED) {
            throw new InvalidValueException("groupbuy.hand.error.not-delivered");
        }
        var open = buying.householdOrders(orderId).stream()
                .filter(h -> h.buildingGroup().equals(buildingGroup) && h.vulnerable() && h.handedAt() == null
                        && h.taskId() == null).toList();
        if (open.isEmpty()) {
            throw new InvalidValueException("groupbuy.task.error.nothing");
        }
        var packs = new HashMap<UUID, Pack>();
        buying.packs(orderId).forEach(p -> packs.put(p.id(), p));
        var details = new StringBuilder();
        for (var h : open) {
            details.append(h.address()).append(":");
            for (var l : h.lines()) {
                if (l.gets() > 0) {
                    var p = packs.get(l.packId());
                    details.append(' ').append(p.name()).append(" × ").append(l.gets());
                }
            }
            details.append('\n');
        }
        var title = cut(order.title() + " · " + buildingGroup + " (" + open.size() + ")", 100);
        var due = order.deliveryDate().plusDays(1).atStartOfDay(SupplyRound.ZONE).toInstant();
        return tx.execute(s -> {
            var taskId = tasks.create(order.communityId(), TaskKind.DELIVER, title, cut(details.toString().strip(), 1000),
                    VolunteerTasks.Assignee.parse(assignee), due, by.displayName());
            for (var h : open) {
                jdbc.sql("update supply_group_household set task_id = :t where id = :id and task_id is null")
                        .param("t", taskId).param("id", h.id()).update();
            }
            return taskId;
        });
    }

    /** The volunteer marked the delivery task done: its households are ticked off in the volunteer's name. */
    public int taskDone(UUID taskId, Instant at) {
        var ids = jdbc.sql("select id from supply_group_household where task_id = :t and handed_at is null")
                .param("t", taskId).query(UUID.class).list();
        if (ids.isEmpty()) {
            return 0;
        }
        var task = tasks.get(AccessScope.all(), taskId);
        var who = task.volunteerName() == null ? task.assigneeName() : task.volunteerName();
        return jdbc.sql("""
                update supply_group_household set handed_at = :at, handed_by = :by
                where task_id = :t and handed_at is null""")
                .param("at", Timestamp.from(at.truncatedTo(ChronoUnit.MILLIS))).param("by", cut(who, 100))
                .param("t", taskId).update();
    }

    // ---- payments ----------------------------------------------------------------------------------------

    /**
     * Records (or corrects) how a household paid: a method, a reference such as the WeChat transfer number, and the
     * amount. Nothing is paid through Liandong; a free distribution has nothing to pay.
     */
    public HouseholdOrder recordPayment(LiandongUser by, UUID householdOrderId, @Nullable String method,
                                        @Nullable String reference, @Nullable String amount) {
        var h = buying.householdOrder(householdOrderId).orElseThrow(org.liandong.platform.OutOfScopeException::new);
        var order = buying.managed(by, h.orderId());
        if (order.free()) {
            throw new InvalidValueException("groupbuy.pay.error.free");
        }
        HouseholdOrder.PaymentMethod kind;
        try {
            kind = HouseholdOrder.PaymentMethod.valueOf(method == null ? "" : method.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("groupbuy.pay.error.method");
        }
        var ref = GroupBuying.optional(reference, 100, "groupbuy.pay.error.reference");
        if (ref == null && kind != HouseholdOrder.PaymentMethod.CASH) {
            throw new InvalidValueException("groupbuy.pay.error.reference", 100);
        }
        int cents = Money.cents(GroupBuying.isBlank(amount) ? Money.yuan(h.dueCents()) : amount,
                "groupbuy.pay.error.amount");
        if (cents <= 0) {
            throw new InvalidValueException("groupbuy.pay.error.amount", Money.yuan(Money.MAX_PRICE_CENTS));
        }
        jdbc.sql("""
                update supply_group_household set paid_cents = :c, payment_method = :m, payment_ref = :r,
                    paid_at = :now, paid_recorded_by = :by where id = :id""")
                .param("c", cents).param("m", kind.name()).param("r", ref)
                .param("now", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS)))
                .param("by", by.displayName()).param("id", h.id()).update();
        return buying.householdOrder(h.id()).orElseThrow();
    }

    /** Households that owe something: nothing recorded, or less than they owe. */
    public List<HouseholdOrder> unpaid(LiandongUser by, UUID orderId) {
        var order = buying.managed(by, orderId);
        if (order.free()) {
            return List.of();
        }
        return buying.householdOrders(orderId).stream().filter(h -> h.dueCents() > 0 && !h.paid()).toList();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
