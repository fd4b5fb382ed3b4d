package org.liandong.volunteer.recognition;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Points for hours served and tasks done, and the level (新芽, 骨干, 标兵 …) they reach. */
@Component
public class Recognition {

    public record Level(String code, int threshold) {

        public String messageKey() {
            return "volunteer.level." + code;
        }
    }

    /** Where a volunteer stands: points, level, the next level and how many points are missing to it. */
    public record Standing(int points, Level level, @Nullable Level next, int toNext) {
    }

    private final int perHour;
    private final int perTask;
    private final List<Level> levels;

    public Recognition(PointsSettings settings) {
        this.perHour = Objects.requireNonNull(settings.perHour());
        this.perTask = Objects.requireNonNull(settings.perTask());
        if (perHour < 0 || perTask < 0) {
            throw new IllegalArgumentException("points per hour and per task cannot be negative");
        }
        this.levels = Objects.requireNonNull(settings.levels()).entrySet().stream()
                .map(e -> new Level(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(Level::threshold)).toList();
        if (levels.get(0).threshold() > 0) {
            throw new IllegalArgumentException("the first level must start at 0 points");
        }
    }

    /** Whole points: hours are counted by the minute, so 30 minutes earn half the points of an hour. */
    public int points(int minutes, int tasksDone) {
        return Math.max(0, minutes) * perHour / 60 + Math.max(0, tasksDone) * perTask;
    }

    public Standing standing(int minutes, int tasksDone) {
        var points = points(minutes, tasksDone);
        var level = levels.get(0);
        Level next = null;
        for (var candidate : levels) {
            if (candidate.threshold() <= points) {
                level = candidate;
            } else {
                next = candidate;
                break;
            }
        }
        return new Standing(points, level, next, next == null ? 0 : next.threshold() - points);
    }

    public List<Level> levels() {
        return levels;
    }
}
