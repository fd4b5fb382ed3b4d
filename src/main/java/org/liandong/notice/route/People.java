package org.liandong.notice.route;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.liandong.account.AccountEmails;
import org.liandong.notice.NoticeTime;
import org.liandong.notice.Recipient;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Accounts as recipients (in-app always, e-mail where the person gave an address) and texts in Chinese. */
@Component
class People {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(NoticeTime.ZONE);

    private final AccountEmails emails;
    private final MessageSource messages;

    People(AccountEmails emails, MessageSource messages) {
        this.emails = emails;
        this.messages = messages;
    }

    List<Recipient> inApp(Collection<UUID> userIds) {
        return new LinkedHashSet<>(userIds).stream().map(Recipient::user).toList();
    }

    List<Recipient> byEmail(Collection<UUID> userIds) {
        var out = new ArrayList<Recipient>();
        emails.of(new LinkedHashSet<>(userIds)).values().stream().sorted().forEach(a -> out.add(Recipient.email(a)));
        return out;
    }

    List<Recipient> everyChannel(Collection<UUID> userIds) {
        var out = new ArrayList<>(inApp(userIds));
        out.addAll(byEmail(userIds));
        return out;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, ZH);
    }

    static String when(Instant at) {
        return WHEN.format(at);
    }
}
