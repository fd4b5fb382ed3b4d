package org.liandong.partner;

import java.time.Instant;
import java.util.UUID;

/**
 * A matched offer reached its community. For goods and money the supply module's donation ledger records it.
 */
public record OfferHandedOver(UUID matchId, UUID offerId, UUID needId, UUID organisationId, String organisationName,
                              String communityId, ResourceKind kind, String item, int quantity, String unit,
                              String receivedBy, Instant at) {
}
