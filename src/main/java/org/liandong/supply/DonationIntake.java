package org.liandong.supply;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules write to and read from the ledger: donations recorded once per outside reference (a
 * partner's hand-over, retried or not, is one line), each community's stock in hand, and stock moved between
 * two communities of a street (an allocation out of one, a donation line in to the other).
 * <p>
 * A community's stock of an item is what came in (donations) less what went out to others (allocations) and
 * into distribution rounds; deliveries come out of a round's stock, so they are not counted again.
 */
@Service
public class DonationIntake {

    /** One item a community holds. */
    public record Stock(String communityId, String item, String unit, long quantity) {
    }

    /** A transfer asked for more than the community holds; nothing was written. */
    public static final class NotEnoughStock extends RuntimeException {

        private final long available;

        NotEnoughStock(long available) {
            super("not enough stock: " + available + " available", null, false, false);
            this.available = available;
        }

        public long available() {
            return available;
        }
    }

    private final Ledger ledger;
    private final JdbcClient jdbc;

    DonationIntake(Ledger ledger, JdbcClient jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    /**
     * Appends the entry unless the street's ledger already holds one with the same reference, which it then
     * returns. The reference is required: it is what makes a retry harmless.
     */
    @Transactional
    public LedgerEntry recordOnce(Ledger.NewEntry entry, String by) {
        if (entry.reference() == null || entry.reference().isBlank()) {
            throw new IllegalArgumentException("a reference is required to record once");
        }
        lockStreet(entry.streetId());
        return byReference(entry.streetId(), entry.reference()).orElseGet(() -> ledger.append(entry, by));
    }

    public Optional<LedgerEntry> byReference(String streetId, String reference) {
        return jdbc.sql("select * from supply_ledger_entry where street_id = :s and reference = :r order by seq limit 1")
                .param("s", streetId).param("r", reference).query(LedgerEntry::map).optional();
    }

    /** Items in hand per community, only those with something left, by community and item. */
    public List<Stock> stock(String streetId, Collection<String> communityIds) {
        if (communityIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select community_id, item, unit, sum(case when kind = 'DONATION' then quantity
                    when kind in ('ALLOCATION', 'ROUND') then -quantity else 0 end) q
                from supply_ledger_entry where street_id = :s and community_id in (:c)
                group by community_id, item, unit order by community_id, item, unit""")
                .param("s", streetId).param("c", communityIds)
                .query((rs, n) -> new Stock(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list()
                .stream().filter(s -> s.quantity() > 0).toList();
    }

    /**
     * Moves stock between two communities of one street: an allocation out of {@code from} to {@code toName} and a
     * donation line in to {@code to} from {@code fromName}, both carrying the reference (with {@code :out} and
     * {@code :in}). Serialised with every other append of the street, so two transfers cannot both spend the same
     * stock. Refused with {@link NotEnoughStock} when {@code from} holds less than asked.
     */
    @Transactional
    public List<LedgerEntry> transfer(String streetId, String from, String fromName, String to, String toName,
                                      String item, String unit, long quantity, @Nullable String note, String reference,
                                      String by) {
        if (from.equals(to)) {
            throw new IllegalArgumentException("a transfer needs two communities");
        }
        lockStreet(streetId);
        long held = stock(streetId, List.of(from)).stream()
                .filter(s -> s.item().equals(item.strip()) && s.unit().equals(unit.strip()))
                .mapToLong(Stock::quantity).sum();
        if (held < quantity) {
            throw new NotEnoughStock(held);
        }
        var out = ledger.append(new Ledger.NewEntry(streetId, from, LedgerEntry.Kind.ALLOCATION, item, quantity, unit,
                toName, note, reference + ":out"), by);
        var in = ledger.append(new Ledger.NewEntry(streetId, to, LedgerEntry.Kind.DONATION, item, quantity, unit,
                fromName, note, reference + ":in"), by);
        return List.of(out, in);
    }

    /** Takes the street's head row (when the street has a ledger yet), as every append does. */
    private void lockStreet(String streetId) {
        jdbc.sql("select seq from supply_ledger_head where street_id = :s for update").param("s", streetId)
                .query(Long.class).optional();
    }
}
