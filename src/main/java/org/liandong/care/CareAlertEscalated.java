package org.liandong.care;

import java.time.Instant;
import java.util.UUID;

/** Nobody acted on an alert before its deadline: the supervisors (street admins) must now. */
public record CareAlertEscalated(UUID alertId, String communityId, String kind, Instant at) {
}
