package org.liandong.supply;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One line of a street's ledger. Its hash covers the previous entry's hash and the entry's canonical form, so
 * changing, removing or reordering any line breaks the chain from there on.
 */
public record LedgerEntry(UUID id, String streetId, long seq, @Nullable String communityId, Kind kind, String item,
                          long quantity, String unit, String party, @Nullable String note, @Nullable String reference,
                          Instant recordedAt, String recordedBy, String prevHash, String hash) {

    /** The hash before the first entry of every chain. */
    public static final String GENESIS = "0".repeat(64);

    /**
     * In: a donation. Out: an allocation to a community, household or programme; a round's stock; a delivery. A
     * lottery draw (its seed and result, quantity = units drawn) counts neither way: the round already did.
     */
    public enum Kind {
        DONATION(true), ALLOCATION(false), ROUND(false), DELIVERY(false), DRAW(false);

        private final boolean in;

        Kind(boolean in) {
            this.in = in;
        }

        public boolean in() {
            return in;
        }

        public String messageKey() {
            return "supply.ledger.kind." + name().toLowerCase(Locale.ROOT);
        }
    }

    public LocalDateTime recordedLocal() {
        return recordedAt.atZone(SupplyRound.ZONE).toLocalDateTime();
    }

    public String shortHash() {
        return hash.substring(0, 12);
    }

    /** Fields in a fixed order, each escaped, times in epoch milliseconds. */
    String canonical() {
        return String.join("|", esc(id.toString()), esc(streetId), Long.toString(seq), esc(communityId), kind.name(),
                esc(item), Long.toString(quantity), esc(unit), esc(party), esc(note), esc(reference),
                Long.toString(recordedAt.toEpochMilli()), esc(recordedBy));
    }

    LedgerEntry withSeq(long other) {
        return new LedgerEntry(id, streetId, other, communityId, kind, item, quantity, unit, party, note, reference,
                recordedAt, recordedBy, prevHash, hash);
    }

    String expectedHash() {
        return hash(prevHash, canonical());
    }

    static String hash(String prevHash, String canonical) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) '\n');
            digest.update(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String esc(@Nullable String s) {
        return s == null ? "\\0" : s.replace("\\", "\\\\").replace("|", "\\|");
    }

    static LedgerEntry map(ResultSet rs, int n) throws SQLException {
        return new LedgerEntry(rs.getObject("id", UUID.class), rs.getString("street_id"), rs.getLong("seq"),
                rs.getString("community_id"), Kind.valueOf(rs.getString("kind")), rs.getString("item"),
                rs.getLong("quantity"), rs.getString("unit"), rs.getString("party"), rs.getString("note"),
                rs.getString("reference"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}
