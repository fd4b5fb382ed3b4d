package org.liandong.supply.groupbuy;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.AuditLog;
import org.liandong.platform.LiandongUser;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What group buying adds up to: the price of each pack over the group orders of a community or a street (hikes
 * flagged), totals per building and per supplier, and the spreadsheets: the supplier's order sheet (no flats), a
 * group order's full report (flats, payments: audited) and the reports across group orders.
 */
@Service
public class GroupBuyingReports {

    /** A rise of more than this, against the previous group order with the same pack, is flagged. */
    public static final int HIKE_PERCENT = 20;

    /** One pack's price in one group order; {@code change}: percent against the previous paid one. */
    public record PricePoint(UUID orderId, String title, String supplier, String communityId, LocalDate date,
                             int cents, boolean free, @Nullable Integer change) {

        public boolean hike() {
            return change != null && change > HIKE_PERCENT;
        }

        public String price() {
            return Money.yuan(cents);
        }
    }

    /** One pack followed across group orders, oldest first. */
    public record PriceSeries(String name, String unit, List<PricePoint> points) {

        public boolean hiked() {
            return points.stream().anyMatch(PricePoint::hike);
        }

        public PricePoint latest() {
            return points.getLast();
        }

        /** The paid prices as SVG polyline points in a 120 × 32 box (free distributions left out). */
        public String sparkline() {
            var paid = points.stream().filter(p -> !p.free()).toList();
            if (paid.isEmpty()) {
                return "";
            }
            int min = paid.stream().mapToInt(PricePoint::cents).min().orElse(0);
            int max = paid.stream().mapToInt(PricePoint::cents).max().orElse(0);
            var out = new StringBuilder();
            for (int i = 0; i < paid.size(); i++) {
                double x = paid.size() == 1 ? 60 : 4 + i * 112.0 / (paid.size() - 1);
                double y = max == min ? 16 : 28 - (paid.get(i).cents() - min) * 24.0 / (max - min);
                out.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            return out.toString().strip();
        }
    }

    /** Group buying in one building, across group orders. */
    public record BuildingReport(String buildingGroup, String building, int orders, int households, long cents) {

        public String amount() {
            return Money.yuan(cents);
        }
    }

    /** One supplier across group orders: what was ordered, what arrived. */
    public record SupplierReport(String supplier, int orders, int households, long cents, int ordered,
                                 int received) {

        public String amount() {
            return Money.yuan(cents);
        }

        public int shortfall() {
            return Math.max(0, ordered - received);
        }
    }

    private final JdbcClient jdbc;
    private final GroupBuying buying;
    private final AuditLog audit;
    private final MessageSource messages;

    GroupBuyingReports(JdbcClient jdbc, GroupBuying buying, AuditLog audit, MessageSource messages) {
        this.jdbc = jdbc;
        this.buying = buying;
        this.audit = audit;
        this.messages = messages;
    }

    // ---- prices ------------------------------------------------------------------------------------------

    /** Every pack's price over the group orders of a street, or of one community of it. */
    public List<PriceSeries> prices(String streetId, @Nullable String communityId) {
        var spec = jdbc.sql("""
                select p.item_key, p.name, p.unit, p.price_cents, o.id, o.title, o.supplier, o.community_id,
                       o.delivery_date, o.free
                from supply_group_pack p join supply_group_order o on o.id = p.order_id
                where o.street_id = :s""" + (communityId == null ? "" : " and o.community_id = :c")
                + " order by p.item_key, o.opening").param("s", streetId);
        if (communityId != null) {
            spec = spec.param("c", communityId);
        }
        var series = new LinkedHashMap<String, List<Object[]>>();
        spec.query((rs, n) -> series.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Object[] {
                rs.getString(2), rs.getString(3), rs.getInt(4), rs.getObject(5, UUID.class), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class), rs.getBoolean(10)})).list();
        var out = new ArrayList<PriceSeries>();
        for (var rows : series.values()) {
            var points = new ArrayList<PricePoint>();
            Integer previous = null;
            for (var r : rows) {
                int cents = (Integer) r[2];
                boolean free = (Boolean) r[8];
                Integer change = null;
                if (!free && previous != null && previous > 0) {
                    change = Math.round((cents - previous) * 100f / previous);
                }
                if (!free) {
                    previous = cents;
                }
                points.add(new PricePoint((UUID) r[3], (String) r[4], (String) r[5], (String) r[6], (LocalDate) r[7],
                        cents, free, change));
            }
            // named as in the latest paid group order (a free distribution may spell it differently)
            var last = rows.reversed().stream().filter(r -> !(Boolean) r[8]).findFirst().orElse(rows.getLast());
            out.add(new PriceSeries((String) last[0], (String) last[1], List.copyOf(points)));
        }
        return out;
    }

    // ---- across group orders -----------------------------------------------------------------------------

    public List<BuildingReport> byBuilding(String communityId) {
        return jdbc.sql("""
                select h.building_group, h.building, count(distinct h.order_id), count(*),
                       coalesce(sum((select sum(coalesce(l.delivered, l.quantity) * p.price_cents)
                                     from supply_group_line l join supply_group_pack p on p.id = l.pack_id
                                     where l.household_order_id = h.id)), 0)
                from supply_group_household h where h.community_id = :c
                group by h.building_group, h.building order by h.building_group, h.building""")
                .param("c", communityId)
                .query((rs, n) -> new BuildingReport(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getLong(5))).list();
    }

    public List<SupplierReport> bySupplier(String communityId) {
        return jdbc.sql("""
                select o.supplier, count(distinct o.id),
                       (select count(*) from supply_group_household h join supply_group_order x on x.id = h.order_id
                        where x.community_id = :c and x.supplier = o.supplier),
                       coalesce(sum(t.amount), 0), coalesce(sum(t.ordered), 0), coalesce(sum(t.received), 0)
                from supply_group_order o
                left join (select p.order_id, sum(coalesce(l.delivered, l.quantity) * p.price_cents) amount,
                                  sum(l.quantity) ordered, sum(coalesce(l.delivered, l.quantity)) received
                           from supply_group_line l join supply_group_pack p on p.id = l.pack_id
                           group by p.order_id) t on t.order_id = o.id
                where o.community_id = :c group by o.supplier order by o.supplier""")
                .param("c", communityId)
                .query((rs, n) -> new SupplierReport(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getLong(4),
                        rs.getInt(5), rs.getInt(6))).list();
    }

    // ---- spreadsheets ------------------------------------------------------------------------------------

    /** The supplier's order sheet: totals per pack and per building, no flats, no names. */
    public void orderSheet(GroupOrder order, Locale locale, OutputStream out) throws IOException {
        var workbook = new Workbook(out, "Liandong", "1.0");
        var sheet = workbook.newWorksheet(msg("groupbuy.sheet.title", locale));
        int r = 0;
        cells(sheet, r++, msg("groupbuy.order.title", locale), order.title());
        cells(sheet, r++, msg("groupbuy.order.supplier", locale), order.supplier());
        cells(sheet, r++, msg("groupbuy.order.delivery-date", locale), order.deliveryDate().toString());
        cells(sheet, r++, msg("groupbuy.order.for", locale), order.buildingGroup() == null
                ? msg("groupbuy.order.whole-community", locale) : order.buildingGroup());
        r++;
        header(sheet, r++, locale, "groupbuy.pack.name", "groupbuy.pack.unit", "groupbuy.pack.price",
                "groupbuy.total.ordered", "groupbuy.total.amount");
        var totals = buying.packTotals(order.id());
        for (var t : totals) {
            cells(sheet, r++, t.pack().name(), t.pack().unit(), t.pack().price(), t.ordered(), t.amount());
        }
        var buildings = workbook.newWorksheet(msg("groupbuy.total.by-building", locale));
        var heads = new ArrayList<String>(List.of(msg("groupbuy.total.building-group", locale),
                msg("groupbuy.total.building", locale), msg("groupbuy.total.households", locale)));
        totals.forEach(t -> heads.add(t.pack().name()));
        bold(buildings, 0, heads.toArray());
        r = 1;
        for (var b : buying.buildingTotals(order.id())) {
            var row = new ArrayList<Object>(List.of(b.buildingGroup(), b.building(), b.households()));
            totals.forEach(t -> row.add(b.of(t.pack().id())));
            cells(buildings, r++, row.toArray());
        }
        workbook.finish();
    }

    /** The group order with every household: flats and payment references, so the export is audited. */
    public void orderReport(LiandongUser by, GroupOrder order, Locale locale, OutputStream out) throws IOException {
        audit.record(by, "supply.groupbuy.export", "supply_group_order", order.id().toString(), order.title(),
                order.communityId(), null);
        var workbook = new Workbook(out, "Liandong", "1.0");
        var packs = workbook.newWorksheet(msg("groupbuy.total.by-pack", locale));
        header(packs, 0, locale, "groupbuy.pack.name", "groupbuy.pack.unit", "groupbuy.pack.price",
                "groupbuy.total.ordered", "groupbuy.total.households", "groupbuy.delivery.received",
                "groupbuy.delivery.shortfall", "groupbuy.total.amount");
        int r = 1;
        var totals = buying.packTotals(order.id());
        for (var t : totals) {
            cells(packs, r++, t.pack().name(), t.pack().unit(), t.pack().price(), t.ordered(), t.households(),
                    t.pack().received() == null ? "" : t.pack().received(),
                    t.shortfall() == null ? "" : t.shortfall(), t.amount());
        }
        var households = workbook.newWorksheet(msg("groupbuy.checklist.households", locale));
        var heads = new ArrayList<String>(List.of(msg("groupbuy.total.building-group", locale),
                msg("groupbuy.checklist.address", locale)));
        totals.forEach(t -> heads.add(t.pack().name()));
        heads.addAll(List.of(msg("groupbuy.pay.due", locale), msg("groupbuy.pay.paid", locale),
                msg("groupbuy.pay.method", locale), msg("groupbuy.pay.reference", locale),
                msg("groupbuy.checklist.handed", locale)));
        bold(households, 0, heads.toArray());
        r = 1;
        for (var h : buying.householdOrders(order.id())) {
            var row = new ArrayList<Object>(List.of(h.buildingGroup(), h.address()));
            totals.forEach(t -> {
                var line = h.line(t.pack().id());
                row.add(line == null ? 0 : line.gets());
            });
            row.add(h.due());
            row.add(h.paidAmount() == null ? "" : h.paidAmount());
            row.add(h.paymentMethod() == null ? "" : msg(h.paymentMethod().messageKey(), locale));
            row.add(h.paymentRef() == null ? "" : h.paymentRef());
            row.add(h.handedAt() == null ? "" : h.handedBy() + " " + org.liandong.supply.SupplyRound.display(h.handedAt()));
            cells(households, r++, row.toArray());
        }
        workbook.finish();
    }

    /** Across the community's group orders: per building, per supplier, and the price of every pack. */
    public void reports(String streetId, String communityId, Locale locale, OutputStream out) throws IOException {
        var workbook = new Workbook(out, "Liandong", "1.0");
        var buildings = workbook.newWorksheet(msg("groupbuy.total.by-building", locale));
        header(buildings, 0, locale, "groupbuy.total.building-group", "groupbuy.total.building",
                "groupbuy.report.orders", "groupbuy.total.households", "groupbuy.total.amount");
        int r = 1;
        for (var b : byBuilding(communityId)) {
            cells(buildings, r++, b.buildingGroup(), b.building(), b.orders(), b.households(), b.amount());
        }
        var suppliers = workbook.newWorksheet(msg("groupbuy.report.by-supplier", locale));
        header(suppliers, 0, locale, "groupbuy.order.supplier", "groupbuy.report.orders",
                "groupbuy.total.households", "groupbuy.total.amount", "groupbuy.total.ordered",
                "groupbuy.delivery.received", "groupbuy.delivery.shortfall");
        r = 1;
        for (var s : bySupplier(communityId)) {
            cells(suppliers, r++, s.supplier(), s.orders(), s.households(), s.amount(), s.ordered(), s.received(),
                    s.shortfall());
        }
        var prices = workbook.newWorksheet(msg("groupbuy.prices.title", locale));
        header(prices, 0, locale, "groupbuy.pack.name", "groupbuy.prices.date", "groupbuy.order.title",
                "groupbuy.order.supplier", "groupbuy.pack.price", "groupbuy.prices.change", "groupbuy.prices.hike");
        r = 1;
        for (var series : prices(streetId, communityId)) {
            for (var p : series.points()) {
                cells(prices, r++, series.name(), p.date().toString(), p.title(), p.supplier(), p.price(),
                        p.change() == null ? "" : p.change() + "%", p.hike() ? msg("groupbuy.prices.hike", locale) : "");
            }
        }
        workbook.finish();
    }

    private void header(Worksheet sheet, int row, Locale locale, String... keys) {
        var texts = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            texts[i] = msg(keys[i], locale);
        }
        bold(sheet, row, texts);
    }

    private static void bold(Worksheet sheet, int row, Object... texts) {
        cells(sheet, row, texts);
        sheet.range(row, 0, row, texts.length - 1).style().bold().set();
    }

    /** Numbers stay numbers (so the sheet adds them up), everything else is text. */
    private static void cells(Worksheet sheet, int row, Object... values) {
        for (int c = 0; c < values.length; c++) {
            if (values[c] instanceof Number n) {
                sheet.value(row, c, n);
            } else {
                sheet.value(row, c, String.valueOf(values[c]));
            }
        }
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
