package org.liandong.volunteer.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.liandong.volunteer.QrCode;
import org.liandong.volunteer.QrCodes;

/** Pass codes of every shape come back out of their QR image exactly. */
class QrCodeUnitTests {

    @Test
    void everyRandomPassAddressRoundTrips() throws Exception {
        var random = new SecureRandom();
        for (int i = 0; i < 200; i++) {
            var bytes = new byte[18];
            random.nextBytes(bytes);
            var url = "http://localhost:8080/gate/scan?t=" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            var text = QrCodes.decode(QrCode.png(url, 360));
            assertThat(text).isEqualTo(url);
        }
    }
}
