package org.liandong.supply.groupbuy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.HouseholdRoll;
import org.liandong.community.Places;
import org.liandong.platform.AuditLog;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.Masked;
import org.liandong.platform.OutOfScopeException;
import org.liandong.platform.PersonalDataCipher;
import org.liandong.platform.Role;
import org.liandong.supply.SupplyDesk;
import org.liandong.supply.SupplyRound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group orders from opening to closing: who may open and manage one, households ordering (one order per household,
 * changeable until the deadline, harmless under double taps), totals per pack and per building, closing. The gate
 * delivery, hand-over, volunteer tasks and payments are in {@link GroupDistribution}.
 */
@Service
public class GroupBuying {

    /** At most this many of one pack per household, whatever the menu says: more is a typing error. */
    public static final int MAX_QUANTITY = 99;
    public static final int MAX_PACKS = 12;

    /** What the opener fills in. {@code wholeCommunity}: every building group of the community may order. */
    public record NewGroupOrder(String communityId, boolean wholeCommunity, String title, String supplier,
                                @Nullable String supplierPhone, @Nullable String licenceNote, boolean free,
                                @Nullable String donor, @Nullable LocalDateTime deadline,
                                @Nullable LocalDate deliveryDate, List<NewPack> packs) {
    }

    /** A menu line as typed: price in 元, limit per household blank for none. */
    public record NewPack(@Nullable String name, @Nullable String unit, @Nullable String price,
                          @Nullable String limit) {

        boolean blank() {
            return isBlank(name) && isBlank(price) && isBlank(limit);
        }
    }

    /** How much of one pack the building group (or community) ordered, by how many households. */
    public record PackTotal(Pack pack, int ordered, int households) {

        public String amount() {
            return Money.yuan((long) ordered * pack.priceCents());
        }

        public @Nullable Integer shortfall() {
            return pack.received() == null ? null : Math.max(0, ordered - pack.received());
        }
    }

    /** One building's part: households, quantity per pack, amount. */
    public record BuildingTotal(String buildingGroup, String building, int households, Map<UUID, Integer> perPack,
                                long cents) {

        public int of(UUID packId) {
            return perPack.getOrDefault(packId, 0);
        }

        public String amount() {
            return Money.yuan(cents);
        }
    }

    /** A group order as one household sees it, with its own order if it placed one. */
    public record ForHousehold(GroupOrder order, List<Pack> packs, @Nullable HouseholdOrder mine, boolean open) {
    }

    private final JdbcClient jdbc;
    private final HouseholdRoll roll;
    private final Places places;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    GroupBuying(JdbcClient jdbc, HouseholdRoll roll, Places places, PersonalDataCipher cipher, AuditLog audit,
                ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.roll = roll;
        this.places = places;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    // ---- opening -----------------------------------------------------------------------------------------

    /**
     * Opens a group order. Staff open it for a community in their scope (one building group of it: theirs to
     * choose, through {@code buildingGroupId}); a building-group leader for their own building group, or for the
     * whole community when {@code wholeCommunity}.
     */
    public GroupOrder open(LiandongUser by, NewGroupOrder form, @Nullable UUID buildingGroupId) {
        var communityId = form.communityId() == null ? "" : form.communityId().strip();
        var community = places.community(communityId).orElseThrow(OutOfScopeException::new);
        by.scope().check(communityId);
        UUID groupId = null;
        String groupName = null;
        if (isStaff(by)) {
            if (!form.wholeCommunity()) {
                if (buildingGroupId == null) {
                    throw new InvalidValueException("groupbuy.open.error.group");
                }
                groupName = roll.buildingGroups(communityId).get(buildingGroupId);
                if (groupName == null) {
                    throw new InvalidValueException("groupbuy.open.error.group");
                }
                groupId = buildingGroupId;
            }
        } else if (by.holds(Role.BUILDING_GROUP_LEADER)) {
            var home = leaderHome(by).orElseThrow(() -> new InvalidValueException("groupbuy.open.error.no-group"));
            if (!home.communityId().equals(communityId)) {
                throw new OutOfScopeException();
            }
            if (!form.wholeCommunity()) {
                groupId = home.buildingGroupId();
                groupName = home.buildingGroup();
            }
        } else {
            throw new OutOfScopeException();
        }
        var title = text(form.title(), 100, "groupbuy.open.error.title");
        var supplier = text(form.supplier(), 100, "groupbuy.open.error.supplier");
        var phone = phone(form.supplierPhone());
        var licence = optional(form.licenceNote(), 200, "groupbuy.open.error.licence");
        var donor = optional(form.donor(), 100, "groupbuy.open.error.donor");
        if (donor != null && !form.free()) {
            throw new InvalidValueException("groupbuy.open.error.donor-free");
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (form.deadline() == null) {
            throw new InvalidValueException("groupbuy.open.error.deadline");
        }
        var deadline = form.deadline().atZone(SupplyRound.ZONE).toInstant();
        if (!deadline.isAfter(now) || deadline.isAfter(now.plus(60, ChronoUnit.DAYS))) {
            throw new InvalidValueException("groupbuy.open.error.deadline");
        }
        if (form.deliveryDate() == null || form.deliveryDate().isBefore(form.deadline().toLocalDate())
                || form.deliveryDate().isAfter(form.deadline().toLocalDate().plusDays(30))) {
            throw new InvalidValueException("groupbuy.open.error.delivery-date");
        }
        var packs = packs(form.packs(), form.free());
        var id = UUID.randomUUID();
        final UUID group = groupId;
        final String groupLabel = groupName;
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                    insert into supply_group_order (id, street_id, community_id, building_group_id, building_group,
                        title, supplier, supplier_phone_cipher, supplier_phone_masked, licence_note, free, donor,
                        deadline, delivery_date, status, opened_by_id, opened_by, opened_at)
                    values (:id, :s, :c, :g, :gn, :title, :supplier, :pc, :pm, :licence, :free, :donor, :deadline,
                        :delivery, 'OPEN', :byId, :by, :now)""")
                    .param("id", id).param("s", community.streetId()).param("c", communityId).param("g", group)
                    .param("gn", groupLabel).param("title", title).param("supplier", supplier)
                    .param("pc", phone == null ? null : cipher.encrypt(phone))
                    .param("pm", phone == null ? null : Masked.phone(phone)).param("licence", licence)
                    .param("free", form.free()).param("donor", donor).param("deadline", Timestamp.from(deadline))
                    .param("delivery", form.deliveryDate()).param("byId", by.userId()).param("by", by.displayName())
                    .param("now", Timestamp.from(now)).update();
            int position = 0;
            for (var p : packs) {
                jdbc.sql("""
                        insert into supply_group_pack (id, order_id, position, name, item_key, unit, price_cents,
                            unit_limit)
                        values (:id, :o, :pos, :name, :key, :unit, :price, :limit)""")
                        .param("id", UUID.randomUUID()).param("o", id).param("pos", position++)
                        .param("name", p.name()).param("key", itemKey(p.name())).param("unit", p.unit())
                        .param("price", p.priceCents()).param("limit", p.limit()).update();
            }
            events.publishEvent(new GroupOrderOpened(id, communityId, group, form.free(), now));
        });
        return order(id).orElseThrow();
    }

    private List<Pack> packs(List<NewPack> typed, boolean free) {
        var out = new ArrayList<Pack>();
        var names = new java.util.HashSet<String>();
        for (var p : typed) {
            if (p.blank()) {
                continue;
            }
            var name = text(p.name(), 60, "groupbuy.open.error.pack-name");
            if (!names.add(itemKey(name))) {
                throw new InvalidValueException("groupbuy.open.error.pack-twice", name);
            }
            var unit = isBlank(p.unit()) ? "份" : text(p.unit(), 20, "groupbuy.open.error.pack-unit");
            int price = free && isBlank(p.price()) ? 0 : Money.cents(p.price(), "groupbuy.open.error.price");
            if (free && price != 0) {
                throw new InvalidValueException("groupbuy.open.error.free-price", name);
            }
            Integer limit = null;
            if (!isBlank(p.limit())) {
                limit = quantity(p.limit(), "groupbuy.open.error.limit");
                if (limit < 1) {
                    throw new InvalidValueException("groupbuy.open.error.limit", MAX_QUANTITY);
                }
            }
            out.add(new Pack(UUID.randomUUID(), UUID.randomUUID(), out.size(), name, unit, price, limit, null));
        }
        if (out.isEmpty() || out.size() > MAX_PACKS) {
            throw new InvalidValueException("groupbuy.open.error.packs", MAX_PACKS);
        }
        return out;
    }

    // ---- reading -----------------------------------------------------------------------------------------

    public Optional<GroupOrder> order(UUID id) {
        return jdbc.sql("select * from supply_group_order where id = :id").param("id", id).query(GroupOrder::map)
                .optional();
    }

    public List<Pack> packs(UUID orderId) {
        return jdbc.sql("select * from supply_group_pack where order_id = :o order by position").param("o", orderId)
                .query(Pack::map).list();
    }

    /** A group order the person may manage: staff of its community, its opener, or the leader of its group. */
    public GroupOrder managed(LiandongUser by, UUID id) {
        var order = order(id).orElseThrow(OutOfScopeException::new);
        if (!manages(by, order)) {
            throw new OutOfScopeException();
        }
        return order;
    }

    public boolean manages(LiandongUser by, GroupOrder order) {
        if (!by.scope().covers(order.communityId())) {
            return false;
        }
        if (isStaff(by)) {
            return true;
        }
        if (!by.holds(Role.BUILDING_GROUP_LEADER)) {
            return false;
        }
        if (by.userId().equals(order.openedById())) {
            return true;
        }
        var home = leaderHome(by);
        return home.isPresent() && home.get().buildingGroupId().equals(order.buildingGroupId());
    }

    /** Group orders the person manages, newest first. */
    public List<GroupOrder> managedOrders(LiandongUser by) {
        if (!isStaff(by) && !by.holds(Role.BUILDING_GROUP_LEADER)) {
            return List.of();
        }
        var scope = by.scope();
        if (!scope.everything() && scope.communityIds().isEmpty()) {
            return List.of();
        }
        var spec = jdbc.sql("select * from supply_group_order"
                + (scope.everything() ? "" : " where community_id in (:c)") + " order by opened_at desc limit 300");
        if (!scope.everything()) {
            spec = spec.param("c", scope.communityIds());
        }
        return spec.query(GroupOrder::map).list().stream().filter(o -> manages(by, o)).limit(100).toList();
    }

    /** The group orders a household may order from (open ones, and those of the last 30 days it ordered in). */
    public List<ForHousehold> forHousehold(UUID householdId) {
        var household = roll.household(householdId).orElseThrow(OutOfScopeException::new);
        var now = clock.instant();
        var orders = jdbc.sql("""
                select * from supply_group_order
                where community_id = :c and (building_group_id is null or building_group_id = :g)
                  and opened_at > :since order by deadline desc limit 30""")
                .param("c", household.communityId()).param("g", household.buildingGroupId())
                .param("since", Timestamp.from(now.minus(30, ChronoUnit.DAYS))).query(GroupOrder::map).list();
        var out = new ArrayList<ForHousehold>();
        for (var o : orders) {
            var mine = householdOrder(o.id(), householdId).orElse(null);
            if (o.takesOrders(now) || mine != null) {
                out.add(new ForHousehold(o, packs(o.id()), mine, o.takesOrders(now)));
            }
        }
        return out;
    }

    /** One group order for the person's own household; another community's or building group's is not found. */
    public ForHousehold forHousehold(LiandongUser resident, UUID orderId) {
        var householdId = resident.householdId().orElseThrow(OutOfScopeException::new);
        var household = roll.household(householdId).orElseThrow(OutOfScopeException::new);
        var order = order(orderId).orElseThrow(OutOfScopeException::new);
        if (!order.communityId().equals(household.communityId())
                || order.buildingGroupId() != null && !order.buildingGroupId().equals(household.buildingGroupId())) {
            throw new OutOfScopeException();
        }
        return new ForHousehold(order, packs(orderId), householdOrder(orderId, householdId).orElse(null),
                order.takesOrders(clock.instant()));
    }

    public Optional<HouseholdOrder> householdOrder(UUID orderId, UUID householdId) {
        var id = jdbc.sql("select id from supply_group_household where order_id = :o and household_id = :h")
                .param("o", orderId).param("h", householdId).query(UUID.class).optional();
        return id.flatMap(this::householdOrder);
    }

    public Optional<HouseholdOrder> householdOrder(UUID id) {
        var list = householdOrders("h.id = :id", Map.of("id", id));
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /** Every household's order of a group order, by building group, building and flat. */
    public List<HouseholdOrder> householdOrders(UUID orderId) {
        return householdOrders("h.order_id = :o", Map.of("o", orderId));
    }

    private List<HouseholdOrder> householdOrders(String where, Map<String, Object> params) {
        var spec = jdbc.sql("select * from supply_group_household h where " + where
                + " order by h.building_group, h.building, h.address");
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        var rows = spec.query((rs, n) -> {
            var handed = rs.getTimestamp("handed_at");
            var paidAt = rs.getTimestamp("paid_at");
            var method = rs.getString("payment_method");
            return new HouseholdOrder(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                    rs.getObject("household_id", UUID.class), rs.getString("community_id"),
                    rs.getObject("building_group_id", UUID.class), rs.getString("building_group"),
                    rs.getString("building"), rs.getString("address"), rs.getBoolean("vulnerable"),
                    rs.getString("placed_by"), rs.getTimestamp("placed_at").toInstant(),
                    rs.getTimestamp("updated_at").toInstant(), handed == null ? null : handed.toInstant(),
                    rs.getString("handed_by"), rs.getObject("task_id", UUID.class),
                    (Long) rs.getObject("paid_cents", Long.class),
                    method == null ? null : HouseholdOrder.PaymentMethod.valueOf(method), rs.getString("payment_ref"),
                    paidAt == null ? null : paidAt.toInstant(), List.of(), 0);
        }).list();
        if (rows.isEmpty()) {
            return rows;
        }
        var ids = rows.stream().map(HouseholdOrder::id).toList();
        var lines = new HashMap<UUID, List<HouseholdOrder.Line>>();
        var prices = new HashMap<UUID, Integer>();
        jdbc.sql("""
                select l.household_order_id, l.pack_id, l.quantity, l.delivered, p.price_cents
                from supply_group_line l join supply_group_pack p on p.id = l.pack_id
                where l.household_order_id in (:ids) order by p.position""").param("ids", ids)
                .query((rs, n) -> {
                    var pack = rs.getObject(2, UUID.class);
                    prices.put(pack, rs.getInt(5));
                    return lines.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new HouseholdOrder.Line(pack, rs.getInt(3), (Integer) rs.getObject(4, Integer.class)));
                }).list();
        var out = new ArrayList<HouseholdOrder>(rows.size());
        for (var r : rows) {
            var mine = List.copyOf(lines.getOrDefault(r.id(), List.of()));
            long due = mine.stream().mapToLong(l -> (long) l.gets() * prices.get(l.packId())).sum();
            out.add(new HouseholdOrder(r.id(), r.orderId(), r.householdId(), r.communityId(), r.buildingGroupId(),
                    r.buildingGroup(), r.building(), r.address(), r.vulnerable(), r.placedBy(), r.placedAt(),
                    r.updatedAt(), r.handedAt(), r.handedBy(), r.taskId(), r.paidCents(), r.paymentMethod(),
                    r.paymentRef(), r.paidAt(), mine, due));
        }
        return out;
    }

    public List<PackTotal> packTotals(UUID orderId) {
        var totals = new LinkedHashMap<UUID, int[]>();
        jdbc.sql("""
                select l.pack_id, sum(l.quantity), count(*) from supply_group_line l
                join supply_group_household h on h.id = l.household_order_id
                where h.order_id = :o group by l.pack_id""").param("o", orderId)
                .query((rs, n) -> totals.put(rs.getObject(1, UUID.class), new int[] {rs.getInt(2), rs.getInt(3)}))
                .list();
        return packs(orderId).stream().map(p -> {
            var t = totals.getOrDefault(p.id(), new int[2]);
            return new PackTotal(p, t[0], t[1]);
        }).toList();
    }

    public List<BuildingTotal> buildingTotals(UUID orderId) {
        var prices = new HashMap<UUID, Integer>();
        packs(orderId).forEach(p -> prices.put(p.id(), p.priceCents()));
        var byBuilding = new LinkedHashMap<String, BuildingTotal>();
        for (var h : householdOrders(orderId)) {
            var key = h.buildingGroup() + "\n" + h.building();
            var t = byBuilding.computeIfAbsent(key, k -> new BuildingTotal(h.buildingGroup(), h.building(), 0,
                    new LinkedHashMap<>(), 0));
            var perPack = t.perPack();
            h.lines().forEach(l -> perPack.merge(l.packId(), l.quantity(), Integer::sum));
            long ordered = h.lines().stream().mapToLong(l -> (long) l.quantity() * prices.get(l.packId())).sum();
            byBuilding.put(key, new BuildingTotal(t.buildingGroup(), t.building(), t.households() + 1, perPack,
                    t.cents() + ordered));
        }
        return List.copyOf(byBuilding.values());
    }

    /** The supplier's full phone number, for staff; every look is audited. */
    public @Nullable String supplierPhone(LiandongUser staff, GroupOrder order) {
        if (!isStaff(staff) || !staff.scope().covers(order.communityId())) {
            return order.supplierPhoneMasked();
        }
        var stored = jdbc.sql("select supplier_phone_cipher from supply_group_order where id = :id")
                .param("id", order.id()).query(String.class).optional().orElse(null);
        if (stored == null) {
            return null;
        }
        audit.record(staff, "supply.groupbuy.supplier-phone", "supply_group_order", order.id().toString(),
                order.supplier(), order.communityId(), null);
        return cipher.decrypt(stored);
    }

    /** Households of the order's building group (or community) a leader or staff may order for. */
    public List<HouseholdRoll.Entry> households(LiandongUser by, GroupOrder order) {
        managed(by, order.id());
        return roll.households(List.of(order.communityId())).stream()
                .filter(h -> order.buildingGroupId() == null || order.buildingGroupId().equals(h.buildingGroupId()))
                .toList();
    }

    // ---- ordering ----------------------------------------------------------------------------------------

    /**
     * A household orders, or changes its order: quantities by pack id, as typed. {@code householdId} null: the
     * person's own household; another one only by the leader or staff who manage the group order (for a neighbour
     * without a phone). All zero withdraws an order. A retry with the same token and quantities changes nothing.
     * Returns the order, or empty when it was withdrawn.
     */
    public Optional<HouseholdOrder> place(LiandongUser by, UUID orderId, @Nullable UUID householdId,
                                          Map<String, String> typed, @Nullable String token) {
        var order = order(orderId).orElseThrow(OutOfScopeException::new);
        var own = by.householdId().orElse(null);
        var target = householdId == null ? own : householdId;
        if (target == null) {
            throw new InvalidValueException("groupbuy.order.error.no-household");
        }
        if (!target.equals(own) && !manages(by, order)) {
            throw new OutOfScopeException();
        }
        var household = roll.household(target).orElseThrow(OutOfScopeException::new);
        if (!household.communityId().equals(order.communityId())) {
            if (target.equals(own)) {
                throw new OutOfScopeException();
            }
            throw new InvalidValueException("groupbuy.order.error.other-group", groupLabel(order));
        }
        if (order.buildingGroupId() != null && !order.buildingGroupId().equals(household.buildingGroupId())) {
            throw new InvalidValueException("groupbuy.order.error.other-group", groupLabel(order));
        }
        var packs = packs(orderId);
        var quantities = quantities(packs, typed);
        refuseIfClosed(order, clock.instant());
        var cleanToken = token == null || token.isBlank() || token.length() > 64 ? null : token.strip();
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(s -> write(by, order, household, quantities, cleanToken));
            } catch (DuplicateKeyException raced) {
                // a double tap inserted the household's order first: the second goes through as a change
                if (attempt >= 3) {
                    throw raced;
                }
            }
        }
    }

    private Optional<HouseholdOrder> write(LiandongUser by, GroupOrder order, HouseholdRoll.Entry household,
                                           Map<UUID, Integer> quantities, @Nullable String token) {
        // the order row is locked so a household's order cannot slip in after the leader closed it
        var status = jdbc.sql("select status from supply_group_order where id = :id for update")
                .param("id", order.id()).query(String.class).single();
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        refuseIfClosed(new GroupOrder(order.id(), order.streetId(), order.communityId(), order.buildingGroupId(),
                order.buildingGroup(), order.title(), order.supplier(), order.supplierPhoneMasked(), order.licenceNote(),
                order.free(), order.donor(), order.deadline(), order.deliveryDate(), GroupOrder.Status.valueOf(status),
                order.openedById(), order.openedBy(), order.openedAt(), null, null, null, null), now);
        var existing = householdOrder(order.id(), household.householdId());
        boolean nothing = quantities.values().stream().allMatch(q -> q == 0);
        if (existing.isEmpty() && nothing) {
            throw new InvalidValueException("groupbuy.order.error.empty");
        }
        if (existing.isPresent()) {
            var e = existing.get();
            boolean same = quantities.entrySet().stream().allMatch(q -> e.quantityOf(q.getKey()) == q.getValue());
            if (same) {
                return Optional.of(e); // a double tap or a retry: nothing to change
            }
            jdbc.sql("delete from supply_group_line where household_order_id = :h").param("h", e.id()).update();
            if (nothing) {
                jdbc.sql("delete from supply_group_household where id = :h").param("h", e.id()).update();
                events.publishEvent(new GroupOrderPlaced(order.id(), household.householdId(), order.communityId(), 0,
                        now));
                return Optional.empty();
            }
            jdbc.sql("update supply_group_household set updated_at = :now, placed_by = :by, client_token = :t where id = :h")
                    .param("now", Timestamp.from(now)).param("by", by.displayName()).param("t", token)
                    .param("h", e.id()).update();
            lines(e.id(), quantities);
            return householdOrder(e.id()).map(h -> published(h, now));
        }
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into supply_group_household (id, order_id, household_id, community_id, building_group_id,
                    building_group, building, address, vulnerable, client_token, placed_by, placed_at, updated_at)
                values (:id, :o, :h, :c, :g, :gn, :b, :a, :v, :t, :by, :now, :now)""")
                .param("id", id).param("o", order.id()).param("h", household.householdId())
                .param("c", household.communityId()).param("g", household.buildingGroupId())
                .param("gn", household.buildingGroup()).param("b", household.building())
                .param("a", household.address())
                .param("v", household.tags().stream().anyMatch(SupplyDesk.EXEMPT::contains)).param("t", token)
                .param("by", by.displayName()).param("now", Timestamp.from(now)).update();
        lines(id, quantities);
        return householdOrder(id).map(h -> published(h, now));
    }

    private HouseholdOrder published(HouseholdOrder h, Instant now) {
        events.publishEvent(new GroupOrderPlaced(h.orderId(), h.householdId(), h.communityId(), h.dueCents(), now));
        return h;
    }

    private void lines(UUID householdOrderId, Map<UUID, Integer> quantities) {
        for (var q : quantities.entrySet()) {
            if (q.getValue() > 0) {
                jdbc.sql("insert into supply_group_line (household_order_id, pack_id, quantity) values (:h, :p, :q)")
                        .param("h", householdOrderId).param("p", q.getKey()).param("q", q.getValue()).update();
            }
        }
    }

    /** Every pack of the menu with its quantity (0 when not typed); anything not on the menu is refused. */
    private static Map<UUID, Integer> quantities(List<Pack> packs, Map<String, String> typed) {
        var byId = new LinkedHashMap<String, Pack>();
        packs.forEach(p -> byId.put(p.id().toString(), p));
        var out = new LinkedHashMap<UUID, Integer>();
        packs.forEach(p -> out.put(p.id(), 0));
        for (var t : typed.entrySet()) {
            var pack = byId.get(t.getKey());
            if (pack == null) {
                throw new InvalidValueException("groupbuy.order.error.not-on-menu");
            }
            if (isBlank(t.getValue())) {
                continue;
            }
            int q = quantity(t.getValue(), "groupbuy.order.error.quantity");
            if (pack.limit() != null && q > pack.limit()) {
                throw new InvalidValueException("groupbuy.order.error.limit", pack.name(), pack.limit());
            }
            out.put(pack.id(), q);
        }
        return out;
    }

    private static void refuseIfClosed(GroupOrder order, Instant now) {
        if (order.status() != GroupOrder.Status.OPEN) {
            throw new InvalidValueException("groupbuy.order.error.closed");
        }
        if (!now.isBefore(order.deadline())) {
            throw new InvalidValueException("groupbuy.order.error.deadline", SupplyRound.display(order.deadline()));
        }
    }

    // ---- closing -----------------------------------------------------------------------------------------

    /** The leader (or staff) closes the group order: no more orders; the order sheet goes to the supplier. */
    public GroupOrder close(LiandongUser by, UUID orderId) {
        var order = managed(by, orderId);
        if (order.status() != GroupOrder.Status.OPEN) {
            throw new InvalidValueException("groupbuy.close.error.not-open");
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        tx.executeWithoutResult(s -> {
            int changed = jdbc.sql("""
                    update supply_group_order set status = 'CLOSED', closed_at = :now, closed_by = :by
                    where id = :id and status = 'OPEN'""")
                    .param("now", Timestamp.from(now)).param("by", by.displayName()).param("id", orderId).update();
            if (changed != 1) {
                throw new InvalidValueException("groupbuy.close.error.not-open");
            }
            var totals = packTotals(orderId);
            int households = jdbc.sql("select count(*) from supply_group_household where order_id = :o")
                    .param("o", orderId).query(Integer.class).single();
            long cents = totals.stream().mapToLong(t -> (long) t.ordered() * t.pack().priceCents()).sum();
            events.publishEvent(new GroupOrderClosed(orderId, order.communityId(), households, cents, now));
        });
        return order(orderId).orElseThrow();
    }

    // ---- internals ---------------------------------------------------------------------------------------

    /** The leader's own household, whose building group they lead. */
    Optional<HouseholdRoll.Entry> leaderHome(LiandongUser by) {
        return by.householdId().flatMap(roll::household).filter(h -> by.scope().covers(h.communityId()));
    }

    static boolean isStaff(LiandongUser by) {
        return by.roles().stream().anyMatch(Role::staff);
    }

    private String groupLabel(GroupOrder order) {
        return order.buildingGroup() != null ? order.buildingGroup()
                : places.community(order.communityId()).map(Places.CommunityView::name).orElse(order.communityId());
    }

    /**
     * The pack name as a key for following one item across group orders: full-width letters and digits folded
     * (NFKC), spaces dropped, lower case, so "蔬菜套餐 Ａ" and "蔬菜套餐a" are the same pack.
     */
    static String itemKey(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC).replaceAll("\\s+", "")
                .toLowerCase(java.util.Locale.ROOT);
    }

    static int quantity(@Nullable String s, String key) {
        return wholeNumber(s, MAX_QUANTITY, key, MAX_QUANTITY);
    }

    /** A whole number from 0 to {@code max} as typed, or the message {@code key} with {@code args}. */
    static int wholeNumber(@Nullable String s, int max, String key, Object... args) {
        try {
            int q = Integer.parseInt(s == null ? "" : s.strip());
            if (q < 0 || q > max) {
                throw new InvalidValueException(key, args);
            }
            return q;
        } catch (NumberFormatException e) {
            throw new InvalidValueException(key, args);
        }
    }

    private static @Nullable String phone(@Nullable String s) {
        if (isBlank(s)) {
            return null;
        }
        var digits = s.strip().replaceAll("[\\s\\-()]", "");
        if (!digits.matches("\\+?\\d{7,15}")) {
            throw new InvalidValueException("groupbuy.open.error.phone");
        }
        return digits;
    }

    static boolean isBlank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    static String text(@Nullable String s, int max, String key) {
        var v = s == null ? "" : s.strip();
        if (v.isEmpty() || v.length() > max) {
            throw new InvalidValueException(key, max);
        }
        return v;
    }

    static @Nullable String optional(@Nullable String s, int max, String key) {
        if (isBlank(s)) {
            return null;
        }
        return text(s, max, key);
    }
}
