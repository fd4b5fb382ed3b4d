package org.liandong.volunteer;

import java.time.Instant;
import java.util.UUID;

/** A volunteer took a task on (care shows the help request behind it as in progress). */
public record VolunteerTaskAccepted(UUID taskId, UUID volunteerId, String communityId, Instant at) {
}
