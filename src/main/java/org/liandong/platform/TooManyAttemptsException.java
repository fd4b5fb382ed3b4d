package org.liandong.platform;

/** Someone tried a public form too often; they may try again after {@code minutes}. */
public class TooManyAttemptsException extends RuntimeException {

    private final long minutes;

    public TooManyAttemptsException(long minutes) {
        super("too many attempts; retry in " + minutes + " min");
        this.minutes = minutes;
    }

    public long minutes() {
        return minutes;
    }
}
