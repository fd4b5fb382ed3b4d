package org.liandong.notice;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A notice went out: to how many households and accounts. */
public record NoticePublished(UUID noticeId, String streetId, @Nullable String communityId, NoticeCategory category,
                              Audience audience, int households, int users, Instant at) {
}
