package org.liandong.supply;

import java.time.Instant;
import java.util.UUID;

/** A vulnerable household's share was delivered to its door, confirmed by the person who brought it. */
public record DeliveryConfirmed(UUID roundId, UUID reservationId, String communityId, Instant at) {
}
