package org.liandong.volunteer;

import java.time.Instant;
import java.util.UUID;

/** A volunteer declined a task, with a reason (care puts the help request behind it back in the queue). */
public record VolunteerTaskDeclined(UUID taskId, UUID volunteerId, String communityId, String reason, Instant at) {
}
