package org.liandong.resilience.survey;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A scored scale: the mean of its items (a cell of the grid, a loaded instrument's factor), or the mean of other
 * scales (a dimension row, an element column, the total). Scored only when at least two-thirds of its parts are.
 *
 * @param labelKey message key of its name, or null for a loaded factor (then {@code label} is the factor's name)
 */
public record Scale(String id, Level level, List<String> parts, @Nullable String labelKey, String label) {

    public enum Level { CELL, FACTOR, DIMENSION, ELEMENT, TOTAL }

    public Scale {
        parts = List.copyOf(parts);
    }

    public boolean ofItems() {
        return level == Level.CELL || level == Level.FACTOR;
    }

    /** Parts needed for a score: two-thirds of them, rounded up. */
    public int needed() {
        return (int) Math.ceil(parts.size() * 2 / 3.0 - 1e-9);
    }
}
