package org.liandong.platform;

import java.util.regex.Pattern;

/** A mainland China mobile number, stored as its 11 digits. */
public record PhoneNumber(String value) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

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
