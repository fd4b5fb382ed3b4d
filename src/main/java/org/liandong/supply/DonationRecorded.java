package org.liandong.supply;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A donation was entered into a street's ledger (for a community, or for the street as a whole). */
public record DonationRecorded(UUID entryId, String streetId, @Nullable String communityId) {
}
