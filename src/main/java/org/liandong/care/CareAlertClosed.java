package org.liandong.care;

import java.time.Instant;
import java.util.UUID;

/** An alert was dealt with. */
public record CareAlertClosed(UUID alertId, String communityId, String kind, Instant at) {
}
