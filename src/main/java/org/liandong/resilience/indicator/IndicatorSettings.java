package org.liandong.resilience.indicator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code liandong.resilience.indicator.min-denominator}: a reading whose denominator is below this is suppressed
 * (shown as "fewer than n", no value, no score), so that a handful of households never stands for a community.
 */
@ConfigurationProperties("liandong.resilience.indicator")
public record IndicatorSettings(@DefaultValue("30") int minDenominator) {
}
