package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PhoneNumberUnitTests {

    record Vector(String number, boolean valid) {
    }

    static List<Vector> vectors() throws Exception {
        var out = new ArrayList<Vector>();
        try (var in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                PhoneNumberUnitTests.class.getResourceAsStream("/vectors/cn_mobile_numbers.csv")),
                StandardCharsets.UTF_8))) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                var f = line.split(",");
                out.add(new Vector(f[0], Boolean.parseBoolean(f[2].toLowerCase())));
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void agreesWithLibphonenumbersMobileRanges(Vector v) {
        assertThat(PhoneNumber.isValid(v.number())).as(v.number()).isEqualTo(v.valid());
    }

    @Test
    void acceptsHowPeopleWriteNumbers() {
        assertThat(PhoneNumber.parse("+86 139-1234-5678").value()).isEqualTo("13912345678");
        assertThat(PhoneNumber.parse("0086 13912345678").value()).isEqualTo("13912345678");
        assertThat(PhoneNumber.parse("13912345678").masked()).isEqualTo("139****5678");
        assertThatThrownBy(() -> PhoneNumber.parse("021-64041234")).isInstanceOf(InvalidValueException.class);
    }
}
