package org.liandong.volunteer.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.liandong.platform.PersonalDataCipher;

class VolunteerServiceCheckInCodeUnitTests {

    static PersonalDataCipher keys() {
        var random = new SecureRandom();
        var a = new byte[32];
        var b = new byte[32];
        random.nextBytes(a);
        random.nextBytes(b);
        return new PersonalDataCipher(a, b);
    }

    CheckInCodes codes = new CheckInCodes(keys());
    UUID point = UUID.randomUUID();
    String secret = "s3cr3t";
    LocalDate today = LocalDate.of(2026, 11, 22);

    @Test
    void todaysCodeForThisPointVerifies() {
        var signature = codes.sign(point, secret, today);
        assertThat(signature).hasSize(32);
        assertThat(codes.valid(point, secret, today, signature)).isTrue();
    }

    @Test
    void anotherDayAnotherPointOrATamperedCodeIsRefused() {
        var signature = codes.sign(point, secret, today);
        assertThat(codes.valid(point, secret, today.minusDays(1), signature)).isFalse();
        assertThat(codes.valid(UUID.randomUUID(), secret, today, signature)).isFalse();
        assertThat(codes.valid(point, "other-secret", today, signature)).isFalse();
        var tampered = (signature.charAt(0) == 'a' ? 'b' : 'a') + signature.substring(1);
        assertThat(codes.valid(point, secret, today, tampered)).isFalse();
        assertThat(codes.valid(point, secret, today, "")).isFalse();
        assertThat(codes.sign(point, secret, today.minusDays(1))).isNotEqualTo(signature);
    }

    @Test
    void anotherKeyGivesAnotherCode() {
        assertThat(new CheckInCodes(keys()).sign(point, secret, today)).isNotEqualTo(codes.sign(point, secret, today));
    }
}
