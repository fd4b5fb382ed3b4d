package org.liandong.volunteer;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A volunteer's or worker's wellbeing check-in came out worrying. The care module's psychological-support
 * path will listen; until then social workers of the community follow it up from their list.
 */
public record WellbeingConcernRaised(UUID checkInId, UUID userId, @Nullable String communityId, String risk,
                                     Instant at) {
}
