package org.liandong.supply;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A household's share of a round: to collect with its pickup code in its slot, or to be delivered. */
public record Reservation(UUID id, UUID roundId, UUID householdId, String communityId, UUID buildingGroupId,
                         String buildingGroup, String address, int quantity, @Nullable String clientToken,
                         String pickupCode, Status status, Instant slotStarts, Instant slotEnds, Instant reservedAt,
                         @Nullable Instant handedAt, @Nullable String handedBy, @Nullable UUID deliveryTaskId,
                          @Nullable String lotteryRef, @Nullable Integer lotteryRank) {

    /** REGISTERED and NOT_DRAWN belong to lottery rounds: registered for the draw, and not drawn in it. */
    public enum Status {
        RESERVED, COLLECTED, RETURNED, TO_DELIVER, DELIVERED, REGISTERED, NOT_DRAWN;

        public String messageKey() {
            return "supply.status." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Drawn in a lottery, or reserved first come first served: the pickup code counts. */
    public boolean hasPickupCode() {
        return status != Status.REGISTERED && status != Status.NOT_DRAWN;
    }

    public String groupedCode() {
        return PickupCodes.grouped(pickupCode);
    }

    public LocalDateTime slotStartsLocal() {
        return slotStarts.atZone(SupplyRound.ZONE).toLocalDateTime();
    }

    public LocalDateTime slotEndsLocal() {
        return slotEnds.atZone(SupplyRound.ZONE).toLocalDateTime();
    }

    public @Nullable LocalDateTime handedLocal() {
        return handedAt == null ? null : handedAt.atZone(SupplyRound.ZONE).toLocalDateTime();
    }

    static Reservation map(ResultSet rs, int n) throws SQLException {
        var handed = rs.getTimestamp("handed_at");
        return new Reservation(rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class),
                rs.getObject("household_id", UUID.class), rs.getString("community_id"),
                rs.getObject("building_group_id", UUID.class), rs.getString("building_group"), rs.getString("address"),
                rs.getInt("quantity"), rs.getString("client_token"), rs.getString("pickup_code"),
                Status.valueOf(rs.getString("status")), rs.getTimestamp("slot_starts").toInstant(),
                rs.getTimestamp("slot_ends").toInstant(), rs.getTimestamp("reserved_at").toInstant(),
                handed == null ? null : handed.toInstant(), rs.getString("handed_by"),
                rs.getObject("delivery_task_id", UUID.class), rs.getString("lottery_ref"),
                rs.getObject("lottery_rank") == null ? null : rs.getInt("lottery_rank"));
    }
}
