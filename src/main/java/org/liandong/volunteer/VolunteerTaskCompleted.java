package org.liandong.volunteer;

import java.time.Instant;
import java.util.UUID;

/** A volunteer finished a task (care and supply listen to close what they asked for). */
public record VolunteerTaskCompleted(UUID taskId, UUID volunteerId, String communityId, TaskKind kind, Instant at) {
}
