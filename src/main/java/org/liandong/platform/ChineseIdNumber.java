package org.liandong.platform;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * A mainland resident identity number (GB 11643-1999): 17 digits and a check digit (0-9 or X).
 * Only valid numbers can be constructed; {@link #check(String, LocalDate)} tells why one is not.
 */
public record ChineseIdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    /** First two digits: provinces of the mainland, plus 81–83 (residence permits of HK, Macao, Taiwan). */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31",
            "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65", "71", "81", "82", "83");

    /** Why a text is not a valid identity number; each has a message key {@code id.error.<name>}. */
    public enum Problem { EMPTY, LENGTH, FORMAT, REGION, BIRTH_DATE, CHECK_DIGIT }

    public ChineseIdNumber {
        var problem = check(value, LocalDate.MAX);
        if (problem != null) {
            throw new IllegalArgumentException("invalid identity number: " + problem);
        }
    }

    /** Normalises (trims, upper-cases x) and validates against {@code today}. */
    public static ChineseIdNumber parse(String text, LocalDate today) {
        var normal = normalise(text);
        var problem = check(normal, today);
        if (problem != null) {
            throw new InvalidValueException("id.error." + problem.name().toLowerCase(Locale.ROOT));
        }
        return new ChineseIdNumber(normal);
    }

    public static String normalise(String text) {
        return text == null ? "" : text.strip().replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** @return the first problem found, or {@code null} when the number is valid. */
    public static Problem check(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return Problem.EMPTY;
        }
        if (text.length() != 18) {
            return Problem.LENGTH;
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(text.charAt(i))) {
                return Problem.FORMAT;
            }
        }
        char last = text.charAt(17);
        if (!isAsciiDigit(last) && last != 'X') {
            return Problem.FORMAT;
        }
        if (!PROVINCES.contains(text.substring(0, 2))) {
            return Problem.REGION;
        }
        var birth = birthDateOf(text);
        if (birth == null || birth.getYear() < 1850 || birth.isAfter(today)) {
            return Problem.BIRTH_DATE;
        }
        if (checkDigit(text.substring(0, 17)) != last) {
            return Problem.CHECK_DIGIT;
        }
        return null;
    }

    /** Builds a number from its parts: a six-digit region code, the birth date and a three-digit sequence. */
    public static ChineseIdNumber of(String region, LocalDate birthDate, int sequence) {
        var body = region + String.format(Locale.ROOT, "%04d%02d%02d%03d", birthDate.getYear(),
                birthDate.getMonthValue(), birthDate.getDayOfMonth(), sequence);
        return new ChineseIdNumber(body + checkDigit(body));
    }

    public static char checkDigit(String body17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static LocalDate birthDateOf(String text) {
        try {
            return LocalDate.of(Integer.parseInt(text.substring(6, 10)), Integer.parseInt(text.substring(10, 12)),
                    Integer.parseInt(text.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public LocalDate birthDate() {
        return birthDateOf(value);
    }

    /** The 17th digit is odd for men and even for women. */
    public boolean male() {
        return (value.charAt(16) - '0') % 2 == 1;
    }

    /** The last four characters, kept in the clear so staff can search by them. */
    public String tail() {
        return value.substring(14);
    }

    public String masked() {
        return Masked.idNumber(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
