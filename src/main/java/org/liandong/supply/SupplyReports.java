package org.liandong.supply;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reports as Excel sheets: a round per building group (counts only, no flats), a community's building groups across
 * its rounds, and a ledger with its totals per donor or recipient. Headers in the person's language.
 */
@Service
public class SupplyReports {

    /** What one donor gave, or one recipient received, of one item. */
    public record PartyTotal(String party, LedgerEntry.Kind kind, String item, String unit, long quantity) {
    }

    private final SupplyDesk desk;
    private final Ledger ledger;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    SupplyReports(SupplyDesk desk, Ledger ledger, JdbcClient jdbc, MessageSource messages) {
        this.desk = desk;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** The caller has checked the round against the person's scope. */
    public void round(SupplyRound round, List<SupplyDesk.GroupCounts> groups, Locale locale, OutputStream out)
            throws IOException {
        var workbook = new Workbook(out, "Liandong", "1.0");
        var summary = workbook.newWorksheet(msg("supply.report.summary", locale));
        var counts = desk.counts(round.id());
        Object[][] lines = {
                {msg("supply.round.item", locale), round.item()},
                {msg("supply.round.window", locale), SupplyRound.display(round.opensAt()) + " – "
                        + SupplyRound.display(round.closesAt())},
                {msg("supply.round.quota", locale), round.quota()},
                {msg("supply.round.stock", locale), round.stock()},
                {msg("supply.round.remaining", locale), counts.remaining()},
        };
        int r = 0;
        for (var line : lines) {
            cells(summary, r++, line);
        }
        for (var status : Reservation.Status.values()) {
            cells(summary, r++, new Object[] {msg(status.messageKey(), locale), counts.count(status)});
        }
        var byGroup = workbook.newWorksheet(msg("supply.round.by-group", locale));
        header(byGroup, locale, "supply.round.group", "supply.round.slot", "supply.status.reserved",
                "supply.status.collected", "supply.status.returned", "supply.status.to-deliver",
                "supply.status.delivered", "supply.status.registered", "supply.status.not-drawn");
        r = 1;
        for (var g : groups) {
            cells(byGroup, r++, new Object[] {g.buildingGroup(), SupplyRound.display(g.slotStarts()), g.reserved(),
                    g.collected(), g.returned(), g.toDeliver(), g.delivered(), g.registered(), g.notDrawn()});
        }
        workbook.finish();
    }

    /** One building group's part of one round, for the report across rounds. */
    public record GroupRound(String buildingGroup, String item, String unit, java.time.Instant opensAt, String mode,
                             int quota, int reserved, int collected, int returned, int toDeliver, int delivered,
                             int registered, int notDrawn) {

        /** Units that reached the households: collected at the pickup point or delivered. */
        public int handedOut() {
            return (collected + delivered) * quota;
        }
    }

    /** Every building group of a community across its rounds (and the street's rounds): counts only, no flats. */
    public List<GroupRound> byBuildingGroup(String communityId, String streetId) {
        return jdbc.sql("""
                select r.building_group, s.item, s.unit, s.opens_at, s.mode, s.quota,
                       sum(case when r.status in ('RESERVED', 'COLLECTED', 'RETURNED') then 1 else 0 end),
                       sum(case when r.status = 'COLLECTED' then 1 else 0 end),
                       sum(case when r.status = 'RETURNED' then 1 else 0 end),
                       sum(case when r.status = 'TO_DELIVER' then 1 else 0 end),
                       sum(case when r.status = 'DELIVERED' then 1 else 0 end),
                       sum(case when r.lottery_ref is not null or r.status = 'NOT_DRAWN' then 1 else 0 end),
                       sum(case when r.status = 'NOT_DRAWN' then 1 else 0 end)
                from supply_reservation r join supply_round s on s.id = r.round_id
                where r.community_id = :c and (s.community_id = :c or (s.community_id is null and s.street_id = :s))
                group by r.building_group, s.id, s.item, s.unit, s.opens_at, s.mode, s.quota
                order by r.building_group, s.opens_at""")
                .param("c", communityId).param("s", streetId)
                .query((rs, n) -> new GroupRound(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                        rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13))).list();
    }

    /** The report per building group as a sheet; the caller has checked the community against the person's scope. */
    public void buildingGroups(String communityId, String streetId, Locale locale, OutputStream out)
            throws IOException {
        var workbook = new Workbook(out, "Liandong", "1.0");
        var sheet = workbook.newWorksheet(msg("supply.round.by-group", locale));
        header(sheet, locale, "supply.round.group", "supply.round.item", "supply.round.opens", "supply.round.mode",
                "supply.status.reserved", "supply.status.collected", "supply.status.returned",
                "supply.status.to-deliver", "supply.status.delivered", "supply.status.registered",
                "supply.status.not-drawn", "supply.report.handed-out", "supply.round.unit");
        int r = 1;
        for (var g : byBuildingGroup(communityId, streetId)) {
            cells(sheet, r++, new Object[] {g.buildingGroup(), g.item(), SupplyRound.display(g.opensAt()),
                    msg(SupplyRound.LOTTERY.equals(g.mode()) ? "supply.round.mode.lottery" : "supply.round.mode.fcfs",
                            locale), g.reserved(), g.collected(), g.returned(), g.toDeliver(), g.delivered(),
                    g.registered(), g.notDrawn(), g.handedOut(), g.unit()});
        }
        workbook.finish();
    }

    /** A street's (or one community's) ledger: every entry, and totals per donor or recipient. */
    public void ledger(String streetId, @Nullable String communityId, Locale locale, OutputStream out)
            throws IOException {
        var workbook = new Workbook(out, "Liandong", "1.0");
        var entries = workbook.newWorksheet(msg("supply.public.entries", locale));
        header(entries, locale, "supply.report.seq", "supply.public.when", "supply.ledger.kind", "supply.round.item",
                "supply.ledger.quantity", "supply.round.unit", "supply.ledger.party", "supply.ledger.note",
                "supply.public.hash");
        int r = 1;
        for (var e : ledger.entries(streetId, communityId, 1_000_000).reversed()) {
            cells(entries, r++, new Object[] {e.seq(), SupplyRound.display(e.recordedAt()),
                    msg(e.kind().messageKey(), locale), e.item(), e.quantity(), e.unit(), e.party(),
                    e.note() == null ? "" : e.note(), e.hash()});
        }
        var parties = workbook.newWorksheet(msg("supply.report.by-party", locale));
        header(parties, locale, "supply.ledger.party", "supply.ledger.kind", "supply.round.item",
                "supply.ledger.quantity", "supply.round.unit");
        r = 1;
        for (var t : byParty(streetId, communityId)) {
            cells(parties, r++, new Object[] {t.party(), msg(t.kind().messageKey(), locale), t.item(), t.quantity(),
                    t.unit()});
        }
        workbook.finish();
    }

    public List<PartyTotal> byParty(String streetId, @Nullable String communityId) {
        var sql = "select party, kind, item, unit, sum(quantity) from supply_ledger_entry where street_id = :s"
                + (communityId == null ? "" : " and community_id = :c")
                + " group by party, kind, item, unit order by kind, party, item";
        var spec = jdbc.sql(sql).param("s", streetId);
        if (communityId != null) {
            spec = spec.param("c", communityId);
        }
        return spec.query((rs, n) -> new PartyTotal(rs.getString(1), LedgerEntry.Kind.valueOf(rs.getString(2)),
                rs.getString(3), rs.getString(4), rs.getLong(5))).list();
    }

    private void header(Worksheet sheet, Locale locale, String... keys) {
        for (int c = 0; c < keys.length; c++) {
            sheet.value(0, c, msg(keys[c], locale));
        }
        sheet.range(0, 0, 0, keys.length - 1).style().bold().set();
        sheet.freezePane(0, 1);
    }

    private static void cells(Worksheet sheet, int row, Object[] values) {
        for (int c = 0; c < values.length; c++) {
            switch (values[c]) {
                case Integer i -> sheet.value(row, c, i);
                case Long l -> sheet.value(row, c, l);
                default -> sheet.value(row, c, String.valueOf(values[c]));
            }
        }
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
