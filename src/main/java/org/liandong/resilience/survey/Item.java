package org.liandong.resilience.survey;

import org.jspecify.annotations.Nullable;
import org.liandong.resilience.Dimension;

/**
 * One survey item. Liandong's own items carry their dimension and social-capital element and their text lives in
 * the bundle ({@code resilience.item.<id>}); a loaded instrument's items know only their factor, and a label
 * only where the licence lets the administrator keep it here.
 */
public record Item(String id, int position, String factor, @Nullable Dimension dimension,
                   @Nullable SocialCapital element, boolean pulse, @Nullable String label) {

    public String textKey() {
        return "resilience.item." + id;
    }
}
