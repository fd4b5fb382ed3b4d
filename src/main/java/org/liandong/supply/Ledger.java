package org.liandong.supply;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each street's append-only ledger of supplies: donations in, allocations out, round stock, deliveries. Appends
 * lock the street's head row, so entries are numbered 1, 2, 3… with no gaps and each hash covers the one before.
 */
@Service
public class Ledger {

    public static final long MAX_QUANTITY = 100_000_000L;

    /** What a person records; the ledger adds number, time and hashes. */
    public record NewEntry(String streetId, @Nullable String communityId, LedgerEntry.Kind kind, String item,
                           long quantity, String unit, String party, @Nullable String note,
                           @Nullable String reference) {
    }

    /** Totals of one item, in and out. */
    public record Total(String item, String unit, long in, long out) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate newTransaction;
    private final ApplicationEventPublisher events;

    Ledger(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Appends an entry to its street's chain; joins the caller's transaction. */
    @Transactional
    public LedgerEntry append(NewEntry e, String by) {
        var item = clean(e.item(), 100, "supply.ledger.error.item");
        var unit = clean(e.unit(), 20, "supply.ledger.error.unit");
        var party = clean(e.party(), 100, "supply.ledger.error.party");
        var note = e.note() == null || e.note().isBlank() ? null : e.note().strip();
        if (note != null && note.length() > 300) {
            throw new InvalidValueException("supply.ledger.error.note");
        }
        if (e.quantity() < (e.kind() == LedgerEntry.Kind.DRAW ? 0 : 1) || e.quantity() > MAX_QUANTITY) {
            throw new InvalidValueException("supply.ledger.error.quantity", MAX_QUANTITY);
        }
        ensureHead(e.streetId());
        var head = jdbc.sql("select seq, hash from supply_ledger_head where street_id = :s for update")
                .param("s", e.streetId()).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        long seq = (Long) head[0] + 1;
        var prev = (String) head[1];
        var unsigned = new LedgerEntry(UUID.randomUUID(), e.streetId(), seq, e.communityId(), e.kind(), item,
                e.quantity(), unit, party, note, e.reference(), clock.instant().truncatedTo(ChronoUnit.MILLIS), by,
                prev, "");
        var hash = LedgerEntry.hash(prev, unsigned.canonical());
        var entry = new LedgerEntry(unsigned.id(), unsigned.streetId(), seq, unsigned.communityId(), unsigned.kind(),
                item, unsigned.quantity(), unit, party, note, unsigned.reference(), unsigned.recordedAt(), by, prev,
                hash);
        jdbc.sql("""
                insert into supply_ledger_entry (id, street_id, seq, community_id, kind, item, quantity, unit, party,
                    note, reference, recorded_at, recorded_by, prev_hash, hash)
                values (:id, :s, :seq, :c, :kind, :item, :q, :unit, :party, :note, :ref, :at, :by, :prev, :hash)""")
                .param("id", entry.id()).param("s", entry.streetId()).param("seq", seq)
                .param("c", entry.communityId()).param("kind", entry.kind().name()).param("item", item)
                .param("q", entry.quantity()).param("unit", unit).param("party", party).param("note", note)
                .param("ref", entry.reference()).param("at", Timestamp.from(entry.recordedAt())).param("by", by)
                .param("prev", prev).param("hash", hash).update();
        jdbc.sql("update supply_ledger_head set seq = :seq, hash = :hash where street_id = :s")
                .param("seq", seq).param("hash", hash).param("s", e.streetId()).update();
        if (entry.kind() == LedgerEntry.Kind.DONATION) {
            events.publishEvent(new DonationRecorded(entry.id(), entry.streetId(), entry.communityId()));
        }
        return entry;
    }

    /** The street's entries, or one community's, newest first. */
    public List<LedgerEntry> entries(String streetId, @Nullable String communityId, int limit) {
        if (communityId == null) {
            return jdbc.sql("select * from supply_ledger_entry where street_id = :s order by seq desc limit :l")
                    .param("s", streetId).param("l", limit).query(LedgerEntry::map).list();
        }
        return jdbc.sql("""
                select * from supply_ledger_entry where street_id = :s and community_id = :c order by seq desc limit :l""")
                .param("s", streetId).param("c", communityId).param("l", limit).query(LedgerEntry::map).list();
    }

    /** The street's entries that refer to one thing (a round), oldest first. */
    public List<LedgerEntry> byReference(String streetId, String reference) {
        return jdbc.sql("select * from supply_ledger_entry where street_id = :s and reference = :r order by seq")
                .param("s", streetId).param("r", reference).query(LedgerEntry::map).list();
    }

    public List<Total> totals(String streetId, @Nullable String communityId) {
        var sql = """
                select item, unit,
                       sum(case when kind = 'DONATION' then quantity else 0 end) q_in,
                       sum(case when kind in ('DONATION', 'DRAW') then 0 else quantity end) q_out
                from supply_ledger_entry where street_id = :s""" + (communityId == null ? "" : " and community_id = :c")
                + " group by item, unit order by item, unit";
        var spec = jdbc.sql(sql).param("s", streetId);
        if (communityId != null) {
            spec = spec.param("c", communityId);
        }
        return spec.query((rs, n) -> new Total(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4))).list();
    }

    /** The last sequence number and hash, which anyone may write down to check later. */
    public @Nullable String headHash(String streetId) {
        return jdbc.sql("select hash from supply_ledger_head where street_id = :s").param("s", streetId)
                .query(String.class).optional().orElse(null);
    }

    /** Walks the street's chain from the first entry. */
    public LedgerCheck verify(String streetId) {
        var problems = new ArrayList<LedgerCheck.Problem>();
        long expected = 1;
        var prevHash = LedgerEntry.GENESIS;
        long checked = 0;
        var entries = jdbc.sql("select * from supply_ledger_entry where street_id = :s order by seq")
                .param("s", streetId).query(LedgerEntry::map).list();
        var chain = new Chain(entries);
        for (var entry : entries) {
            boolean gap = entry.seq() > expected;
            if (gap) {
                problems.add(new LedgerCheck.Problem(LedgerCheck.Kind.MISSING, expected, entry.seq() - 1));
            }
            if (!entry.hash().equals(entry.expectedHash())) {
                problems.add(new LedgerCheck.Problem(chain.originalSeq(entry) > 0 ? LedgerCheck.Kind.OUT_OF_ORDER
                        : LedgerCheck.Kind.ALTERED, entry.seq(), entry.seq()));
            } else if (!gap && !entry.prevHash().equals(prevHash) && !chain.followsOriginally(entry)) {
                problems.add(new LedgerCheck.Problem(LedgerCheck.Kind.OUT_OF_ORDER, entry.seq(), entry.seq()));
            }
            prevHash = entry.hash();
            expected = entry.seq() + 1;
            checked++;
        }
        var head = jdbc.sql("select seq, hash from supply_ledger_head where street_id = :s").param("s", streetId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional();
        if (head.isPresent()) {
            long headSeq = (Long) head.get()[0];
            if (headSeq >= expected) {
                problems.add(new LedgerCheck.Problem(LedgerCheck.Kind.MISSING, expected, headSeq));
            } else if (headSeq == expected - 1 && !head.get()[1].equals(prevHash)) {
                problems.add(new LedgerCheck.Problem(LedgerCheck.Kind.ALTERED, headSeq, headSeq));
            }
        }
        return new LedgerCheck(streetId, checked, head.map(h -> (String) h[1]).orElse(null), problems);
    }

    /**
     * Where entries were before someone moved them: an entry whose hash is right for another number, right after
     * the entry its previous hash names, was moved, not altered.
     */
    private static final class Chain {

        private final java.util.Map<String, LedgerEntry> byHash = new java.util.HashMap<>();
        private final java.util.Map<UUID, Long> original = new java.util.HashMap<>();

        Chain(List<LedgerEntry> entries) {
            entries.forEach(e -> byHash.put(e.hash(), e));
        }

        /** The number the entry's hash was made for, or -1 when its content was changed. */
        long originalSeq(LedgerEntry e) {
            var known = original.get(e.id());
            if (known != null) {
                return known;
            }
            original.put(e.id(), -1L); // guards against cycles
            long result = -1;
            if (e.hash().equals(e.expectedHash())) {
                result = e.seq();
            } else {
                long k = -1;
                if (e.prevHash().equals(LedgerEntry.GENESIS)) {
                    k = 1;
                } else {
                    var before = byHash.get(e.prevHash());
                    long b = before == null ? -1 : originalSeq(before);
                    k = b > 0 ? b + 1 : -1;
                }
                if (k > 0 && e.withSeq(k).expectedHash().equals(e.hash())) {
                    result = k;
                }
            }
            original.put(e.id(), result);
            return result;
        }

        /** An intact entry whose predecessor was moved away still follows it in the original order. */
        boolean followsOriginally(LedgerEntry e) {
            var before = byHash.get(e.prevHash());
            return before != null && originalSeq(before) == e.seq() - 1;
        }
    }

    private void ensureHead(String streetId) {
        boolean exists = jdbc.sql("select count(*) from supply_ledger_head where street_id = :s").param("s", streetId)
                .query(Long.class).single() > 0;
        if (exists) {
            return;
        }
        try {
            newTransaction.executeWithoutResult(s -> jdbc.sql("""
                    insert into supply_ledger_head (street_id, seq, hash) values (:s, 0, :genesis)""")
                    .param("s", streetId).param("genesis", LedgerEntry.GENESIS).update());
        } catch (DuplicateKeyException alreadyThere) {
            // another append created it first
        }
    }

    private static String clean(@Nullable String s, int max, String key) {
        var v = s == null ? "" : s.strip();
        if (v.isEmpty() || v.length() > max) {
            throw new InvalidValueException(key, max);
        }
        return v;
    }
}
