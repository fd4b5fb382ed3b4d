package org.liandong.supply;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.VulnerabilityKind;

/** A distribution round as it was opened; {@code communityId} null means every community of the street. */
public record SupplyRound(UUID id, String streetId, @Nullable String communityId, String item, String unit, int quota,
                          int stock, String eligibility, String mode, Instant opensAt, Instant closesAt,
                          String pickupPlace, Instant pickupStarts, int slotMinutes, int shards, boolean exemptDelivery,
                          String codeSecret, String createdBy, Instant createdAt) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final String ALL = "ALL";
    public static final String FCFS = "FCFS";
    public static final String LOTTERY = "LOTTERY";

    public enum Status { UPCOMING, OPEN, CLOSED }

    public Status status(Instant now) {
        if (now.isBefore(opensAt)) {
            return Status.UPCOMING;
        }
        return now.isBefore(closesAt) ? Status.OPEN : Status.CLOSED;
    }

    /** Allocated by a lottery among all who registered in the window, rather than first come first served. */
    public boolean lottery() {
        return LOTTERY.equals(mode);
    }

    /** The tag a household needs to reserve, if the round is not for everyone. */
    public Optional<VulnerabilityKind> requiredTag() {
        return ALL.equals(eligibility) ? Optional.empty() : VulnerabilityKind.fromCode(eligibility);
    }

    public Instant slotStarts(int buildingGroupIndex) {
        return pickupStarts.plus(Duration.ofMinutes((long) slotMinutes * buildingGroupIndex));
    }

    public Instant slotEnds(int buildingGroupIndex) {
        return slotStarts(buildingGroupIndex + 1);
    }

    /** A time as messages show it, in the community's zone. */
    public static String display(@Nullable Instant at) {
        return at == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(ZONE));
    }

    public LocalDateTime opensLocal() {
        return opensAt.atZone(ZONE).toLocalDateTime();
    }

    public LocalDateTime closesLocal() {
        return closesAt.atZone(ZONE).toLocalDateTime();
    }

    public LocalDateTime pickupStartsLocal() {
        return pickupStarts.atZone(ZONE).toLocalDateTime();
    }

    static SupplyRound map(ResultSet rs, int n) throws SQLException {
        return new SupplyRound(rs.getObject("id", UUID.class), rs.getString("street_id"), rs.getString("community_id"),
                rs.getString("item"), rs.getString("unit"), rs.getInt("quota"), rs.getInt("stock"),
                rs.getString("eligibility"), rs.getString("mode"), rs.getTimestamp("opens_at").toInstant(),
                rs.getTimestamp("closes_at").toInstant(), rs.getString("pickup_place"),
                rs.getTimestamp("pickup_starts").toInstant(), rs.getInt("slot_minutes"), rs.getInt("shards"),
                rs.getBoolean("exempt_delivery"), rs.getString("code_secret"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
