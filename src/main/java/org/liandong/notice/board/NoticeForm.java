package org.liandong.notice.board;

import org.jspecify.annotations.Nullable;

/** What staff typed into the notice form, kept as text so a refused form comes back as it was. */
public record NoticeForm(@Nullable String community, @Nullable String audience, @Nullable String buildingGroup,
                         @Nullable String vulnerability, @Nullable String team, @Nullable String category,
                         @Nullable String title, @Nullable String body, @Nullable Boolean pinned,
                         @Nullable String expires) {

    public static NoticeForm empty(String community) {
        return new NoticeForm(community, "COMMUNITY", null, null, null, "POLICY", null, null, false, null);
    }

    public boolean pin() {
        return Boolean.TRUE.equals(pinned);
    }

    public boolean is(@Nullable String field, String value) {
        return value.equals(field);
    }
}
