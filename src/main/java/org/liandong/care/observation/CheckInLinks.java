package org.liandong.care.observation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * The check-in code of a home observation: the case id and a keyed hash of it (HMAC-SHA-256 with the
 * platform's hash key, as the supply pickup codes). The resident's phone or mini-program holds it and sends it
 * with every check-in, so the check-in API needs no account and no session lookup; it lets its holder add
 * check-ins to that one case and read nothing.
 */
@Component
public class CheckInLinks {

    private static final int SIGNATURE_LENGTH = 32;

    private final PersonalDataCipher keys;

    CheckInLinks(PersonalDataCipher keys) {
        this.keys = keys;
    }

    public String code(UUID observationId) {
        return observationId + "." + signature(observationId);
    }

    /** The case a code names, if the code is well formed and its signature right. */
    public Optional<UUID> verify(@Nullable String code) {
        if (code == null || code.length() != 36 + 1 + SIGNATURE_LENGTH || code.charAt(36) != '.') {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(code.substring(0, 36));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        var ok = MessageDigest.isEqual(signature(id).getBytes(StandardCharsets.US_ASCII),
                code.substring(37).getBytes(StandardCharsets.US_ASCII));
        return ok ? Optional.of(id) : Optional.empty();
    }

    private String signature(UUID observationId) {
        return keys.blindIndex("care-checkin|" + observationId).substring(0, SIGNATURE_LENGTH);
    }
}
