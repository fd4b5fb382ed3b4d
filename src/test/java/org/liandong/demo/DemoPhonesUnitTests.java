package org.liandong.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.liandong.platform.PhoneNumber;

class DemoPhonesUnitTests {

    /** libphonenumber v9.0.35, territory CN, mobile nationalNumberPattern. */
    private static final Pattern CN_MOBILE = Pattern.compile(
            "1(?:610\\d|740[0-5])\\d{6}|1(?:[38]\\d|4[57]|[59][0-35-9]|6[25-7]|7[0-35-8])\\d{8}");

    @Test
    void numbersAreMobileNumbersAndNeverRepeat() {
        var phones = new DemoPhones(new Random(4));
        var seen = new HashSet<String>();
        for (int i = 0; i < 30_000; i++) {
            var number = phones.next();
            assertThat(number).matches(CN_MOBILE);
            assertThat(PhoneNumber.isValid(number)).isTrue();
            assertThat(seen.add(number)).isTrue();
        }
    }

    @Test
    void numbersInUseAreSkipped() {
        var first = new DemoPhones(new Random(8)).next();
        var used = new HashSet<String>();
        used.add(first);
        assertThat(new DemoPhones(new Random(8), used).next()).isNotEqualTo(first);
        assertThat(used).hasSize(2);
    }
}
