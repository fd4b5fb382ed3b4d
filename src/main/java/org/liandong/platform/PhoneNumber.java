package org.liandong.platform;

import java.util.regex.Pattern;

/**
 * A mainland China mobile number, stored as its 11 digits. The number ranges are those of
 * libphonenumber's CN mobile pattern (v9.0.35, Apache-2.0): 13x, 145/147, 15x but 154, 162/165-167,
 * 17x but 174/179 (except 1740x), 18x, 19x but 194.
 */
public record PhoneNumber(String value) {

    private static final Pattern MOBILE = Pattern.compile(
            "1(?:610\\d|740[0-5])\\d{6}|1(?:[38]\\d|4[57]|[59][0-35-9]|6[25-7]|7[0-35-8])\\d{8}");

    public PhoneNumber {
        if (value == null || !MOBILE.matcher(value).matches()) {
            throw new InvalidValueException("phone.error.format");
        }
    }

    /** Accepts spaces, dashes and a +86 / 0086 prefix, as people write numbers. */
    public static PhoneNumber parse(String text) {
        return new PhoneNumber(normalise(text));
    }

    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        var digits = text.strip().replaceAll("[\\s\\-()]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        return digits;
    }

    public static boolean isValid(String text) {
        return MOBILE.matcher(normalise(text)).matches();
    }

    public String masked() {
        return Masked.phone(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
