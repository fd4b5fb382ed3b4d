package org.liandong.care;

import java.time.Instant;
import java.util.UUID;

/** Help arrived: the volunteer finished the task behind the request (indicators count time to help). */
public record HelpRequestCompleted(UUID requestId, String communityId, HelpKind kind, Instant filedAt, Instant at) {
}
