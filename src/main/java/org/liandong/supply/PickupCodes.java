package org.liandong.supply;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.UUID;
import org.liandong.platform.PersonalDataCipher;

/**
 * Signs a reservation's pickup code: a keyed hash of the reservation, its round and the round's own secret.
 * The QR code carries the full signature; people read out its first ten characters.
 */
final class PickupCodes {

    static final int SHORT_LENGTH = 10;

    private final PersonalDataCipher keys;

    PickupCodes(PersonalDataCipher keys) {
        this.keys = keys;
    }

    String sign(UUID reservationId, UUID roundId, String roundSecret) {
        return keys.blindIndex("supply|" + reservationId + "|" + roundId + "|" + roundSecret).substring(0, 32);
    }

    boolean valid(UUID reservationId, UUID roundId, String roundSecret, String signature) {
        var expected = sign(reservationId, roundId, roundSecret);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** The ten characters a person reads out, upper case. */
    static String shortCode(String signature) {
        return signature.substring(0, SHORT_LENGTH).toUpperCase(Locale.ROOT);
    }

    /** What people type: spaces, dashes and case do not matter. */
    static String normalise(String typed) {
        return typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    static String grouped(String shortCode) {
        return shortCode.length() == SHORT_LENGTH ? shortCode.substring(0, 5) + "-" + shortCode.substring(5) : shortCode;
    }
}
