package org.liandong.platform.web;

import tools.jackson.core.io.JsonStringEncoder;

/**
 * JSON strings for the few answers written as text rather than through the JSON converter: the reservation API in a
 * rush and the check-in API, where finding and running the converter for a handful of fields cost more of the server
 * than the work itself (bench/rush.sh, bench/checkins.sh).
 */
public final class JsonText {

    private JsonText() {
    }

    /** {@code value} as a quoted JSON string, escaped by Jackson. */
    public static String quoted(String value) {
        var out = new StringBuilder(value.length() + 8).append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, out);
        return out.append('"').toString();
    }
}
