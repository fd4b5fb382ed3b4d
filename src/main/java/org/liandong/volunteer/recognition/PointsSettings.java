package org.liandong.volunteer.recognition;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code liandong.volunteer.points.per-hour}, {@code per-task} and {@code levels} (level code → the points
 * from which it is reached; each code has a text {@code volunteer.level.<code>}).
 */
@ConfigurationProperties("liandong.volunteer.points")
public record PointsSettings(@Nullable Integer perHour, @Nullable Integer perTask,
                             @Nullable Map<String, Integer> levels) {

    public static final Map<String, Integer> DEFAULT_LEVELS = Map.of("sprout", 0, "backbone", 100, "model", 300);

    public PointsSettings {
        perHour = perHour == null ? 10 : perHour;
        perTask = perTask == null ? 5 : perTask;
        levels = levels == null || levels.isEmpty() ? DEFAULT_LEVELS : Map.copyOf(levels);
    }
}
