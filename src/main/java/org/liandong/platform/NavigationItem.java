package org.liandong.platform;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A link in the main navigation. Each module declares its own as beans; the layout shows those meant for
 * the signed-in person's roles, in order. Items with a {@code group} (say "volunteers") share one entry in the
 * top bar when the person sees many links; the group's items then show in a second bar while one of them is open.
 */
public record NavigationItem(String messageKey, String href, Set<Role> roles, int order, @Nullable String group) {

    public NavigationItem {
        roles = Set.copyOf(roles);
    }

    /** A link of its own in the top bar. */
    public NavigationItem(String messageKey, String href, Set<Role> roles, int order) {
        this(messageKey, href, roles, order, null);
    }

    public boolean shownTo(Role role) {
        return roles.contains(role);
    }

    public boolean shownTo(java.util.Collection<Role> held) {
        return held.stream().anyMatch(roles::contains);
    }

    /** Whether this link leads to the page at {@code path} or to a page under it. */
    public boolean leadsTo(@Nullable String path) {
        return path != null && (path.equals(href) || !href.equals("/") && path.startsWith(href));
    }
}
