package org.liandong.notice;

import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;

/** The community a staff page works on: the one asked for, else the first of the person's scope (none: 404). */
public final class ChosenCommunity {

    private ChosenCommunity() {
    }

    public static String of(Places places, LiandongUser me, @Nullable String requested) {
        var communities = places.communities(me.scope());
        if (communities.isEmpty()) {
            throw new OutOfScopeException();
        }
        return requested == null ? communities.getFirst().id() : requested;
    }
}
