package org.liandong.platform;

import java.util.Set;

/**
 * A link in the main navigation. Each module declares its own as beans; the layout shows those meant for
 * the signed-in person's role, in order.
 */
public record NavigationItem(String messageKey, String href, Set<Role> roles, int order) {

    public NavigationItem {
        roles = Set.copyOf(roles);
    }

    public boolean shownTo(Role role) {
        return roles.contains(role);
    }

    public boolean shownTo(java.util.Collection<Role> held) {
        return held.stream().anyMatch(roles::contains);
    }
}
