package org.liandong.supply.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;

/** Turns what a form sent into values, or a localised complaint. */
final class Forms {

    private Forms() {
    }

    static @Nullable LocalDateTime dateTime(@Nullable String s, String key) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.strip().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(key);
        }
    }

    static int number(@Nullable String s, String key) {
        try {
            return Integer.parseInt(s == null ? "" : s.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException(key, Integer.MAX_VALUE);
        }
    }

    static long bigNumber(@Nullable String s, String key, long max) {
        try {
            return Long.parseLong(s == null ? "" : s.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException(key, max);
        }
    }
}
