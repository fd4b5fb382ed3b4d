package org.liandong.supply.groupbuy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.supply.SupplyRound;

/**
 * A group order: a supplier, a menu of packs, a deadline and a delivery date, for one building group of a
 * community or the whole community ({@code buildingGroupId} null). {@code free}: a free distribution (爱心菜),
 * every pack at price 0; {@code donor}: the goods were donated, so the delivery is written to the ledger.
 */
public record GroupOrder(UUID id, String streetId, String communityId, @Nullable UUID buildingGroupId,
                         @Nullable String buildingGroup, String title, String supplier,
                         @Nullable String supplierPhoneMasked, @Nullable String licenceNote, boolean free,
                         @Nullable String donor, Instant deadline, LocalDate deliveryDate, Status status,
                         UUID openedById, String openedBy, Instant openedAt, @Nullable Instant closedAt,
                         @Nullable String closedBy, @Nullable Instant deliveredAt, @Nullable String deliveredBy) {

    /** OPEN (orders taken until the deadline) → CLOSED (order sheet sent) → DELIVERED (received at the gate). */
    public enum Status {
        OPEN, CLOSED, DELIVERED;

        public String messageKey() {
            return "groupbuy.status." + name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether households may still order or change their order. */
    public boolean takesOrders(Instant now) {
        return status == Status.OPEN && now.isBefore(deadline);
    }

    /** The state as people read it: open, deadline passed (not closed yet), closed, delivered. */
    public String stateKey(Instant now) {
        if (status == Status.OPEN && !now.isBefore(deadline)) {
            return "groupbuy.status.deadline-passed";
        }
        return status.messageKey();
    }

    public LocalDateTime deadlineLocal() {
        return deadline.atZone(SupplyRound.ZONE).toLocalDateTime();
    }

    public LocalDateTime openedLocal() {
        return openedAt.atZone(SupplyRound.ZONE).toLocalDateTime();
    }

    public @Nullable LocalDateTime deliveredLocal() {
        return deliveredAt == null ? null : deliveredAt.atZone(SupplyRound.ZONE).toLocalDateTime();
    }

    static GroupOrder map(ResultSet rs, int n) throws SQLException {
        var closed = rs.getTimestamp("closed_at");
        var delivered = rs.getTimestamp("delivered_at");
        return new GroupOrder(rs.getObject("id", UUID.class), rs.getString("street_id"), rs.getString("community_id"),
                rs.getObject("building_group_id", UUID.class), rs.getString("building_group"), rs.getString("title"),
                rs.getString("supplier"), rs.getString("supplier_phone_masked"), rs.getString("licence_note"),
                rs.getBoolean("free"), rs.getString("donor"), rs.getTimestamp("deadline").toInstant(),
                rs.getObject("delivery_date", LocalDate.class), Status.valueOf(rs.getString("status")),
                rs.getObject("opened_by_id", UUID.class), rs.getString("opened_by"),
                rs.getTimestamp("opened_at").toInstant(), closed == null ? null : closed.toInstant(),
                rs.getString("closed_by"), delivered == null ? null : delivered.toInstant(),
                rs.getString("delivered_by"));
    }
}
