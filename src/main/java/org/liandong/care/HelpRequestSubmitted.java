package org.liandong.care;

import java.time.Instant;
import java.util.UUID;

/** A household asked for help (the notice module may tell the community's staff). */
public record HelpRequestSubmitted(UUID requestId, String communityId, HelpKind kind, Urgency urgency, Instant at) {
}
