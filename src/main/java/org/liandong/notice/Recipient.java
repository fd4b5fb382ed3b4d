package org.liandong.notice;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.PhoneNumber;

/** Who receives a notification on which channel: a user or household in-app, or an address elsewhere. */
public record Recipient(Channel channel, @Nullable UUID userId, @Nullable UUID householdId, @Nullable String address) {

    public static Recipient user(UUID userId) {
        return new Recipient(Channel.IN_APP, userId, null, null);
    }

    /** Every account linked to the household sees it; one read by any of them counts for the household. */
    public static Recipient household(UUID householdId) {
        return new Recipient(Channel.IN_APP, null, householdId, null);
    }

    public static Recipient email(String address) {
        var a = address.strip();
        if (a.length() > 200 || !a.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidValueException("notice.error.email");
        }
        return new Recipient(Channel.EMAIL, null, null, a);
    }

    public static Recipient sms(String phone) {
        return new Recipient(Channel.SMS, null, null, PhoneNumber.parse(phone).value());
    }

    public static Recipient webhook(String url) {
        return new Recipient(Channel.WEBHOOK, null, null, WebhookAddress.check(url));
    }
}
