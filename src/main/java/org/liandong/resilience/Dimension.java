package org.liandong.resilience;

import java.util.Locale;

/**
 * The three dimensions of community resilience in the source study (DOMAIN.md, item 10): psychological (from panic
 * to trust), organisational (from isolation to cooperation) and cultural (from exclusion to inclusion).
 */
public enum Dimension {
    PSYCHOLOGICAL,
    ORGANISATIONAL,
    CULTURAL;

    public String messageKey() {
        return "resilience.dimension." + name().toLowerCase(Locale.ROOT);
    }
}
