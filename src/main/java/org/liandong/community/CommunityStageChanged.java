package org.liandong.community;

import java.time.Instant;

/** Published when staff switch a community into another stage, e.g. into "respond" at a lockdown. */
public record CommunityStageChanged(String communityId, Stage from, Stage to, String reason, Instant at) {
}
