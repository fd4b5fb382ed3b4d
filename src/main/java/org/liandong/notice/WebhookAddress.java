package org.liandong.notice;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.liandong.platform.InvalidValueException;

/** A group robot's address: an absolute http(s) URL of reasonable length, nothing else. */
public final class WebhookAddress {

    private WebhookAddress() {
    }

    public static String check(String url) {
        var u = url == null ? "" : url.strip();
        if (u.isEmpty() || u.length() > 500) {
            throw new InvalidValueException("notice.error.webhook-url");
        }
        try {
            var uri = new URI(u);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new InvalidValueException("notice.error.webhook-url");
            }
        } catch (URISyntaxException e) {
            throw new InvalidValueException("notice.error.webhook-url");
        }
        return u;
    }
}
