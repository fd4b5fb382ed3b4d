package org.liandong.platform;

/** How personal data is shown when the viewer has not asked, and been audited, to see it in full. */
public final class Masked {

    private Masked() {
    }

    /** {@code 310104199001011234} becomes {@code 3101**********1234}. */
    public static String idNumber(String value) {
        if (value == null || value.length() < 8) {
            return "****";
        }
        return value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
    }

    /** {@code 13812345678} becomes {@code 138****5678}. */
    public static String phone(String value) {
        if (value == null || value.length() < 7) {
            return "****";
        }
        return value.substring(0, 3) + "****" + value.substring(value.length() - 4);
    }

    /** A name keeps its first character: {@code 王秀英} becomes {@code 王**}. */
    public static String name(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        int first = value.offsetByCodePoints(0, 1);
        return value.substring(0, first) + "*".repeat(Math.max(1, value.codePointCount(first, value.length())));
    }
}
