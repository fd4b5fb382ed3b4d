package org.liandong.notice.cap;

import org.jspecify.annotations.Nullable;

/** An alert as staff type it: CAP's closed choices, and each text in Chinese and English. */
public record AlertForm(@Nullable String community, @Nullable String audience, @Nullable String category,
                        @Nullable String urgency, @Nullable String severity, @Nullable String certainty,
                        @Nullable String eventZh, @Nullable String eventEn, @Nullable String headlineZh,
                        @Nullable String headlineEn, @Nullable String descriptionZh, @Nullable String descriptionEn,
                        @Nullable String instructionZh, @Nullable String instructionEn, @Nullable String expires) {

    public static AlertForm empty(String community) {
        return new AlertForm(community, "COMMUNITY", "Health", "Expected", "Moderate", "Likely", null, null, null, null,
                null, null, null, null, null);
    }

    public boolean is(@Nullable String field, String value) {
        return value.equals(field);
    }
}
