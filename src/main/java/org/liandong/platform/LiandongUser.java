package org.liandong.platform;

import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in person as every module sees them. The account module supplies the implementation;
 * modules ask it for the scope, never for account internals.
 */
public interface LiandongUser {

    UUID userId();

    String displayName();

    Role role();

    /** Every role held: the main one and any added later (a resident approved as a volunteer). */
    default java.util.Set<Role> roles() {
        return java.util.Set.of(role());
    }

    default boolean holds(Role role) {
        return roles().contains(role);
    }

    AccessScope scope();

    /** The household a resident has claimed and staff have confirmed. */
    Optional<UUID> householdId();
}
