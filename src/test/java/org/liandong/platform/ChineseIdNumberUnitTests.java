package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChineseIdNumberUnitTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    record Vector(String number, boolean valid, String sex, String source) {
        @Override
        public String toString() {
            return number + (valid ? " valid" : " invalid");
        }
    }

    /** Public test vectors (GB 11643 appendix examples and other libraries' suites), copied into test resources. */
    static List<Vector> vectors() throws Exception {
        var out = new ArrayList<Vector>();
        try (var in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                ChineseIdNumberUnitTests.class.getResourceAsStream("/vectors/cn_resident_id_gb11643.csv")),
                StandardCharsets.UTF_8))) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                var f = line.split(",", 10);
                out.add(new Vector(f[0], Boolean.parseBoolean(f[7].toLowerCase()), f[8], f[9]));
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void agreesWithThePublicTestVectors(Vector v) {
        assertThat(ChineseIdNumber.check(ChineseIdNumber.normalise(v.number()), TODAY) == null)
                .as(v.source()).isEqualTo(v.valid());
        if (v.valid()) {
            assertThat(ChineseIdNumber.parse(v.number(), TODAY).male()).isEqualTo("M".equals(v.sex()));
        }
    }

    @Test
    void tellsWhyANumberIsWrong() {
        assertThat(ChineseIdNumber.check("", TODAY)).isEqualTo(ChineseIdNumber.Problem.EMPTY);
        assertThat(ChineseIdNumber.check("31010419900101123", TODAY)).isEqualTo(ChineseIdNumber.Problem.LENGTH);
        assertThat(ChineseIdNumber.check("3101041990010112A4", TODAY)).isEqualTo(ChineseIdNumber.Problem.FORMAT);
        assertThat(ChineseIdNumber.check("９１０１０４１９９００１０１１２３４".substring(0, 18), TODAY))
                .isEqualTo(ChineseIdNumber.Problem.FORMAT);
        var valid = ChineseIdNumber.of("310104", LocalDate.of(1990, 1, 1), 123).value();
        assertThat(ChineseIdNumber.check(valid, TODAY)).isNull();
        var wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        assertThat(ChineseIdNumber.check(wrongCheck, TODAY)).isEqualTo(ChineseIdNumber.Problem.CHECK_DIGIT);
        var future = ChineseIdNumber.of("310104", LocalDate.of(2030, 1, 1), 123).value();
        assertThat(ChineseIdNumber.check(future, TODAY)).isEqualTo(ChineseIdNumber.Problem.BIRTH_DATE);
    }

    @Test
    void buildsValidNumbersFromParts() {
        var id = ChineseIdNumber.of("420102", LocalDate.of(1941, 2, 28), 37);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1941, 2, 28));
        assertThat(id.male()).isTrue();
        assertThat(id.tail()).hasSize(4).isEqualTo(id.value().substring(14));
    }

    @Test
    void masksAllButTheEnds() {
        var id = ChineseIdNumber.of("310104", LocalDate.of(1990, 1, 1), 124);
        assertThat(id.masked()).startsWith("3101").endsWith(id.tail()).contains("**********");
        assertThat(id.toString()).doesNotContain("19900101");
    }

    @Test
    void parseNormalisesAndExplains() {
        var id = ChineseIdNumber.of("310104", LocalDate.of(1985, 5, 5), 1).value();
        var lower = " " + id.toLowerCase() + " ";
        assertThat(ChineseIdNumber.parse(lower, TODAY).value()).isEqualTo(id);
        assertThatThrownBy(() -> ChineseIdNumber.parse("123", TODAY))
                .isInstanceOf(InvalidValueException.class).hasMessage("id.error.length");
    }
}
