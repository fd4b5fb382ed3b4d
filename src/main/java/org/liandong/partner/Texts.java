package org.liandong.partner;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** Checks on the short texts people type into the partner forms. */
final class Texts {

    private static final Pattern UNSAFE = Pattern.compile(".*[<>\\p{Cntrl}&&[^\\n\\r\\t]].*", Pattern.DOTALL);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
    private static final Pattern PHONE = Pattern.compile("1\\d{10}|0\\d{2,3}-?\\d{7,8}(-\\d{1,5})?|[1-9]\\d{4,7}");

    private Texts() {
    }

    /** A required text of at most {@code max} characters; {@code key} names it in the message. */
    static String required(@Nullable String value, int max, String key) {
        var text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > max || UNSAFE.matcher(text).matches()) {
            throw new InvalidValueException("partner.error.text",
                    new DefaultMessageSourceResolvable("partner.field." + key), max);
        }
        return text;
    }

    static @Nullable String optional(@Nullable String value, int max, String key) {
        var text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return null;
        }
        return required(text, max, key);
    }

    static @Nullable String email(@Nullable String value) {
        var text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > 100 || !EMAIL.matcher(text).matches()) {
            throw new InvalidValueException("partner.error.email");
        }
        return text;
    }

    static @Nullable String url(@Nullable String value) {
        var text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > 200 || !URL.matcher(text).matches()) {
            throw new InvalidValueException("partner.error.url");
        }
        return text;
    }

    /** A mobile, a landline with area code (021-12345678) or a short service number (12345, 96110). */
    static @Nullable String phone(@Nullable String value) {
        var text = value == null ? "" : value.strip().replaceAll("[\\s()]", "");
        if (text.startsWith("+86")) {
            text = text.substring(3);
        }
        if (text.isEmpty()) {
            return null;
        }
        if (!PHONE.matcher(text).matches()) {
            throw new InvalidValueException("partner.error.phone");
        }
        return text;
    }

    static int quantity(@Nullable String value) {
        try {
            var n = Integer.parseInt(value == null ? "" : value.strip());
            if (n > 0 && n <= 100_000_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new InvalidValueException("partner.error.quantity");
    }

    static <E extends Enum<E>> E choice(Class<E> type, @Nullable String value) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("partner.error.choice");
        }
    }
}
