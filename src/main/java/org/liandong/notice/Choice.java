package org.liandong.notice;

import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;

/** One of a closed list of values chosen in a form; anything else is refused with the given message. */
public final class Choice {

    private Choice() {
    }

    public static <E extends Enum<E>> E of(Class<E> type, @Nullable String value, String problemKey) {
        try {
            return Enum.valueOf(type, value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(problemKey);
        }
    }
}
