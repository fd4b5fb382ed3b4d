package org.liandong.volunteer.attendance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.UUID;
import org.liandong.platform.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * Signs a check-in point's QR code for one day: a keyed hash of the point, its own secret and the date.
 * Yesterday's printout, another point's code or a changed URL do not verify.
 */
@Component
class CheckInCodes {

    private final PersonalDataCipher keys;

    CheckInCodes(PersonalDataCipher keys) {
        this.keys = keys;
    }

    String sign(UUID pointId, String pointSecret, LocalDate day) {
        return keys.blindIndex("checkin|" + pointId + "|" + day + "|" + pointSecret).substring(0, 32);
    }

    boolean valid(UUID pointId, String pointSecret, LocalDate day, String signature) {
        var expected = sign(pointId, pointSecret, day);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
