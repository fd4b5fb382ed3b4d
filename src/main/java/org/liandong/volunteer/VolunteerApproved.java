package org.liandong.volunteer;

import java.time.Instant;
import java.util.UUID;

/** A vetted applicant became a volunteer of a community (and got an account). */
public record VolunteerApproved(UUID volunteerId, UUID applicationId, String communityId, Instant at) {
}
