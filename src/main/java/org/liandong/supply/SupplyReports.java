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
 * Reports as Excel sheets: a round per building group (counts only, no flats), and a ledger with its totals per
 * donor or recipient. Headers in the person's language.
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
                "supply.status.delivered");
        r = 1;
        for (var g : groups) {
            cells(byGroup, r++, new Object[] {g.buildingGroup(), SupplyRound.display(g.slotStarts()), g.reserved(),
                    g.collected(), g.returned(), g.toDeliver(), g.delivered()});
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
