package org.liandong.volunteer.roster;

import java.util.Locale;

/** What a post is: a gate, a pick-up point for supplies, a hotline, or something else the community needs. */
public enum PostKind {
    GATE, PICKUP_POINT, HOTLINE, OTHER;

    public String messageKey() {
        return "roster.post.kind." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
