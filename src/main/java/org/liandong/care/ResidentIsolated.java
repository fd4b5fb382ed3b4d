package org.liandong.care;

import java.time.Instant;
import java.util.UUID;

/**
 * A resident can no longer look after anyone: under home observation, taken to hospital, or unreachable.
 * Care flags everyone they care for; the notice module may inform the building-group leader.
 */
public record ResidentIsolated(UUID residentId, String communityId, Reason reason, Instant at) {

    public enum Reason { OBSERVATION, HOSPITAL, UNREACHABLE }
}
