package org.liandong.supply.groupbuy;

import java.time.Instant;
import java.util.UUID;

/** The leader closed a group order: the order sheet goes to the supplier. */
public record GroupOrderClosed(UUID orderId, String communityId, int households, long orderedCents, Instant at) {
}
