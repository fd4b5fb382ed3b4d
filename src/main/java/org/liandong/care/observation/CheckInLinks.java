package org.liandong.care.observation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * The check-in code of a home observation: the case id, the code's version and a keyed hash of both (HMAC-SHA-256
 * with the platform's hash key, as the supply pickup codes). The resident's phone or mini-program holds it and sends
 * it with every check-in, so the check-in API needs no account and no session lookup; it lets its holder add
 * check-ins to that one case and read nothing.
 *
 * <p>Staff rotate a code (a phone was lost, the code was passed around) by raising the case's
 * {@code code_version}; the version travels in the code, and {@link CheckInWriter} inserts only when it is the
 * case's current one — so rotation costs no extra database read per check-in. Version 1 keeps the original form
 * {@code <id>.<signature>}, so codes handed out before rotation existed still work until the first rotation;
 * later versions read {@code <id>.<version>.<signature>}.
 */
@Component
public class CheckInLinks {

    /** The case a well-formed, correctly signed code names, and which version of its code it is. */
    public record Code(UUID observationId, int version) {
    }

    /** Where a resident's phone opens the check-in page of a code (no sign-in). */
    public static final String PAGE = "/care/c/";

    private static final int SIGNATURE_LENGTH = 32;
    private static final int ID_LENGTH = 36;

    private final PersonalDataCipher keys;

    CheckInLinks(PersonalDataCipher keys) {
        this.keys = keys;
    }

    public String code(UUID observationId, int version) {
        if (version < 1) {
            throw new IllegalArgumentException("check-in code versions start at 1");
        }
        return version == 1 ? observationId + "." + signature(observationId, 1)
                : observationId + "." + version + "." + signature(observationId, version);
    }

    /** The case and version a code names, if the code is well formed and its signature right. */
    public Optional<Code> verify(@Nullable String code) {
        if (code == null || code.length() < ID_LENGTH + 1 + SIGNATURE_LENGTH || code.length() > 90
                || code.charAt(ID_LENGTH) != '.') {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(code.substring(0, ID_LENGTH));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        var rest = code.substring(ID_LENGTH + 1);
        var version = 1;
        var dot = rest.indexOf('.');
        if (dot >= 0) {
            version = version(rest.substring(0, dot));
            rest = rest.substring(dot + 1);
            if (version < 2) { // version 1 is only ever written without its number
                return Optional.empty();
            }
        }
        if (rest.length() != SIGNATURE_LENGTH) {
            return Optional.empty();
        }
        var ok = MessageDigest.isEqual(signature(id, version).getBytes(StandardCharsets.US_ASCII),
                rest.getBytes(StandardCharsets.US_ASCII));
        return ok ? Optional.of(new Code(id, version)) : Optional.empty();
    }

    private static int version(String digits) {
        if (digits.isEmpty() || digits.length() > 6) {
            return -1;
        }
        for (var i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(digits);
    }

    private String signature(UUID observationId, int version) {
        var payload = version == 1 ? "care-checkin|" + observationId : "care-checkin|" + observationId + "|" + version;
        return keys.blindIndex(payload).substring(0, SIGNATURE_LENGTH);
    }
}
