package org.liandong.supply.groupbuy;

import java.time.Instant;
import java.util.UUID;

/** A household ordered or changed its order ({@code dueCents} 0: it withdrew it). */
public record GroupOrderPlaced(UUID orderId, UUID householdId, String communityId, long dueCents, Instant at) {
}
