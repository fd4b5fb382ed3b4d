package org.liandong.notice;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What to tell whom. {@code kind} names the cause (NOTICE, ALERT, TASK, CARE_ALERT…); {@code subjectRef}
 * points at the business object; {@code link} is a path in Liandong; a {@code dedupeKey} makes enqueueing
 * the same fact twice (an event handled again after a crash) a no-op.
 */
public record Notification(String kind, @Nullable String communityId, @Nullable String subjectRef, String title,
                           String body, @Nullable String link, @Nullable String dedupeKey, List<Recipient> recipients) {

    public Notification {
        recipients = List.copyOf(recipients);
    }

    public static Notification of(String kind, String title, String body, List<Recipient> recipients) {
        return new Notification(kind, null, null, title, body, null, null, recipients);
    }

    public Notification in(@Nullable String communityId) {
        return new Notification(kind, communityId, subjectRef, title, body, link, dedupeKey, recipients);
    }

    public Notification about(@Nullable String subjectRef, @Nullable String link) {
        return new Notification(kind, communityId, subjectRef, title, body, link, dedupeKey, recipients);
    }

    public Notification once(@Nullable String dedupeKey) {
        return new Notification(kind, communityId, subjectRef, title, body, link, dedupeKey, recipients);
    }
}
