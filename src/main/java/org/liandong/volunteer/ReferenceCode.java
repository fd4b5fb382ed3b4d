package org.liandong.volunteer;

import java.security.SecureRandom;

/**
 * The code an applicant keeps to look up their application with their phone: 8 characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), about 2^39 combinations.
 */
final class ReferenceCode {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReferenceCode() {
    }

    static String next() {
        var b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** As people type it back: spaces and dashes dropped, lower case accepted, O read as 0 is not possible. */
    static String normalise(String text) {
        return text == null ? "" : text.strip().replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }
}
