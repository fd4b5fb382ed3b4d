package org.liandong.supply.groupbuy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.supply.SupplyRound;

/**
 * One household's order in a group order, with what it ordered of each pack, what it gets after the gate delivery,
 * its hand-over (by the leader, staff, or a volunteer's task) and the offline payment reference.
 */
public record HouseholdOrder(UUID id, UUID orderId, UUID householdId, String communityId, UUID buildingGroupId,
                             String buildingGroup, String building, String address, boolean vulnerable,
                             String placedBy, Instant placedAt, Instant updatedAt, @Nullable Instant handedAt,
                             @Nullable String handedBy, @Nullable UUID taskId, @Nullable Long paidCents,
                             @Nullable PaymentMethod paymentMethod, @Nullable String paymentRef,
                             @Nullable Instant paidAt, List<Line> lines, long dueCents) {

    /** Ordered of one pack; {@code delivered} is set when the gate delivery is recorded (less on a shortfall). */
    public record Line(UUID packId, int quantity, @Nullable Integer delivered) {

        public int gets() {
            return delivered == null ? quantity : delivered;
        }
    }

    /** How a household paid, outside the platform: no payment is made through it. */
    public enum PaymentMethod {
        WECHAT, ALIPAY, CASH, BANK, OTHER;

        public String messageKey() {
            return "groupbuy.pay.method." + name().toLowerCase(Locale.ROOT);
        }
    }

    public int quantityOf(UUID packId) {
        return lines.stream().filter(l -> l.packId().equals(packId)).mapToInt(Line::quantity).sum();
    }

    public @Nullable Line line(UUID packId) {
        return lines.stream().filter(l -> l.packId().equals(packId)).findFirst().orElse(null);
    }

    public boolean handedOver() {
        return handedAt != null;
    }

    public boolean paid() {
        return paidCents != null && paidCents >= dueCents;
    }

    public String due() {
        return Money.yuan(dueCents);
    }

    public @Nullable String paidAmount() {
        return paidCents == null ? null : Money.yuan(paidCents);
    }

    public @Nullable LocalDateTime handedLocal() {
        return handedAt == null ? null : handedAt.atZone(SupplyRound.ZONE).toLocalDateTime();
    }

    public LocalDateTime updatedLocal() {
        return updatedAt.atZone(SupplyRound.ZONE).toLocalDateTime();
    }
}
