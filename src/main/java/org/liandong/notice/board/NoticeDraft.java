package org.liandong.notice.board;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.VulnerabilityKind;
import org.liandong.notice.Audience;
import org.liandong.notice.NoticeCategory;

/**
 * A notice before it is published. {@code communityId} is the community (for STREET: any community of the
 * street); {@code buildingGroupId}, {@code vulnerability} and {@code teamId} narrow the audience.
 */
public record NoticeDraft(Audience audience, String communityId, @Nullable UUID buildingGroupId,
                          @Nullable VulnerabilityKind vulnerability, @Nullable UUID teamId, NoticeCategory category,
                          String title, String body, boolean pinned, @Nullable LocalDate expires,
                          List<NoticeFile> files) {

    public NoticeDraft {
        files = List.copyOf(files);
    }

    public NoticeDraft withBody(String body) {
        return new NoticeDraft(audience, communityId, buildingGroupId, vulnerability, teamId, category, title, body,
                pinned, expires, files);
    }
}
