package org.liandong.supply;

import java.util.UUID;

/** A household reserved its share of a round (published once, for the reservation that was created). */
public record ReservationConfirmed(UUID roundId, UUID reservationId, UUID householdId, String communityId,
                                   int quantity) {
}
