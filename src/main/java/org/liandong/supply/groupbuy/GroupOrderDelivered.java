package org.liandong.supply.groupbuy;

import java.time.Instant;
import java.util.UUID;

/** The supplier delivered to the gate; {@code shortfall}: packs ordered but not received, all packs together. */
public record GroupOrderDelivered(UUID orderId, String communityId, int received, int shortfall, Instant at) {
}
