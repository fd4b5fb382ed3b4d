package org.liandong.supply.groupbuy;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A group order opened (for one building group, or the whole community when {@code buildingGroupId} is null). */
public record GroupOrderOpened(UUID orderId, String communityId, @Nullable UUID buildingGroupId, boolean free,
                               Instant at) {
}
