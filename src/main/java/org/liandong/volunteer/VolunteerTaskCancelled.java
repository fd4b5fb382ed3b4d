package org.liandong.volunteer;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A task was cancelled before it was done: by staff on the task pages, or withdrawn by the module that asked for
 * it (care, when nobody accepted it in time). {@code reason} is what the task's history says, if anything.
 */
public record VolunteerTaskCancelled(UUID taskId, String communityId, String byName, @Nullable String reason,
                                     Instant at) {
}
