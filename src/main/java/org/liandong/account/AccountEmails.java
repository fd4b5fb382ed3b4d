package org.liandong.account;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's optional e-mail address, for notifications by e-mail. Stored encrypted like ID numbers,
 * shown masked ({@code w***@example.org}); only the outbox reads it in full, to send.
 */
@Service
public class AccountEmails {

    /** local@domain.tld with the characters mail servers accept; no spaces, no quotes, no IP literals. */
    private static final Pattern FORMAT = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    AccountEmails(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** The address in its stored form (domain in lower case), or a problem {@code account.email.invalid}. */
    public static String check(@Nullable String email) {
        var e = email == null ? "" : email.strip();
        var at = e.lastIndexOf('@');
        if (e.length() > 254 || at < 1 || at > 64 || !FORMAT.matcher(e).matches()) {
            throw new InvalidValueException("account.email.invalid");
        }
        return e.substring(0, at + 1) + e.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** {@code wang.lijuan@example.org} becomes {@code w***@example.org}. */
    public static String mask(String email) {
        var at = email.lastIndexOf('@');
        return at < 1 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    /** Sets the address (checked) or removes it (blank). */
    @Transactional
    public void set(UUID userId, @Nullable String email) {
        var stored = email == null || email.isBlank() ? null : cipher.encrypt(check(email));
        var changed = jdbc.sql("update user_account set email = :e where id = :id").param("e", stored)
                .param("id", userId).update();
        if (changed != 1) {
            throw new InvalidValueException("error.not-found");
        }
    }

    public Optional<String> masked(UUID userId) {
        return of(userId).map(AccountEmails::mask);
    }

    /** The address in full, for sending. */
    public Optional<String> of(UUID userId) {
        return jdbc.sql("select email from user_account where id = :id and email is not null").param("id", userId)
                .query(String.class).optional().map(cipher::decrypt);
    }

    /** The addresses of those of these accounts that have one and are enabled, for sending. */
    public Map<UUID, String> of(Collection<UUID> userIds) {
        var out = new HashMap<UUID, String>();
        var ids = List.copyOf(userIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            jdbc.sql("select id, email from user_account where id in (:ids) and email is not null and enabled = true")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
                    .query(rs -> {
                        out.put(rs.getObject(1, UUID.class), cipher.decrypt(rs.getString(2)));
                    });
        }
        return out;
    }
}
