package org.liandong.volunteer;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A task was given to a volunteer or a team (created, or handed to someone else); the notice module tells
 * them. Exactly one of {@code volunteerId} and {@code teamId} is set.
 */
public record VolunteerTaskAssigned(UUID taskId, String communityId, TaskKind kind, String title,
                                    @Nullable UUID volunteerId, @Nullable UUID teamId, @Nullable Instant due,
                                    Instant at) {
}
