package org.liandong.notice.casenotice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendUnitTests {

    static List<BigDecimal> t(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void firstAgainstLastWithAMargin() {
        assertThat(Trend.of(t("38.6", "38.2", "37.5"))).isEqualTo(Trend.FALLING);
        assertThat(Trend.of(t("37.0", "37.8"))).isEqualTo(Trend.RISING);
        assertThat(Trend.of(t("37.0", "37.3"))).isEqualTo(Trend.STABLE);
        assertThat(Trend.of(t("37.0"))).isEqualTo(Trend.UNKNOWN);
        assertThat(Trend.of(List.of())).isEqualTo(Trend.UNKNOWN);
    }
}
