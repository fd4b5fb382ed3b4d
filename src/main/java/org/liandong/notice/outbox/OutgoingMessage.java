package org.liandong.notice.outbox;

import org.jspecify.annotations.Nullable;
import org.liandong.notice.Channel;

/** One delivery as a channel sends it: where to, what, and the key that makes a repeat recognisable. */
record OutgoingMessage(String idempotencyKey, Channel channel, String address, String title, String body,
                       @Nullable String link) {

    /** Title, body and link as one text, for channels without a subject line. */
    String text(String baseUrl) {
        return title + "\n" + bodyWithLink(baseUrl);
    }

    String bodyWithLink(String baseUrl) {
        return link == null ? body : body + "\n" + baseUrl + link;
    }
}
